/** Hover: API member docs, event docs, symbol declarations, and what a Result.Value does. */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { Analysis } from '../../../simulator/src/editor';
import { hoverAt } from '../../../simulator/src/editor';

export function hover(a: Analysis, offset: number): Hover | null {
  const h = hoverAt(a, offset);
  if (!h) return null;
  return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: a.parse.lines.rangeOf(h) };
}
