/**
 * The extension's entry point. Each feature registers itself from its own module with the
 * services it needs. The CodeLens above each event handler and the Testing view's run profiles
 * come from the two lists below: the debugger adds its "Debug" lens (a `HandlerLensProvider`)
 * and its "Debug" test profile (a `ScenarioTestProfile` of kind `Debug`) there.
 */
import * as vscode from 'vscode';
import { registerAssociations } from './associations';
import { debugScenarioLens, debugTestProfile, registerDebugSupport } from './debug/debugSupport';
import { registerHandlerCodeLens, runScenarioLens, type HandlerLensProvider } from './codelens/handlerLens';
import { registerInsertEventHandler } from './eventHandlers';
import { HmailLanguageClient } from './languageClient';
import { registerScenarioCommands } from './scenarios/commands';
import { LastRunStore, registerRunViews } from './scenarios/lastRun';
import { cliRunProfile, registerScenarioTests, type ScenarioTestProfile } from './testing/scenarioTests';
import { registerVersion } from './version';

let client: HmailLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = new HmailLanguageClient(context);
  registerAssociations(context);
  registerVersion(context);
  registerInsertEventHandler(context, client);
  const lastRun = new LastRunStore();
  registerRunViews(context, lastRun);
  const scenarios = registerScenarioCommands(context, lastRun);

  registerDebugSupport(context, scenarios);
  const handlerLenses: HandlerLensProvider[] = [runScenarioLens, debugScenarioLens];
  const lenses = registerHandlerCodeLens(context, handlerLenses);

  const testProfiles: ScenarioTestProfile[] = [cliRunProfile(scenarios), debugTestProfile()];
  registerScenarioTests(context, scenarios, testProfiles);

  try {
    await client.start();
    lenses.refresh();
  } catch (e) {
    void vscode.window.showErrorMessage(`hMailServer: the language server did not start: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.dispose();
  client = undefined;
}
