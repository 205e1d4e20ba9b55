import type { Expression, Program } from './ast';
import type { LineIndex, Range } from './lineIndex';

/** LSP DiagnosticSeverity. */
export const enum Severity {
  Error = 1,
  Warning = 2,
  Information = 3,
  Hint = 4,
}

/** A compile-time problem, shaped like an LSP Diagnostic (plus the offsets it came from). */
export interface SyntaxDiagnostic {
  message: string;
  /** The VBScript error number, e.g. 1002 for "Syntax error". */
  code: number;
  severity: Severity;
  source: 'vbscript' | 'jscript';
  range: Range;
  start: number;
  end: number;
}

export interface Comment {
  /** The text after `'` or `Rem `, without the line break. */
  text: string;
  kind: 'apostrophe' | 'rem';
  start: number;
  end: number;
  range: Range;
}

export interface ParseResult {
  ast: Program;
  diagnostics: SyntaxDiagnostic[];
  comments: Comment[];
  lines: LineIndex;
  fileName?: string;
}

export interface ExpressionParseResult {
  /** `null` when the text holds no expression at all. */
  ast: Expression | null;
  diagnostics: SyntaxDiagnostic[];
  lines: LineIndex;
}
