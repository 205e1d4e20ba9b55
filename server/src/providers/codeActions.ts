/**
 * Quick fixes. Each fix was computed with its diagnostic (misspelled event, missing Dim, missing
 * Set, handler signature, BOM, …); this only picks the diagnostics in the requested range and
 * turns their edits into a WorkspaceEdit.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import type { Analysis } from '../../../simulator/src/editor';
import { toLspDiagnostic } from './diagnostics';

export function codeActions(a: Analysis, params: CodeActionParams): CodeAction[] {
  const lines = a.parse.lines;
  const from = lines.offsetAt(params.range.start);
  const to = lines.offsetAt(params.range.end);
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k))) return [];
  const out: CodeAction[] = [];
  for (const d of a.diagnostics) {
    if (d.fixes.length === 0 || d.end < from || d.start > to) continue;
    const diagnostic = toLspDiagnostic(a, d);
    for (const fix of d.fixes) {
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred === true,
        edit: {
          changes: {
            [params.textDocument.uri]: fix.edits.map((e) => ({ range: lines.rangeOf(e), newText: e.newText })),
          },
        },
      });
    }
  }
  return out;
}
