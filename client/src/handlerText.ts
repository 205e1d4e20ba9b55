/** The text of a new, empty event handler (no vscode import). */

/** `OnAcceptMessage(oClient, oMessage)` → name and parameter names. */
export function parseCall(call: string): { name: string; params: string[] } | undefined {
  const m = /^\s*(\w+)\s*(?:\(([^)]*)\))?\s*$/.exec(call);
  if (!m) return undefined;
  const params = (m[2] ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  return { name: m[1], params };
}

/** A snippet (VS Code snippet syntax) for the handler, with the body as the final tab stop. */
export function handlerSnippet(language: 'vbscript' | 'jscript', call: string, indent = '\t'): string {
  const parsed = parseCall(call);
  const name = parsed?.name ?? call;
  const params = parsed?.params ?? [];
  const esc = (s: string) => s.replace(/[$}\\]/g, '\\$&');
  if (language === 'jscript') return `function ${esc(name)}(${params.map(esc).join(', ')}) {\n${indent}$0\n}\n`;
  return `Sub ${esc(name)}(${params.map(esc).join(', ')})\n${indent}$0\nEnd Sub\n`;
}

/**
 * The document the client opens on the language server to list the event handlers it offers:
 * the script's text followed by `Sub `, with the cursor after it (handlers the text already
 * defines are left out by the server).
 */
export function eventProbe(text: string): { text: string; position: { line: number; character: number } } {
  const source = text.length === 0 || text.endsWith('\n') ? text : text + '\n';
  return { text: source + 'Sub ', position: { line: source.split('\n').length - 1, character: 4 } };
}

/** What a handler completion inserts: `OnAcceptMessage(oClient, oMessage)`. */
export function completionCall(item: { label: string; insertText?: string; textEdit?: { newText: string } }): string {
  return item.textEdit?.newText ?? item.insertText ?? item.label;
}

/** URI scheme of documents the client opens on the server only to ask it something (never shown). */
export const PROBE_SCHEME = 'hmailserver-probe';
