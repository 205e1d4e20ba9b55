/**
 * Hover in EventHandlers.js: the type and API documentation of what is under the cursor, and over
 * the number in `Result.Value = 2` what the server does with it in this event (as in VBScript).
 */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JScriptService } from '../../../simulator/src/analysis/jscript/service';
import { jscriptResultValueHints } from '../../../simulator/src/editor';

export function jscriptHover(service: JScriptService, doc: TextDocument, offset: number): Hover | null {
  const range = (start: number, end: number) => ({ start: doc.positionAt(start), end: doc.positionAt(end) });
  const facts = service.resultFacts(doc.uri);
  const value = facts && jscriptResultValueHints(facts.result, facts.functions, offset, offset).find((v) => v.start <= offset && offset <= v.end);
  if (value) {
    const markdown = `**Result.Value = ${value.value}** in ${value.where}: ${value.meaning}${value.description ? `\n\n${value.description}` : ''}`;
    return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: range(value.start, value.end) };
  }
  const h = service.hover(doc.uri, offset);
  if (!h) return null;
  return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: range(h.start, h.end) };
}
