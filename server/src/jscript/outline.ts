/** Document symbols (handlers as events, like VBScript's), folding ranges and go to definition in EventHandlers.js. */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange, type Location } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JScriptService, JsOutlineItem } from '../../../simulator/src/analysis/jscript/service';

/** TypeScript's element kinds → symbol kinds. */
const KIND: Record<string, SymbolKind> = {
  event: SymbolKind.Event,
  function: SymbolKind.Function,
  'local function': SymbolKind.Function,
  method: SymbolKind.Method,
  property: SymbolKind.Property,
  var: SymbolKind.Variable,
  'local var': SymbolKind.Variable,
  let: SymbolKind.Variable,
  const: SymbolKind.Constant,
  class: SymbolKind.Class,
};

export function jscriptDocumentSymbols(service: JScriptService, doc: TextDocument): DocumentSymbol[] {
  const range = (start: number, end: number) => ({ start: doc.positionAt(start), end: doc.positionAt(end) });
  const convert = (item: JsOutlineItem): DocumentSymbol => ({
    name: item.name,
    kind: KIND[item.kind] ?? SymbolKind.Variable,
    range: range(item.start, item.end),
    selectionRange: range(item.selectionStart, item.selectionEnd),
    children: item.children.map(convert),
  });
  return service.outline(doc.uri).map(convert);
}

export function jscriptFoldingRanges(service: JScriptService, doc: TextDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const r of service.foldingRegions(doc.uri)) {
    const startLine = doc.positionAt(r.start).line;
    // Down to the line before the closing brace, as VS Code folds blocks.
    const endPosition = doc.positionAt(r.end);
    const endLine = r.kind === 'comment' ? endPosition.line : endPosition.line - 1;
    if (endLine > startLine) out.push({ startLine, endLine, ...(r.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}) });
  }
  return out;
}

export function jscriptDefinition(service: JScriptService, doc: TextDocument, offset: number): Location | null {
  const d = service.definition(doc.uri, offset)[0];
  return d ? { uri: doc.uri, range: { start: doc.positionAt(d.start), end: doc.positionAt(d.end) } } : null;
}
