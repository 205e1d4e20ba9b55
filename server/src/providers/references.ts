/** Find references: every use of the symbol under the cursor (names compare case-insensitively). */
import type { Location } from 'vscode-languageserver/node';
import type { Analysis } from '../../../simulator/src/editor';
import { referencesAt } from '../../../simulator/src/editor';

export function references(a: Analysis, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  return referencesAt(a, offset, includeDeclaration).map((s) => ({ uri, range: a.parse.lines.rangeOf(s) }));
}
