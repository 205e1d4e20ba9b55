import type { NumberKind } from './ast';
import { CompileError, type CompileErrorNumber } from './errors';

export const enum TokenType {
  Identifier,
  Keyword,
  Number,
  String,
  Date,
  /** Operators and punctuation: `( ) , . = <> < > <= >= + - * / \ ^ &`. */
  Punct,
  /** A line break: ends a statement. */
  Newline,
  /** `:` between statements on one line. */
  Colon,
  EOF,
}

export interface Token {
  type: TokenType;
  start: number;
  end: number;
  /**
   * Identifier: the name as written (without brackets). Keyword: lower-cased keyword.
   * Punct: the operator. String: the value. Date: the text between `#`s. Number: the source text.
   */
  text: string;
  /** Whitespace (or a line continuation) separates this token from the previous one. */
  spaceBefore: boolean;
  /** Numbers only. */
  numberValue?: number;
  numberKind?: NumberKind;
  /** Identifiers written as `[name]`. */
  bracketed?: boolean;
}

export interface LexComment {
  text: string;
  kind: 'apostrophe' | 'rem';
  start: number;
  end: number;
}

export interface LexError {
  code: CompileErrorNumber;
  start: number;
  end: number;
}

export interface LexResult {
  tokens: Token[];
  comments: LexComment[];
  errors: LexError[];
}

/** Reserved words. The contextual ones below may also name variables and procedures. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'and', 'byref', 'byval', 'call', 'case', 'class', 'const', 'default', 'dim', 'do', 'each', 'else',
  'elseif', 'empty', 'end', 'eqv', 'erase', 'error', 'exit', 'explicit', 'false', 'for', 'function',
  'get', 'goto', 'if', 'imp', 'in', 'is', 'let', 'loop', 'me', 'mod', 'new', 'next', 'not', 'nothing',
  'null', 'on', 'option', 'or', 'preserve', 'private', 'property', 'public', 'redim', 'rem', 'resume',
  'select', 'set', 'step', 'stop', 'sub', 'then', 'to', 'true', 'until', 'wend', 'while', 'with', 'xor',
]);

/** Keywords that vbscript.dll also accepts as identifiers. */
export const CONTEXTUAL_KEYWORDS: ReadonlySet<string> = new Set(['default', 'error', 'explicit', 'property', 'step']);

const MAX_IDENTIFIER_LENGTH = 255;

const enum Ch {
  Tab = 9,
  LF = 10,
  CR = 13,
  Space = 32,
  Quote = 34,
  Hash = 35,
  Amp = 38,
  Apostrophe = 39,
  LParen = 40,
  RParen = 41,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  Lt = 60,
  Eq = 61,
  Gt = 62,
  LBracket = 91,
  RBracket = 93,
  Underscore = 95,
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000);
}

function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

function isIdentifierPart(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === Ch.Underscore;
}

function isBlank(c: number): boolean {
  // VBScript treats NBSP and the other Unicode blanks an editor may insert as white space too.
  return c === Ch.Space || c === Ch.Tab || c === 0xa0 || c === 0xfeff || c === 11 || c === 12;
}

const SINGLE_PUNCT = new Set(['(', ')', ',', '.', '=', '+', '-', '*', '/', '\\', '^', '&']);

/** Splits VBScript source into tokens. Never throws: problems become `errors`. */
export function lex(source: string): LexResult {
  const tokens: Token[] = [];
  const comments: LexComment[] = [];
  const errors: LexError[] = [];
  const n = source.length;
  let i = 0;
  let spaceBefore = false;

  const push = (type: TokenType, start: number, end: number, text: string): Token => {
    const token: Token = { type, start, end, text, spaceBefore };
    tokens.push(token);
    spaceBefore = false;
    return token;
  };

  const lastToken = (): Token | undefined => tokens[tokens.length - 1];

  while (i < n) {
    const c = source.charCodeAt(i);
    const start = i;

    if (isBlank(c)) {
      i++;
      spaceBefore = true;
      continue;
    }
    if (c === Ch.CR || c === Ch.LF) {
      i += c === Ch.CR && source.charCodeAt(i + 1) === Ch.LF ? 2 : 1;
      push(TokenType.Newline, start, i, '\n');
      continue;
    }
    if (c === Ch.Apostrophe) {
      i = readComment(source, i + 1, comments, 'apostrophe', start);
      continue;
    }
    if (c === Ch.Colon) {
      i++;
      push(TokenType.Colon, start, i, ':');
      continue;
    }
    if (c === Ch.Underscore && !isIdentifierPart(source.charCodeAt(i + 1))) {
      // `_` at the end of a line continues the statement on the next line.
      let j = i + 1;
      while (j < n && isBlank(source.charCodeAt(j))) j++;
      const d = source.charCodeAt(j);
      if (d === Ch.CR || d === Ch.LF) {
        j += d === Ch.CR && source.charCodeAt(j + 1) === Ch.LF ? 2 : 1;
        i = j;
        spaceBefore = true;
        continue;
      }
      if (j >= n) {
        i = j;
        continue;
      }
      errors.push({ code: CompileError.InvalidCharacter, start, end: start + 1 });
      i++;
      continue;
    }
    if (isLetter(c)) {
      let j = i + 1;
      while (j < n && isIdentifierPart(source.charCodeAt(j))) j++;
      const text = source.slice(i, j);
      const lower = text.toLowerCase();
      const afterDot = lastToken()?.type === TokenType.Punct && lastToken()?.text === '.' && !spaceBefore;
      if (lower === 'rem' && !afterDot) {
        let k = j;
        if (isBlank(source.charCodeAt(k))) k++;
        i = readComment(source, k, comments, 'rem', start);
        continue;
      }
      if (text.length > MAX_IDENTIFIER_LENGTH) errors.push({ code: CompileError.IdentifierTooLong, start: i, end: j });
      i = j;
      if (KEYWORDS.has(lower) && !afterDot) push(TokenType.Keyword, start, i, lower);
      else push(TokenType.Identifier, start, i, text);
      continue;
    }
    if (isDigit(c) || (c === Ch.Dot && isDigit(source.charCodeAt(i + 1)) && !endsOperand(lastToken(), spaceBefore))) {
      i = readDecimal(source, i, push, errors);
      continue;
    }
    if (c === Ch.Amp) {
      const next = source.charCodeAt(i + 1) | 0x20;
      if (next === 0x68 /* h */ || next === 0x6f /* o */ || isDigit(source.charCodeAt(i + 1))) {
        i = readRadix(source, i, push, errors);
        continue;
      }
    }
    if (c === Ch.Quote) {
      i = readString(source, i, push, errors);
      continue;
    }
    if (c === Ch.Hash) {
      let j = i + 1;
      while (j < n && source.charCodeAt(j) !== Ch.Hash && source.charCodeAt(j) !== Ch.LF && source.charCodeAt(j) !== Ch.CR) j++;
      if (source.charCodeAt(j) === Ch.Hash) {
        i = j + 1;
        push(TokenType.Date, start, i, source.slice(start + 1, j).trim());
      } else {
        errors.push({ code: CompileError.SyntaxError, start, end: j });
        i = j;
      }
      continue;
    }
    if (c === Ch.LBracket) {
      let j = i + 1;
      while (j < n && source.charCodeAt(j) !== Ch.RBracket && source.charCodeAt(j) !== Ch.LF && source.charCodeAt(j) !== Ch.CR) j++;
      if (source.charCodeAt(j) === Ch.RBracket) {
        const token = push(TokenType.Identifier, start, j + 1, source.slice(i + 1, j));
        token.bracketed = true;
        i = j + 1;
      } else {
        errors.push({ code: CompileError.ExpectedRBracket, start, end: j });
        i = j;
      }
      continue;
    }
    if (c === Ch.Lt || c === Ch.Gt) {
      const d = source.charCodeAt(i + 1);
      if (c === Ch.Lt && (d === Ch.Gt || d === Ch.Eq)) {
        i += 2;
      } else if (c === Ch.Gt && d === Ch.Eq) {
        i += 2;
      } else {
        i++;
      }
      push(TokenType.Punct, start, i, source.slice(start, i));
      continue;
    }
    const ch = source[i];
    if (SINGLE_PUNCT.has(ch)) {
      i++;
      push(TokenType.Punct, start, i, ch);
      continue;
    }
    // Anything else cannot start a token. Skip a whole surrogate pair so ranges stay on code points.
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    errors.push({ code: CompileError.InvalidCharacter, start, end: start + width });
    i += width;
  }
  push(TokenType.EOF, n, n, '');
  return { tokens, comments, errors };
}

/** True when `token` can end an operand, so a following `.5` is member access rather than a number. */
function endsOperand(token: Token | undefined, spaced: boolean): boolean {
  if (!token || spaced) return false;
  return token.type === TokenType.Identifier || (token.type === TokenType.Punct && token.text === ')');
}

function readComment(source: string, from: number, comments: LexComment[], kind: LexComment['kind'], start: number): number {
  let j = from;
  const n = source.length;
  while (j < n) {
    const c = source.charCodeAt(j);
    if (c === Ch.LF || c === Ch.CR) break;
    j++;
  }
  comments.push({ text: source.slice(Math.min(from, j), j), kind, start, end: j });
  return j;
}

type Push = (type: TokenType, start: number, end: number, text: string) => Token;

function readDecimal(source: string, i: number, push: Push, errors: LexError[]): number {
  const start = i;
  const n = source.length;
  let isFloat = false;
  while (i < n && isDigit(source.charCodeAt(i))) i++;
  if (source.charCodeAt(i) === Ch.Dot && isDigit(source.charCodeAt(i + 1))) {
    isFloat = true;
    i++;
    while (i < n && isDigit(source.charCodeAt(i))) i++;
  } else if (source.charCodeAt(i) === Ch.Dot && !isLetter(source.charCodeAt(i + 1))) {
    // `1.` is a valid Double literal.
    isFloat = true;
    i++;
  }
  const e = source.charCodeAt(i) | 0x20;
  if (e === 0x65 /* e */) {
    let j = i + 1;
    const sign = source.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (isDigit(source.charCodeAt(j))) {
      isFloat = true;
      while (j < n && isDigit(source.charCodeAt(j))) j++;
      i = j;
    }
  }
  const text = source.slice(start, i);
  if (isLetter(source.charCodeAt(i)) || source.charCodeAt(i) === Ch.Underscore) {
    // `12abc`: vbscript.dll reports the whole run as one bad number.
    let j = i;
    while (j < n && isIdentifierPart(source.charCodeAt(j))) j++;
    errors.push({ code: CompileError.ExpectedEndOfStatement, start: i, end: j });
  }
  const value = Number(text);
  const token = push(TokenType.Number, start, i, text);
  token.numberValue = value;
  token.numberKind = isFloat || !Number.isSafeInteger(value) || value > 2147483647 ? 'Double' : value <= 32767 ? 'Integer' : 'Long';
  return i;
}

/** `&HFF`, `&O17`, `&17` (octal), with an optional trailing `&` that forces Long. */
function readRadix(source: string, i: number, push: Push, errors: LexError[]): number {
  const start = i;
  const n = source.length;
  let radix = 8;
  let j = i + 1;
  const marker = source.charCodeAt(j) | 0x20;
  if (marker === 0x68) {
    radix = 16;
    j++;
  } else if (marker === 0x6f) {
    j++;
  }
  const digitsStart = j;
  const isRadixDigit = (c: number): boolean =>
    radix === 16 ? isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66) : c >= Ch.Zero && c <= 55;
  while (j < n && isRadixDigit(source.charCodeAt(j))) j++;
  const digits = source.slice(digitsStart, j);
  let forceLong = false;
  if (source.charCodeAt(j) === Ch.Amp) {
    forceLong = true;
    j++;
  }
  const token = push(TokenType.Number, start, j, source.slice(start, j));
  if (digits.length === 0) {
    errors.push({ code: CompileError.SyntaxError, start, end: j });
    token.numberValue = 0;
    token.numberKind = 'Integer';
    return j;
  }
  const unsigned = parseInt(digits, radix);
  if (unsigned > 0xffffffff) {
    errors.push({ code: CompileError.InvalidNumber, start, end: j });
    token.numberValue = 0;
    token.numberKind = 'Integer';
    return j;
  }
  // Like vbscript.dll: up to 16 bits is a (signed) Integer, up to 32 bits a (signed) Long.
  if (!forceLong && unsigned <= 0xffff) {
    token.numberValue = unsigned > 0x7fff ? unsigned - 0x10000 : unsigned;
    token.numberKind = 'Integer';
  } else {
    token.numberValue = unsigned | 0;
    token.numberKind = 'Long';
  }
  return j;
}

function readString(source: string, i: number, push: Push, errors: LexError[]): number {
  const start = i;
  const n = source.length;
  let j = i + 1;
  let value = '';
  let chunkStart = j;
  for (;;) {
    if (j >= n || source.charCodeAt(j) === Ch.LF || source.charCodeAt(j) === Ch.CR) {
      errors.push({ code: CompileError.UnterminatedString, start, end: j });
      value += source.slice(chunkStart, j);
      push(TokenType.String, start, j, value);
      return j;
    }
    if (source.charCodeAt(j) === Ch.Quote) {
      value += source.slice(chunkStart, j);
      if (source.charCodeAt(j + 1) === Ch.Quote) {
        value += '"';
        j += 2;
        chunkStart = j;
        continue;
      }
      push(TokenType.String, start, j + 1, value);
      return j + 1;
    }
    j++;
  }
}
