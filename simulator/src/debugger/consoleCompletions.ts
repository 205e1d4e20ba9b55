/**
 * VBScript debug-console completions (JScript's are `jsCompletions.ts`, answered in the worker)
 * from the shared analysis (the one the language server uses): the
 * console line is analysed as if it were written at the stopped statement, so it sees that
 * frame's locals, the script's names, the event's named items and members by type
 * (`oMessage.` lists Message members for the configured hMailServer version).
 */
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { BuiltinCatalog, CompletionKind, ServerVersion } from '../index';
import { simulator } from './simulator';

const ITEM_TYPES: Record<CompletionKind, DebugProtocol.CompletionItemType> = {
  event: 'function',
  method: 'method',
  property: 'property',
  variable: 'variable',
  constant: 'value',
  function: 'function',
  class: 'class',
  keyword: 'keyword',
  progId: 'text',
  namedItem: 'variable',
  parameter: 'variable',
};

/**
 * `text` is the console line, `column` the 0-based cursor in it; `line` (1-based) is where the
 * stopped frame is in `source`. Returned `start`s are 0-based positions in `text`.
 */
let catalog: BuiltinCatalog | undefined;

/** The runtime's built-ins plus the sandbox's COM objects: what a simulated run accepts (as the language server sees them). */
function builtins(): BuiltinCatalog {
  const { builtinCatalog, sandboxProgIdNames } = simulator();
  catalog ??= builtinCatalog(sandboxProgIdNames());
  return catalog;
}

export function consoleCompletions(source: string, line: number, text: string, column: number, version: ServerVersion): DebugProtocol.CompletionItem[] {
  // `? expr` is the console's print command, not VBScript: blank it out, keeping columns.
  const code = text.replace(/^(\s*)\?/, '$1 ');
  const lines = source.split(/\r\n|\r|\n/);
  const at = Math.max(0, Math.min(line - 1, lines.length));
  const before = lines.slice(0, at).join('\n') + (at > 0 ? '\n' : '');
  const document = before + code + '\n' + lines.slice(at).join('\n');
  const offset = before.length + Math.min(column, code.length);
  const { analyze, completionsAt } = simulator();
  const analysis = analyze(document, { version, builtins: builtins() });
  return completionsAt(analysis, offset).map((entry) => {
    const item: DebugProtocol.CompletionItem = { label: entry.label, type: ITEM_TYPES[entry.kind] };
    if (entry.insertText !== undefined) item.text = entry.insertText;
    if (entry.detail !== undefined) item.detail = entry.detail;
    if (entry.sortText !== undefined) item.sortText = entry.sortText;
    if (entry.replaceStart !== undefined) {
      item.start = entry.replaceStart - before.length;
      item.length = offset - entry.replaceStart;
    }
    return item;
  });
}
