/**
 * Scenario tests in the Testing view: every `*.scenario.json` with `expect` is a test item
 * (kept up to date by a file watcher). Each run profile is a `ScenarioTestProfile` in the list
 * `extension.ts` passes: "Run" (below) runs the CLI in a child process; the debugger adds its
 * "Debug" profile (kind `Debug`) to the same list. The shared part — which items, trust,
 * saving, cancellation, and turning a run's report into passed/failed with a diff — is here.
 */
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { EXCLUDE_GLOB, SCENARIO_GLOB, TEST_CONTROLLER_ID } from '../constants';
import type { ScenarioServices } from '../scenarios/commands';
import { locateJsonPath, positionAt, type JsonPath } from '../scenarios/jsonLocation';
import type { ScenarioRunResult } from '../scenarios/runner';
import { readScenarioInfo, type ScenarioInfo } from '../scenarios/scenarioFile';
import { scenarioTestSpec, type ScenarioTestSpec } from './testItems';
import { verdictOf } from './verdict';

/** One scenario test being run. */
export interface ScenarioTestCase {
  item: vscode.TestItem;
  /** The scenario as read just before the run (after saving it). */
  info: ScenarioInfo;
}

/**
 * A run profile of the Testing view. `runTest` runs one scenario: it returns the run's result
 * (the shared part then passes or fails the item from the report and `expect`, and makes it the
 * last run), or nothing when it has reported on `test.item` itself. It must stop when `token`
 * is cancelled.
 */
export interface ScenarioTestProfile {
  label: string;
  kind: vscode.TestRunProfileKind;
  isDefault?: boolean;
  runTest(test: ScenarioTestCase, run: vscode.TestRun, token: vscode.CancellationToken): Promise<ScenarioRunResult | undefined>;
}

export interface ScenarioTests {
  readonly controller: vscode.TestController;
  /** Passes, fails, errors or skips `item` from a finished run (what "Run" does with each result). */
  report(run: vscode.TestRun, test: ScenarioTestCase, result: ScenarioRunResult): Promise<void>;
  /** Finds every scenario of the workspace again. */
  refresh(): Promise<void>;
  /** Adds a run profile after registration (the list given to `registerScenarioTests` is the usual way). */
  addProfile(profile: ScenarioTestProfile): vscode.TestRunProfile;
}

/** "Run": the CLI in a child process, killed when the run is cancelled. */
export function cliRunProfile(services: ScenarioServices): ScenarioTestProfile {
  return {
    label: 'Run',
    kind: vscode.TestRunProfileKind.Run,
    isDefault: true,
    runTest: async (test, _run, token) => {
      const running = services.startRun(test.info);
      const subscription = token.onCancellationRequested(() => running.cancel());
      try {
        return await running.result;
      } finally {
        subscription.dispose();
      }
    },
  };
}

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return await readFile(uri.fsPath, 'utf8');
  } catch {
    return undefined;
  }
}

function rangeOf(spec: ScenarioTestSpec): vscode.Range | undefined {
  const r = spec.range;
  return r ? new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) : undefined;
}

/** Where `path` is written in the scenario (its nearest ancestor, or the top of the file). */
async function locationOf(file: string, path: JsonPath): Promise<vscode.Location> {
  const uri = vscode.Uri.file(file);
  const text = await readText(uri);
  const at = text === undefined ? undefined : locateJsonPath(text, path);
  if (!text || !at) return new vscode.Location(uri, new vscode.Position(0, 0));
  const start = positionAt(text, at.start);
  const end = positionAt(text, at.end);
  return new vscode.Location(uri, new vscode.Range(start.line, start.character, end.line, end.character));
}

export function registerScenarioTests(
  context: vscode.ExtensionContext,
  services: ScenarioServices,
  profiles: readonly ScenarioTestProfile[],
): ScenarioTests {
  const controller = vscode.tests.createTestController(TEST_CONTROLLER_ID, 'hMailServer scenarios');
  context.subscriptions.push(controller);

  const excluded = (uri: vscode.Uri) => uri.scheme !== 'file' || /[\\/](node_modules|\.git)[\\/]/.test(uri.fsPath);

  async function update(uri: vscode.Uri): Promise<void> {
    if (excluded(uri)) return;
    const text = await readText(uri);
    const spec = text === undefined ? undefined : scenarioTestSpec(uri.fsPath, text, vscode.workspace.asRelativePath(uri));
    if (!spec) {
      controller.items.delete(uri.fsPath);
      return;
    }
    const existing = controller.items.get(spec.id);
    const item = existing ?? controller.createTestItem(spec.id, spec.label, uri);
    item.label = spec.label;
    item.description = spec.description;
    item.sortText = spec.description;
    item.range = rangeOf(spec);
    if (!existing) controller.items.add(item);
  }

  async function refresh(): Promise<void> {
    const uris = (await vscode.workspace.findFiles(SCENARIO_GLOB, EXCLUDE_GLOB, 1000)).filter((u) => !excluded(u));
    const found = new Set(uris.map((u) => u.fsPath));
    controller.items.forEach((item) => {
      if (!found.has(item.id)) controller.items.delete(item.id);
    });
    await Promise.all(uris.map(update));
  }

  controller.resolveHandler = async (item) => {
    if (!item) await refresh();
  };
  controller.refreshHandler = () => refresh();

  const watcher = vscode.workspace.createFileSystemWatcher(SCENARIO_GLOB);
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(update),
    watcher.onDidChange(update),
    watcher.onDidDelete((uri) => controller.items.delete(uri.fsPath)),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void refresh()),
  );

  async function report(run: vscode.TestRun, test: ScenarioTestCase, result: ScenarioRunResult): Promise<void> {
    const { item, info } = test;
    if (result.output) run.appendOutput(crlf(result.output), undefined, item);
    if (result.error) run.appendOutput(crlf(result.error + '\n'), undefined, item);
    if (!result.cancelled) services.recordRun(info, result);
    const verdict = verdictOf(info.expect, result);
    switch (verdict.status) {
      case 'passed':
        run.passed(item, result.durationMs);
        return;
      case 'skipped':
        run.skipped(item);
        return;
      case 'errored': {
        const message = new vscode.TestMessage(verdict.message);
        message.location = await locationOf(info.file, ['script']);
        run.errored(item, message, result.durationMs);
        return;
      }
      case 'failed': {
        const messages = await Promise.all(
          verdict.failures.map(async (f) => {
            const message = vscode.TestMessage.diff(f.message, f.expected, f.actual);
            message.location = await locationOf(info.file, f.path);
            return message;
          }),
        );
        run.failed(item, messages, result.durationMs);
        return;
      }
    }
  }

  function itemsOf(request: vscode.TestRunRequest): vscode.TestItem[] {
    const items: vscode.TestItem[] = [];
    if (request.include) items.push(...request.include);
    else controller.items.forEach((i) => items.push(i));
    const exclude = new Set((request.exclude ?? []).map((i) => i.id));
    return items.filter((i) => !exclude.has(i.id) && i.uri?.scheme === 'file').sort((a, b) => (a.sortText ?? a.id).localeCompare(b.sortText ?? b.id));
  }

  async function runHandler(profile: ScenarioTestProfile, request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    if (!request.include) await refresh();
    const items = itemsOf(request);
    const run = controller.createTestRun(request, profile.label === 'Run' ? undefined : profile.label);
    try {
      if (!vscode.workspace.isTrusted) {
        for (const item of items) {
          run.errored(item, new vscode.TestMessage('Running scenarios executes your event handlers in the simulator: it needs a trusted workspace.'));
        }
        const manage = 'Manage Workspace Trust';
        void vscode.window
          .showWarningMessage('Running scenario tests needs a trusted workspace (Restricted Mode does not run scripts).', manage)
          .then((choice) => choice === manage && vscode.commands.executeCommand('workbench.trust.manage'));
        return;
      }
      for (const item of items) run.enqueued(item);
      for (const item of items) {
        if (token.isCancellationRequested) {
          run.skipped(item);
          continue;
        }
        run.started(item);
        try {
          await services.saveScenarioFiles(readScenarioInfo(item.uri!.fsPath));
          const test: ScenarioTestCase = { item, info: readScenarioInfo(item.uri!.fsPath) };
          const result = await profile.runTest(test, run, token);
          if (result) await report(run, test, result);
        } catch (e) {
          run.errored(item, new vscode.TestMessage(e instanceof Error ? e.message : String(e)));
        }
      }
    } finally {
      run.end();
    }
  }

  function addProfile(profile: ScenarioTestProfile): vscode.TestRunProfile {
    const created = controller.createRunProfile(profile.label, profile.kind, (request, token) => runHandler(profile, request, token), profile.isDefault ?? false);
    context.subscriptions.push(created);
    return created;
  }
  for (const profile of profiles) addProfile(profile);

  void refresh();
  return { controller, report, refresh, addProfile };
}
