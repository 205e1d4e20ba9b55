/** The human-readable report of `hmailsim run`: what an admin reads first. */
import type { EventReport, RunReport } from './types';

export function formatReport(report: RunReport, outputDir: string): string {
  const out: string[] = [];
  out.push(`Scenario  ${report.scenario}`);
  out.push(`Script    ${report.script}  (hMailServer ${report.hmailserver})`);
  out.push(`Outcome   ${report.outcome.toUpperCase()}${report.reply ? `  ${report.reply}` : ''}`);
  out.push('');
  out.push('Events');
  if (report.events.length === 0) out.push('  (none)');
  for (const e of report.events) out.push(`  ${formatEvent(e)}`);
  out.push('');
  out.push('SMTP transcript');
  for (const t of report.transcript) out.push(`  ${t.from === 'client' ? 'C:' : 'S:'} ${t.line}`);
  if (report.delivered.length > 0 || report.failed.length > 0) {
    out.push('');
    out.push('Delivery');
    for (const r of report.delivered) out.push(`  delivered  ${r}`);
    for (const f of report.failed) out.push(`  failed     ${f.recipient}: ${f.error}`);
  }
  if (report.message) {
    out.push('');
    out.push(`Message   ${report.message.subject ? `"${report.message.subject}"` : '(no subject)'}${report.message.file ? `  -> ${report.message.file}` : ''}`);
    for (const c of report.message.changes ?? []) {
      if (c.before === null) out.push(`  + ${c.header}: ${c.after}`);
      else if (c.after === null) out.push(`  - ${c.header}: ${c.before}`);
      else out.push(`  ~ ${c.header}: ${c.before}  ->  ${c.after}`);
    }
  }
  if (report.eventLog.length > 0) {
    out.push('');
    out.push('EventLog.Write');
    for (const line of report.eventLog) out.push(`  ${line}`);
  }
  if (report.sideEffects.length > 0) {
    out.push('');
    out.push('Side effects (simulated, nothing left the sandbox)');
    for (const s of report.sideEffects) {
      out.push(`  ${s.allowed ? '' : 'DENIED '}${s.kind} ${s.target}${s.detail ? ` (${s.detail})` : ''}${s.event ? `  [${s.event}]` : ''}`);
    }
  }
  if (report.errors.length > 0) {
    out.push('');
    out.push(`Script errors (${report.errors.length})`);
    for (const e of report.errors) out.push(`  ${e}`);
  }
  out.push('');
  out.push(`Output    ${outputDir}`);
  return out.join('\n') + '\n';
}

function formatEvent(e: EventReport): string {
  const name = `${e.ordinal}. ${e.name}${e.attempt !== undefined ? ` (attempt ${e.attempt})` : ''}`;
  if (!e.fired) return `${name}: skipped (${e.skipped === 'no-handler' ? 'no handler in the script' : e.skipped === 'version' ? 'not in this hMailServer version' : 'the script failed to load'})`;
  const parts: string[] = [];
  if (e.result) {
    parts.push(`Result.Value = ${String(e.result.value)}`);
    if (e.result.message) parts.push(`Message = "${e.result.message}"`);
  }
  if (e.error) parts.push(`error ${e.error.number} at ${e.error.file}:${e.error.line}: ${e.error.description}`);
  return `${name}${parts.length > 0 ? ': ' + parts.join(', ') : ''}`;
}
