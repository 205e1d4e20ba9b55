/**
 * "Run scenario" and "New scenario from .eml". Runs go through the CLI in a child process
 * (`runner.ts`); the readable report goes to the "hMailServer Scenarios" output channel, the
 * outcome to a notification, and the run to the last-run store (transcript, message diff).
 * The CodeLens runs `hmailserver.runScenario` with the handler file; the Testing view uses
 * `startRun` and records its runs with `recordRun`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS, EXCLUDE_GLOB, LANGUAGES, SCENARIO_GLOB, SCRIPT_GLOB, SECTION } from '../constants';
import { requireTrust } from '../trust';
import { configuredVersion } from '../version';
import type { LastRunStore } from './lastRun';
import { newScenario } from './newScenario';
import { startScenarioRun, summarize, type RunningScenario, type ScenarioRunResult } from './runner';
import { readScenarioInfo, samePath, scenariosForScript, type ScenarioInfo } from './scenarioFile';

export interface ScenarioServices {
  readonly output: vscode.OutputChannel;
  /** Runs a scenario as the Run command does: trust, save, progress with Cancel, notification. */
  runScenarioFile(file: string): Promise<ScenarioRunResult | undefined>;
  /** Starts the CLI on a scenario (no trust check, no UI): the scenario's time limit, else the setting. */
  startRun(info: ScenarioInfo, outDir?: string): RunningScenario;
  /** Makes a finished run the last run (for the transcript and the message diff). */
  recordRun(info: ScenarioInfo, result: ScenarioRunResult): void;
  /** Saves the scenario and its script when they have unsaved changes. */
  saveScenarioFiles(info: ScenarioInfo): Promise<void>;
  /**
   * The scenario to run for a handler file (what the "▶ Run scenario" lens asks): the one that
   * uses it, a pick when several do, an offer to create one from an .eml when none does.
   */
  pickScenario(script: string | undefined, handler?: string, action?: string): Promise<string | undefined>;
}

const isScenarioPath = (p: string) => /\.scenario\.json$/i.test(p);
const isScriptDocument = (doc: vscode.TextDocument) => (LANGUAGES as readonly string[]).includes(doc.languageId);

export async function findScenarios(): Promise<ScenarioInfo[]> {
  const uris = await vscode.workspace.findFiles(SCENARIO_GLOB, EXCLUDE_GLOB, 500);
  return uris.filter((u) => u.scheme === 'file').map((u) => readScenarioInfo(u.fsPath)).sort((a, b) => a.file.localeCompare(b.file));
}

/** The scenario picked last (this session), offered first the next time. */
let lastPicked: string | undefined;

function quickPickScenario(candidates: ScenarioInfo[], title: string, placeHolder: string): Thenable<string | undefined> {
  const ordered = [...candidates].sort((a, b) => Number(b.file === lastPicked) - Number(a.file === lastPicked));
  return vscode.window
    .showQuickPick(
      ordered.map((s) => ({
        label: s.name,
        description: vscode.workspace.asRelativePath(s.file),
        detail: s.file === lastPicked ? 'last run' : undefined,
        file: s.file,
      })),
      { title, placeHolder, matchOnDescription: true },
    )
    .then((picked) => {
      if (picked) lastPicked = picked.file;
      return picked?.file;
    });
}

/**
 * The scenario to run for a handler file: the one that uses it, a quick pick when several do;
 * when none does, an offer to create one from an .eml (or to pick any other scenario).
 * Without a script, any scenario of the workspace.
 */
async function pickScenario(script: string | undefined, handler?: string, action = 'Run'): Promise<string | undefined> {
  const all = await findScenarios();
  const title = `${action} scenario`;
  if (!script) {
    if (all.length === 0) return offerNewScenario(undefined, 'There is no *.scenario.json in this workspace yet.', [], title);
    return all.length === 1 ? all[0].file : quickPickScenario(all, title, 'Scenario');
  }
  const forScript = scenariosForScript(all, script);
  if (forScript.length === 1) return forScript[0].file;
  if (forScript.length > 1) {
    return quickPickScenario(forScript, handler ? `${title}: ${handler}` : title, `Scenarios that run ${path.basename(script)}`);
  }
  return offerNewScenario(script, `No scenario runs ${vscode.workspace.asRelativePath(script)} yet.`, all, title);
}

async function offerNewScenario(script: string | undefined, text: string, others: ScenarioInfo[], title: string): Promise<string | undefined> {
  const create = 'New Scenario from .eml…';
  const pickOther = 'Pick Another Scenario…';
  const choice = await vscode.window.showInformationMessage(`${text} Create one from a message (.eml)?`, create, ...(others.length > 0 ? [pickOther] : []));
  if (choice === pickOther) return quickPickScenario(others, title, 'Scenarios of the workspace');
  if (choice !== create) return undefined;
  return newScenarioFromEml(script ? vscode.Uri.file(script) : undefined);
}

async function saveIfDirty(file: string | undefined): Promise<void> {
  if (!file) return;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && samePath(d.uri.fsPath, file));
  if (doc?.isDirty) await doc.save();
}

export function registerScenarioCommands(context: vscode.ExtensionContext, lastRun: LastRunStore): ScenarioServices {
  const output = vscode.window.createOutputChannel('hMailServer Scenarios');
  const cliPath = context.asAbsolutePath(path.join('dist', 'cli.js'));

  function startRun(info: ScenarioInfo, outDir?: string): RunningScenario {
    // --timeout replaces the scenario's own limit on the command line: pass the scenario's when it has one.
    const timeoutSeconds = info.timeoutSeconds ?? vscode.workspace.getConfiguration(SECTION).get<number>('scriptTimeLimit');
    return startScenarioRun({ cliPath, scenarioPath: info.file, timeoutSeconds, outDir });
  }

  function recordRun(info: ScenarioInfo, result: ScenarioRunResult): void {
    lastRun.set({ scenarioFile: info.file, name: info.name, message: info.message, result, finishedAt: new Date() });
  }

  async function saveScenarioFiles(info: ScenarioInfo): Promise<void> {
    await saveIfDirty(info.file);
    await saveIfDirty(info.script);
  }

  async function runScenarioFile(file: string): Promise<ScenarioRunResult | undefined> {
    if (!(await requireTrust('Running a scenario'))) return undefined;
    await saveIfDirty(file);
    const info = readScenarioInfo(file);
    await saveIfDirty(info.script);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Running scenario "${info.name}"…`, cancellable: true },
      (_progress, token) => {
        const run = startRun(info);
        token.onCancellationRequested(() => run.cancel());
        return run.result;
      },
    );
    recordRun(info, result);
    output.appendLine(`▶ ${vscode.workspace.asRelativePath(file)}  (${new Date().toLocaleTimeString()}, ${result.durationMs} ms)`);
    if (result.output) output.append(result.output.endsWith('\n') ? result.output : result.output + '\n');
    if (result.error) output.appendLine(result.error);
    if (!result.output) output.appendLine(`Run folder: ${result.outDir}`);
    output.appendLine('');
    const { text, severity } = summarize(info.name, result);
    const show = 'Show Report';
    const transcript = 'Transcript';
    const diff = 'Message Diff';
    const buttons = result.report ? [show, transcript, ...(result.report.message?.file ? [diff] : [])] : [show];
    const notify = (message: string, ...items: string[]) =>
      severity === 'error'
        ? vscode.window.showErrorMessage(message, ...items)
        : severity === 'warning'
          ? vscode.window.showWarningMessage(message, ...items)
          : vscode.window.showInformationMessage(message, ...items);
    void notify(text, ...buttons).then((choice) => {
      if (choice === show) output.show(true);
      if (choice === transcript) void vscode.commands.executeCommand(COMMANDS.showTranscript);
      if (choice === diff) void vscode.commands.executeCommand(COMMANDS.showMessageDiff);
    });
    return result;
  }

  context.subscriptions.push(
    output,
    // Arguments: a scenario file (explorer, editor title), or a handler file and the handler's name (CodeLens).
    vscode.commands.registerCommand(COMMANDS.runScenario, async (uri?: vscode.Uri, handler?: string) => {
      if (!(await requireTrust('Running a scenario'))) return;
      const given = uri instanceof vscode.Uri && uri.scheme === 'file' ? uri.fsPath : undefined;
      let file = given && isScenarioPath(given) ? given : undefined;
      let script = given && !file ? given : undefined;
      const active = vscode.window.activeTextEditor?.document;
      if (!given && active?.uri.scheme === 'file' && isScenarioPath(active.uri.fsPath)) file = active.uri.fsPath;
      if (!given && !file && active && isScriptDocument(active) && active.uri.scheme === 'file') script = active.uri.fsPath;
      if (!file) file = await pickScenario(script, typeof handler === 'string' ? handler : undefined);
      if (file) await runScenarioFile(file);
    }),
    vscode.commands.registerCommand(COMMANDS.newScenarioFromEml, (uri?: vscode.Uri) => newScenarioFromEml(uri)),
  );
  return { output, runScenarioFile, startRun, recordRun, saveScenarioFiles, pickScenario };
}

async function pickScript(hint: vscode.Uri | undefined): Promise<string | undefined> {
  // A handler file: EventHandlers.vbs/.js, or any .vbs opened as ours (hmailserver.associateAllVbs) from a CodeLens.
  if (hint?.scheme === 'file' && /\.(vbs|js)$/i.test(hint.fsPath)) return hint.fsPath;
  const active = vscode.window.activeTextEditor?.document;
  if (active && isScriptDocument(active) && active.uri.scheme === 'file') return active.uri.fsPath;
  const found = (await vscode.workspace.findFiles(SCRIPT_GLOB, EXCLUDE_GLOB, 50)).filter((u) => u.scheme === 'file');
  if (found.length === 1) return found[0].fsPath;
  if (found.length > 1) {
    const picked = await vscode.window.showQuickPick(
      found.map((u) => ({ label: vscode.workspace.asRelativePath(u), file: u.fsPath })),
      { title: 'New scenario: which event handler file?' },
    );
    return picked?.file;
  }
  const chosen = await vscode.window.showOpenDialog({
    title: 'New scenario: the event handler file',
    filters: { 'hMailServer event handlers': ['vbs', 'js'] },
    canSelectMany: false,
  });
  return chosen?.[0]?.fsPath;
}

/** Creates a scenario for a handler file and an .eml, opens it, and returns its path. */
async function newScenarioFromEml(hint?: vscode.Uri): Promise<string | undefined> {
  const script = await pickScript(hint);
  if (!script) return undefined;
  let eml = hint?.scheme === 'file' && /\.eml$/i.test(hint.fsPath) ? hint.fsPath : undefined;
  if (!eml) {
    const chosen = await vscode.window.showOpenDialog({
      title: 'New scenario: the message (.eml) the client sends',
      defaultUri: vscode.Uri.file(path.dirname(script)),
      filters: { 'E-mail messages': ['eml'], 'All files': ['*'] },
      canSelectMany: false,
      openLabel: 'Use this message',
    });
    eml = chosen?.[0]?.fsPath;
  }
  if (!eml) return undefined;
  const created = newScenario(script, eml, configuredVersion(), existsSync);
  const uri = vscode.Uri.file(created.file);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(created.content));
  await vscode.window.showTextDocument(uri);
  return created.file;
}
