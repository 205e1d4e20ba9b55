import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadMessageFile } from '../simulator/src/hmailserver/objects/messageModel';
import { runScenario } from '../simulator/src/pipeline/run';
import { loadScenario } from '../simulator/src/scenario/load';
import { fmt } from './measure';

// Messages per second through the whole pipeline (SMTP session, OnClientConnect, OnAcceptMessage,
// delivery, report) with the example handlers, and how that time splits between MIME
// work and everything else. Target: >= 1,000 small messages/s.
const root = process.cwd();
const scenario = loadScenario(path.join(root, 'examples/scenarios/newsletter-accepted.scenario.json'));
// The same handlers in JScript (EventHandlers.js), measured in the same run.
const jscriptScenario = loadScenario(path.join(root, 'examples/scenarios/jscript/newsletter-accepted.scenario.json'));
const out = mkdtempSync(path.join(os.tmpdir(), 'hmailsim-bench-'));
const COUNT = 2000;

async function timeIt(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  // Long warm-up: a replay of an archive runs thousands of messages, so steady state is what counts.
  for (let i = 0; i < 500; i++) await fn(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(i);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main(): Promise<void> {
const pipelineMs = await timeIt(COUNT, () => runScenario(scenario, {}));
const jscriptMs = await timeIt(COUNT, () => runScenario(jscriptScenario, {}));
const withFilesMs = await timeIt(COUNT, (i) => runScenario(scenario, { outputDir: path.join(out, String(i % 20)) }));
// The MIME share: loading the .eml, the Received header edit and serialising, as the pipeline does them.
const bytes = readFileSync(scenario.messagePath!);
const mimeMs = await timeIt(COUNT, async () => {
  const file = await loadMessageFile(bytes, scenario.messagePath!);
  const copy = file.clone();
  copy.header.insert('Received', 'from x ([1.2.3.4]) by y with hMailServer ; Tue, 24 Nov 2026 10:00:00 +0100', 0);
  copy.setField('X-Spam-Score', '0', true);
  copy.serialize();
});
rmSync(out, { recursive: true, force: true });

console.log(`pipeline: ${COUNT} runs of "${scenario.name}" (${bytes.length} byte message, 2 handlers fired, local delivery)`);
console.log(`  whole pipeline   ${fmt(pipelineMs / COUNT, 3)} ms/message   ${fmt((COUNT / pipelineMs) * 1000, 0)} messages/s   target >= 1,000 -> ${(COUNT / pipelineMs) * 1000 >= 1000 ? 'met' : 'NOT met'}`);
console.log(`  same in JScript  ${fmt(jscriptMs / COUNT, 3)} ms/message   ${fmt((COUNT / jscriptMs) * 1000, 0)} messages/s   (${fmt(jscriptMs / pipelineMs, 2)}x the VBScript time; examples/EventHandlers.js)`);
console.log(`  MIME work        ${fmt(mimeMs / COUNT, 3)} ms/message   (${fmt((mimeMs / pipelineMs) * 100, 0)}% of the pipeline)`);
console.log(`  everything else  ${fmt((pipelineMs - mimeMs) / COUNT, 3)} ms/message   (script execution, session, delivery, report and files: ${fmt(((pipelineMs - mimeMs) / pipelineMs) * 100, 0)}%)`);
}

void main();
