/**
 * What the views after a run show: the SMTP transcript as a read-only document, and which two
 * files the message diff compares (the `.eml` as sent, the message as queued). No vscode import.
 */
import path from 'node:path';
import type { ScenarioRunResult } from './runner';

/** The last run the extension made (from a command, a CodeLens or the Testing view). */
export interface LastRun {
  scenarioFile: string;
  /** The scenario's name. */
  name: string;
  /** The `.eml` the scenario sends (absolute), when it names one. */
  message?: string;
  result: ScenarioRunResult;
  finishedAt: Date;
}

export function transcriptText(run: LastRun, relativeScenario: string = run.scenarioFile): string {
  const r = run.result;
  const lines = [`SMTP transcript of "${run.name}"`, `Scenario  ${relativeScenario}`, `Run       ${run.finishedAt.toLocaleString()}, ${r.durationMs} ms, files in ${r.outDir}`];
  const report = r.report;
  if (!report) {
    const why = r.cancelled
      ? 'the run was cancelled'
      : r.timedOut
        ? 'the simulator did not finish in time and was stopped'
        : r.error.replace(/^hmailsim:\s*/, '') || `the simulator exited with code ${r.exitCode}`;
    lines.push('', `No transcript: ${why}.`);
    return lines.join('\n') + '\n';
  }
  lines.splice(2, 0, `Outcome   ${report.outcome.toUpperCase()}  ${report.reply}`);
  lines.push('');
  if (report.transcript.length === 0) lines.push('(no SMTP session: only fired events ran)');
  for (const t of report.transcript) lines.push(`${t.from === 'client' ? 'C' : 'S'}: ${t.line}`);
  return lines.join('\n') + '\n';
}

export type MessageDiffTarget =
  | { original: string; changed: string; title: string }
  | { problem: string; original?: string };

/** The `.eml` as sent against the message as the run queued (and delivered) it. */
export function messageDiffTarget(run: LastRun): MessageDiffTarget {
  const report = run.result.report;
  if (!report) return { problem: `The last run of "${run.name}" produced no report, so there is no message to compare.`, original: run.message };
  if (!run.message) return { problem: `"${run.name}" names no message (session.message).` };
  const file = report.message?.file;
  if (!file) {
    return {
      problem: `In the last run of "${run.name}" the message was not queued (${report.outcome}${report.reply ? `: ${report.reply}` : ''}), so there is nothing to compare.`,
      original: run.message,
    };
  }
  return {
    original: run.message,
    changed: path.resolve(run.result.outDir, file),
    title: `${path.basename(run.message)} ↔ as queued (${run.name})`,
  };
}
