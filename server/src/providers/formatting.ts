/** Document formatting: block indentation, and keyword casing when `hmailserver.format.keywordCasing` is `pascal`. */
import type { FormattingOptions, TextEdit } from 'vscode-languageserver/node';
import type { Analysis } from '../../../simulator/src/editor';
import { formatDocument } from '../../../simulator/src/editor';

export function formatting(a: Analysis, options: FormattingOptions, keywordCasing: 'preserve' | 'pascal'): TextEdit[] {
  return formatDocument(a.source, { tabSize: options.tabSize, insertSpaces: options.insertSpaces, keywordCasing }).map((e) => ({
    range: a.parse.lines.rangeOf(e),
    newText: e.newText,
  }));
}
