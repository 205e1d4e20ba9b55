/**
 * The hMailServer language server: LSP over stdio (`--stdio`) or Node IPC (`--node-ipc`), as the
 * command line says (vscode-languageserver reads it).
 *
 * Initialization options:
 * - `debounceMs`: delay between an edit and its diagnostics (default 150; 0 allowed);
 * - `settings`: the `hmailserver` section, for clients that do not answer `workspace/configuration`.
 */
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  createConnection,
  type CancellationToken,
  type InitializeParams,
  type InitializeResult,
  type Message,
  type ResponseMessage,
  type TextDocumentIdentifier,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../simulator/src/editor';
import { builtinCatalog } from './builtins';
import { DocumentManager } from './documents';
import { jscriptCodeActions } from './jscript/codeActions';
import { isJScriptCompletionItem, jscriptCompletion, resolveJScriptCompletion } from './jscript/completion';
import { jscriptHover } from './jscript/hover';
import { jscriptInlayHints } from './jscript/inlayHints';
import { jscriptFormatting, jscriptPrepareRename, jscriptReferences, jscriptRename } from './jscript/navigation';
import { jscriptDefinition, jscriptDocumentSymbols, jscriptFoldingRanges } from './jscript/outline';
import { jscriptSignatureHelp } from './jscript/signatureHelp';
import { collectWhenIdle } from './memory';
import { codeActions } from './providers/codeActions';
import { completion } from './providers/completion';
import { definition } from './providers/definition';
import { documentSymbols } from './providers/documentSymbols';
import { foldingRanges } from './providers/folding';
import { formatting } from './providers/formatting';
import { hover } from './providers/hover';
import { inlayHints } from './providers/inlayHints';
import { references } from './providers/references';
import { prepareRename, rename } from './providers/rename';
import { signatureHelp } from './providers/signatureHelp';
import { DEFAULT_SETTINGS, normalizeSettings, type ServerSettings } from './settings';

const DEFAULT_DEBOUNCE_MS = 150;

/**
 * A request the client cancels while it still waits in the queue (typing fires completion after
 * completion) is answered RequestCancelled without being computed at all.
 */
const connection = createConnection(ProposedFeatures.all, {
  connectionStrategy: {
    cancelUndispatched: (message: Message): ResponseMessage | undefined =>
      'id' in message && (typeof message.id === 'number' || typeof message.id === 'string')
        ? { jsonrpc: '2.0', id: message.id, error: { code: LSPErrorCodes.RequestCancelled, message: 'Request cancelled' } }
        : undefined,
  },
});
let settings: ServerSettings = { ...DEFAULT_SETTINGS };
let pullConfiguration = false;
let watchFiles = false;
let documents: DocumentManager | undefined;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { debounceMs?: unknown; settings?: unknown };
  const debounce = typeof options.debounceMs === 'number' && options.debounceMs >= 0 ? options.debounceMs : DEFAULT_DEBOUNCE_MS;
  if (options.settings !== undefined) settings = normalizeSettings(options.settings);
  pullConfiguration = params.capabilities.workspace?.configuration === true;
  watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  documents = new DocumentManager(connection, () => settings, debounce, builtinCatalog());
  documents.listen();
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      // Resolve fills in JScript items' details (VBScript items arrive complete).
      completionProvider: { triggerCharacters: ['.', '"', ' '], resolveProvider: true },
      hoverProvider: true,
      signatureHelpProvider: { triggerCharacters: ['(', ',', ' '], retriggerCharacters: [','] },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      inlayHintProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'hmailserver-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  // Include files change on disk while the script that loads them is open: re-check open scripts.
  if (watchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{vbs,vbe,inc}' }] });
  }
  if (pullConfiguration) void refreshSettings();
});

connection.onDidChangeWatchedFiles(() => documents?.refreshAll());

async function refreshSettings(): Promise<void> {
  try {
    const section: unknown = await connection.workspace.getConfiguration('hmailserver');
    if (section !== null && section !== undefined) settings = normalizeSettings(section);
  } catch {
    // A client that advertises configuration but fails the request keeps the current settings.
  }
  documents?.refreshAll();
}

connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as { hmailserver?: unknown } | undefined)?.hmailserver;
  if (pushed !== undefined) {
    settings = normalizeSettings(pushed);
    documents?.refreshAll();
  } else if (pullConfiguration) {
    void refreshSettings();
  }
});

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');

/**
 * Runs a request against the current analysis of its document. A request cancelled before or
 * while its document was analysed answers RequestCancelled instead of computing a stale result.
 */
function withAnalysis<P extends { textDocument: TextDocumentIdentifier }, R>(
  empty: R,
  handler: (a: Analysis, params: P) => R | ResponseError<void>,
): (params: P, token: CancellationToken) => R | ResponseError<void> {
  return (params, token) => {
    if (token.isCancellationRequested) return cancelled();
    collectWhenIdle();
    const a = documents?.analysisFor(params.textDocument.uri);
    if (!a) return empty;
    if (token.isCancellationRequested) return cancelled();
    return handler(a, params);
  };
}

const offsetOf = (a: Analysis, position: { line: number; character: number }) => a.parse.lines.offsetAt(position);

/**
 * Sends EventHandlers.js requests to the JScript analysis and the others to `vbscript`. JScript
 * documents have no VBScript analysis, so features only VBScript has answer empty for them.
 */
function withJScript<P extends { textDocument: TextDocumentIdentifier }, R>(
  jscript: (doc: TextDocument, params: P) => R,
  vbscript: (params: P, token: CancellationToken) => R | ResponseError<void>,
): (params: P, token: CancellationToken) => R | ResponseError<void> {
  return (params, token) => {
    const doc = documents?.jscriptDocument(params.textDocument.uri);
    if (!doc) return vbscript(params, token);
    if (token.isCancellationRequested) return cancelled();
    collectWhenIdle();
    return jscript(doc, params);
  };
}

const jscriptService = (doc: TextDocument) => documents!.jscript.serviceFor(doc);

connection.onCompletion(
  withJScript(
    (doc, p) => jscriptCompletion(jscriptService(doc), doc, doc.offsetAt(p.position), p.context?.triggerCharacter),
    withAnalysis(null, (a, p) => completion(a, offsetOf(a, p.position), p.context?.triggerCharacter)),
  ),
);
connection.onCompletionResolve((item) => {
  if (!isJScriptCompletionItem(item)) return item;
  const doc = documents?.jscriptDocument(item.data.jscript.uri);
  return doc ? resolveJScriptCompletion(jscriptService(doc), item) : item;
});
connection.onHover(withJScript((doc, p) => jscriptHover(jscriptService(doc), doc, doc.offsetAt(p.position)), withAnalysis(null, (a, p) => hover(a, offsetOf(a, p.position)))));
connection.onSignatureHelp(
  withJScript(
    (doc, p) => jscriptSignatureHelp(jscriptService(doc), doc.uri, doc.offsetAt(p.position), p.context?.triggerCharacter),
    withAnalysis(null, (a, p) => signatureHelp(a, offsetOf(a, p.position))),
  ),
);
connection.onDefinition(
  withJScript(
    (doc, p) => jscriptDefinition(jscriptService(doc), doc, doc.offsetAt(p.position)),
    withAnalysis(null, (a, p) => definition(a, p.textDocument.uri, offsetOf(a, p.position))),
  ),
);
connection.onReferences(
  withJScript(
    (doc, p) => jscriptReferences(jscriptService(doc), doc, doc.offsetAt(p.position), p.context.includeDeclaration),
    withAnalysis([], (a, p) => references(a, p.textDocument.uri, offsetOf(a, p.position), p.context.includeDeclaration)),
  ),
);
connection.onPrepareRename(
  withJScript(
    (doc, p) => jscriptPrepareRename(jscriptService(doc), doc, doc.offsetAt(p.position)),
    withAnalysis(null, (a, p) => prepareRename(a, offsetOf(a, p.position))),
  ),
);
connection.onRenameRequest(
  withJScript(
    (doc, p) => jscriptRename(jscriptService(doc), doc, doc.offsetAt(p.position), p.newName),
    withAnalysis(null, (a, p) => rename(a, p.textDocument.uri, offsetOf(a, p.position), p.newName)),
  ),
);
connection.onDocumentSymbol(withJScript((doc) => jscriptDocumentSymbols(jscriptService(doc), doc), withAnalysis([], (a) => documentSymbols(a))));
connection.onFoldingRanges(withJScript((doc) => jscriptFoldingRanges(jscriptService(doc), doc), withAnalysis([], (a) => foldingRanges(a))));
connection.onDocumentFormatting(
  withJScript(
    (doc, p) => jscriptFormatting(jscriptService(doc), doc, p.options),
    withAnalysis([], (a, p) => formatting(a, p.options, settings.keywordCasing)),
  ),
);
connection.languages.inlayHint.on(
  withJScript(
    (doc, p) => (settings.resultValueHints ? jscriptInlayHints(jscriptService(doc), doc, p.range) : []),
    withAnalysis([], (a, p) => (settings.resultValueHints ? inlayHints(a, p.range) : [])),
  ),
);
connection.onCodeAction(withJScript((doc, p) => jscriptCodeActions(documents!.jscript, doc, p), withAnalysis([], (a, p) => codeActions(a, p))));

connection.listen();
