/**
 * The hooks the debug adapter added to the engine debugger, driven in-thread: a breakpoint
 * filter that leaves stepping untouched, exception stops (all / uncaught) with the frame
 * intact, and time spent stopped not counting against the script's time limit.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScriptEngine } from '../../simulator/src/runtime/engine/scriptEngine';
import { EngineDebugger, type StopHandler } from '../../simulator/src/runtime/debug/engineDebugger';
import type { StopEvent } from '../../simulator/src/runtime/debug/protocol';

const source = [
  'Dim total', //                1
  'Sub AddTo(n)', //             2
  '  Dim doubled', //            3
  '  doubled = n * 2', //        4
  '  total = total + doubled', //5
  'End Sub', //                  6
  'total = 1', //                7
  'AddTo 5', //                  8
  'AddTo 7', //                  9
].join('\n');

test('a breakpoint the filter declines does not stop and does not end a step over', () => {
  const stops: Array<[string, number]> = [];
  const engine = new ScriptEngine();
  const answers: Array<ReturnType<StopHandler>> = ['stepOver', 'continue'];
  const dbg = new EngineDebugger(
    engine,
    (e) => {
      stops.push([e.reason, e.location.line]);
      return answers.shift() ?? 'continue';
    },
    { shouldStop: (e) => e.location.line !== 4 },
  );
  dbg.setBreakpoints('main.vbs', [4, 8]);
  engine.addCode(source, 'main.vbs');
  assert.deepEqual(stops, [
    ['breakpoint', 8],
    ['step', 9],
  ]);
});

const errors = [
  'Sub Risky()', //               1
  '  Dim x', //                   2
  '  x = 1 / 0', //               3
  'End Sub', //                   4
  'On Error Resume Next', //      5
  'Risky', //                     6
  'On Error GoTo 0', //           7
  'Dim y : y = CLng("abc")', //   8
].join('\n');

function runWithFilters(filters: Array<'all' | 'uncaught'>): Array<{ event: StopEvent; x?: string }> {
  const stops: Array<{ event: StopEvent; x?: string }> = [];
  const engine = new ScriptEngine();
  const dbg = new EngineDebugger(engine, (event, script) => {
    const x = script.evaluate('x', 0);
    stops.push({ event, x: x.ok ? x.value.value : undefined });
    return 'continue';
  });
  dbg.setExceptionFilters(filters);
  assert.throws(() => engine.addCode(errors, 'e.vbs'), /Type mismatch/);
  return stops;
}

test('exception stops: all errors, even one a caller traps with On Error Resume Next', () => {
  const stops = runWithFilters(['all']);
  assert.deepEqual(
    stops.map((s) => [s.event.reason, s.event.location.line, s.event.error?.number, s.event.error?.caught]),
    [
      ['exception', 3, 11, true],
      ['exception', 8, 13, false],
    ],
  );
  // Stopped in the failing frame, before it unwound: its locals are there.
  assert.equal(stops[0].x, 'Empty');
  assert.equal(stops[0].event.error?.description, 'Division by zero');
});

test('exception stops: only errors no frame traps', () => {
  assert.deepEqual(
    runWithFilters(['uncaught']).map((s) => s.event.location.line),
    [8],
  );
});

test('time spent stopped does not count against the time limit', () => {
  const engine = new ScriptEngine({ limits: { timeLimitMs: 150 } });
  const dbg = new EngineDebugger(engine, () => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
    return 'continue';
  });
  dbg.setBreakpoints('t.vbs', [2]);
  // The loop after the stop checks the deadline every 1024 iterations.
  engine.addCode('Dim i\nFor i = 1 To 200000\nNext', 't.vbs');
});

test('with lazy compilation, breakpoints bind when a procedure compiles on its first call', () => {
  const stops: number[] = [];
  const engine = new ScriptEngine({ lazyProcedures: true });
  const dbg = new EngineDebugger(engine, (e) => {
    stops.push(e.location.line);
    return 'continue';
  });
  dbg.setBreakpoints('lazy.vbs', [3, 6]);
  engine.addCode(['Class K', '  Public Sub Go()', '    Twice 1', '  End Sub', 'End Class', 'Function Twice(n) : Twice = n * 2 : End Function', 'Dim obj : Set obj = New K', 'obj.Go'].join('\n'), 'lazy.vbs');
  assert.deepEqual(stops, [3, 6]);
});
