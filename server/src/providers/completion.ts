/** Completion items from the analysis' completion entries. */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver/node';
import type { Analysis } from '../../../simulator/src/editor';
import { completionsAt, type CompletionKind } from '../../../simulator/src/editor';

const KIND: Record<CompletionKind, CompletionItemKind> = {
  event: CompletionItemKind.Event,
  method: CompletionItemKind.Method,
  property: CompletionItemKind.Property,
  variable: CompletionItemKind.Variable,
  constant: CompletionItemKind.Constant,
  function: CompletionItemKind.Function,
  class: CompletionItemKind.Class,
  keyword: CompletionItemKind.Keyword,
  progId: CompletionItemKind.Module,
  namedItem: CompletionItemKind.Variable,
  parameter: CompletionItemKind.Variable,
};

export function completion(a: Analysis, offset: number, triggerCharacter?: string): CompletionList {
  const lines = a.parse.lines;
  const end = lines.positionAt(offset);
  const items: CompletionItem[] = completionsAt(a, offset, triggerCharacter).map((e) => {
    const item: CompletionItem = { label: e.label, kind: KIND[e.kind] };
    if (e.detail) item.detail = e.detail;
    if (e.documentation) item.documentation = { kind: MarkupKind.Markdown, value: e.documentation };
    if (e.sortText) item.sortText = e.sortText;
    if (e.replaceStart !== undefined) {
      item.textEdit = { range: { start: lines.positionAt(e.replaceStart), end }, newText: e.insertText ?? e.label };
      item.filterText = e.label;
    } else if (e.insertText) {
      item.insertText = e.insertText;
    }
    item.insertTextFormat = InsertTextFormat.PlainText;
    return item;
  });
  return { isIncomplete: false, items };
}
