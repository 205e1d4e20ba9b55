/**
 * Stepping over, into and out of procedures; stepping past a handler's last statement lands on
 * the next firing's first statement; stop on entry; function breakpoints; restart.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { exampleScript, finish, launch, lineOf, newsletterMessage, resumeTo, runToEnd, scratch, setBreakpoints, spamScenario, stack, startAdapter, TIMEOUT, top, vbs } from './helpers';

const SCRIPT = vbs(
  'Function Twice(n)', //                    1
  '  Twice = n * 2', //                      2
  'End Function', //                         3
  '', //                                     4
  'Sub OnClientConnect(oClient)', //         5
  '  Dim a', //                              6
  '  a = Twice(2)', //                       7
  '  a = a + 1', //                          8
  'End Sub', //                              9
  '', //                                     10
  'Sub OnAcceptMessage(oClient, oMessage)', // 11
  '  Dim b', //                              12
  '  b = 1', //                              13
  'End Sub', //                              14
);

function setup(): { script: string; args: Record<string, unknown> } {
  const dir = scratch({ 'EventHandlers.vbs': SCRIPT });
  const script = path.join(dir, 'EventHandlers.vbs');
  return { script, args: { script, message: newsletterMessage, output: path.join(dir, 'out') } };
}

test('step in, out and over; past the handler to the next firing', { timeout: TIMEOUT * 3 }, async () => {
  const s = await startAdapter();
  const { script, args } = setup();
  try {
    await launch(s, args, () => setBreakpoints(s, script, [{ line: 7 }]));
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['OnClientConnect (event 1)', 7]);
    await resumeTo(s, 'stepIn');
    assert.deepEqual(
      (await stack(s)).map((f) => [f.name, f.line]),
      [
        ['Twice', 2],
        ['OnClientConnect (event 1)', 7],
      ],
    );
    const out = await resumeTo(s, 'stepOut');
    assert.equal(out.body.reason, 'step');
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['OnClientConnect (event 1)', 8]);
    // Past the handler's last statement: the next firing (OnSMTPData has no handler: event 3).
    await resumeTo(s, 'next');
    assert.deepEqual(
      (await stack(s)).map((f) => [f.name, f.line]),
      [['OnAcceptMessage (event 3)', 13]],
    );
    await runToEnd(s);
    assert.match(s.outputText(), /OnClientConnect \(event 1\): Result\.Value = 0/);
    assert.match(s.outputText(), /S: 220 /);
    assert.match(s.outputText(), /C: EHLO /);
    assert.match(s.outputText(), /Outcome {3}ACCEPTED/);
  } finally {
    await finish(s);
  }
});

test('stop on entry, a function breakpoint by event name, and restart runs again', { timeout: TIMEOUT * 3 }, async () => {
  const s = await startAdapter();
  const { args } = setup();
  try {
    await Promise.all([s.dc.waitForEvent('initialized'), s.dc.initializeRequest({ adapterID: 'hmailserver', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' })]);
    await s.dc.launchRequest({ ...args, stopOnEntry: true } as DebugProtocol.LaunchRequestArguments);
    const fbps = await s.dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'OnAcceptMessage' }, { name: 'NoSuchSub' }] });
    assert.deepEqual(
      fbps.body.breakpoints.map((b) => [b.verified, b.line]),
      [
        [true, 13],
        [false, undefined],
      ],
    );
    const entry = s.dc.waitForEvent('stopped');
    await s.dc.configurationDoneRequest();
    assert.equal(((await entry) as DebugProtocol.StoppedEvent).body.reason, 'entry');
    // The script has no top-level statements: the first one to run is OnClientConnect's.
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['OnClientConnect (event 1)', 7]);
    const fb = await resumeTo(s, 'continue');
    assert.equal(fb.body.reason, 'function breakpoint');
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['OnAcceptMessage (event 3)', 13]);
    await runToEnd(s);

    // Restart: the same worker runs the scenario again; the function breakpoint still holds.
    const again = s.dc.waitForEvent('stopped');
    await s.dc.restartRequest({ arguments: args } as DebugProtocol.RestartArguments);
    assert.equal(((await again) as DebugProtocol.StoppedEvent).body.reason, 'function breakpoint');
    await runToEnd(s);
  } finally {
    await finish(s);
  }
});

test('step into class methods and property accessors of the example', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const source = readFileSync(exampleScript, 'utf8');
  const addText = lineOf(source, 'scorer.AddText oMessage.Subject');
  try {
    await launch(s, { scenario: spamScenario }, () => setBreakpoints(s, exampleScript, [{ line: addText }]));
    await resumeTo(s, 'stepIn');
    assert.deepEqual(
      (await stack(s)).map((f) => [f.name, f.line]),
      [
        ['SpamScorer.AddText', lineOf(source, 'text = LCase(text)')],
        ['OnAcceptMessage (event 3)', addText],
      ],
    );
    await resumeTo(s, 'stepOut');
    assert.equal((await top(s)).line, addText + 1);
    await resumeTo(s, 'next');
    const scoreLine = lineOf(source, 'If scorer.Score >= SPAM_THRESHOLD');
    assert.equal((await top(s)).line, scoreLine);
    // `scorer.Score` is a Property Get: step in lands in it.
    await resumeTo(s, 'stepIn');
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['SpamScorer.Score', lineOf(source, 'Score = m_score')]);
    await runToEnd(s);
  } finally {
    await finish(s);
  }
});
