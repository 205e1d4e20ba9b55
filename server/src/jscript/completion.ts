/**
 * Completions in EventHandlers.js: handler skeletons after `function `, members by type after `.`
 * (event parameters, named items, `new ActiveXObject("hMailServer.Application")`), ProgIDs in
 * `new ActiveXObject("`, ES3 globals and keywords. Details and documentation come on resolve.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JScriptService } from '../../../simulator/src/analysis/jscript/service';

/** TypeScript's element kinds (ts.ScriptElementKind values) → LSP kinds. */
const KIND: Record<string, CompletionItemKind> = {
  event: CompletionItemKind.Event,
  method: CompletionItemKind.Method,
  property: CompletionItemKind.Property,
  getter: CompletionItemKind.Property,
  setter: CompletionItemKind.Property,
  function: CompletionItemKind.Function,
  'local function': CompletionItemKind.Function,
  var: CompletionItemKind.Variable,
  'local var': CompletionItemKind.Variable,
  let: CompletionItemKind.Variable,
  const: CompletionItemKind.Constant,
  parameter: CompletionItemKind.Variable,
  keyword: CompletionItemKind.Keyword,
  class: CompletionItemKind.Class,
  interface: CompletionItemKind.Interface,
  module: CompletionItemKind.Module,
  string: CompletionItemKind.Value,
  warning: CompletionItemKind.Text,
};

/** What `completionItem/resolve` needs to find the entry again. */
export interface JsCompletionData {
  jscript: { uri: string; offset: number; name: string };
}

export function jscriptCompletion(service: JScriptService, doc: TextDocument, offset: number, triggerCharacter?: string): CompletionList {
  const end = doc.positionAt(offset);
  const items = service.completions(doc.uri, offset, triggerCharacter).map((e) => {
    const item: CompletionItem = { label: e.label, kind: KIND[e.kind] ?? CompletionItemKind.Text, sortText: e.sortText };
    if (e.detail) item.detail = e.detail;
    if (e.documentation) item.documentation = { kind: MarkupKind.Markdown, value: e.documentation };
    const newText = e.insertText ?? e.label;
    if (e.replaceStart !== undefined) {
      item.textEdit = { range: { start: doc.positionAt(e.replaceStart), end: e.replaceEnd !== undefined && e.replaceEnd > offset ? doc.positionAt(e.replaceEnd) : end }, newText };
      item.filterText = e.label;
    } else if (e.insertText !== undefined) {
      item.insertText = e.insertText;
    }
    item.insertTextFormat = e.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText;
    if (e.resolvable) item.data = { jscript: { uri: doc.uri, offset, name: e.label } } satisfies JsCompletionData;
    return item;
  });
  return { isIncomplete: false, items };
}

export function isJScriptCompletionItem(item: CompletionItem): item is CompletionItem & { data: JsCompletionData } {
  const data = item.data as Partial<JsCompletionData> | undefined;
  return typeof data?.jscript?.uri === 'string';
}

export function resolveJScriptCompletion(service: JScriptService, item: CompletionItem & { data: JsCompletionData }): CompletionItem {
  const { uri, offset, name } = item.data.jscript;
  const d = service.completionDetails(uri, offset, name);
  if (!d) return item;
  return { ...item, detail: d.detail, ...(d.documentation ? { documentation: { kind: MarkupKind.Markdown, value: d.documentation } } : {}) };
}
