/** Inlay hints after `Result.Value = n` in EventHandlers.js, worded as VBScript's (`→ 554 Rejected`). */
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JScriptService } from '../../../simulator/src/analysis/jscript/service';
import { jscriptResultValueHints } from '../../../simulator/src/editor';

export function jscriptInlayHints(service: JScriptService, doc: TextDocument, range: Range): InlayHint[] {
  const facts = service.resultFacts(doc.uri);
  if (!facts) return [];
  return jscriptResultValueHints(facts.result, facts.functions, doc.offsetAt(range.start), doc.offsetAt(range.end)).map((h) => ({
    position: doc.positionAt(h.offset),
    label: h.label,
    kind: InlayHintKind.Parameter,
    paddingLeft: true,
    tooltip: h.tooltip,
  }));
}
