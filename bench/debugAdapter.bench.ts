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
// side includes everything a user waits for: the DAP round trips, the worker's eager compilation
// (so breakpoints bind anywhere), the debugger on every engine, and the output events (SMTP
// transcript, EventLog, events, summary). Target: ratio <= 1.5.
const root = process.cwd();
const scenarioFile = path.join(root, 'examples/scenarios/newsletter-accepted.scenario.json');
const script = path.join(root, 'examples/EventHandlers.vbs');
const RUNS = 200;
const WARMUP = 20;

/** Lines the newsletter scenario never reaches: the spam branch, OnDeliveryFailed, OnError. */
function unreachedLines(): number[] {
  const lines = readFileSync(script, 'utf8').split(/\r?\n/);
  const find = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
  return [find('Result.Value = 2'), find('EventLog.Write LOG_PREFIX & "delivery to'), find('EventLog.Write LOG_PREFIX & "severe error')];
}

async function inProcess(out: string): Promise<number> {
  const scenario = loadScenario(scenarioFile);
  const run = (i: number) => runScenario(scenario, { outputDir: path.join(out, String(i % 20)) });
  for (let i = 0; i < WARMUP; i++) await run(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < RUNS; i++) await run(i);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function inAdapter(out: string): Promise<{ ms: number; outputEvents: number }> {
  const dc = new DebugClient('node', path.join(root, 'dist/debugAdapter.js'), 'hmailserver', { cwd: root });
  dc.defaultTimeout = 60_000;
  let outputEvents = 0;
  dc.on('output', () => outputEvents++);
  let stops = 0;
  dc.on('stopped', () => stops++);
  await dc.start();
  try {
    await Promise.all([dc.waitForEvent('initialized'), dc.initializeRequest({ adapterID: 'hmailserver', pathFormat: 'path' })]);
    await dc.setBreakpointsRequest({ source: { path: script }, breakpoints: unreachedLines().map((line) => ({ line })) });
    const args = { scenario: scenarioFile, output: out };
    await dc.launchRequest(args as DebugProtocol.LaunchRequestArguments);
    let ended = dc.waitForEvent('terminated');
    await dc.configurationDoneRequest();
    await ended;
    const restart = async () => {
      ended = dc.waitForEvent('terminated');
      await dc.restartRequest({ arguments: args } as DebugProtocol.RestartArguments);
      await ended;
    };
    for (let i = 0; i < WARMUP; i++) await restart();
    outputEvents = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < RUNS; i++) await restart();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (stops > 0) throw new Error(`a breakpoint was hit ${stops} times: the benchmark measures breakpoints that are not`);
    return { ms, outputEvents };
  } finally {
    await dc.stop();
  }
}

async function main(): Promise<void> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'hmailsim-dap-bench-'));
  try {
    const adapter = await inAdapter(path.join(out, 'adapter'));
    const direct = await inProcess(path.join(out, 'direct'));
    const ratio = adapter.ms / direct;
    console.log(`debug adapter: ${RUNS} runs of "${path.basename(scenarioFile)}", 3 breakpoints set and never hit`);
    console.log(`  in-process runScenario   ${fmt(direct / RUNS, 2)} ms/run`);
    console.log(`  adapter, restart         ${fmt(adapter.ms / RUNS, 2)} ms/run   (${fmt(adapter.outputEvents / RUNS, 0)} output events per run)`);
    console.log(`  ratio                    ${fmt(ratio, 2)}x   target <= 1.5x -> ${ratio <= 1.5 ? 'met' : 'NOT met'}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

void main();
