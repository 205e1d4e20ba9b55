/**
 * Runs a scenario through the simulator's CLI (`dist/cli.js run <scenario> --out <dir>`) in a
 * child process, never in the extension host: a handler stuck in a loop must not freeze the
 * editor. The CLI stops a handler past its time limit; a wall-clock guard and cancellation kill
 * the process in any case. No vscode import, so the tests drive it directly.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunReport } from '../../../simulator/src/report/types';

export interface ScenarioRunRequest {
  /** Absolute path of `dist/cli.js`. */
  cliPath: string;
  /** Absolute path of the `*.scenario.json`. */
  scenarioPath: string;
  /** Per-handler time limit in seconds (`--timeout`); the scenario's own `limits` win. */
  timeoutSeconds?: number;
  /** Where the run's files go; default a fresh temporary folder. */
  outDir?: string;
  /** Kill the process after this long (default: 10 handler time limits plus 30 s). */
  guardMs?: number;
  /** The Node binary (default: this process's, run as Node when it is Electron). */
  nodePath?: string;
}

export interface ScenarioRunResult {
  /** Process exit code (0 ran, 1 expectations/compile errors, 2 bad input or time limit); null when killed. */
  exitCode: number | null;
  /** The CLI's readable report (stdout). */
  output: string;
  /** The CLI's one-line error, if any (stderr). */
  error: string;
  /** `report.json` of the run, when the simulation got that far. */
  report?: RunReport;
  outDir: string;
  /** Killed by the wall-clock guard. */
  timedOut: boolean;
  cancelled: boolean;
  durationMs: number;
}

export interface RunningScenario {
  readonly result: Promise<ScenarioRunResult>;
  cancel(): void;
}

export function tempRunFolder(scenarioPath: string): string {
  const name = path.basename(scenarioPath).replace(/\.scenario\.json$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 40) || 'run';
  return mkdtempSync(path.join(os.tmpdir(), `hmailsim-${name}-`));
}

export function startScenarioRun(req: ScenarioRunRequest): RunningScenario {
  const outDir = req.outDir ?? tempRunFolder(req.scenarioPath);
  const args = [req.cliPath, 'run', req.scenarioPath, '--out', outDir];
  if (req.timeoutSeconds !== undefined && req.timeoutSeconds > 0) args.push('--timeout', String(req.timeoutSeconds));
  const guardMs = req.guardMs ?? ((req.timeoutSeconds ?? 30) * 10 + 30) * 1000;
  const started = Date.now();
  const child = spawn(req.nodePath ?? process.execPath, args, {
    cwd: path.dirname(req.scenarioPath),
    // Inside VS Code process.execPath is Electron: this makes it behave as plain Node.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  let output = '';
  let error = '';
  let timedOut = false;
  let cancelled = false;
  child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (error += s));
  const guard = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, guardMs);
  const result = new Promise<ScenarioRunResult>((resolve) => {
    const finish = (exitCode: number | null) => {
      clearTimeout(guard);
      resolve({ exitCode, output, error: error.trim(), report: readReport(outDir), outDir, timedOut, cancelled, durationMs: Date.now() - started });
    };
    child.on('error', (e) => {
      error += e.message;
      finish(null);
    });
    child.on('close', (code) => finish(code));
  });
  return {
    result,
    cancel: () => {
      if (child.exitCode === null && child.signalCode === null) {
        cancelled = true;
        child.kill('SIGKILL');
      }
    },
  };
}

export function readReport(outDir: string): RunReport | undefined {
  const file = path.join(outDir, 'report.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunReport;
  } catch {
    return undefined;
  }
}

/** One line for a notification: what the server did with the message. */
export function summarize(name: string, r: ScenarioRunResult): { text: string; severity: 'info' | 'warning' | 'error' } {
  if (r.cancelled) return { text: `Scenario "${name}" was cancelled.`, severity: 'warning' };
  if (r.timedOut) return { text: `Scenario "${name}" did not finish in time and was stopped.`, severity: 'error' };
  if (!r.report) {
    const reason = r.error.replace(/^hmailsim:\s*/, '') || `the simulator exited with code ${r.exitCode}`;
    return { text: `Scenario "${name}" failed: ${reason}`, severity: 'error' };
  }
  const rep = r.report;
  const parts = [`${rep.outcome}${rep.reply ? ` — ${rep.reply}` : ''}`];
  if (rep.delivered.length > 0) parts.push(`delivered to ${rep.delivered.join(', ')}`);
  if (rep.failed.length > 0) parts.push(`failed for ${rep.failed.map((f) => f.recipient).join(', ')}`);
  if (rep.errors.length > 0) parts.push(`${rep.errors.length} script error${rep.errors.length === 1 ? '' : 's'}`);
  const severity = rep.errors.length > 0 || rep.events.some((e) => e.skipped === 'load-failed') ? 'error' : 'info';
  return { text: `Scenario "${name}": ${parts.join('; ')}.`, severity };
}
