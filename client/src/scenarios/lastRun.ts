/**
 * The last run, whoever made it (the Run command, a CodeLens, the Testing view), and the two
 * views of it: "Show SMTP transcript of the last run" (a read-only virtual document that follows
 * the last run) and "Show message diff" (the `.eml` as sent against the message as queued).
 * From a test item's context menu both show that scenario's last run instead.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../constants';
import { messageDiffTarget, transcriptText, type LastRun } from './runViews';
import { samePath } from './scenarioFile';

export const RUN_SCHEME = 'hmailserver-run';
/** The transcript of the last run, whatever the scenario. */
export const TRANSCRIPT_URI = vscode.Uri.from({ scheme: RUN_SCHEME, path: '/SMTP transcript.log' });

/** The transcript of one scenario's last run. */
function scenarioTranscriptUri(run: LastRun): vscode.Uri {
  return vscode.Uri.from({ scheme: RUN_SCHEME, path: `/${run.name.replace(/[\\/:*?"<>|]+/g, '-')} (SMTP transcript).log`, query: run.scenarioFile });
}

export class LastRunStore implements vscode.Disposable {
  private last: LastRun | undefined;
  private readonly byScenario = new Map<string, LastRun>();
  private readonly changed = new vscode.EventEmitter<LastRun>();
  readonly onDidChange = this.changed.event;

  /** The last run of `scenarioFile`, or the last run of all. */
  get(scenarioFile?: string): LastRun | undefined {
    if (scenarioFile === undefined) return this.last;
    return [...this.byScenario.values()].find((r) => samePath(r.scenarioFile, scenarioFile));
  }

  set(run: LastRun): void {
    this.last = run;
    this.byScenario.set(run.scenarioFile, run);
    this.changed.fire(run);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The scenario a command was invoked on: a test item (Testing view) or a scenario file. */
function scenarioArgument(arg: unknown): string | undefined {
  const uri = arg instanceof vscode.Uri ? arg : (arg as { uri?: unknown } | undefined)?.uri;
  return uri instanceof vscode.Uri && uri.scheme === 'file' && /\.scenario\.json$/i.test(uri.fsPath) ? uri.fsPath : undefined;
}

async function noRunYet(scenarioFile: string | undefined): Promise<void> {
  const run = 'Run Scenario';
  const text = scenarioFile ? `${vscode.workspace.asRelativePath(scenarioFile)} has not run in this window yet.` : 'No scenario has run in this window yet.';
  const choice = await vscode.window.showInformationMessage(text, run);
  if (choice === run) await vscode.commands.executeCommand(COMMANDS.runScenario, scenarioFile ? vscode.Uri.file(scenarioFile) : undefined);
}

export async function showTranscript(store: LastRunStore, arg?: unknown): Promise<void> {
  const scenarioFile = scenarioArgument(arg);
  const run = store.get(scenarioFile);
  if (!run) return noRunYet(scenarioFile);
  const doc = await vscode.workspace.openTextDocument(scenarioFile ? scenarioTranscriptUri(run) : TRANSCRIPT_URI);
  await vscode.window.showTextDocument(doc, { preview: true, preserveFocus: false });
}

export async function showMessageDiff(store: LastRunStore, arg?: unknown): Promise<void> {
  const scenarioFile = scenarioArgument(arg);
  const run = store.get(scenarioFile);
  if (!run) return noRunYet(scenarioFile);
  const target = messageDiffTarget(run);
  if ('problem' in target) {
    const open = 'Open Original Message';
    const choice = await vscode.window.showInformationMessage(target.problem, ...(target.original ? [open] : []));
    if (choice === open && target.original) await vscode.window.showTextDocument(vscode.Uri.file(target.original), { preview: true });
    return;
  }
  await vscode.commands.executeCommand('vscode.diff', vscode.Uri.file(target.original), vscode.Uri.file(target.changed), target.title, { preview: true });
}

export function registerRunViews(context: vscode.ExtensionContext, store: LastRunStore): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri) => {
      const run = uri.query ? store.get(uri.query) : store.get();
      return run ? transcriptText(run, vscode.workspace.asRelativePath(run.scenarioFile)) : 'No scenario has run in this window yet.\n';
    },
  };
  context.subscriptions.push(
    store,
    changed,
    store.onDidChange((run) => {
      changed.fire(TRANSCRIPT_URI);
      changed.fire(scenarioTranscriptUri(run));
    }),
    vscode.workspace.registerTextDocumentContentProvider(RUN_SCHEME, provider),
    vscode.commands.registerCommand(COMMANDS.showTranscript, (arg?: unknown) => showTranscript(store, arg)),
    vscode.commands.registerCommand(COMMANDS.showMessageDiff, (arg?: unknown) => showMessageDiff(store, arg)),
  );
}
