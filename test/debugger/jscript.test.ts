/**
 * The debugger on EventHandlers.js (JScript): breakpoints, the call stack and scopes in the
 * shape VBScript has them, COM objects expanded from the API declaration, stepping through a
 * helper, conditions with JScript truthiness, exception stops with JScript's error numbers,
 * the console running JScript, pause in `while (true) {}`, breakpoint verification.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { finish, js, launch, lineOf, newsletterMessage, resumeTo, runToEnd, scopeVariables, scratch, setBreakpoints, stack, startAdapter, TIMEOUT, top } from './helpers';

const SCRIPT = js(
  'var greeting = "hello";', //                           1
  '', //                                                  2
  'function twice(n) {', //                               3
  '  var doubled = n * 2;', //                            4
  '  return doubled;', //                                 5
  '}', //                                                 6
  '', //                                                  7
  'function OnClientConnect(oClient) {', //               8
  '  var a = twice(2);', //                               9
  '  a = a + 1;', //                                      10
  '}', //                                                 11
  '', //                                                  12
  'function OnAcceptMessage(oClient, oMessage) {', //     13
  '  var subject = oMessage.Subject;', //                 14
  '  var info = { score: 3, words: ["a", "b"] };', //     15
  '  for (var i = 0; i < 3; i++) {', //                   16
  '    info.score += i;', //                              17
  '  }', //                                               18
  '  Result.Message = "done";', //                        19
  '}', //                                                 20
);

function setup(script = SCRIPT): { script: string; args: Record<string, unknown> } {
  const dir = scratch({ 'EventHandlers.js': script });
  const file = path.join(dir, 'EventHandlers.js');
  return { script: file, args: { script: file, message: newsletterMessage, output: path.join(dir, 'out') } };
}

async function child(s: Awaited<ReturnType<typeof startAdapter>>, vars: DebugProtocol.Variable[], name: string): Promise<DebugProtocol.Variable[]> {
  const v = vars.find((x) => x.name === name);
  assert.ok(v, `no ${name} in ${vars.map((x) => x.name).join(', ')}`);
  assert.ok(v.variablesReference > 0, `${name} does not expand`);
  return (await s.dc.variablesRequest({ variablesReference: v.variablesReference })).body.variables;
}

test('JScript: a breakpoint in OnAcceptMessage, frames, scopes, oMessage expanded, JS objects and arrays', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const { script, args } = setup();
  try {
    await launch(s, args, () => setBreakpoints(s, script, [{ line: 19 }]));
    const frames = await stack(s);
    assert.deepEqual(
      frames.map((f) => [f.name, f.line]),
      [['OnAcceptMessage (event 3)', 19]],
    );
    assert.equal(frames[0].source?.path, script);
    const scopes = await s.dc.scopesRequest({ frameId: frames[0].id });
    assert.deepEqual(
      scopes.body.scopes.map((x) => x.name),
      ['Locals', 'Script', 'hMailServer'],
    );
    const locals = await scopeVariables(s, frames[0].id, 'Locals');
    const byName = new Map(locals.map((v) => [v.name, v]));
    assert.equal(byName.get('subject')?.value, '"Your November newsletter – new arrivals"');
    assert.equal(byName.get('i')?.value, '3');
    assert.equal(byName.get('i')?.type, 'number');
    // A JS object expands into its properties, an array into elements; evaluateName is JScript.
    const info = await child(s, locals, 'info');
    assert.deepEqual(
      info.map((v) => [v.name, v.value, v.evaluateName]),
      [
        ['score', '6', 'info.score'],
        ['words', 'Array(2)', 'info.words'],
      ],
    );
    const words = await child(s, info, 'words');
    assert.deepEqual(
      words.map((v) => [v.name, v.value, v.evaluateName]),
      [
        ['[0]', '"a"', 'info.words[0]'],
        ['[1]', '"b"', 'info.words[1]'],
      ],
    );
    // oMessage is a COM object: its API-declared properties, as in VBScript.
    const message = await child(s, locals, 'oMessage');
    const subject = message.find((v) => v.name === 'Subject');
    assert.equal(subject?.value, '"Your November newsletter – new arrivals"');
    assert.equal(subject?.evaluateName, 'oMessage.Subject');
    const recipients = await child(s, message, 'Recipients');
    const first = recipients.find((v) => v.name === '(0)');
    assert.ok(first?.evaluateName, JSON.stringify(recipients));
    // A collection item's evaluateName reads the same item in JScript.
    const address = (await child(s, recipients, '(0)')).find((v) => v.name === 'Address');
    const watched = await s.dc.evaluateRequest({ expression: address!.evaluateName!, frameId: frames[0].id, context: 'watch' });
    assert.equal(watched.body.result, address!.value);

    const script_ = await scopeVariables(s, frames[0].id, 'Script');
    assert.deepEqual(
      script_.map((v) => [v.name, v.value]),
      [['greeting', '"hello"']],
    );
    const hms = await scopeVariables(s, frames[0].id, 'hMailServer');
    assert.deepEqual(hms.slice(0, 3).map((v) => v.name), ['Result', 'oClient', 'oMessage']);
    assert.ok(hms.some((v) => v.name === 'EventLog'));
    const result = await child(s, hms, 'Result');
    assert.ok(result.some((v) => v.name === 'Value' && v.value === '0'), JSON.stringify(result));

    // Hover: side-effect free (no assignment, no user function call).
    const hover = await s.dc.evaluateRequest({ expression: 'info.score', frameId: frames[0].id, context: 'hover' });
    assert.equal(hover.body.result, '6');
    await assert.rejects(s.dc.evaluateRequest({ expression: 'greeting = "x"', frameId: frames[0].id, context: 'watch' }), /side effects/);
    await assert.rejects(s.dc.evaluateRequest({ expression: 'twice(2)', frameId: frames[0].id, context: 'watch' }), /side effects/);

    // setVariable through evaluateName.
    const locals2 = await s.dc.scopesRequest({ frameId: frames[0].id });
    const ref = locals2.body.scopes.find((x) => x.name === 'Locals')!.variablesReference;
    const set = await s.dc.setVariableRequest({ variablesReference: ref, name: 'subject', value: '"changed"' });
    assert.equal(set.body.value, '"changed"');
    // A COM property through its evaluateName (oMessage.Subject), and a JS object's property.
    const oMessage = locals.find((v) => v.name === 'oMessage')!;
    const setSubject = await s.dc.setVariableRequest({ variablesReference: oMessage.variablesReference, name: 'Subject', value: '"Re: " + subject' });
    assert.equal(setSubject.body.value, '"Re: changed"');
    const infoRef = locals.find((v) => v.name === 'info')!.variablesReference;
    const setScore = await s.dc.setVariableRequest({ variablesReference: infoRef, name: 'score', value: '41 + 1' });
    assert.equal(setScore.body.value, '42');
    await runToEnd(s);
    assert.match(s.outputText(), /OnAcceptMessage \(event 3\): Result\.Value = 0, Message = "done"/);
  } finally {
    await finish(s);
  }
});

test('JScript: step in, out and over through a helper; past the handler to the next firing', { timeout: TIMEOUT * 3 }, async () => {
  const s = await startAdapter();
  const { script, args } = setup();
  try {
    await launch(s, args, () => setBreakpoints(s, script, [{ line: 9 }]));
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['OnClientConnect (event 1)', 9]);
    await resumeTo(s, 'stepIn');
    assert.deepEqual(
      (await stack(s)).map((f) => [f.name, f.line]),
      [
        ['twice', 4],
        ['OnClientConnect (event 1)', 9],
      ],
    );
    const frame = await top(s);
    const locals = await scopeVariables(s, frame.id, 'Locals');
    assert.deepEqual(
      locals.map((v) => [v.name, v.value]),
      [
        ['n', '2'],
        ['doubled', 'undefined'],
      ],
    );
    await resumeTo(s, 'next');
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['twice', 5]);
    const out = await resumeTo(s, 'stepOut');
    assert.equal(out.body.reason, 'step');
    // Back in the caller, at the statement after the call's.
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['OnClientConnect (event 1)', 10]);
    // Past the handler's last statement: the next firing's first statement (top-level code first).
    await resumeTo(s, 'next');
    const next = await stack(s);
    assert.deepEqual(
      next.map((f) => [f.name, f.line]),
      [['(top-level code before OnAcceptMessage, event 3)', 1]],
    );
    await resumeTo(s, 'next');
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['OnAcceptMessage (event 3)', 14]);
    await runToEnd(s);
    assert.match(s.outputText(), /Outcome {3}ACCEPTED/);
  } finally {
    await finish(s);
  }
});

test('JScript: a conditional breakpoint, a hit count, a logpoint (JScript truthiness and values)', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const { script, args } = setup();
  try {
    await launch(s, args, () =>
      setBreakpoints(s, script, [
        { line: 17, condition: 'i >= 1 && info.words.length', hitCondition: '2' },
        { line: 19, logMessage: 'score {info.score} of {subject.length > 3}' },
      ]),
    );
    const frame = await top(s);
    assert.equal(frame.line, 17);
    const i = (await scopeVariables(s, frame.id, 'Locals')).find((v) => v.name === 'i');
    assert.equal(i?.value, '2');
    await runToEnd(s);
    assert.match(s.outputText(), /score 6 of true/);
  } finally {
    await finish(s);
  }
});

test('JScript: exception breakpoints stop on an undefined variable and a throw, with JScript error numbers', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const { args } = setup(
    js(
      'function OnAcceptMessage(oClient, oMessage) {', //  1
      '  try {', //                                        2
      '    throw new Error(7, "caught one");', //          3
      '  } catch (e) {', //                                4
      '    EventLog.Write("caught " + e.description);', // 5
      '  }', //                                            6
      '  var x = notDefined + 1;', //                      7
      '}', //                                              8
    ),
  );
  try {
    const first = (await launch(s, args, () => s.dc.setExceptionBreakpointsRequest({ filters: ['all'] }))) as DebugProtocol.StoppedEvent;
    assert.equal(first.body.reason, 'exception');
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['OnAcceptMessage (event 3)', 3]);
    await s.dc.setExceptionBreakpointsRequest({ filters: ['uncaught'] });
    const second = await resumeTo(s, 'continue');
    assert.equal(second.body.reason, 'exception');
    const frame = await top(s);
    assert.equal(frame.line, 7);
    const info = await s.dc.exceptionInfoRequest({ threadId: 1 });
    assert.equal(info.body.exceptionId, "Error 5009: 'notDefined' is undefined");
    const error = await scopeVariables(s, frame.id, 'Error');
    assert.deepEqual(
      error.map((v) => [v.name, v.value]),
      [
        ['number', '5009'],
        ['description', `"'notDefined' is undefined"`],
        ['source', '"Microsoft JScript runtime error"'],
      ],
    );
    await runToEnd(s);
    assert.match(s.outputText(), /EventLog: caught caught one/);
    assert.match(s.outputText(), /'notDefined' is undefined/);
  } finally {
    await finish(s);
  }
});

test('JScript: the debug console evaluates and assigns (Result.Value = 2 rejects the message); completions', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const { script, args } = setup();
  try {
    await launch(s, args, () => setBreakpoints(s, script, [{ line: 19 }]));
    const frame = await top(s);
    const printed = await s.dc.evaluateRequest({ expression: '? subject.toUpperCase()', frameId: frame.id, context: 'repl' });
    assert.equal(printed.body.result, '"YOUR NOVEMBER NEWSLETTER – NEW ARRIVALS"');
    const value = await s.dc.evaluateRequest({ expression: 'info.score * 2', frameId: frame.id, context: 'repl' });
    assert.equal(value.body.result, '12');
    const statement = await s.dc.evaluateRequest({ expression: 'var extra = 1;', frameId: frame.id, context: 'repl' });
    assert.equal(statement.body.result, '');
    // A breakpoint inside what the console calls does not stop the console's call.
    await setBreakpoints(s, script, [{ line: 19 }, { line: 4 }]);
    const helper = await s.dc.evaluateRequest({ expression: 'twice(21)', frameId: frame.id, context: 'repl' });
    assert.equal(helper.body.result, '42');
    await assert.rejects(s.dc.evaluateRequest({ expression: 'nope.x', frameId: frame.id, context: 'repl' }), /5009/);
    const assigned = await s.dc.evaluateRequest({ expression: 'Result.Value = 2', frameId: frame.id, context: 'repl' });
    assert.equal(assigned.body.result, '2');

    // Completions: members of oMessage by its API type, locals and globals, no VBScript keywords.
    const members = await s.dc.completionsRequest({ text: '? oMessage.Sub', column: 15, frameId: frame.id });
    assert.ok(members.body.targets.some((t) => t.label === 'Subject'), JSON.stringify(members.body.targets.slice(0, 5)));
    const names = await s.dc.completionsRequest({ text: 'sub', column: 4, frameId: frame.id });
    const labels = names.body.targets.map((t) => t.label);
    for (const l of ['subject', 'greeting', 'oMessage', 'Result', 'Math', 'typeof']) assert.ok(labels.includes(l), l);
    assert.ok(!labels.includes('Dim') && !labels.includes('End'), 'VBScript keywords offered');
    const jsMembers = await s.dc.completionsRequest({ text: 'info.', column: 6, frameId: frame.id });
    assert.ok(jsMembers.body.targets.some((t) => t.label === 'score'));

    await runToEnd(s);
    assert.match(s.outputText(), /OnAcceptMessage \(event 3\): Result\.Value = 2/);
    assert.match(s.outputText(), /Outcome {3}REJECTED/);
  } finally {
    await finish(s);
  }
});

test('JScript: pause interrupts while (true) {}; restart; terminate', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const { args } = setup(js('function OnAcceptMessage(oClient, oMessage) {', '  while (true) {}', '}'));
  const looping = new Promise<void>((resolve) => s.dc.on('output', (e: DebugProtocol.OutputEvent) => e.body.output.includes('C: .\n') && resolve()));
  try {
    await Promise.all([s.dc.waitForEvent('initialized'), s.dc.initializeRequest({ adapterID: 'hmailserver', pathFormat: 'path' })]);
    await s.dc.launchRequest(args as DebugProtocol.LaunchRequestArguments);
    await s.dc.configurationDoneRequest();
    await looping;
    const paused = s.dc.waitForEvent('stopped');
    await s.dc.pauseRequest({ threadId: 1 });
    assert.equal(((await paused) as DebugProtocol.StoppedEvent).body.reason, 'pause');
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['OnAcceptMessage (event 3)', 2]);
    // Restart: the looping run's worker goes, a fresh run loops again and pauses again.
    await s.dc.restartRequest({ arguments: args } as DebugProtocol.RestartArguments);
    await new Promise((r) => setTimeout(r, 300));
    const again = s.dc.waitForEvent('stopped');
    await s.dc.pauseRequest({ threadId: 1 });
    assert.equal(((await again) as DebugProtocol.StoppedEvent).body.reason, 'pause');
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['OnAcceptMessage (event 3)', 2]);
    const terminated = s.dc.waitForEvent('terminated');
    await s.dc.terminateRequest({});
    await terminated;
  } finally {
    await finish(s);
  }
});

test('JScript: breakpoints move to the next statement; function breakpoints by name (case-sensitive) and stopOnEvent', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const { script, args } = setup();
  try {
    await Promise.all([s.dc.waitForEvent('initialized'), s.dc.initializeRequest({ adapterID: 'hmailserver', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' })]);
    await s.dc.launchRequest({ ...args, stopOnEvent: ['OnClientConnect'] } as DebugProtocol.LaunchRequestArguments);
    const bps = await setBreakpoints(s, script, [{ line: 2 }, { line: 3 }, { line: 12 }, { line: 18 }, { line: 21 }]);
    assert.deepEqual(
      bps.map((b) => [b.verified, b.line]),
      [
        [true, 4],
        [true, 4],
        [true, 14],
        [true, 19],
        [false, 21],
      ],
    );
    const fbps = await s.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'twice' }, { name: 'Twice' }, { name: 'OnAcceptMessage' }] });
    assert.deepEqual(
      fbps.body.breakpoints.map((b) => [b.verified, b.line]),
      [
        [true, 4],
        [false, undefined],
        [true, 14],
      ],
    );
    await setBreakpoints(s, script, []);
    const first = s.dc.waitForEvent('stopped');
    await s.dc.configurationDoneRequest();
    assert.equal(((await first) as DebugProtocol.StoppedEvent).body.reason, 'entry');
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['OnClientConnect (event 1)', 9]);
    const fb = await resumeTo(s, 'continue');
    assert.equal(fb.body.reason, 'function breakpoint');
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['twice', 4]);
    const handler = await resumeTo(s, 'continue');
    assert.equal(handler.body.reason, 'function breakpoint');
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['OnAcceptMessage (event 3)', 14]);
    await runToEnd(s);
  } finally {
    await finish(s);
  }
});

test('JScript: the example EventHandlers.js with the newsletter scenario; prototype methods as function breakpoints', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const root = path.resolve(import.meta.dirname, '../..');
  const scenario = path.join(root, 'examples', 'scenarios', 'jscript', 'newsletter-accepted.scenario.json');
  const exampleJs = path.join(root, 'examples', 'EventHandlers.js');
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(exampleJs, 'utf8');
  const save = lineOf(source, 'oMessage.Save();');
  const dir = scratch({});
  try {
    await Promise.all([s.dc.waitForEvent('initialized'), s.dc.initializeRequest({ adapterID: 'hmailserver', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' })]);
    await s.dc.launchRequest({ scenario, output: path.join(dir, 'out') } as DebugProtocol.LaunchRequestArguments);
    await setBreakpoints(s, exampleJs, [{ line: save }]);
    // Function breakpoints resolve in the launched script (after the launch, as VS Code sends them).
    const f = await s.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'SpamScorer.prototype.addText' }] });
    assert.deepEqual(
      f.body.breakpoints.map((b) => [b.verified, b.line]),
      [[true, lineOf(source, 'var words = this.words();')]],
    );
    const first = s.dc.waitForEvent('stopped');
    await s.dc.configurationDoneRequest();
    await first;
    // addText, called from OnAcceptMessage: `this` is the scorer.
    const frames = await stack(s);
    assert.deepEqual(
      frames.map((f) => f.name),
      ['SpamScorer.prototype.addText', 'OnAcceptMessage (event 3)'],
    );
    const locals = await scopeVariables(s, frames[0].id, 'Locals');
    const self = await child(s, locals, 'this');
    assert.ok(self.some((v) => v.name === 'score' && v.value === '0'), JSON.stringify(self));
    const rules = await child(s, self, 'rules');
    assert.ok(rules.some((v) => v.name === '"viagra"' && v.value === '4'), JSON.stringify(rules));

    await s.dc.setFunctionBreakpointsRequest({ breakpoints: [] });
    await resumeTo(s, 'continue');
    const frame = await top(s);
    assert.deepEqual([frame.name, frame.line], ['OnAcceptMessage (event 3)', save]);
    const locals2 = await scopeVariables(s, frame.id, 'Locals');
    assert.equal(locals2.find((v) => v.name === 'recipientList')?.value, '"bob@example.com;"');
    const header = await s.dc.evaluateRequest({ expression: 'oMessage.HeaderValue("X-Sender-Domain")', frameId: frame.id, context: 'watch' });
    assert.equal(header.body.result, '"shop.test"');
    await runToEnd(s);
    assert.match(s.outputText(), /EventLog: \[handlers\] accepted for bob@example\.com;/);
    assert.match(s.outputText(), /Outcome {3}ACCEPTED/);
  } finally {
    await finish(s);
  }
});

test('JScript: OnDeliveryFailed shows its string arguments by parameter name in the hMailServer scope', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const root = path.resolve(import.meta.dirname, '../..');
  const scenario = path.join(root, 'examples', 'scenarios', 'jscript', 'remote-delivery-failed.scenario.json');
  const exampleJs = path.join(root, 'examples', 'EventHandlers.js');
  const { readFileSync } = await import('node:fs');
  const line = lineOf(readFileSync(exampleJs, 'utf8'), '"delivery to "');
  const dir = scratch({});
  try {
    await launch(s, { scenario, output: path.join(dir, 'out') }, () => setBreakpoints(s, exampleJs, [{ line }]));
    const frame = await top(s);
    assert.match(frame.name, /^OnDeliveryFailed \(event \d+\)$/);
    const hms = await scopeVariables(s, frame.id, 'hMailServer');
    const byName = new Map(hms.map((v) => [v.name, v.value]));
    assert.equal(byName.get('sRecipient'), '"carol@remote.test"');
    assert.match(byName.get('sErrorMessage') ?? '', /550 5\.1\.1 mailbox unavailable/);
    assert.ok(byName.has('oMessage'), [...byName.keys()].join(', '));
    await runToEnd(s);
  } finally {
    await finish(s);
  }
});

test('JScript: a debugger statement stops; stop on entry starts in the top-level code', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const { args } = setup(js('var n = 1;', 'function OnAcceptMessage(oClient, oMessage) {', '  debugger;', '  n = 2;', '}'));
  try {
    const entry = (await launch(s, { ...args, stopOnEntry: true })) as DebugProtocol.StoppedEvent;
    assert.equal(entry.body.reason, 'entry');
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['(top-level code, load check)', 1]);
    const stop = await resumeTo(s, 'continue');
    assert.equal(stop.body.reason, 'breakpoint');
    assert.equal(stop.body.description, 'Paused on a debugger statement');
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['OnAcceptMessage (event 3)', 3]);
    await runToEnd(s);
  } finally {
    await finish(s);
  }
});
