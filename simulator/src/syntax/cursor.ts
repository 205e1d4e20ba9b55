import { compileErrorText, type CompileErrorNumber } from './errors';
import { TokenType, type Token } from './lexer';

/** A compile error found while parsing, before it becomes a diagnostic with a range. */
export interface ParseError {
  code: CompileErrorNumber;
  message: string;
  start: number;
  end: number;
}

/** Thrown to abandon the current statement; the statement loop catches it and resynchronises. */
export class StatementAbort {
  constructor(readonly error: ParseError) {}
}

/**
 * The parser's position in the token list, plus the errors found so far.
 * Statement and expression parsers share one cursor.
 */
export class Cursor {
  pos = 0;
  readonly errors: ParseError[] = [];
  /** Offsets that already carry an error: one mistake, one diagnostic. */
  private readonly reportedAt = new Set<number>();
  /** > 0 inside a one-line `If … Then … Else …`, where `Else` also ends a statement. */
  singleLineIf = 0;

  constructor(readonly tokens: Token[]) {}

  get token(): Token {
    return this.tokens[this.pos];
  }

  peek(offset = 1): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }

  /** The token before the current one (the last one consumed). */
  get previous(): Token {
    return this.tokens[Math.max(0, this.pos - 1)];
  }

  advance(): Token {
    const token = this.tokens[this.pos];
    if (token.type !== TokenType.EOF) this.pos++;
    return token;
  }

  isKeyword(keyword: string, token: Token = this.token): boolean {
    return token.type === TokenType.Keyword && token.text === keyword;
  }

  isPunct(text: string, token: Token = this.token): boolean {
    return token.type === TokenType.Punct && token.text === text;
  }

  eatKeyword(keyword: string): Token | undefined {
    return this.isKeyword(keyword) ? this.advance() : undefined;
  }

  eatPunct(text: string): Token | undefined {
    return this.isPunct(text) ? this.advance() : undefined;
  }

  /** Newline, `:`, end of file, or `Else` inside a one-line If. */
  atStatementEnd(token: Token = this.token): boolean {
    return (
      token.type === TokenType.Newline ||
      token.type === TokenType.Colon ||
      token.type === TokenType.EOF ||
      (this.singleLineIf > 0 && token.type === TokenType.Keyword && token.text === 'else')
    );
  }

  expectKeyword(keyword: string, code: CompileErrorNumber): Token {
    if (this.isKeyword(keyword)) return this.advance();
    throw this.abort(code);
  }

  expectPunct(text: string, code: CompileErrorNumber): Token {
    if (this.isPunct(text)) return this.advance();
    throw this.abort(code);
  }

  /** Records an error at `start..end` (default: the current token) unless one is already there. */
  report(code: CompileErrorNumber, start = this.token.start, end = this.token.end): ParseError {
    const error: ParseError = { code, message: compileErrorText[code], start, end: Math.max(end, start) };
    if (!this.reportedAt.has(start)) {
      this.reportedAt.add(start);
      this.errors.push(error);
    }
    return error;
  }

  /** An error that abandons the current statement. */
  abort(code: CompileErrorNumber, token: Token = this.token): StatementAbort {
    const end = token.type === TokenType.Newline || token.type === TokenType.EOF ? token.start : token.end;
    return new StatementAbort(this.report(code, token.start, end));
  }

  /** Skips to the end of the current line (the statement's separator stays). */
  skipToLineEnd(): void {
    while (this.token.type !== TokenType.Newline && this.token.type !== TokenType.EOF) this.pos++;
  }

  /** Skips newlines and `:` separators. */
  skipSeparators(): void {
    while (this.token.type === TokenType.Newline || this.token.type === TokenType.Colon) this.pos++;
  }
}
