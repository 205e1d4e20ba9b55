/**
 * Test helpers for the sandbox: a run in a fresh temporary folder (scenario folder + output
 * folder), and a VBScript engine with the sandbox's ProgIDs and an `Echo` procedure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { ScriptEngine, ScriptError } from '../../simulator/src/runtime/engine/scriptEngine.js';
import { VariantFunction } from '../../simulator/src/runtime/objects/hostBridge.js';
import { toStr } from '../../simulator/src/runtime/values/coerce.js';
import type { ScenarioMocks } from '../../simulator/src/scenario/types.js';
import { createSimulationContext, type Simulation, type SimulationOptions } from '../../simulator/src/sandbox/simulation.js';
import { registerSandboxProgIds } from '../../simulator/src/sandbox/progIds.js';

const tempRoots: string[] = [];
after(() => {
  for (const dir of tempRoots) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'hmailsim-sandbox-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempRoots.push(dir);
  return dir;
}

/** 2026-11-24T10:00:00Z, fixed, so dates in tests are reproducible. */
export const FIXED_NOW = Date.UTC(2026, 10, 24, 10, 0, 0);

export interface TestRun extends Simulation {
  scenarioDir: string;
  outputDir: string;
}

export function newRun(mocks: ScenarioMocks = {}, options: Partial<SimulationOptions> = {}): TestRun {
  const root = tempDir();
  const scenarioDir = path.join(root, 'scenario');
  const outputDir = path.join(root, 'out');
  return { ...createSimulationContext({ scenarioDir, outputDir, mocks, now: () => FIXED_NOW, ...options }), scenarioDir, outputDir };
}

export interface ScriptResult {
  output: string[];
  error: ScriptError | undefined;
}

/** Runs `code` with the sandbox registered; `Echo a, b` prints "a b" (Null as "Null"). */
export function runScript(run: Simulation, code: string): ScriptResult {
  const engine = new ScriptEngine({ clock: () => FIXED_NOW });
  registerSandboxProgIds(engine.progIds, run.ctx);
  const output: string[] = [];
  engine.addObject('Echo', new VariantFunction((args) => {
    output.push(args.map((a) => (a === null ? 'Null' : toStr(a))).join(' '));
    return undefined;
  }));
  try {
    engine.addCode(code, 'test.vbs');
    return { output, error: undefined };
  } catch (e) {
    if (e instanceof ScriptError) return { output, error: e };
    throw e;
  }
}

/** Like runScript, but a script error fails the test with its text. */
export function run(sim: Simulation, code: string): string[] {
  const r = runScript(sim, code);
  if (r.error) throw new Error(`script error ${r.error.number}: ${r.error.description} (line ${r.error.line}); output so far: ${r.output.join(' | ')}`);
  return r.output;
}
