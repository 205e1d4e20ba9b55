/**
 * What an engine costs to create, JScript against VBScript: hMailServer runs the whole event
 * script in a new engine for every event, so the simulator creates about three per message.
 *
 * 1. Engines/s: `new JScriptEngine()` against `new ScriptEngine()` (the options the pipeline
 *    passes), then the same plus a small handler file added and one handler called, as a
 *    firing does it (the parse shared, as the pipeline shares it).
 * 2. Simple statements/s: `x = x + 1` in a loop at the top level, in both languages
 *    (statement counts from one extra run with a counting hook).
 *
 * The two languages are timed alternately, so load from other processes hits both alike. A
 * sample is long enough (thousands of engines) for most of its garbage to be collected within
 * it, not on the other language's time.
 */
import { ScriptEngine, type ScriptEngineOptions } from '../simulator/src/runtime/engine/scriptEngine';
import { JScriptEngine } from '../simulator/src/runtime/jscript/engine';
import { parseJScript } from '../simulator/src/syntax/jscript/parser';
import { parse } from '../simulator/src/syntax/parser';
import { fmt } from './measure';

const options: ScriptEngineOptions = { clock: () => 1_795_000_000_000, timeZone: 'Europe/Berlin', seed: 1, lazyProcedures: true, limits: { timeLimitMs: 30_000 } };

const jsHandlers = parseJScript(
  `var LIMIT = 5;
function domainOf(address) {
  var at = address.lastIndexOf("@");
  return at >= 0 ? address.substring(at + 1) : "";
}
function OnAcceptMessage(from) {
  var d = domainOf(from), n = 0;
  for (var i = 0; i < d.length; i++) if (d.charAt(i) == ".") n++;
  if (n > LIMIT) Result.Value = 2;
}
function OnClientConnect(ip) {
  if (ip.substr(0, 8) == "192.0.2.") Result.Value = 1;
}
`,
  'EventHandlers.js',
);
const jsCall = parseJScript('OnAcceptMessage("alice@mail.example.com")', 'call');
const vbsHandlers = parse(
  `Const LIMIT = 5
Function DomainOf(address)
  Dim at
  at = InStrRev(address, "@")
  If at > 0 Then DomainOf = Mid(address, at + 1) Else DomainOf = ""
End Function
Sub OnAcceptMessage(from)
  Dim d, n, i
  d = DomainOf(from)
  n = 0
  For i = 1 To Len(d)
    If Mid(d, i, 1) = "." Then n = n + 1
  Next
  If n > LIMIT Then Result.Value = 2
End Sub
Sub OnClientConnect(ip)
  If Left(ip, 8) = "192.0.2." Then Result.Value = 1
End Sub
`,
  'EventHandlers.vbs',
);
const vbsCall = parse('Call OnAcceptMessage("alice@mail.example.com")', 'call');

const result = { Value: 0 };

/** Medians of `rounds` samples of `n` calls of `a`, and of `b`, timed alternately. */
function interleaved(n: number, a: () => void, b: () => void, rounds = 11): { a: number; b: number } {
  const time = (fn: () => void): number => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (let i = 0; i < 3; i++) {
    time(a);
    time(b);
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < rounds; i++) {
    ta.push(time(a));
    tb.push(time(b));
  }
  const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return { a: median(ta), b: median(tb) };
}

const jsLoop = 'var x = 0;\nfor (var i = 0; i < 1000000; i++) {\n  x = x + 1;\n}\n';
const vbsLoop = 'Dim i, x\nx = 0\nFor i = 1 To 1000000\n  x = x + 1\nNext\n';

function countJs(code: string): number {
  const engine = new JScriptEngine();
  let n = 0;
  engine.runtime.hook = (_info, _frame, backEdge) => {
    if (!backEdge) n++;
  };
  engine.addCode(code, 'loop.js');
  return n;
}

function countVbs(code: string): number {
  const engine = new ScriptEngine();
  let n = 0;
  engine.runtime.hook = (_info, _frame, backEdge) => {
    if (!backEdge) n++;
  };
  engine.addCode(code, 'loop.vbs');
  return n;
}

function main(): void {
  const N = 500;
  const created = interleaved(
    N * 6,
    () => void new JScriptEngine(options),
    () => void new ScriptEngine(options),
  );
  console.log(`jscript-engine: creating engines (${N * 6} per sample, median of 11, interleaved)`);
  console.log(`  JScriptEngine   ${fmt((created.a / N / 6) * 1000, 1)} µs/engine   ${fmt(((N * 6) / created.a) * 1000, 0)} engines/s`);
  console.log(`  ScriptEngine    ${fmt((created.b / N / 6) * 1000, 1)} µs/engine   ${fmt(((N * 6) / created.b) * 1000, 0)} engines/s   (JScript ${fmt(created.a / created.b, 2)}x the VBScript time)`);

  const fired = interleaved(
    N,
    () => {
      const e = new JScriptEngine(options);
      e.addObject('Result', result);
      e.addParsed(jsHandlers, 'EventHandlers.js');
      e.addParsed(jsCall, 'call');
      e.close();
    },
    () => {
      const e = new ScriptEngine(options);
      e.addObject('Result', result);
      e.addParsed(vbsHandlers, 'EventHandlers.vbs');
      e.addParsed(vbsCall, 'call');
      e.close();
    },
  );
  console.log('jscript-engine: a firing (new engine, a host object, a 3-function file added, one handler called)');
  console.log(`  JScript         ${fmt((fired.a / N) * 1000, 1)} µs/firing   ${fmt((N / fired.a) * 1000, 0)} firings/s`);
  console.log(`  VBScript        ${fmt((fired.b / N) * 1000, 1)} µs/firing   ${fmt((N / fired.b) * 1000, 0)} firings/s   (JScript ${fmt(fired.a / fired.b, 2)}x the VBScript time)`);

  const jsCount = countJs(jsLoop);
  const vbsCount = countVbs(vbsLoop);
  const loops = interleaved(
    1,
    () => new JScriptEngine().addCode(jsLoop, 'loop.js'),
    () => new ScriptEngine().addCode(vbsLoop, 'loop.vbs'),
    7,
  );
  console.log('jscript-engine: simple statements (x = x + 1 in a top-level loop)');
  console.log(`  JScript         ${fmt(jsCount / 1e6, 2)} M statements in ${fmt(loops.a)} ms -> ${fmt(jsCount / loops.a / 1000, 1)} M statements/s`);
  console.log(`  VBScript        ${fmt(vbsCount / 1e6, 2)} M statements in ${fmt(loops.b)} ms -> ${fmt(vbsCount / loops.b / 1000, 1)} M statements/s`);
}

main();
