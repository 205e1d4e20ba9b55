/**
 * Quick fixes. Each fix was computed with its diagnostic (misspelled event, missing Dim, missing
 * Set, handler signature, BOM, …); this only picks the diagnostics in the requested range and
 * turns their edits into a WorkspaceEdit.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Position, type Range } from 'vscode-languageserver/node';
import type { Analysis, AnalysisDiagnostic } from '../../../simulator/src/editor';
import { toLspDiagnostic } from './diagnostics';

export function codeActions(a: Analysis, params: CodeActionParams): CodeAction[] {
  const lines = a.parse.lines;
  return quickFixActions(params, params.textDocument.uri, lines, () => a.diagnostics, (d) => toLspDiagnostic(a, d));
}

/**
 * The code actions of both languages (EventHandlers.js uses this too): they differ only in how
 * offsets map to positions, which diagnostics a document has and how one is shown. `diagnostics`
 * is asked only when quick fixes are wanted at all (for JScript it may mean an analysis).
 */
export function quickFixActions(
  params: CodeActionParams,
  uri: string,
  positions: { offsetAt(position: Position): number; rangeOf(span: { start: number; end: number }): Range },
  diagnostics: () => readonly AnalysisDiagnostic[],
  toDiagnostic: (d: AnalysisDiagnostic) => Diagnostic,
): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k))) return [];
  const from = positions.offsetAt(params.range.start);
  const to = positions.offsetAt(params.range.end);
  const out: CodeAction[] = [];
  for (const d of diagnostics()) {
    if (d.fixes.length === 0 || d.end < from || d.start > to) continue;
    const diagnostic = toDiagnostic(d);
    for (const fix of d.fixes) {
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred === true,
        edit: { changes: { [uri]: fix.edits.map((e) => ({ range: positions.rangeOf(e), newText: e.newText })) } },
      });
    }
  }
  return out;
}
