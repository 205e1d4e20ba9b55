/**
 * Analysis diagnostics → LSP diagnostics. Compile errors keep VBScript's number (`vbs1002`), rules
 * their `hms-*` code; both link to nothing, the message says what happens on the server.
 */
import { DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import type { Analysis } from '../../../simulator/src/editor';
import type { AnalysisDiagnostic } from '../../../simulator/src/editor';

export function toLspDiagnostic(a: Analysis, d: AnalysisDiagnostic): Diagnostic {
  const out: Diagnostic = {
    range: a.parse.lines.rangeOf(d),
    severity: d.severity,
    code: d.code,
    source: d.source,
    message: d.message,
  };
  if (d.unnecessary) out.tags = [DiagnosticTag.Unnecessary];
  return out;
}
