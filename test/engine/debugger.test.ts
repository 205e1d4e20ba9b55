/**
 * The debugging interface, driven in-thread (the worker transport has its own test).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScriptEngine } from '../../simulator/src/runtime/engine/scriptEngine.js';
import { EngineDebugger, type StopHandler } from '../../simulator/src/runtime/debug/engineDebugger.js';
import { ScriptAborted, type StopEvent, type StoppedScript } from '../../simulator/src/runtime/debug/protocol.js';

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
  'Echo total', //               10
].join('\n');

function engineWithEcho(output: string[]): ScriptEngine {
  const engine = new ScriptEngine();
  engine.addObject('Echo', (...a: unknown[]) => {
    output.push(a.join(' '));
  });
  return engine;
}

type Step = (event: StopEvent, script: StoppedScript) => ReturnType<StopHandler>;

/** Runs `code` with a debugger whose stops are answered by `steps`, in order. */
function debugRun(code: string, breakpoints: number[], steps: Step[]): { stops: StopEvent[]; output: string[] } {
  const output: string[] = [];
  const stops: StopEvent[] = [];
  const engine = engineWithEcho(output);
  const dbg = new EngineDebugger(engine, (event, script) => {
    stops.push(event);
    const step = steps.shift();
    return step ? step(event, script) : 'continue';
  });
  dbg.setBreakpoints('main.vbs', breakpoints);
  try {
    engine.addCode(code, 'main.vbs');
  } catch (e) {
    if (!(e instanceof ScriptAborted)) throw e;
  }
  return { stops, output };
}

test('a breakpoint stops before its line runs', () => {
  let totalAtStop: string | undefined;
  const { stops, output } = debugRun(source, [8], [
    (_e, s) => {
      const r = s.evaluate('total', 0);
      totalAtStop = r.ok ? r.value.value : r.error;
      return 'continue';
    },
  ]);
  assert.deepEqual(
    stops.map((s) => [s.reason, s.location.line]),
    [['breakpoint', 8]],
  );
  assert.equal(totalAtStop, '1');
  assert.deepEqual(output, ['25']);
});

test('step over a call stays in the caller', () => {
  const { stops } = debugRun(source, [8], [() => 'stepOver', () => 'stepOver', () => 'continue']);
  assert.deepEqual(
    stops.map((s) => [s.reason, s.location.line, s.depth]),
    [
      ['breakpoint', 8, 0],
      ['step', 9, 0],
      ['step', 10, 0],
    ],
  );
});

test('step into and out of a Sub', () => {
  let stack: string[] = [];
  const { stops } = debugRun(source, [8], [
    () => 'stepIn',
    (_e, s) => {
      stack = s.stackTrace().map((f) => `${f.name}:${f.location?.line}`);
      return 'stepOut';
    },
    () => 'continue',
  ]);
  assert.deepEqual(
    stops.map((s) => [s.reason, s.location.line, s.depth]),
    [
      ['breakpoint', 8, 0],
      ['step', 4, 1],
      ['step', 9, 0],
    ],
  );
  assert.deepEqual(stack, ['AddTo:4', '(global code):8']);
});

test('locals and globals while stopped', () => {
  let locals: Array<[string, string]> = [];
  let globals: Array<[string, string]> = [];
  debugRun(source, [5], [
    (_e, s) => {
      const [localScope, globalScope] = s.scopes(0);
      locals = s.variables(localScope.variablesReference).map((v) => [v.name, v.value]);
      globals = s.variables(globalScope.variablesReference).map((v) => [v.name, v.value]);
      return 'abort';
    },
  ]);
  assert.deepEqual(locals, [
    ['n', '5'],
    ['doubled', '10'],
  ]);
  assert.deepEqual(
    globals.filter(([n]) => n === 'total'),
    [['total', '1']],
  );
});

test('evaluate a local in the stopped frame and in an outer frame', () => {
  const results: string[] = [];
  debugRun(source, [5], [
    (_e, s) => {
      for (const [expr, frame] of [['doubled + n', 0], ['total', 1]] as const) {
        const r = s.evaluate(expr, frame);
        results.push(r.ok ? r.value.value : `error ${r.error}`);
      }
      return 'abort';
    },
  ]);
  assert.deepEqual(results, ['15', '1']);
});

test('abort stops the script with ScriptAborted', () => {
  const output: string[] = [];
  const engine = engineWithEcho(output);
  const dbg = new EngineDebugger(engine, () => 'abort');
  dbg.setBreakpoints('main.vbs', [9]);
  assert.throws(() => engine.addCode(source, 'main.vbs'), ScriptAborted);
  assert.deepEqual(output, []);
});

test('side-effect-free evaluation refuses user procedures, setters and Dictionary auto-add', () => {
  const code = [
    'Class Box',
    '  Private v',
    '  Public Property Get Value : Value = v : End Property',
    '  Public Property Let Value(x) : v = x : End Property',
    'End Class',
    'Dim calls : calls = 0',
    'Function Bump : calls = calls + 1 : Bump = calls : End Function',
    'Set d = CreateObject("Scripting.Dictionary")',
    'Set b = New Box : b.Value = 3',
    'Echo calls, d.Count, b.Value',
  ].join('\n');
  const outcomes: string[] = [];
  const { output } = debugRun(code, [10], [
    (_e, s) => {
      for (const expr of ['Bump()', 'd("missing")', 'b.Value', 'Len("abc")', 'Eval("calls")']) {
        const r = s.evaluate(expr, 0, { sideEffectFree: true });
        outcomes.push(r.ok ? `${expr} = ${r.value.value}` : `${expr} refused`);
      }
      return 'continue';
    },
  ]);
  assert.deepEqual(outcomes, ['Bump() refused', 'd("missing") = Empty', 'b.Value refused', 'Len("abc") = 3', 'Eval("calls") refused']);
  // Nothing changed: no call counted, no key added.
  assert.deepEqual(output, ['0 0 3']);
});

test('a plain evaluation may have side effects', () => {
  const { output } = debugRun('Dim calls\nFunction Bump : calls = calls + 1 : End Function\nEcho calls', [3], [
    (_e, s) => {
      s.evaluate('Bump()', 0);
      return 'continue';
    },
  ]);
  assert.deepEqual(output, ['1']);
});

test('the Stop statement stops in the debugger', () => {
  const { stops } = debugRun('x = 1\nStop\nx = 2', [], [() => 'continue']);
  assert.deepEqual(
    stops.map((s) => [s.reason, s.location.line]),
    [['stop-statement', 2]],
  );
});

test('a pause request stops an endless loop', () => {
  const engine = engineWithEcho([]);
  let statements = 0;
  const stops: StopEvent[] = [];
  const dbg = new EngineDebugger(
    engine,
    (e) => {
      stops.push(e);
      return 'abort';
    },
    {
      attention: new Int32Array(1).fill(1),
      poll: () => {
        if (++statements === 1000) dbg.requestPause();
      },
    },
  );
  assert.throws(() => engine.addCode('i = 0\nDo\n  i = i + 1\nLoop', 'main.vbs'), ScriptAborted);
  assert.equal(stops[0].reason, 'pause');
  assert.ok(engine.getGlobal('i') as number > 100);
});

test('a statement executed in the stopped frame changes its local', () => {
  const { output } = debugRun('Sub Show\n  Dim v\n  v = 1\n  Echo v\nEnd Sub\nShow', [4], [
    (_e, s) => {
      const r = s.execute('v = v + 41', 0);
      assert.ok(r.ok);
      return 'continue';
    },
  ]);
  assert.deepEqual(output, ['42']);
});

test('an evaluation error is reported, not thrown into the script', () => {
  let result = '';
  const { output } = debugRun('x = 1\nEcho x', [2], [
    (_e, s) => {
      const r = s.evaluate('1 / 0', 0);
      result = r.ok ? 'ok' : `${r.number} ${r.error}`;
      return 'continue';
    },
  ]);
  assert.equal(result, '11 Division by zero');
  assert.deepEqual(output, ['1']);
});

test('a breakpoint inside a loop stops on every iteration', () => {
  const { stops } = debugRun('For i = 1 To 3\n  x = x + i\nNext', [2], []);
  assert.equal(stops.length, 3);
});

test('breakpoints can be changed while stopped: removed ones no longer stop, new ones do', () => {
  const output: string[] = [];
  const engine = engineWithEcho(output);
  const stops: number[] = [];
  const dbg = new EngineDebugger(engine, (event) => {
    stops.push(event.location.line);
    if (event.location.line === 2) dbg.setBreakpoints('main.vbs', [4]);
    return 'continue';
  });
  dbg.setBreakpoints('main.vbs', [2]);
  engine.addCode('For i = 1 To 3\n  x = x + i\nNext\nEcho x', 'main.vbs');
  assert.deepEqual(stops, [2, 4]);
  assert.deepEqual(output, ['6']);
});

test('setBreakpoints verifies lines against the loaded code', () => {
  const engine = engineWithEcho([]);
  const dbg = new EngineDebugger(engine, () => 'continue');
  engine.addCode('x = 1\n\n\' comment\ny = 2', 'main.vbs');
  assert.deepEqual(dbg.setBreakpoints('main.vbs', [1, 2, 3, 4]), [1, 4]);
});

test('stepping onto a line with a breakpoint stops once', () => {
  const { stops } = debugRun('a = 1\nb = 2\nc = 3', [1, 2], [() => 'stepOver', () => 'continue']);
  assert.deepEqual(
    stops.map((s) => [s.reason, s.location.line]),
    [
      ['breakpoint', 1],
      ['step', 2],
    ],
  );
});
