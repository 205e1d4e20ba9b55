/** Hover: API member docs, event docs, symbol declarations, and what a Result.Value does. */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { Analysis } from '../../../simulator/src/index';
import { hoverAt } from '../../../simulator/src/index';

export function hover(a: Analysis, offset: number): Hover | null {
  const h = hoverAt(a, offset);
  if (!h) return null;
  return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: a.parse.lines.rangeOf(h) };
}
