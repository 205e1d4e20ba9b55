/**
 * What the two language-server benchmarks (server.bench.ts for VBScript, jscript-server.bench.ts
 * for JScript) measure alike: latencies of edits, completions and hovers over one `LspClient`,
 * their percentiles, and the server's memory. Kept apart from measure.ts, which the in-process
 * benchmarks use without a language server.
 */
import { readFileSync } from 'node:fs';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import type { LspClient } from '../test/server/lspClient';

/** Time between two edits: a fast typist's keystrokes. */
export const KEYSTROKE_GAP_MS = 50;

export interface Position {
  line: number;
  character: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summary(samples: number[]): { p50: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] };
}

export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

export const fmtMs = (ms: number) => `${ms.toFixed(2)} ms`;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * 50 edits, each waiting for the diagnostics of its version: `char` typed at `column(line)` of
 * the line `pick(k)` gives, then deleted again (25 pairs).
 */
export async function timeEdits(
  client: LspClient,
  uri: string,
  lines: string[],
  pick: (k: number) => number,
  char: string,
  column: (text: string) => number,
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < 50; i++) {
    const line = pick(Math.floor(i / 2));
    const character = column(lines[line]);
    const range = i % 2 === 0 ? { start: { line, character }, end: { line, character } } : { start: { line, character }, end: { line, character: character + 1 } };
    const started = performance.now();
    const version = await client.edit(uri, range, i % 2 === 0 ? char : '');
    await client.nextDiagnostics(uri, version);
    samples.push(performance.now() - started);
    // Keystrokes come at most ~20 a second; the server uses the gaps (see server/src/memory.ts).
    await sleep(KEYSTROKE_GAP_MS);
  }
  return samples;
}

/** Where completion is asked: after "oMessage." and `appDot` (member sites), and at lines matching `nameLine` (at `nameColumn`). */
export function completionSites(lines: string[], appDot: string, nameLine: RegExp, nameColumn: number): { memberSites: Position[]; nameSites: Position[] } {
  const memberSites: Position[] = [];
  const nameSites: Position[] = [];
  lines.forEach((l, line) => {
    const dot = l.indexOf('oMessage.');
    if (dot >= 0) memberSites.push({ line, character: dot + 'oMessage.'.length });
    const app = l.indexOf(appDot);
    if (app >= 0) memberSites.push({ line, character: app + appDot.length });
    if (nameLine.test(l)) nameSites.push({ line, character: nameColumn });
  });
  return { memberSites, nameSites };
}

/** 300 completions (two of three on member sites) and a hover three characters before each, on an unchanged text. */
export async function timeCompletionAndHover(
  client: LspClient,
  uri: string,
  { memberSites, nameSites }: { memberSites: Position[]; nameSites: Position[] },
): Promise<{ completionSamples: number[]; hoverSamples: number[]; items: number }> {
  const completionSamples: number[] = [];
  const hoverSamples: number[] = [];
  let items = 0;
  for (let i = 0; i < 300; i++) {
    const site = i % 3 === 2 ? nameSites[(i * 7) % nameSites.length] : memberSites[(i * 13) % memberSites.length];
    let started = performance.now();
    const r = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: site });
    completionSamples.push(performance.now() - started);
    items += r && 'items' in r ? r.items.length : 0;
    const hoverSite = { line: site.line, character: Math.max(0, site.character - 3) };
    started = performance.now();
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: hoverSite });
    hoverSamples.push(performance.now() - started);
  }
  return { completionSamples, hoverSamples, items };
}
