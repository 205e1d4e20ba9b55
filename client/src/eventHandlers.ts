/**
 * "hMailServer: Insert event handler": a quick pick of the events of the configured version, as
 * the language server offers them after `Sub ` (from the API data; no list here), leaving out the
 * handlers the file already has.
 */
import * as vscode from 'vscode';
import { COMMANDS, JSCRIPT, VBSCRIPT } from './constants';
import { completionCall, handlerSnippet } from './handlerText';
import type { HmailLanguageClient } from './languageClient';
import { configuredVersion } from './version';

/** JScript handler names already defined, as written: JScript is case-sensitive, so `OnHelo` does not stand in for `OnHELO`. */
function jscriptHandlers(text: string): Set<string> {
  return new Set([...text.matchAll(/^\s*function\s+(\w+)\s*\(/gm)].map((m) => m[1]));
}

export function registerInsertEventHandler(context: vscode.ExtensionContext, client: HmailLanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerTextEditorCommand(COMMANDS.insertEventHandler, async (editor) => {
      const doc = editor.document;
      if (doc.languageId !== VBSCRIPT && doc.languageId !== JSCRIPT) {
        void vscode.window.showInformationMessage('Insert event handler works in EventHandlers.vbs or EventHandlers.js.');
        return;
      }
      const jscript = doc.languageId === JSCRIPT;
      let items;
      try {
        items = await client.eventHandlerCompletions(jscript ? '' : doc.getText());
      } catch (e) {
        void vscode.window.showErrorMessage(`hMailServer: the language server did not answer: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
      const defined = jscript ? jscriptHandlers(doc.getText()) : new Set<string>();
      const picks = items
        .filter((i) => !defined.has(i.label))
        .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
        .map((i) => {
          const call = completionCall({ label: i.label, insertText: typeof i.insertText === 'string' ? i.insertText : undefined, textEdit: i.textEdit && 'newText' in i.textEdit ? i.textEdit : undefined });
          const doc = typeof i.documentation === 'string' ? i.documentation : i.documentation?.value;
          return { label: i.label, description: jscript ? call.replace(/^/, 'function ') : i.detail, detail: doc?.split('\n').find((l) => l.trim() && !l.startsWith('```'))?.trim(), call };
        });
      if (picks.length === 0) {
        void vscode.window.showInformationMessage(`Every event of hMailServer ${configuredVersion()} already has a handler in this file.`);
        return;
      }
      const picked = await vscode.window.showQuickPick(picks, {
        title: `Insert event handler (hMailServer ${configuredVersion()})`,
        placeHolder: 'Event',
        matchOnDescription: true,
        matchOnDetail: true,
      });
      if (!picked) return;
      const indent = editor.options.insertSpaces ? ' '.repeat(Number(editor.options.indentSize ?? editor.options.tabSize) || 4) : '\t';
      const at = await insertionPoint(doc, editor.selection.active);
      const line = doc.lineAt(at.line);
      // One blank line between the new handler and the code above it.
      const above = line.isEmptyOrWhitespace ? (at.line > 0 ? doc.lineAt(at.line - 1) : undefined) : line;
      const lead = (line.isEmptyOrWhitespace ? '' : '\n') + (above && !above.isEmptyOrWhitespace ? '\n' : '');
      await editor.insertSnippet(new vscode.SnippetString(lead + handlerSnippet(jscript ? 'jscript' : 'vbscript', picked.call, indent)), line.isEmptyOrWhitespace ? line.range.start : line.range.end);
    }),
  );
}

/**
 * A handler is a top-level block: at the cursor when it is outside every procedure and class,
 * else after the block the cursor is in (the outline comes from the language server).
 */
async function insertionPoint(doc: vscode.TextDocument, cursor: vscode.Position): Promise<vscode.Position> {
  let symbols: (vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined;
  try {
    symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri);
  } catch {
    symbols = undefined;
  }
  const ranges = (symbols ?? []).map((s) => ('range' in s ? s.range : s.location.range));
  const enclosing = ranges.find((r) => r.contains(cursor) && r.start.line !== r.end.line);
  if (enclosing) return new vscode.Position(enclosing.end.line, 0);
  return new vscode.Position(cursor.line, 0);
}
