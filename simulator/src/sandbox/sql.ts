/**
 * Answering SQL from `mocks.sql`, shared by ADODB and (for the server-objects side)
 * `Database.ExecuteSQL`: the first rule whose `*` pattern matches the statement (case and
 * spacing ignored) gives the rows or the affected-row count. Every statement is recorded as
 * an `sql` side effect; one no rule matches is recorded as not allowed and answers with no
 * rows and nothing affected, which is what the script sees.
 */
import type { Value } from '../runtime/values/variant.js';
import type { SimulationContext } from './context.js';
import { recordEffect } from './recorder.js';
import { jsonToValue } from './values.js';
import { firstMatch } from './wildcard.js';

export interface SqlResult {
  columns: string[];
  rows: Value[][];
  recordsAffected: number;
  matched: boolean;
}

export function runSql(ctx: SimulationContext, sql: string, origin: string): SqlResult {
  const rule = firstMatch(ctx.mocks.sql, sql, (r) => r.match);
  if (!rule) {
    recordEffect(ctx, 'sql', sql, false, `${origin}: no mocks.sql rule matched; no rows, 0 records affected`);
    return { columns: [], rows: [], recordsAffected: 0, matched: false };
  }
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rule.rows ?? []) {
    for (const name of Object.keys(row)) {
      if (!seen.has(name.toLowerCase())) {
        seen.add(name.toLowerCase());
        columns.push(name);
      }
    }
  }
  const rows = (rule.rows ?? []).map((row) => {
    const byLower = new Map(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v]));
    return columns.map((c) => (byLower.has(c.toLowerCase()) ? jsonToValue(byLower.get(c.toLowerCase())) : null));
  });
  const recordsAffected = rule.recordsAffected ?? 0;
  recordEffect(ctx, 'sql', sql, true, `${origin}: ${rule.rows ? `${rows.length} row(s)` : `${recordsAffected} record(s) affected`} (mocked)`);
  return { columns, rows, recordsAffected, matched: true };
}

/** A connection string with its password hidden, for the report. */
export function maskConnectionString(cs: string): string {
  return cs.replace(/((?:^|;)\s*(?:pwd|password)\s*=)([^;]*)/gi, '$1***');
}
