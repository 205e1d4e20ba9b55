/**
 * Drives the built adapter (`dist/debugAdapter.js`, built by `node scripts/build.mjs`; `npm test`
 * builds first) over stdio with `DebugClient`: one fresh adapter process per test.
 *
 * `waitForEvent` does not replay events: every wait is armed before the request that causes it.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { after } from 'node:test';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';

export const root = path.resolve(import.meta.dirname, '../..');
export const adapter = path.join(root, 'dist', 'debugAdapter.js');
export const exampleScript = path.join(root, 'examples', 'EventHandlers.vbs');
export const spamScenario = path.join(root, 'examples', 'scenarios', 'spam-rejected.scenario.json');
export const newsletterScenario = path.join(root, 'examples', 'scenarios', 'newsletter-accepted.scenario.json');

/** Generous: two shared cores, a worker to start, a whole pipeline to run. */
export const TIMEOUT = 30_000;

export interface Session {
  dc: DebugClient;
  /** The adapter's process (DebugClient keeps it private). */
  process: ChildProcess;
  /** Every output line so far, as sent (category, text). */
  output: Array<{ category: string; text: string }>;
  outputText(): string;
}

export async function startAdapter(): Promise<Session> {
  assert.ok(existsSync(adapter), `${adapter} is missing: run node scripts/build.mjs`);
  const dc = new DebugClient('node', adapter, 'hmailserver', { cwd: root });
  dc.defaultTimeout = TIMEOUT;
  const output: Session['output'] = [];
  dc.on('output', (e: DebugProtocol.OutputEvent) => output.push({ category: e.body.category ?? 'console', text: e.body.output }));
  await dc.start();
  const child = (dc as unknown as { _adapterProcess: ChildProcess })._adapterProcess;
  live.add(child);
  child.on('exit', () => live.delete(child));
  return { dc, process: child, output, outputText: () => output.map((o) => o.text).join('') };
}

/** Adapters still running: killed when the file's tests are done, even after a failure or a timeout. */
const live = new Set<ChildProcess>();
after(() => {
  for (const child of live) child.kill();
});

/**
 * Ends a test's session: disconnect (the adapter ends its worker and exits), and kill the
 * process if it does not answer in time. `DebugClient.stop` would wait forever for the answer
 * of an adapter that already exited.
 */
export async function finish(s: Session): Promise<void> {
  if (s.process.exitCode === null && s.process.signalCode === null) {
    await Promise.race([s.dc.disconnectRequest({}).catch(() => undefined), new Promise((r) => setTimeout(r, 5000).unref())]);
  }
  s.process.kill();
}

/**
 * initialize → `configure` (breakpoints …) → launch → configurationDone. Returns the promise of
 * the first `stopped` event (or `terminated` when `until` says so), armed before configurationDone.
 */
export async function launch(s: Session, args: Record<string, unknown>, configure: () => Promise<unknown> = async () => {}, until: 'stopped' | 'terminated' = 'stopped'): Promise<DebugProtocol.Event> {
  await Promise.all([s.dc.waitForEvent('initialized'), s.dc.initializeRequest({ adapterID: 'hmailserver', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' })]);
  await configure();
  await s.dc.launchRequest(args as DebugProtocol.LaunchRequestArguments);
  const first = s.dc.waitForEvent(until);
  await s.dc.configurationDoneRequest();
  return first;
}

export async function setBreakpoints(s: Session, file: string, breakpoints: DebugProtocol.SourceBreakpoint[]): Promise<DebugProtocol.Breakpoint[]> {
  const r = await s.dc.setBreakpointsRequest({ source: { path: file }, breakpoints });
  return r.body.breakpoints;
}

export async function stack(s: Session): Promise<DebugProtocol.StackFrame[]> {
  const r = await s.dc.stackTraceRequest({ threadId: 1 });
  return r.body.stackFrames;
}

export async function top(s: Session): Promise<{ name: string; line: number; file: string; id: number }> {
  const [f] = await stack(s);
  return { name: f.name, line: f.line, file: f.source?.path ?? '', id: f.id };
}

/** Resumes with `request` and waits for the next stop. */
export async function resumeTo(s: Session, request: 'continue' | 'next' | 'stepIn' | 'stepOut'): Promise<DebugProtocol.StoppedEvent> {
  const stopped = s.dc.waitForEvent('stopped');
  const args = { threadId: 1 };
  if (request === 'continue') await s.dc.continueRequest(args);
  else if (request === 'next') await s.dc.nextRequest(args);
  else if (request === 'stepIn') await s.dc.stepInRequest(args);
  else await s.dc.stepOutRequest(args);
  return (await stopped) as DebugProtocol.StoppedEvent;
}

/** Continues and waits for the run's end. */
export async function runToEnd(s: Session): Promise<void> {
  const ended = s.dc.waitForEvent('terminated');
  await s.dc.continueRequest({ threadId: 1 });
  await ended;
}

/** The variables of scope `name` in frame `frameId`. */
export async function scopeVariables(s: Session, frameId: number, name: string): Promise<DebugProtocol.Variable[]> {
  const scopes = await s.dc.scopesRequest({ frameId });
  const scope = scopes.body.scopes.find((x) => x.name === name);
  assert.ok(scope, `no scope ${name} in ${scopes.body.scopes.map((x) => x.name).join(', ')}`);
  return (await s.dc.variablesRequest({ variablesReference: scope.variablesReference })).body.variables;
}

/** 1-based line of the first line of `file` containing `text`. */
export function lineOf(source: string, text: string, after = 0): number {
  const lines = source.split(/\r?\n/);
  const i = lines.findIndex((l, n) => n >= after && l.includes(text));
  assert.ok(i >= 0, `no line with ${text}`);
  return i + 1;
}

/** Writes `files` (relative path → text) into a fresh temporary folder; returns the folder. */
export function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hms-debug-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

/** Script lines joined with CRLF, as Windows editors save them. */
export function vbs(...lines: string[]): string {
  return lines.join('\r\n') + '\r\n';
}

/** The same for an EventHandlers.js. */
export const js = vbs;

export const newsletterMessage = path.join(root, 'examples', 'messages', 'newsletter.eml');
