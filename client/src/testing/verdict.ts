/**
 * A scenario test's verdict: the run's report (from the CLI in a child process) against the
 * scenario's `expect`, field by field as `hmailsim test` compares them
 * (`simulator/src/report/expectations.ts`; a test keeps the two in step), each failure with
 * expected and actual text for the Testing view's diff and the path of the field in the
 * scenario. No vscode import, and only types from the simulator: the client stays light.
 */
import type { RunReport } from '../../../simulator/src/report/types';
import type { ScenarioExpectations } from '../../../simulator/src/scenario/types';
import type { JsonPath } from '../scenarios/jsonLocation';
import type { ScenarioRunResult } from '../scenarios/runner';

export interface ExpectationFailure {
  /** As `hmailsim test` names it: `outcome`, `headers.X-Spam-Score`, `eventLog`, … */
  field: string;
  /** Where the expectation is written in the scenario. */
  path: JsonPath;
  /** One line for the Testing view. */
  message: string;
  expected: string;
  actual: string;
}

export type Verdict =
  | { status: 'passed' }
  | { status: 'failed'; failures: ExpectationFailure[] }
  | { status: 'errored'; message: string }
  | { status: 'skipped'; message: string };

/** A value as the diff shows it: strings as they are, the rest as indented JSON. */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '(nothing)';
  return JSON.stringify(v, null, 2);
}

function headerValue(report: RunReport, name: string): string | undefined {
  const headers = report.message?.headers ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

interface RawMismatch {
  field: string;
  path: JsonPath;
  expected: unknown;
  actual: unknown;
}

/** The expectations `report` does not meet, in the order `hmailsim test` lists them. */
export function compareWithExpect(expect: ScenarioExpectations, report: RunReport): RawMismatch[] {
  const out: RawMismatch[] = [];
  const same = (field: keyof ScenarioExpectations, expected: unknown, actual: unknown): void => {
    if (expected !== undefined && JSON.stringify(expected) !== JSON.stringify(actual)) out.push({ field, path: ['expect', field], expected, actual });
  };
  same('outcome', expect.outcome, report.outcome);
  same('reply', expect.reply, report.reply);
  if (Array.isArray(expect.delivered)) same('delivered', [...expect.delivered].sort(), [...report.delivered].sort());
  if (Array.isArray(expect.failed)) same('failed', [...expect.failed].sort(), report.failed.map((f) => f.recipient).sort());
  same('subject', expect.subject, report.message?.subject);
  for (const [name, value] of Object.entries(expect.headers ?? {})) {
    const actual = headerValue(report, name);
    if (value === null ? actual !== undefined : actual !== value) {
      out.push({ field: `headers.${name}`, path: ['expect', 'headers', name], expected: value, actual: actual ?? null });
    }
  }
  if (Array.isArray(expect.eventLog)) {
    let from = 0;
    for (const [n, wanted] of expect.eventLog.entries()) {
      const at = report.eventLog.findIndex((line, i) => i >= from && line.includes(wanted));
      if (at < 0) {
        out.push({ field: 'eventLog', path: ['expect', 'eventLog', n], expected: expect.eventLog, actual: report.eventLog });
        break;
      }
      from = at + 1;
    }
  }
  same('errors', expect.errors, report.errors.length);
  return out;
}

function failureMessage(m: RawMismatch, report: RunReport): string {
  switch (m.field) {
    case 'eventLog': {
      const missing = (m.path[2] as number) ?? 0;
      return `EventLog.Write: expected a line containing ${JSON.stringify((m.expected as string[])[missing])} (after the ones before it), not written`;
    }
    case 'errors': {
      const first = report.errors[0];
      return `expected ${m.expected} script error${m.expected === 1 ? '' : 's'}, got ${m.actual}${first ? `: ${first}` : ''}`;
    }
    default:
      if (m.field.startsWith('headers.')) {
        const header = m.field.slice('headers.'.length);
        if (m.expected === null) return `${header}: expected absent, got ${JSON.stringify(m.actual)}`;
        if (m.actual === null) return `${header}: expected ${JSON.stringify(m.expected)}, but the message has no such header`;
      }
      return `${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`;
  }
}

/** The verdict on one run of a scenario whose `expect` is `expect` (as written in the file). */
export function verdictOf(expect: unknown, result: ScenarioRunResult): Verdict {
  if (result.cancelled) return { status: 'skipped', message: 'Cancelled.' };
  if (result.timedOut) return { status: 'errored', message: `The simulator did not finish in ${Math.round(result.durationMs / 1000)} s and was stopped.` };
  if (!result.report) {
    const reason = result.error.replace(/^hmailsim:\s*/, '') || `the simulator exited with code ${result.exitCode}`;
    return { status: 'errored', message: reason };
  }
  if (typeof expect !== 'object' || expect === null || Array.isArray(expect)) return { status: 'skipped', message: 'The scenario has no "expect".' };
  const report = result.report;
  const mismatches = compareWithExpect(expect as ScenarioExpectations, report);
  if (mismatches.length === 0) return { status: 'passed' };
  return {
    status: 'failed',
    failures: mismatches.map((m) => ({
      field: m.field,
      path: m.path,
      message: failureMessage(m, report),
      expected: valueText(m.expected),
      actual: valueText(m.actual),
    })),
  };
}
