/** Go to definition: the declaring name, in this file or in an include file. */
import type { Location } from 'vscode-languageserver/node';
import type { Analysis } from '../../../simulator/src/editor';
import { definitionAt } from '../../../simulator/src/editor';

export function definition(a: Analysis, uri: string, offset: number): Location | null {
  const d = definitionAt(a, offset);
  if (!d) return null;
  if (d.uri && d.range) return { uri: d.uri, range: d.range };
  if (d.span) return { uri, range: a.parse.lines.rangeOf(d.span) };
  return null;
}
