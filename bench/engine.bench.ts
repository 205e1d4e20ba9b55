/**
 * VBScript engine throughput, measured on the engine as it ships: `npm run bench` bundles
 * each benchmark with esbuild first (running from TypeScript through tsx adds a getter call
 * to every cross-module import, which costs the interpreter several times its speed).
 *
 * 1. Simple statements/s: a loop of assignments (target ≥ 5 million/s).
 * 2. A CPU-bound mixed workload (nested loops, string building, calls, Dictionary, arrays):
 *    statements/s with no debugger, and with a debugger attached that never stops, as a
 *    ratio in the same run (target ≤ 1.5×).
 * 3. ../shared/bench/cpu.vbs with a `WScript.Echo`, printing its output and time.
 *
 * Statement counts come from one extra run with a counting hook, so the timed runs carry
 * no counting cost.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EngineDebugger } from '../simulator/src/runtime/debug/engineDebugger';
import { ScriptEngine } from '../simulator/src/runtime/engine/scriptEngine';
import { fmt, measure, type Timing } from './measure';

const simpleLoop = `
Dim i, x
x = 0
For i = 1 To 2000000
  x = x + 1
Next
`;

const mixed = `
Function Score(a, b)
  If a > b Then Score = a - b Else Score = b - a
End Function
Dim i, j, s, total, d, arr(500), k
total = 0
For i = 1 To 300
  For j = 0 To 500
    arr(j) = arr(j) + Score(i, j)
    total = total + (j Mod 7)
    If total < 0 Then
      total = 0 ' breakpoint: never hit
    End If
  Next
Next
s = ""
For i = 1 To 5000
  s = s & Chr(65 + (i Mod 26))
  If Len(s) > 200 Then s = Mid(s, 100)
Next
Set d = CreateObject("Scripting.Dictionary")
For i = 1 To 20000
  k = "k" & (i Mod 500)
  If d.Exists(k) Then d(k) = d(k) + 1 Else d.Add k, 1
Next
`;

const breakpointLine = mixed.split('\n').findIndex((l) => l.includes('breakpoint: never hit')) + 1;

function run(code: string, attach: boolean): void {
  const engine = new ScriptEngine();
  if (attach) {
    // Attached as in a debug session (polling for requests), with a breakpoint in the hot loop that is never hit.
    const dbg = new EngineDebugger(engine, () => 'continue', { attention: new Int32Array(1), poll: () => {} });
    dbg.setBreakpoints('bench.vbs', [breakpointLine]);
  }
  engine.addCode(code, 'bench.vbs');
}

function countStatements(code: string): number {
  const engine = new ScriptEngine();
  let n = 0;
  engine.runtime.hook = (_info, _frame, backEdge) => {
    if (!backEdge) n++;
  };
  engine.addCode(code, 'bench.vbs');
  return n;
}

/**
 * Times two workloads alternately (so load from other processes hits both alike) and
 * returns the median of each.
 */
function measureInterleaved(a: () => void, b: () => void, rounds = 11): { plain: Timing; attached: Timing } {
  for (let i = 0; i < 2; i++) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const time = (fn: () => void): number => {
    const start = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (let i = 0; i < rounds; i++) {
    ta.push(time(a));
    tb.push(time(b));
  }
  const summary = (xs: number[]): Timing => {
    const sorted = [...xs].sort((x, y) => x - y);
    return { medianMs: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0], runs: sorted.length };
  };
  return { plain: summary(ta), attached: summary(tb) };
}

/** Runs a script under Wine's vbscript.dll (the reference recipe), if Wine is installed: output and wall time. */
function runUnderWine(file: string): { output: string; ms: number } | undefined {
  const script = path.resolve(process.cwd(), '..', 'shared', 'recipes', 'wine-reference', 'run-ref.sh');
  if (!existsSync(script) || spawnSync('sh', ['-c', 'command -v wine'], { encoding: 'utf8' }).status !== 0) return undefined;
  // A warm-up run starts the wineserver, so the timed run measures the engine, not Wine's start.
  spawnSync('bash', [script, '--keep-server', file], { encoding: 'utf8', timeout: 120_000 });
  const start = process.hrtime.bigint();
  const r = spawnSync('bash', [script, '--keep-server', file], { encoding: 'utf8', timeout: 120_000 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) return undefined;
  return { output: r.stdout.trim(), ms };
}

export function main(): void {
  const simpleCount = countStatements(simpleLoop);
  const simple = measure(() => run(simpleLoop, false), { warmup: 2, runs: 7 });
  console.log('engine: simple statements (x = x + 1 in a For loop)');
  console.log(
    `  ${fmt(simpleCount / 1e6, 2)} M statements in ${fmt(simple.medianMs)} ms -> ${fmt(simpleCount / simple.medianMs / 1000, 1)} M statements/s   target: >= 5 M/s -> ${simpleCount / simple.medianMs / 1000 >= 5 ? 'met' : 'NOT met'}`,
  );

  const mixedCount = countStatements(mixed);
  const { plain, attached } = measureInterleaved(
    () => run(mixed, false),
    () => run(mixed, true),
  );
  const ratio = attached.medianMs / plain.medianMs;
  console.log('engine: mixed workload (loops, calls, strings, Dictionary, arrays)');
  console.log(`  plain              ${fmt(plain.medianMs)} ms  ${fmt(mixedCount / plain.medianMs / 1000, 2)} M statements/s (${fmt(mixedCount / 1e6, 2)} M statements)`);
  console.log(`  debugger attached  ${fmt(attached.medianMs)} ms  ${fmt(mixedCount / attached.medianMs / 1000, 2)} M statements/s`);
  console.log(`  ratio attached/plain ${fmt(ratio, 2)}x   target: <= 1.5x -> ${ratio <= 1.5 ? 'met' : 'NOT met'}`);

  const cpu = path.resolve(process.cwd(), '..', 'shared', 'bench', 'cpu.vbs');
  if (existsSync(cpu)) {
    const source = readFileSync(cpu, 'utf8');
    const output: string[] = [];
    const engine = new ScriptEngine();
    engine.addObject('WScript', { Echo: (...a: unknown[]) => output.push(a.join(' ')) });
    const start = process.hrtime.bigint();
    engine.addCode(source, 'cpu.vbs');
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log('engine: ../shared/bench/cpu.vbs');
    console.log(`  output: ${output.join(' | ')}`);
    console.log(`  ours:   ${fmt(ms)} ms`);
    const wine = runUnderWine(cpu);
    if (wine) {
      const same = wine.output === output.join('\n') ? 'same output' : `DIFFERENT output: ${wine.output}`;
      console.log(`  Wine's vbscript.dll: ${fmt(wine.ms)} ms wall (includes about 0.3 s of Wine start-up), ${same}`);
      console.log(`  ratio Wine/ours ${fmt(wine.ms / ms, 1)}x   target: >= 5x -> ${wine.ms / ms >= 5 ? 'met' : 'NOT met'}`);
    } else {
      console.log("  Wine's vbscript.dll: not measured (needs Debian's wine; see ../shared/recipes/wine-reference); about 6 s here");
    }
  }
}

main();
