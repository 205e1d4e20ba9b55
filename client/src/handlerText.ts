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
