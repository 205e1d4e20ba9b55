/** Quick fixes in EventHandlers.js: rename a misspelled handler, correct an unknown member. */
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JScriptDocuments } from './documents';
import { ruleDiagnostic } from './diagnostics';

export function jscriptCodeActions(documents: JScriptDocuments, doc: TextDocument, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k))) return [];
  const from = doc.offsetAt(params.range.start);
  const to = doc.offsetAt(params.range.end);
  const out: CodeAction[] = [];
  for (const d of documents.ruleDiagnostics(doc)) {
    if (d.fixes.length === 0 || d.end < from || d.start > to) continue;
    const diagnostic = ruleDiagnostic(doc, d);
    for (const fix of d.fixes) {
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred === true,
        edit: { changes: { [doc.uri]: fix.edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText })) } },
      });
    }
  }
  return out;
}
