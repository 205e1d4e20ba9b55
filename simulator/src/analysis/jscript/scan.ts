/**
 * One token pass over an EventHandlers.js, with TypeScript's scanner (it copes with half-typed
 * code, where a parser gives up): the top-level `function Name(params)` declarations, every comment
 * (for suppression comments), which names occur more than once, and polyfills the script installs
 * (`String.prototype.trim = function …`).
 */
import ts from 'typescript';

export interface ScannedFunction {
  name: string;
  /** Offsets of the name. */
  start: number;
  end: number;
  /** Offset of the `function` keyword. */
  keywordStart: number;
  params: string[];
}

export interface ScannedComment {
  /** Without `//` or the `/*` `*\/` delimiters. */
  text: string;
  start: number;
}

export interface ScanResult {
  functions: ScannedFunction[];
  comments: ScannedComment[];
  /** Identifier → number of occurrences. */
  identifierCounts: Map<string, number>;
  /** `String.prototype.trim`, `Array.isArray`, `JSON` … the script assigns itself. */
  assigned: Set<string>;
  /**
   * Where the script can be cut into independent pieces of global code: after the `;` or `}` that
   * ends the statement before a top-level `function` declaration (its comments go with it).
   */
  splitPoints: number[];
}

const K = ts.SyntaxKind;

interface Token {
  kind: ts.SyntaxKind;
  text: string;
  start: number;
}

/** After these a `/` divides; elsewhere it starts a regular expression. */
const ENDS_OPERAND = new Set<ts.SyntaxKind>([
  K.Identifier,
  K.NumericLiteral,
  K.StringLiteral,
  K.RegularExpressionLiteral,
  K.CloseParenToken,
  K.CloseBracketToken,
  K.CloseBraceToken,
  K.ThisKeyword,
  K.TrueKeyword,
  K.FalseKeyword,
  K.NullKeyword,
  K.PlusPlusToken,
  K.MinusMinusToken,
]);

export function scanScript(text: string): ScanResult {
  const scanner = ts.createScanner(ts.ScriptTarget.ES5, false, ts.LanguageVariant.Standard, text);
  const functions: ScannedFunction[] = [];
  const comments: ScannedComment[] = [];
  const identifierCounts = new Map<string, number>();
  const assigned = new Set<string>();
  let depth = 0;
  /** Parentheses and brackets open at the top level. */
  let nesting = 0;
  const splitPoints: number[] = [];
  let previous: ts.SyntaxKind = K.Unknown;
  /** Significant tokens seen, for the few patterns that look back. */
  const recent: Token[] = [];
  let pendingFunction: ScannedFunction | undefined;
  let inParams = false;
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    if (kind === K.SingleLineCommentTrivia || kind === K.MultiLineCommentTrivia) {
      const raw = scanner.getTokenText();
      comments.push({ text: kind === K.SingleLineCommentTrivia ? raw.slice(2) : raw.slice(2, raw.endsWith('*/') ? -2 : undefined), start: scanner.getTokenStart() });
      continue;
    }
    if (kind === K.WhitespaceTrivia || kind === K.NewLineTrivia || kind === K.ShebangTrivia || kind === K.ConflictMarkerTrivia) continue;
    if ((kind === K.SlashToken || kind === K.SlashEqualsToken) && !ENDS_OPERAND.has(previous)) kind = scanner.reScanSlashToken();
    const tokenText = scanner.getTokenText();
    if (kind === K.Identifier || (kind >= K.FirstKeyword && kind <= K.LastKeyword && previous === K.DotToken)) {
      identifierCounts.set(tokenText, (identifierCounts.get(tokenText) ?? 0) + 1);
    }
    if (kind === K.FunctionKeyword && depth === 0 && nesting === 0) {
      const last = recent[recent.length - 1];
      if (!last) splitPoints.push(0);
      else if (last.kind === K.SemicolonToken || last.kind === K.CloseBraceToken) splitPoints.push(last.start + last.text.length);
    }
    if (depth === 0 && (kind === K.OpenParenToken || kind === K.OpenBracketToken)) nesting++;
    else if (depth === 0 && (kind === K.CloseParenToken || kind === K.CloseBracketToken)) nesting = Math.max(0, nesting - 1);
    if (kind === K.OpenBraceToken) depth++;
    else if (kind === K.CloseBraceToken) depth = Math.max(0, depth - 1);

    // `function Name (a, b)` at the top level.
    if (pendingFunction) {
      if (!inParams) {
        if (kind === K.OpenParenToken) inParams = true;
        else pendingFunction = undefined;
      } else if (kind === K.Identifier) {
        pendingFunction.params.push(tokenText);
      } else if (kind === K.CloseParenToken) {
        functions.push(pendingFunction);
        pendingFunction = undefined;
        inParams = false;
      } else if (kind !== K.CommaToken) {
        functions.push(pendingFunction);
        pendingFunction = undefined;
        inParams = false;
      }
    } else if (kind === K.Identifier && previous === K.FunctionKeyword && depth === 0) {
      const keyword = recent[recent.length - 1];
      pendingFunction = { name: tokenText, start: scanner.getTokenStart(), end: scanner.getTokenEnd(), keywordStart: keyword ? keyword.start : scanner.getTokenStart(), params: [] };
      inParams = false;
    }

    // `String.prototype.trim =`, `Array.isArray =`, `JSON =` (polyfills).
    if (kind === K.EqualsToken) {
      const path = assignedPath(recent);
      if (path) assigned.add(path);
    }
    recent.push({ kind, text: tokenText, start: scanner.getTokenStart() });
    if (recent.length > 8) recent.shift();
    previous = kind;
  }
  if (pendingFunction && inParams) functions.push(pendingFunction);
  return { functions, comments, identifierCounts, assigned, splitPoints };
}

/** The dotted name just before `=`: `String.prototype.trim`, `Array.isArray`, `JSON`. */
function assignedPath(recent: readonly Token[]): string | undefined {
  const parts: string[] = [];
  let i = recent.length - 1;
  while (i >= 0) {
    const t = recent[i];
    if (t.kind !== K.Identifier && !(t.kind >= K.FirstKeyword && t.kind <= K.LastKeyword)) break;
    parts.unshift(t.text);
    if (i > 0 && recent[i - 1].kind === K.DotToken) i -= 2;
    else break;
  }
  return parts.length ? parts.join('.') : undefined;
}
