/**
 * `expect` in a scenario against what the run reported: one mismatch per field, each with
 * what was expected and what happened, so `hmailsim test` can print a readable diff.
 */
import { diffLines } from 'diff';
import type { ScenarioExpectations } from '../scenario/types';
import type { RunReport } from './types';

export interface Mismatch {
  field: string;
  expected: unknown;
  actual: unknown;
}

export function checkExpectations(expect: ScenarioExpectations, report: RunReport): Mismatch[] {
  const out: Mismatch[] = [];
  const same = (field: string, expected: unknown, actual: unknown): void => {
    if (expected !== undefined && JSON.stringify(expected) !== JSON.stringify(actual)) out.push({ field, expected, actual });
  };
  same('outcome', expect.outcome, report.outcome);
  same('reply', expect.reply, report.reply);
  if (expect.delivered) same('delivered', [...expect.delivered].sort(), [...report.delivered].sort());
  if (expect.failed) same('failed', [...expect.failed].sort(), report.failed.map((f) => f.recipient).sort());
  same('subject', expect.subject, report.message?.subject);
  for (const [name, value] of Object.entries(expect.headers ?? {})) {
    const actual = headerValue(report, name);
    if (value === null ? actual !== undefined : actual !== value) out.push({ field: `headers.${name}`, expected: value, actual: actual ?? null });
  }
  if (expect.eventLog) {
    let from = 0;
    for (const wanted of expect.eventLog) {
      const at = report.eventLog.findIndex((line, i) => i >= from && line.includes(wanted));
      if (at < 0) {
        out.push({ field: 'eventLog', expected: expect.eventLog, actual: report.eventLog });
        break;
      }
      from = at + 1;
    }
  }
  same('errors', expect.errors, report.errors.length);
  return out;
}

function headerValue(report: RunReport, name: string): string | undefined {
  const headers = report.message?.headers ?? {};
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

/** A mismatch as `-expected` / `+actual` lines. */
export function formatMismatch(m: Mismatch): string {
  const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v, null, 2)) + '\n';
  const lines = [`  ${m.field}:`];
  for (const part of diffLines(text(m.expected), text(m.actual))) {
    const prefix = part.added ? '+ ' : part.removed ? '- ' : '  ';
    for (const line of part.value.replace(/\n$/, '').split('\n')) lines.push(`    ${prefix}${line}`);
  }
  return lines.join('\n');
}
