/**
 * The language server (`dist/server.js`) over Node IPC. The `hmailserver` section is pushed on
 * every change and answered on every pull, with local paths made absolute (`paths.ts`).
 */
import os from 'node:os';
import * as vscode from 'vscode';
import {
  CompletionItemKind,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  LanguageClient,
  TransportKind,
  type CompletionItem,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { DEBOUNCE_MS, SECTION, SERVER_LANGUAGES, VBSCRIPT } from './constants';
import { PROBE_SCHEME, eventProbe } from './handlerText';
import { resolveSectionPaths } from './paths';

function workspaceFolderPath(): string | undefined {
  const folders = vscode.workspace.workspaceFolders;
  return folders && folders.length > 0 && folders[0].uri.scheme === 'file' ? folders[0].uri.fsPath : undefined;
}

/** The `hmailserver` section as plain JSON, paths resolved. */
export function serverSettings(raw?: unknown): unknown {
  const section = raw ?? JSON.parse(JSON.stringify(vscode.workspace.getConfiguration(SECTION)));
  return resolveSectionPaths(section, workspaceFolderPath(), os.homedir());
}

export class HmailLanguageClient implements vscode.Disposable {
  private readonly client: LanguageClient;
  private readonly disposables: vscode.Disposable[] = [];
  private probeCount = 0;

  constructor(context: vscode.ExtensionContext) {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: SERVER_LANGUAGES.flatMap((language) => [
        { language, scheme: 'file' },
        { language, scheme: 'untitled' },
      ]),
      initializationOptions: { debounceMs: DEBOUNCE_MS, settings: serverSettings() },
      middleware: {
        workspace: {
          configuration: async (params, token, next) => {
            const result = await next(params, token);
            if (!Array.isArray(result)) return result;
            return result.map((value, i) => (params.items[i]?.section === SECTION ? serverSettings(value) : value));
          },
        },
        // Probe documents are never shown: their diagnostics go nowhere.
        handleDiagnostics: (uri, diagnostics, next) => {
          if (uri.scheme !== PROBE_SCHEME) next(uri, diagnostics);
        },
      },
    };
    this.client = new LanguageClient(SECTION, 'hMailServer Language Server', serverOptions, clientOptions);
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION) && this.client.isRunning()) {
          void this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: { [SECTION]: serverSettings() } });
        }
      }),
    );
  }

  start(): Promise<void> {
    return this.client.start();
  }

  /**
   * The event handlers the server offers after `Sub ` in `text` (so handlers the text already
   * defines are left out), for the configured server version: the server's completion, asked on
   * a document that exists only on the server.
   */
  async eventHandlerCompletions(text: string): Promise<CompletionItem[]> {
    await this.client.start();
    const probe = eventProbe(text);
    const uri = `${PROBE_SCHEME}:/events-${++this.probeCount}.vbs`;
    const textDocument = { uri, languageId: VBSCRIPT, version: 1, text: probe.text };
    await this.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument });
    try {
      const result = await this.client.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: probe.position,
      });
      const items = Array.isArray(result) ? result : (result?.items ?? []);
      return items.filter((i) => i.kind === CompletionItemKind.Event);
    } finally {
      await this.client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }
  }

  async dispose(): Promise<void> {
    for (const d of this.disposables) d.dispose();
    if (this.client.needsStop()) await this.client.stop();
  }
}
