/**
 * Opening EventHandlers.js documents on the shared test client (`../lspClient`), with the
 * language id the extension sends (`hmailserver-jscript`), and asking the usual requests.
 */
import {
  CompletionRequest,
  CompletionResolveRequest,
  DidOpenTextDocumentNotification,
  HoverRequest,
  SignatureHelpRequest,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type SignatureHelp,
} from 'vscode-languageserver-protocol/node';
import { withCursor, type LspClient, type Position } from '../lspClient';

export const JSCRIPT = 'hmailserver-jscript';

let counter = 0;

/** A fresh uri for an EventHandlers.js. */
export function jsUri(tag = 'js'): string {
  return `file:///virtual/${tag}${++counter}/EventHandlers.js`;
}

/** Opens a JScript document and resolves with its first diagnostics. */
export async function openJs(client: LspClient, uri: string, text: string): Promise<Diagnostic[]> {
  const published = client.nextDiagnostics(uri, 1, 30000);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: JSCRIPT, version: 1, text } });
  return (await published).diagnostics;
}

/** Opens `marked` (with a `|` cursor) as a fresh EventHandlers.js. */
export async function openJsAt(client: LspClient, marked: string): Promise<{ uri: string; position: Position; text: string; diagnostics: Diagnostic[] }> {
  const { text, position } = withCursor(marked);
  const uri = jsUri();
  const diagnostics = await openJs(client, uri, text);
  return { uri, position, text, diagnostics };
}

export async function completeJs(client: LspClient, marked: string, triggerCharacter?: string): Promise<CompletionItem[]> {
  const { uri, position } = await openJsAt(client, marked);
  const context = triggerCharacter ? { triggerKind: 2 as const, triggerCharacter } : { triggerKind: 1 as const };
  const r = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position, context })) as CompletionList | null;
  return r?.items ?? [];
}

export async function resolveJs(client: LspClient, item: CompletionItem): Promise<CompletionItem> {
  return client.connection.sendRequest(CompletionResolveRequest.type, item);
}

export async function hoverJs(client: LspClient, marked: string): Promise<string> {
  const { uri, position } = await openJsAt(client, marked);
  const h = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })) as Hover | null;
  return h ? (h.contents as MarkupContent).value : '';
}

export async function signatureJs(client: LspClient, marked: string): Promise<SignatureHelp | null> {
  const { uri, position } = await openJsAt(client, marked);
  return client.connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri }, position });
}

export const labels = (items: CompletionItem[]) => items.map((i) => i.label);
