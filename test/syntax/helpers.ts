import assert from 'node:assert/strict';
import { parse } from '../../simulator/src/syntax/parser';
import { sexpr } from './sexpr';

/** Parses `source`, asserts it has no diagnostics, and returns the tree as S-expressions, one statement a line. */
export function tree(source: string): string {
  const result = parse(source);
  assert.deepEqual(
    result.diagnostics.map((d) => `${d.code} ${d.message} @${d.range.start.line}:${d.range.start.character}`),
    [],
    `unexpected diagnostics for:\n${source}`,
  );
  return sexpr(result.ast);
}

/** The diagnostics of `source` as `code@line:col-line:col`. */
export function errors(source: string): string[] {
  return parse(source).diagnostics.map(
    (d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
  );
}
