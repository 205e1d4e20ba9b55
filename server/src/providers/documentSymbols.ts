/** Document symbols: classes with their members, procedures (event handlers as events), globals. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { Analysis } from '../../../simulator/src/editor';
import { documentOutline, type OutlineItem, type OutlineKind } from '../../../simulator/src/editor';

const KIND: Record<OutlineKind, SymbolKind> = {
  event: SymbolKind.Event,
  function: SymbolKind.Function,
  property: SymbolKind.Property,
  class: SymbolKind.Class,
  variable: SymbolKind.Variable,
  constant: SymbolKind.Constant,
  field: SymbolKind.Field,
};

export function documentSymbols(a: Analysis): DocumentSymbol[] {
  const convert = (item: OutlineItem): DocumentSymbol => ({
    name: item.name,
    kind: KIND[item.kind],
    detail: item.detail,
    range: a.parse.lines.rangeOf(item.span),
    selectionRange: a.parse.lines.rangeOf(item.selection),
    children: item.children.map(convert),
  });
  return documentOutline(a).map(convert);
}
