/**
 * Debugging with the `hmailserver` debug type. The adapter (`dist/debugAdapter.js`) runs as its
 * own process — the same program the tests drive — so a looping handler can never freeze the
 * editor. Launch configurations get the version and time limit from the settings when they do
 * not say (a scenario file's own settings still win, inside the adapter); F5 without a launch.json
 * debugs the open scenario, or the open handler file with a scenario that uses it.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { HandlerLensProvider } from '../codelens/handlerLens';
import { COMMANDS, LANGUAGES, SECTION } from '../constants';
import type { ScenarioServices } from '../scenarios/commands';
import { readReport, type ScenarioRunResult } from '../scenarios/runner';
import type { ScenarioTestProfile } from '../testing/scenarioTests';
import { requireTrust } from '../trust';
import { configuredVersion } from '../version';

export const DEBUG_TYPE = 'hmailserver';

export function registerDebugSupport(context: vscode.ExtensionContext, scenarios: ScenarioServices): void {
  const findScenario = async (script: vscode.Uri): Promise<vscode.Uri | undefined> => {
    const file = await scenarios.pickScenario(script.fsPath, undefined, 'Debug');
    return file ? vscode.Uri.file(file) : undefined;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.debugScenario, async (target?: vscode.Uri | string, handler?: string) => {
      if (!(await requireTrust('Debugging'))) return;
      const uri = typeof target === 'string' ? vscode.Uri.file(target) : (target ?? vscode.window.activeTextEditor?.document.uri);
      if (!uri) return;
      const scenario = uri.fsPath.endsWith('.scenario.json') ? uri : await findScenario(uri);
      if (!scenario) return;
      const config = { ...scenarioConfiguration(scenario), ...(handler ? { stopOnEvent: [handler] } : {}) };
      await vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(scenario), config);
    }),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, {
      createDebugAdapterDescriptor: () => new vscode.DebugAdapterExecutable(process.execPath, [context.asAbsolutePath('dist/debugAdapter.js')]),
    }),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new ConfigurationProvider(findScenario)),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new DynamicProvider(), vscode.DebugConfigurationProviderTriggerKind.Dynamic),
  );
}

/** A launch configuration for a scenario file. */
export function scenarioConfiguration(scenario: vscode.Uri, name = `Debug ${scenario.path.split('/').pop()}`): vscode.DebugConfiguration {
  return { type: DEBUG_TYPE, request: 'launch', name, scenario: scenario.fsPath };
}

class ConfigurationProvider implements vscode.DebugConfigurationProvider {
  constructor(private readonly findScenario: (script: vscode.Uri) => Promise<vscode.Uri | undefined>) {}


  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    return [{ type: DEBUG_TYPE, request: 'launch', name: 'Debug scenario', scenario: '${file}', stopOnEntry: false }];
  }

  async resolveDebugConfiguration(folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
    if (!(await requireTrust('Debugging'))) return undefined;
    if (!config.type && !config.request && !config.name) {
      // F5 without a launch.json: the open scenario, or a scenario for the open handler file.
      const doc = vscode.window.activeTextEditor?.document;
      // The debugger is offered for JSON so F5 reaches us from a scenario editor; other JSON files get a hint.
      if (doc?.languageId === 'json' && !doc.fileName.endsWith('.scenario.json')) {
        void vscode.window.showInformationMessage('hMailServer: F5 debugs a *.scenario.json file, EventHandlers.vbs or EventHandlers.js — open one, or add a launch configuration.');
        return undefined;
      }
      if (doc?.fileName.endsWith('.scenario.json')) config = scenarioConfiguration(doc.uri);
      else if (doc && (LANGUAGES as readonly string[]).includes(doc.languageId)) {
        const scenario = await this.findScenario(doc.uri);
        if (!scenario) {
          void vscode.window.showInformationMessage('hMailServer: no scenario uses this script yet — create one with "hMailServer: New scenario from .eml".');
          return undefined;
        }
        config = scenarioConfiguration(scenario);
      } else return undefined;
    }
    const settings = vscode.workspace.getConfiguration(SECTION);
    return {
      ...config,
      hmailserver: config.hmailserver ?? configuredVersion(),
      timeoutSeconds: config.timeoutSeconds ?? settings.get<number>('scriptTimeLimit'),
      cwd: config.cwd ?? folder?.uri.fsPath,
    };
  }
}

/** "Debug this handler": offered in the Run and Debug view for the open scenario. */
class DynamicProvider implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.fileName.endsWith('.scenario.json')) return [scenarioConfiguration(doc.uri, 'Debug this scenario')];
    return [];
  }
}

/** "Debug": above each handler, next to "Run scenario" — stops when the scenario reaches this handler. */
export const debugScenarioLens: HandlerLensProvider = (target) => ({
  title: 'Debug',
  tooltip: `Debug a scenario that uses ${vscode.workspace.asRelativePath(target.document.uri)}, stopping when ${target.handler} starts`,
  command: COMMANDS.debugScenario,
  arguments: [target.document.uri, target.handler],
});

/** The Testing view's "Debug" profile: the scenario under the debugger, judged from its report like "Run". */
export function debugTestProfile(): ScenarioTestProfile {
  return {
    label: 'Debug',
    kind: vscode.TestRunProfileKind.Debug,
    async runTest(test, _run, token): Promise<ScenarioRunResult | undefined> {
      const outDir = mkdtempSync(path.join(os.tmpdir(), 'hmailsim-debug-'));
      const scenario = vscode.Uri.file(test.info.file);
      const started = Date.now();
      const name = `Debug ${path.basename(test.info.file)}`;
      const ended = new Promise<void>((resolve) => {
        const done = vscode.debug.onDidTerminateDebugSession((s) => {
          if (s.configuration.name === name) {
            done.dispose();
            resolve();
          }
        });
        token.onCancellationRequested(() => {
          void vscode.debug.stopDebugging();
          done.dispose();
          resolve();
        });
      });
      const launched = await vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(scenario), { ...scenarioConfiguration(scenario, name), output: outDir });
      if (!launched) return undefined;
      await ended;
      const report = readReport(outDir);
      return { exitCode: report ? 0 : null, output: '', error: report ? '' : 'the debug session ended before the run finished', report, outDir, timedOut: false, cancelled: token.isCancellationRequested, durationMs: Date.now() - started };
    },
  };
}
