/**
 * "Run scenario" and "New scenario from .eml". Runs go through the CLI in a child process
 * (`runner.ts`); the readable report goes to the "hMailServer Scenarios" output channel and the
 * outcome to a notification. CodeLens and the Test Explorer reuse `runScenarioFile`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS, EXCLUDE_GLOB, LANGUAGES, SCENARIO_GLOB, SCRIPT_GLOB, SECTION } from '../constants';
import { requireTrust } from '../trust';
import { configuredVersion } from '../version';
import { newScenario } from './newScenario';
import { startScenarioRun, summarize, type ScenarioRunResult } from './runner';
import { readScenarioInfo, samePath, type ScenarioInfo } from './scenarioFile';

export interface ScenarioServices {
  readonly output: vscode.OutputChannel;
  runScenarioFile(file: string): Promise<ScenarioRunResult | undefined>;
}

const isScenarioPath = (p: string) => /\.scenario\.json$/i.test(p);
const isScriptDocument = (doc: vscode.TextDocument) => (LANGUAGES as readonly string[]).includes(doc.languageId);

async function findScenarios(): Promise<ScenarioInfo[]> {
  const uris = await vscode.workspace.findFiles(SCENARIO_GLOB, EXCLUDE_GLOB, 500);
  return uris.filter((u) => u.scheme === 'file').map((u) => readScenarioInfo(u.fsPath)).sort((a, b) => a.file.localeCompare(b.file));
}

async function pickScenario(script: string | undefined): Promise<string | undefined> {
  const all = await findScenarios();
  const forScript = script ? all.filter((s) => s.script && samePath(s.script, script)) : [];
  const candidates = forScript.length > 0 ? forScript : all;
  if (candidates.length === 0) {
    const create = 'New Scenario from .eml…';
    const choice = await vscode.window.showInformationMessage('There is no *.scenario.json in this workspace yet.', create);
    if (choice === create) await vscode.commands.executeCommand(COMMANDS.newScenarioFromEml);
    return undefined;
  }
  if (candidates.length === 1) return candidates[0].file;
  const picked = await vscode.window.showQuickPick(
    candidates.map((s) => ({ label: s.name, description: vscode.workspace.asRelativePath(s.file), file: s.file })),
    { title: 'Run scenario', placeHolder: script ? `Scenarios of ${path.basename(script)}` : 'Scenario' },
  );
  return picked?.file;
}

async function saveIfDirty(file: string | undefined): Promise<void> {
  if (!file) return;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && samePath(d.uri.fsPath, file));
  if (doc?.isDirty) await doc.save();
}

export function registerScenarioCommands(context: vscode.ExtensionContext): ScenarioServices {
  const output = vscode.window.createOutputChannel('hMailServer Scenarios');
  const cliPath = context.asAbsolutePath(path.join('dist', 'cli.js'));

  async function runScenarioFile(file: string): Promise<ScenarioRunResult | undefined> {
    if (!(await requireTrust('Running a scenario'))) return undefined;
    const info = readScenarioInfo(file);
    await saveIfDirty(file);
    await saveIfDirty(info.script);
    const timeoutSeconds = vscode.workspace.getConfiguration(SECTION).get<number>('scriptTimeLimit');
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Running scenario "${info.name}"…`, cancellable: true },
      (_progress, token) => {
        const run = startScenarioRun({ cliPath, scenarioPath: file, timeoutSeconds });
        token.onCancellationRequested(() => run.cancel());
        return run.result;
      },
    );
    output.appendLine(`▶ ${vscode.workspace.asRelativePath(file)}  (${new Date().toLocaleTimeString()}, ${result.durationMs} ms)`);
    if (result.output) output.append(result.output.endsWith('\n') ? result.output : result.output + '\n');
    if (result.error) output.appendLine(result.error);
    if (!result.output) output.appendLine(`Run folder: ${result.outDir}`);
    output.appendLine('');
    const { text, severity } = summarize(info.name, result);
    const show = 'Show Report';
    const openMessage = 'Open Message';
    const messageFile = result.report?.message?.file ? path.join(result.outDir, result.report.message.file) : undefined;
    const buttons = messageFile ? [show, openMessage] : [show];
    const notify = (message: string, ...items: string[]) =>
      severity === 'error'
        ? vscode.window.showErrorMessage(message, ...items)
        : severity === 'warning'
          ? vscode.window.showWarningMessage(message, ...items)
          : vscode.window.showInformationMessage(message, ...items);
    void notify(text, ...buttons).then((choice) => {
      if (choice === show) output.show(true);
      if (choice === openMessage && messageFile) void vscode.window.showTextDocument(vscode.Uri.file(messageFile), { preview: true });
    });
    return result;
  }

  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(COMMANDS.runScenario, async (uri?: vscode.Uri) => {
      let file = uri instanceof vscode.Uri && uri.scheme === 'file' ? uri.fsPath : undefined;
      const active = vscode.window.activeTextEditor?.document;
      if (!file && active?.uri.scheme === 'file' && isScenarioPath(active.uri.fsPath)) file = active.uri.fsPath;
      if (!file) file = await pickScenario(active && isScriptDocument(active) && active.uri.scheme === 'file' ? active.uri.fsPath : undefined);
      if (file) await runScenarioFile(file);
    }),
    vscode.commands.registerCommand(COMMANDS.newScenarioFromEml, (uri?: vscode.Uri) => newScenarioFromEml(uri)),
  );
  return { output, runScenarioFile };
}

async function pickScript(hint: vscode.Uri | undefined): Promise<string | undefined> {
  if (hint?.scheme === 'file' && /^EventHandlers\.(vbs|js)$/i.test(path.basename(hint.fsPath))) return hint.fsPath;
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

async function newScenarioFromEml(hint?: vscode.Uri): Promise<void> {
  const script = await pickScript(hint);
  if (!script) return;
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
  if (!eml) return;
  const created = newScenario(script, eml, configuredVersion(), existsSync);
  const uri = vscode.Uri.file(created.file);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(created.content));
  await vscode.window.showTextDocument(uri);
}
