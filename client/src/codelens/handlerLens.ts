/**
 * CodeLens above every event handler. Each lens comes from a provider in a list: the list
 * `extension.ts` passes holds "▶ Run scenario" (below); the debugger adds its "Debug" lens by
 * appending a `HandlerLensProvider` to that list — nothing here changes.
 */
import * as vscode from 'vscode';
import { COMMANDS, SERVER_LANGUAGES } from '../constants';
import { eventHandlerSymbols } from './handlers';

/** One event handler in a document on disk. */
export interface HandlerLensTarget {
  document: vscode.TextDocument;
  /** The handler's name as written (`OnAcceptMessage`). */
  handler: string;
  /** The whole Sub. */
  range: vscode.Range;
}

/** Makes one lens for a handler (or none). */
export type HandlerLensProvider = (target: HandlerLensTarget) => vscode.Command | undefined;

/** "▶ Run scenario": runs a scenario that uses this file (a pick when several do, an offer to create one when none does). */
export const runScenarioLens: HandlerLensProvider = (target) => ({
  title: '▶ Run scenario',
  tooltip: `Run a scenario that uses ${vscode.workspace.asRelativePath(target.document.uri)} in the simulator (${target.handler} runs when the scenario reaches its event)`,
  command: COMMANDS.runScenario,
  arguments: [target.document.uri, target.handler],
});

type AnySymbol = vscode.DocumentSymbol | vscode.SymbolInformation;

/** The document symbols of all providers (ours is the language server), in one shape. */
async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const symbols = await vscode.commands.executeCommand<AnySymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
  return (symbols ?? []).map((s) =>
    'range' in s ? s : ({ name: s.name, kind: s.kind, detail: '', range: s.location.range, selectionRange: s.location.range, children: [] } as unknown as vscode.DocumentSymbol),
  );
}

export class HandlerCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  /** Documents that look like they have handlers but got no symbols yet (the server still starting): asked again. */
  private readonly retries = new Map<string, number>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly providers: readonly HandlerLensProvider[]) {}

  /** Asks again (once the language server runs, its symbols are there). */
  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (document.uri.scheme !== 'file' || this.providers.length === 0) return [];
    const symbols = await documentSymbols(document.uri);
    if (token.isCancellationRequested) return [];
    const handlers = eventHandlerSymbols(symbols, vscode.SymbolKind.Event);
    this.retryIfEarly(document, handlers.length);
    const lenses: vscode.CodeLens[] = [];
    for (const h of handlers) {
      const target: HandlerLensTarget = { document, handler: h.name, range: h.range };
      const lensRange = new vscode.Range(h.range.start.line, 0, h.range.start.line, 0);
      for (const provide of this.providers) {
        const command = provide(target);
        if (command) lenses.push(new vscode.CodeLens(lensRange, command));
      }
    }
    return lenses;
  }

  private retryIfEarly(document: vscode.TextDocument, found: number): void {
    const key = document.uri.toString();
    if (found > 0 || !/^[ \t]*(?:(?:Public|Private)[ \t]+)?Sub[ \t]+On\w+/im.test(document.getText())) {
      this.retries.delete(key);
      return;
    }
    const n = this.retries.get(key) ?? 0;
    if (n >= 10 || this.retryTimer) return;
    this.retries.set(key, n + 1);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.changed.fire();
    }, 1000);
  }

  dispose(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.changed.dispose();
  }
}

export function registerHandlerCodeLens(context: vscode.ExtensionContext, providers: readonly HandlerLensProvider[]): HandlerCodeLensProvider {
  const provider = new HandlerCodeLensProvider(providers);
  context.subscriptions.push(
    provider,
    vscode.languages.registerCodeLensProvider(
      SERVER_LANGUAGES.map((language) => ({ language, scheme: 'file' })),
      provider,
    ),
    vscode.workspace.onDidGrantWorkspaceTrust(() => provider.refresh()),
  );
  return provider;
}
