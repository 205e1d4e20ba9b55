import { checkDeclarations } from './checks';
import { Cursor, StatementAbort, type ParseError } from './cursor';
import { CompileError } from './errors';
import { parseExpression as parseExpressionAt } from './expressions';
import { lex, TokenType, type LexResult } from './lexer';
import { LineIndex } from './lineIndex';
import { Severity, type Comment, type ExpressionParseResult, type ParseResult, type SyntaxDiagnostic } from './parseResult';
import { compileErrorText } from './errors';
import { StatementParser } from './statements';

/**
 * Parses a whole VBScript file. Never throws: every problem becomes a diagnostic with
 * VBScript's error number, and parsing resumes at the next statement (or the matching
 * `End …`/`Next`/`Loop`/`Wend`), so the rest of the file still has a full tree.
 */
export function parse(source: string, fileName?: string): ParseResult {
  const lines = new LineIndex(source);
  const lexed = lex(source);
  const c = new Cursor(lexed.tokens);
  const ast = new StatementParser(c).parseProgram();
  checkDeclarations(ast, c);
  const comments: Comment[] = lexed.comments.map((comment) => ({ ...comment, range: lines.rangeOf(comment) }));
  return {
    ast,
    diagnostics: toDiagnostics(lexed, c.errors, lines),
    comments,
    lines,
    ...(fileName !== undefined ? { fileName } : {}),
  };
}

/** Parses one expression (a watch, a hover, a breakpoint condition). */
export function parseExpression(source: string): ExpressionParseResult {
  const lines = new LineIndex(source);
  const lexed = lex(source);
  const c = new Cursor(lexed.tokens);
  c.skipSeparators();
  let ast = null;
  if (c.token.type !== TokenType.EOF) {
    try {
      ast = parseExpressionAt(c);
      c.skipSeparators();
      if (!c.atStatementEnd()) c.report(CompileError.ExpectedEndOfStatement);
    } catch (e) {
      if (!(e instanceof StatementAbort)) throw e;
    }
  }
  return { ast, diagnostics: toDiagnostics(lexed, c.errors, lines), lines };
}

function toDiagnostics(lexed: LexResult, parseErrors: ParseError[], lines: LineIndex): SyntaxDiagnostic[] {
  // A bad character or string makes the parser complain later on the same line too:
  // keep only the lexer's error, which says why.
  const firstLexErrorOnLine = new Map<number, number>();
  for (const e of lexed.errors) {
    const line = lines.lineAt(e.start);
    if (!firstLexErrorOnLine.has(line)) firstLexErrorOnLine.set(line, e.start);
  }
  const afterLexError = (e: ParseError): boolean => {
    const lexStart = firstLexErrorOnLine.get(lines.lineAt(e.start));
    return lexStart !== undefined && e.start >= lexStart;
  };
  const all = [
    ...lexed.errors.map((e) => ({ code: e.code, message: compileErrorText[e.code], start: e.start, end: e.end })),
    ...parseErrors.filter((e) => !afterLexError(e)),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  return all.map((e) => ({
    message: e.message,
    code: e.code,
    severity: Severity.Error,
    source: 'vbscript' as const,
    range: lines.rangeOf(e),
    start: e.start,
    end: e.end,
  }));
}
