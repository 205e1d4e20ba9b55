/**
 * The extension's entry point. Each feature registers itself from its own module; CodeLens, the
 * Test Explorer and the debugger join the list below with the services they need.
 */
import * as vscode from 'vscode';
import { registerAssociations } from './associations';
import { registerInsertEventHandler } from './eventHandlers';
import { HmailLanguageClient } from './languageClient';
import { registerScenarioCommands } from './scenarios/commands';
import { registerVersion } from './version';

let client: HmailLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = new HmailLanguageClient(context);
  registerAssociations(context);
  registerVersion(context);
  registerInsertEventHandler(context, client);
  registerScenarioCommands(context);
  try {
    await client.start();
  } catch (e) {
    void vscode.window.showErrorMessage(`hMailServer: the language server did not start: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.dispose();
  client = undefined;
}
