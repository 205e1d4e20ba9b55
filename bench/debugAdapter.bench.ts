import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { runScenario } from '../simulator/src/pipeline/run';
import { loadScenario } from '../simulator/src/scenario/load';
import { fmt } from './measure';

// The cost of debugging: the example scenario run RUNS times in one debug adapter session
// (dist/debugAdapter.js over stdio, each run a DAP `restart`, breakpoints set but never hit),
// against RUNS runs of the same scenario in-process through `runScenario`, in the same process
// run. Process and worker start-up are excluded (both sides are warmed up first); the adapter
// side includes everything a user waits for: the DAP round trips, the debugger on every engine
// (breakpoints bound again as procedures compile on first call), and the output events (SMTP
// transcript, EventLog, events, summary). Both sides write the same files (the in-process runs
// into 20 folders in turn, the adapter into one: measured, that makes no difference).
// Target: ratio <= 1.5.
const root = process.cwd();
const scenarioFile = path.join(root, 'examples/scenarios/newsletter-accepted.scenario.json');
const script = path.join(root, 'examples/EventHandlers.vbs');
const RUNS = 200;
const WARMUP = 200;
const BLOCKS = 10;

/** Lines the newsletter scenario never reaches: the spam branch, OnDeliveryFailed, OnError. */
function unreachedLines(): number[] {
  const lines = readFileSync(script, 'utf8').split(/\r?\n/);
  const find = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
  return [find('Result.Value = 2'), find('EventLog.Write LOG_PREFIX & "delivery to'), find('EventLog.Write LOG_PREFIX & "severe error')];
}

/** Times `run` for `count` runs. */
async function timed(count: number, run: (i: number) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await run(i);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** One debug adapter session: launched once, then each run is a `restart`. */
async function adapterSession(out: string): Promise<{ restart: () => Promise<void>; outputEvents: () => number; close: () => Promise<void> }> {
  const dc = new DebugClient('node', path.join(root, 'dist/debugAdapter.js'), 'hmailserver', { cwd: root });
  dc.defaultTimeout = 60_000;
  let outputEvents = 0;
  dc.on('output', () => outputEvents++);
  dc.on('stopped', () => {
    throw new Error('a breakpoint was hit: the benchmark measures breakpoints that are not');
  });
  await dc.start();
  await Promise.all([dc.waitForEvent('initialized'), dc.initializeRequest({ adapterID: 'hmailserver', pathFormat: 'path' })]);
  await dc.setBreakpointsRequest({ source: { path: script }, breakpoints: unreachedLines().map((line) => ({ line })) });
  const args = { scenario: scenarioFile, output: out };
  await dc.launchRequest(args as DebugProtocol.LaunchRequestArguments);
  const first = dc.waitForEvent('terminated');
  await dc.configurationDoneRequest();
  await first;
  return {
    restart: async () => {
      const ended = dc.waitForEvent('terminated');
      await dc.restartRequest({ arguments: args } as DebugProtocol.RestartArguments);
      await ended;
    },
    outputEvents: () => outputEvents,
    close: () => dc.stop(),
  };
}

async function main(): Promise<void> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'hmailsim-dap-bench-'));
  const scenario = loadScenario(scenarioFile);
  const direct = (i: number) => runScenario(scenario, { outputDir: path.join(out, 'direct', String(i % 20)) });
  const adapter = await adapterSession(path.join(out, 'adapter'));
  try {
    await timed(WARMUP, direct);
    await timed(WARMUP, adapter.restart);
    // Alternating blocks: a change in the machine's load hits both sides alike.
    let directMs = 0;
    let adapterMs = 0;
    const before = adapter.outputEvents();
    for (let block = 0; block < BLOCKS; block++) {
      adapterMs += await timed(RUNS / BLOCKS, adapter.restart);
      directMs += await timed(RUNS / BLOCKS, direct);
    }
    const events = (adapter.outputEvents() - before) / RUNS;
    const ratio = adapterMs / directMs;
    console.log(`debug adapter: ${RUNS} runs of "${path.basename(scenarioFile)}", 3 breakpoints set and never hit`);
    console.log(`  in-process runScenario   ${fmt(directMs / RUNS, 2)} ms/run`);
    console.log(`  adapter, restart         ${fmt(adapterMs / RUNS, 2)} ms/run   (${fmt(events, 0)} output event(s) per run)`);
    console.log(`  ratio                    ${fmt(ratio, 2)}x   target <= 1.5x -> ${ratio <= 1.5 ? 'met' : 'NOT met'}`);
  } finally {
    await adapter.close();
    rmSync(out, { recursive: true, force: true });
  }
}

void main();
