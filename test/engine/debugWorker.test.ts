/**
 * The debugging interface across a worker thread: the host stays responsive while the
 * script is stopped or spinning, and can pause and abort it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import path from 'node:path';
import { DebugWorkerSession } from '../../simulator/src/runtime/debug/workerSession.js';
import type { StopEvent } from '../../simulator/src/runtime/debug/protocol.js';

const setupModule = path.join(__dirname, 'workerSetup.ts');

test('breakpoint in a worker: inspect, evaluate, step and finish', async () => {
  const session = new DebugWorkerSession({
    source: 'Sub Greet(name)\n  Dim msg\n  msg = "Hello " & name\n  Echo msg\nEnd Sub\nGreet "Ann"\nEcho "done"',
    fileName: 'w.vbs',
    setupModule,
    breakpoints: [{ fileName: 'w.vbs', lines: [4] }],
  });
  const output: string[] = [];
  session.on('output', (t) => output.push(t));
  const [stop] = (await once(session, 'stopped')) as [StopEvent];
  assert.equal(stop.reason, 'breakpoint');
  assert.equal(stop.location.line, 4);
  const stack = await session.stackTrace();
  assert.deepEqual(
    stack.map((f) => [f.name, f.location?.line]),
    [
      ['Greet', 4],
      ['(global code)', 6],
    ],
  );
  const r = await session.evaluate('msg', 0);
  assert.ok(r.ok);
  assert.equal(r.ok && r.value.value, '"Hello Ann"');
  // The host's event loop runs while the script is stopped.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const stopped = once(session, 'stopped');
  await session.stepOver();
  const [next] = (await stopped) as [StopEvent];
  assert.deepEqual([next.reason, next.location.line], ['step', 7]);
  const exited = once(session, 'exited');
  await session.continue();
  const [end] = await exited;
  assert.equal(end.error, undefined);
  assert.deepEqual(output, ['Hello Ann', 'done']);
});

test('pause an endless Do … Loop, then abort it', async () => {
  const session = new DebugWorkerSession({ source: 'Echo "start"\ni = 0\nDo\n  i = i + 1\nLoop', fileName: 'loop.vbs', setupModule });
  await once(session, 'output');
  // Let it spin; the host remains free to run timers meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const stopped = once(session, 'stopped');
  await session.pause();
  const [stop] = (await stopped) as [StopEvent];
  assert.equal(stop.reason, 'pause');
  const r = await session.evaluate('i > 0', 0);
  assert.ok(r.ok && r.value.value === 'True');
  const exited = once(session, 'exited');
  await session.terminate();
  await exited;
});

test('pause even an empty endless loop', async () => {
  const session = new DebugWorkerSession({ source: 'Do\nLoop', fileName: 'empty.vbs', setupModule });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const stopped = once(session, 'stopped');
  await session.pause();
  const [stop] = (await stopped) as [StopEvent];
  assert.equal(stop.location.line, 1);
  await session.terminate();
});

test('deep recursion in a worker reaches the depth limit (error 28) before the JS stack', async () => {
  const session = new DebugWorkerSession({
    source: 'Function Deep(n)\n  If n > 0 Then\n    Deep = Deep(n - 1) + 1\n  End If\nEnd Function\nEcho Deep(900)\nDeep 100000',
    fileName: 'deep.vbs',
    setupModule,
  });
  const output: string[] = [];
  session.on('output', (t) => output.push(t));
  const [end] = await once(session, 'exited');
  assert.deepEqual(output, ['900']);
  assert.equal((end.error as { number?: number }).number, 28);
});

test('stop on entry, set a breakpoint while stopped, continue to it', async () => {
  const session = new DebugWorkerSession({ source: 'a = 1\nb = 2\nc = a + b\nEcho c', fileName: 'entry.vbs', setupModule, stopOnEntry: true });
  const [first] = (await once(session, 'stopped')) as [StopEvent];
  assert.deepEqual([first.reason, first.location.line], ['pause', 1]);
  assert.deepEqual(await session.setBreakpoints('entry.vbs', [3, 5]), [3]);
  const next = once(session, 'stopped');
  await session.continue();
  const [bp] = (await next) as [StopEvent];
  assert.deepEqual([bp.reason, bp.location.line], ['breakpoint', 3]);
  const scopes = await session.scopes(0);
  const globals = await session.variables(scopes.find((s) => s.name === 'Globals')!.variablesReference);
  assert.deepEqual(
    globals.filter((v) => ['a', 'b'].includes(v.name)).map((v) => `${v.name}=${v.value}`),
    ['a=1', 'b=2'],
  );
  const exited = once(session, 'exited');
  await session.continue();
  await exited;
});

test('a JScript session (by the .js file name): breakpoint, stack, evaluate, step, finish', async () => {
  const session = new DebugWorkerSession({
    source: 'function greet(name) {\n  var msg = "Hello " + name;\n  Echo(msg);\n}\ngreet("Ann");\nEcho("done");',
    fileName: 'w.js',
    setupModule,
    breakpoints: [{ fileName: 'w.js', lines: [3] }],
  });
  const output: string[] = [];
  session.on('output', (t) => output.push(t));
  const [stop] = (await once(session, 'stopped')) as [StopEvent];
  assert.deepEqual([stop.reason, stop.location.line], ['breakpoint', 3]);
  const stack = await session.stackTrace();
  assert.deepEqual(stack.map((f) => [f.name, f.location?.line]), [['greet', 3], ['(global code)', 5]]);
  const r = await session.evaluate('msg.length', 0);
  assert.ok(r.ok && r.value.value === '9', JSON.stringify(r));
  const stopped = once(session, 'stopped');
  await session.stepOut();
  const [next] = (await stopped) as [StopEvent];
  assert.deepEqual([next.reason, next.location.line], ['step', 6]);
  const exited = once(session, 'exited');
  await session.continue();
  const [end] = await exited;
  assert.equal(end.error, undefined);
  assert.deepEqual(output, ['Hello Ann', 'done']);
});

test('a JScript session: pause an empty while (true) {} inside try, then end the session', async () => {
  const session = new DebugWorkerSession({ source: 'Echo("start");\ntry {\n  while (true) {}\n} catch (e) {\n  Echo("caught");\n}', fileName: 'loop.js', setupModule });
  const output: string[] = [];
  session.on('output', (t) => output.push(t));
  await once(session, 'output');
  await new Promise((resolve) => setTimeout(resolve, 50));
  const stopped = once(session, 'stopped');
  await session.pause();
  const [stop] = (await stopped) as [StopEvent];
  assert.deepEqual([stop.reason, stop.location.line], ['pause', 3]);
  const exited = once(session, 'exited');
  await session.terminate();
  await exited;
  assert.deepEqual(output, ['start']);
});
