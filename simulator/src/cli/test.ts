/**
 * `hmailsim test <files or folders…>`: every `*.scenario.json` with `expect`, each failure
 * with a diff, then `N passed, N failed` — how admins put their handlers under CI.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkExpectations, formatMismatch, junitReport, loadScenario, runScenario, type TestCaseResult } from '../index';
import { describeFailure, inputErrorFor } from './failures';
import { outputFolder } from './output';

export interface TestFlags {
  reporter?: 'junit';
  /** File for the JUnit XML (default: printed to stdout after the summary). */
  junitFile?: string;
}

/** Scenario files under the given paths, sorted, without duplicates. */
export function collectScenarios(paths: string[]): string[] {
  const found = new Set<string>();
  const visit = (p: string): void => {
    let stat;
    try {
      stat = statSync(p);
    } catch (e) {
      throw inputErrorFor(p, e);
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        const child = path.join(p, name);
        if (statSync(child).isDirectory() || name.endsWith('.scenario.json')) visit(child);
      }
    } else {
      found.add(path.resolve(p));
    }
  };
  for (const p of paths) visit(p);
  return [...found].sort();
}

export async function testCommand(paths: string[], flags: TestFlags, out: (text: string) => void): Promise<number> {
  const files = collectScenarios(paths);
  const results: TestCaseResult[] = [];
  let passed = 0;
  let failed = 0;
  let badInput = false;
  for (const file of files) {
    const started = process.hrtime.bigint();
    const relative = path.relative(process.cwd(), file) || file;
    try {
      const scenario = loadScenario(file);
      if (!scenario.scenario.expect) continue;
      const report = await runScenario(scenario, { outputDir: outputFolder(scenario.name, undefined) });
      const mismatches = checkExpectations(scenario.scenario.expect, report);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const failures = mismatches.map(formatMismatch);
      results.push({ name: scenario.name, file: relative, seconds, failures });
      if (failures.length === 0) {
        passed++;
        out(`✔ ${scenario.name}  (${relative})\n`);
      } else {
        failed++;
        out(`✖ ${scenario.name}  (${relative})\n${failures.join('\n')}\n`);
      }
    } catch (e) {
      const message = describeFailure(e);
      if (message === undefined) throw e;
      badInput = true;
      failed++;
      results.push({ name: relative, file: relative, seconds: Number(process.hrtime.bigint() - started) / 1e9, failures: [], error: message });
      out(`✖ ${relative}\n  ${message}\n`);
    }
  }
  out(`${passed} passed, ${failed} failed\n`);
  if (flags.reporter === 'junit') {
    const xml = junitReport(results);
    if (flags.junitFile) writeFileSync(flags.junitFile, xml);
    else out(xml);
  }
  if (badInput) return 2;
  return failed > 0 ? 1 : 0;
}
