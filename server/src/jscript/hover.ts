/** Hover in EventHandlers.js: the type and API documentation of what is under the cursor. */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JScriptService } from '../../../simulator/src/analysis/jscript/service';

export function jscriptHover(service: JScriptService, doc: TextDocument, offset: number): Hover | null {
  const h = service.hover(doc.uri, offset);
  if (!h) return null;
  return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) } };
}
