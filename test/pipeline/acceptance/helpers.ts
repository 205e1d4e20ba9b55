/**
 * Helpers for the acceptance tests: a scenario in a fresh temporary folder (script, message and
 * any other files written there), run through the real pipeline (`runScenario`).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runScenario } from '../../../simulator/src/pipeline/run';
import { loadScenario, type ResolvedScenario } from '../../../simulator/src/scenario/load';
import type { Scenario } from '../../../simulator/src/scenario/types';
import type { EventReport, RunReport } from '../../../simulator/src/report/types';

export const PLAIN_MESSAGE = [
  'Message-ID: <t-1@sender.test>',
  'Date: Tue, 24 Nov 2026 09:59:58 +0100',
  'From: Alice <alice@sender.test>',
  'To: Bob <bob@example.com>',
  'Subject: Hello there',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=us-ascii',
  '',
  'Hi Bob,',
  'see you.',
  '',
].join('\r\n');

/** The default server: example.com with bob and carol. */
export const SERVER: Scenario['server'] = {
  domains: [
    {
      name: 'example.com',
      accounts: [
        { address: 'bob@example.com', password: 'secret' },
        { address: 'carol@example.com', password: 'secret2' },
      ],
    },
  ],
};

export interface Setup {
  /** The script text (written as EventHandlers.vbs; CRLF line ends are kept as given). */
  script: string | Buffer;
  /** The script's file name (default EventHandlers.vbs; EventHandlers.js runs it as JScript). */
  scriptName?: string;
  /** Scenario fields besides script and message (merged over a default session). */
  scenario?: Partial<Scenario>;
  /** Extra files in the scenario folder (relative path → content). */
  files?: Record<string, string | Buffer>;
  /** The message (default PLAIN_MESSAGE); null for none. */
  message?: string | null;
  /** Write the run's files into `<dir>/out` (default true). */
  output?: boolean;
}

export interface Simulated {
  report: RunReport;
  dir: string;
  out: string | undefined;
  scenario: ResolvedScenario;
}

export function tempDir(prefix = 'hmailsim-acc-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes the folder and resolves the scenario, without running it. */
export function prepare(setup: Setup): { dir: string; scenario: ResolvedScenario } {
  const dir = tempDir();
  const scriptName = setup.scriptName ?? 'EventHandlers.vbs';
  writeFileSync(path.join(dir, scriptName), setup.script);
  const message = setup.message === undefined ? PLAIN_MESSAGE : setup.message;
  if (message !== null) writeFileSync(path.join(dir, 'message.eml'), message);
  for (const [name, content] of Object.entries(setup.files ?? {})) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  const extra = setup.scenario ?? {};
  const scenario: Scenario = {
    name: 'acceptance',
    script: scriptName,
    server: SERVER,
    ...extra,
    session: {
      mailFrom: 'alice@sender.test',
      rcptTo: ['bob@example.com'],
      ...(message !== null ? { message: 'message.eml' } : {}),
      ...extra.session,
    },
  };
  const file = path.join(dir, 'test.scenario.json');
  writeFileSync(file, JSON.stringify(scenario, null, 2));
  // Through the loader: the scenario is also checked against the shipped JSON Schema.
  return { dir, scenario: loadScenario(file) };
}

export async function simulate(setup: Setup): Promise<Simulated> {
  const { dir, scenario } = prepare(setup);
  const out = setup.output === false ? undefined : path.join(dir, 'out');
  const report = await runScenario(scenario, { outputDir: out });
  return { report, dir, out, scenario };
}

/** Script lines joined with CRLF, as scripts on Windows are written. */
export const vbs = (...lines: string[]): string => lines.join('\r\n') + '\r\n';

/** The firings of one event (or rule function) in the report. */
export const firings = (report: RunReport, name: string): EventReport[] => report.events.filter((e) => e.name.toLowerCase() === name.toLowerCase());

/** The one firing of `name`; fails when there is not exactly one. */
export function only(report: RunReport, name: string): EventReport {
  const found = firings(report, name);
  if (found.length !== 1) throw new Error(`expected one ${name}, got ${found.length}: ${JSON.stringify(report.events.map((e) => e.name))}`);
  return found[0];
}

export const serverLines = (report: RunReport): string[] => report.transcript.filter((t) => t.from === 'server').map((t) => t.line);
export const clientLines = (report: RunReport): string[] => report.transcript.filter((t) => t.from === 'client').map((t) => t.line);
