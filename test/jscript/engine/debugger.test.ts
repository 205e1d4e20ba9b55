/** JsEngineDebugger driven directly: breakpoints, stepping, pause, evaluation, exception filters. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { JScriptEngine, ScriptError } from '../../../simulator/src/runtime/jscript/engine.js';
import { JsEngineDebugger, type JsStoppedState } from '../../../simulator/src/runtime/jscript/debug/jsDebugger.js';
import { ScriptAborted, type ResumeCommand, type StopEvent } from '../../../simulator/src/runtime/debug/protocol.js';
import { engineWithEcho } from './helpers.js';

const SOURCE = [
  'var total = 0;', // 1
  'function add(a, b) {', // 2
  '  var sum = a + b;', // 3
  '  return sum;', // 4
  '}', // 5
  'function run() {', // 6
  '  var x = add(20, 22);', // 7
  '  total = x;', // 8
  '  return x;', // 9
  '}', // 10
  'run();', // 11
  'total++;', // 12
].join('\n');

type Script = Array<(event: StopEvent, state: JsStoppedState) => ResumeCommand | 'abort'>;

function debug(engine: JScriptEngine, script: Script) {
  const events: StopEvent[] = [];
  let i = 0;
  const dbg = new JsEngineDebugger(engine, (event, state) => {
    events.push(event);
    const step = script[i++];
    return step ? step(event, state) : 'continue';
  });
  return { dbg, events };
}

describe('JsEngineDebugger', () => {
  test('a breakpoint stops with the call stack and locals', () => {
    const engine = new JScriptEngine();
    let seen: unknown = null;
    const { dbg, events } = debug(engine, [
      (_e, state) => {
        const stack = state.stackTrace();
        const locals = state.variables(state.scopes(0)[0].variablesReference);
        seen = {
          names: stack.map((f) => f.name),
          lines: stack.map((f) => f.location?.line),
          locals: Object.fromEntries(locals.filter((v) => v.name !== 'this').map((v) => [v.name, v.value])),
          scopes: state.scopes(0).map((s) => s.name),
          globalScopes: state.scopes(2).map((s) => s.name),
        };
        return 'continue';
      },
    ]);
    assert.deepEqual(dbg.setBreakpoints('main.js', [4]), [4]);
    engine.addCode(SOURCE, 'main.js');
    assert.equal(events.length, 1);
    assert.equal(events[0].reason, 'breakpoint');
    assert.deepEqual(events[0].location.line, 4);
    assert.deepEqual(seen, {
      names: ['add', 'run', '(global code)'],
      lines: [4, 7, 11],
      locals: { a: '20', b: '22', sum: '42' },
      scopes: ['Locals', 'Globals'],
      globalScopes: ['Globals'],
    });
    assert.equal(engine.getGlobal('total'), 43);
  });

  test('setBreakpoints verifies lines that hold a statement once the file is loaded', () => {
    const engine = new JScriptEngine();
    const { dbg } = debug(engine, []);
    engine.addCode(SOURCE, 'Main.js');
    assert.deepEqual(dbg.setBreakpoints('main.JS', [2, 3, 5, 11, 40]), [3, 11]);
  });

  test('with lazyProcedures, breakpoints inside functions not yet called are verified and hit', () => {
    const engine = new JScriptEngine({ lazyProcedures: true });
    const { dbg, events } = debug(engine, []);
    engine.addCode('function later(a) {\n  var b = a + 1;\n  return b;\n}', 'lazy.js');
    assert.deepEqual(dbg.setBreakpoints('lazy.js', [1, 2, 3]), [2, 3]);
    assert.equal(engine.run('later', 1), 2);
    assert.deepEqual(events.map((e) => e.location.line), [2, 3]);
  });

  test('step in, step over and step out follow the call depth', () => {
    const engine = new JScriptEngine();
    const { dbg, events } = debug(engine, [
      () => 'stepIn', // at 7 (run) -> into add
      () => 'stepOver', // at 3 -> 4
      () => 'stepOut', // at 4 -> back in run, line 8
      () => 'stepOver', // 8 -> 9
      () => 'stepOut', // 9 -> global, line 12
      () => 'continue',
    ]);
    dbg.setBreakpoints('main.js', [7]);
    engine.addCode(SOURCE, 'main.js');
    assert.deepEqual(
      events.map((e) => `${e.reason}:${e.location.line}:${e.depth}`),
      ['breakpoint:7:1', 'step:3:2', 'step:4:2', 'step:8:1', 'step:9:1', 'step:12:0'],
    );
  });

  test('evaluate in a frame, with and without side effects', () => {
    const engine = new JScriptEngine();
    const results: unknown[] = [];
    const { dbg } = debug(engine, [
      (_e, state) => {
        results.push(state.evaluate('a * b', 0).ok && state.evaluate('a * b', 0));
        results.push(state.evaluate('x', 1));
        results.push(state.evaluate('total', 0, { sideEffectFree: true }));
        results.push(state.evaluate('sum = 1', 0, { sideEffectFree: true }).ok);
        results.push(state.evaluate('add(1, 2)', 0, { sideEffectFree: true }).ok);
        results.push(state.evaluate('nope', 0));
        results.push(state.execute('sum = 100', 0).ok);
        return 'continue';
      },
    ]);
    dbg.setBreakpoints('main.js', [4]);
    engine.addCode(SOURCE, 'main.js');
    const [product, x, total, assignRefused, callRefused, missing, executed] = results as Array<{ ok: boolean; value?: { value: string }; number?: number; error?: string }>;
    assert.equal(product.value?.value, '440');
    assert.equal(x.value?.value, 'undefined');
    assert.equal(total.value?.value, '0');
    assert.equal(assignRefused, false);
    assert.equal(callRefused, false);
    assert.deepEqual([missing.ok, missing.number, missing.error], [false, 5009, "'nope' is undefined"]);
    assert.equal(executed, true);
    // `sum = 100` ran in add's frame: run() returned it.
    assert.equal(engine.getGlobal('total'), 101);
  });

  test('pause stops inside while (true) {} and for (;;); through the attention flag', () => {
    for (const loop of ['while (true) {}', 'for (;;);', 'var i = 0; do { i++; } while (true);']) {
      const engine = new JScriptEngine();
      const attention = new Int32Array(new SharedArrayBuffer(4));
      let polls = 0;
      const events: StopEvent[] = [];
      const dbg: JsEngineDebugger = new JsEngineDebugger(
        engine,
        (event) => {
          events.push(event);
          return 'abort';
        },
        {
          attention,
          poll: () => {
            polls++;
            Atomics.store(attention, 0, 0);
            dbg.requestPause();
          },
        },
      );
      // Another thread would set this; the poll hook sees it within a few thousand iterations.
      Atomics.store(attention, 0, 1);
      assert.throws(() => engine.addCode(`var before = 1;\n${loop}`, 'loop.js'), ScriptAborted);
      assert.equal(events.length, 1, loop);
      assert.equal(events[0].reason, 'pause');
      assert.equal(events[0].location.line, 2);
      assert.equal(polls, 1);
    }
  });

  test('pause requested from another thread stops an endless loop', async () => {
    const { Worker } = await import('node:worker_threads');
    const engine = new JScriptEngine();
    const attention = new Int32Array(new SharedArrayBuffer(4));
    const events: StopEvent[] = [];
    const dbg: JsEngineDebugger = new JsEngineDebugger(
      engine,
      (event) => {
        events.push(event);
        return 'abort';
      },
      {
        attention,
        poll: () => {
          Atomics.store(attention, 0, 0);
          dbg.requestPause();
        },
      },
    );
    // A plain worker flips the flag after a while, as a debug adapter's thread would.
    const worker = new Worker('const { workerData } = require("node:worker_threads"); setTimeout(() => Atomics.store(new Int32Array(workerData), 0, 1), 30);', {
      eval: true,
      workerData: attention.buffer,
    });
    try {
      assert.throws(() => engine.addCode('var n = 0;\nwhile (true) { n++; }', 'spin.js'), ScriptAborted);
    } finally {
      await worker.terminate();
    }
    assert.equal(events.length, 1);
    assert.equal(events[0].reason, 'pause');
    assert.equal(events[0].location.fileName, 'spin.js');
    assert.ok((engine.getGlobal('n') as number) > 0);
  });

  test('abort is not catchable by try/catch', () => {
    const engine = new JScriptEngine();
    const { dbg } = debug(engine, [() => 'abort']);
    dbg.setBreakpoints('a.js', [2]);
    assert.throws(() => engine.addCode('var caught = false;\ntry { var y = 1; } catch (e) { caught = true; }', 'a.js'), ScriptAborted);
    assert.equal(engine.getGlobal('caught'), false);
  });

  test('exception filters: all stops at caught errors, uncaught only at the others', () => {
    const code = 'var r = [];\ntry {\n  missing();\n} catch (e) { r.push("caught"); }\nnull.boom;';
    for (const [filter, expected] of [
      ['all', ['3 5009 true', '5 5007 false']],
      ['uncaught', ['5 5007 false']],
    ] as const) {
      const engine = new JScriptEngine();
      const { dbg, events } = debug(engine, []);
      dbg.setExceptionFilters([filter]);
      assert.throws(() => engine.addCode(code, 'x.js'), ScriptError);
      assert.deepEqual(
        events.map((e) => `${e.location.line} ${e.error?.number} ${e.error?.caught}`),
        expected,
      );
    }
  });

  test('debugger statement and eval code as its own unit', () => {
    const { engine } = engineWithEcho();
    const stacks: string[][] = [];
    const { events } = debug(engine, [
      (_e, state) => {
        stacks.push(state.stackTrace().map((f) => `${f.name}@${f.fileName}:${f.location?.line}`));
        return 'continue';
      },
    ]);
    engine.addCode('function f() {\n  eval("var q = 1;\\ndebugger;");\n}\nf();', 'dbg.js');
    assert.equal(events[0].reason, 'stop-statement');
    assert.deepEqual(stacks[0], ['eval code@eval code:2', 'f@dbg.js:2', '(global code)@dbg.js:4']);
  });

  test('COM objects show their declared properties as children', () => {
    const { engine } = engineWithEcho();
    const shown: Record<string, string> = {};
    const { dbg } = debug(engine, [
      (_e, state) => {
        const locals = state.variables(state.scopes(0)[0].variablesReference);
        for (const v of locals) shown[v.name] = `${v.type}:${v.value}`;
        const h = locals.find((v) => v.name === 'h')!;
        for (const c of state.variables(h.variablesReference)) shown[`h.${c.name}`] = c.value;
        const arr = locals.find((v) => v.name === 'arr')!;
        shown.arrItems = state.variables(arr.variablesReference).map((c) => `${c.name}=${c.value}`).join(',');
        return 'continue';
      },
    ]);
    dbg.setBreakpoints('com.js', [4]);
    engine.addCode('function f() {\n  var h = new ActiveXObject("Test.Headers"); h.Subject = "S";\n  var arr = [1, "x"], o = { k: true }, d = new Date(0);\n  return h;\n}\nf();', 'com.js');
    assert.equal(shown.h, 'TestHeaders:TestHeaders');
    assert.equal(shown['h.Subject'], '"S"');
    assert.equal(shown['h.Count'], '0');
    assert.equal(shown.arr, 'Array:Array(2)');
    assert.equal(shown.arrItems, '0=1,1="x",length=2');
    assert.equal(shown.o, 'Object:[object Object]');
    assert.equal(shown.d, 'Date:Thu Jan 1 00:00:00 UTC 1970');
  });
});
