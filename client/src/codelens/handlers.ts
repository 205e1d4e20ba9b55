/**
 * The event handlers of a document, from the language server's document symbols: the server
 * marks a procedure hMailServer calls as an event (SymbolKind.Event, detail "event handler"),
 * from the API data of the configured version, so no event list lives in the client.
 * No vscode import: the tests feed it the server's answer.
 */

export interface SymbolLike<R> {
  name: string;
  kind: number;
  detail?: string;
  range: R;
  selectionRange?: R;
  children?: readonly SymbolLike<R>[];
}

export interface HandlerSymbol<R> {
  /** The handler as written (`OnAcceptMessage`). */
  name: string;
  /** The whole Sub; the lens goes above its first line. */
  range: R;
}

/**
 * Top-level symbols of kind `eventKind` (methods of a class are never called by the server).
 * `eventKind` is the numbering of the caller's API: LSP's 24, or VS Code's `SymbolKind.Event` (23).
 */
export function eventHandlerSymbols<R>(symbols: readonly SymbolLike<R>[] | null | undefined, eventKind: number): HandlerSymbol<R>[] {
  return (symbols ?? []).filter((s) => s.kind === eventKind).map((s) => ({ name: s.name, range: s.range }));
}
