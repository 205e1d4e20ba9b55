/**
 * JScript diagnostics → LSP: syntax errors keep jscript.dll's number (`js1002`, always errors: the
 * server refuses the file), rules their `hms-*` code.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import type { AnalysisDiagnostic } from '../../../simulator/src/editor';
import type { SyntaxDiagnostic } from '../../../simulator/src/syntax/parseResult';

export function syntaxDiagnostic(d: SyntaxDiagnostic): Diagnostic {
  return { range: d.range, severity: 1, code: `js${d.code}`, source: 'jscript', message: d.message };
}

export function ruleDiagnostic(doc: TextDocument, d: AnalysisDiagnostic): Diagnostic {
  const out: Diagnostic = { range: { start: doc.positionAt(d.start), end: doc.positionAt(d.end) }, severity: d.severity, code: d.code, source: d.source, message: d.message };
  if (d.unnecessary) out.tags = [DiagnosticTag.Unnecessary];
  return out;
}
