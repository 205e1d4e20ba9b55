/**
 * jscript.dll's compile errors: the numbers and texts it reports (hMailServer logs them and
 * refuses to run the script), and how acorn's messages map onto them.
 */
import { JSCRIPT_KEYWORDS } from './keywords';

export const JS_COMPILE_ERRORS: Record<number, string> = {
  1002: 'Syntax error',
  1003: "Expected ':'",
  1004: "Expected ';'",
  1005: "Expected '('",
  1006: "Expected ')'",
  1007: "Expected ']'",
  1008: "Expected '{'",
  1009: "Expected '}'",
  1010: 'Expected identifier',
  1011: "Expected '='",
  1013: 'Invalid number',
  1014: 'Invalid character',
  1015: 'Unterminated string constant',
  1016: 'Unterminated comment',
  1018: "'return' statement outside of function",
  1019: "Can't have 'break' outside of loop",
  1020: "Can't have 'continue' outside of loop",
  1023: 'Expected hexadecimal digit',
  1024: "Expected 'while'",
  1025: 'Label redefined',
  1026: 'Label not found',
  1027: "'default' can only appear once in a 'switch' statement",
  1028: 'Expected identifier, string or number',
  1029: "Expected '@end'",
  1031: 'Expected constant',
  1032: "Expected '@'",
  1033: "Expected 'catch'",
  1035: "'throw' must be followed by an expression on the same source line",
  5017: 'Syntax error in regular expression',
};

/** Raised inside the parser; `parseJScript` turns it into a diagnostic. */
export class JsSyntaxError extends Error {
  constructor(
    readonly code: number,
    readonly pos: number,
    /** acorn's own wording, kept for debugging the mapping. */
    readonly detail?: string,
  ) {
    super(JS_COMPILE_ERRORS[code] ?? 'Syntax error');
    this.name = 'JsSyntaxError';
  }
}

/** acorn's message (without its "(line:col)" suffix) → jscript.dll's number. First match wins. */
const ACORN_MESSAGES: Array<[RegExp, number]> = [
  [/^Unterminated string constant/, 1015],
  [/^Unterminated comment/, 1016],
  [/^Unterminated regular expression|^Invalid regular expression/, 5017],
  [/^Unexpected character/, 1014],
  [/^Invalid number|^Identifier directly after number/, 1013],
  [/^Bad character escape sequence|^Expected hexadecimal/, 1023],
  [/^'return' outside of function/, 1018],
  [/^Unsyntactic break/, 1019],
  [/^Unsyntactic continue/, 1020],
  [/^Label '.*' is already declared/, 1025],
  [/^Multiple default clauses/, 1027],
  [/^Missing catch or finally clause/, 1033],
  [/^Illegal newline after throw/, 1035],
  [/^Unexpected keyword|^The keyword '.*' is reserved|^Cannot use keyword/, 1010],
];

export function jscriptErrorFor(acornMessage: string): number {
  for (const [pattern, code] of ACORN_MESSAGES) if (pattern.test(acornMessage)) return code;
  return 1002;
}

/**
 * Words jscript.dll refuses as names — after a dot and as object keys too (`o.default`,
 * `{ class: 1 }` are errors there, which is why ES3-era code writes `o["default"]`).
 */
const RESERVED = new Set([...JSCRIPT_KEYWORDS, ...'class const enum export extends import super'.split(' ')]);

export function isReservedWord(name: string): boolean {
  return RESERVED.has(name);
}
