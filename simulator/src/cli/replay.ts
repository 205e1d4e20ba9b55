/**
 * `hmailsim replay <scenario> <folder of .eml>`: every message through the same scenario in
 * place of `session.message`, then a table of outcomes — for trying a new spam rule against an
 * archive before deploying it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { loadScenario, runScenario } from '../index';
import { describeFailure, inputErrorFor } from './failures';

export async function replayCommand(scenarioFile: string, folder: string, out: (text: string) => void): Promise<number> {
  const scenario = loadScenario(scenarioFile);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (e) {
    throw inputErrorFor(folder, e);
  }
  const messages = names
    .filter((n) => n.toLowerCase().endsWith('.eml'))
    .sort()
    .map((n) => path.resolve(folder, n));
  const byReply = new Map<string, { outcome: string; count: number }>();
  let errors = 0;
  let failedToRun = 0;
  for (const messagePath of messages) {
    try {
      // Replays keep nothing on disk: a summary of thousands of runs is the point.
      const report = await runScenario({ ...scenario, messagePath }, {});
      const key = `${report.outcome}\t${report.reply}`;
      const row = byReply.get(key) ?? { outcome: report.outcome, count: 0 };
      row.count++;
      byReply.set(key, row);
      errors += report.errors.length;
      out(`${report.outcome.padEnd(12)} ${path.basename(messagePath)}${report.reply ? `  ${report.reply}` : ''}${report.errors.length ? `  (${report.errors.length} script error(s))` : ''}\n`);
    } catch (e) {
      const message = describeFailure(e);
      if (message === undefined) throw e;
      failedToRun++;
      out(`${'not run'.padEnd(12)} ${path.basename(messagePath)}  ${message}\n`);
    }
  }
  out('\nSummary\n');
  const rows = [...byReply.entries()].sort((a, b) => b[1].count - a[1].count);
  for (const [key, row] of rows) out(`  ${String(row.count).padStart(5)}  ${row.outcome.padEnd(12)} ${key.split('\t')[1]}\n`);
  if (failedToRun > 0) out(`  ${String(failedToRun).padStart(5)}  not run\n`);
  out(`  ${messages.length} message(s), ${errors} script error(s)\n`);
  return failedToRun > 0 ? 2 : 0;
}
