/**
 * Variables: arrays paged by index, Dictionaries as key → item, hMailServer collections by
 * index, evaluateName for "Add to Watch"; frames for top-level code; stopOnEvent.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { finish, launch, newsletterMessage, resumeTo, runToEnd, scopeVariables, scratch, setBreakpoints, stack, startAdapter, TIMEOUT, top, vbs } from './helpers';

function setup(source: string): { script: string; args: Record<string, unknown> } {
  const dir = scratch({ 'EventHandlers.vbs': source });
  const script = path.join(dir, 'EventHandlers.vbs');
  return { script, args: { script, message: newsletterMessage, output: path.join(dir, 'out') } };
}

const VALUES = vbs(
  'Sub OnAcceptMessage(oClient, oMessage)', //             1
  '  Dim arr(149), d, k', //                                2
  '  For k = 0 To 149 : arr(k) = k * 2 : Next', //          3
  '  Set d = CreateObject("Scripting.Dictionary")', //      4
  '  d.Add "spam", 5', //                                   5
  '  d.Add 7, "seven"', //                                  6
  '  k = 0', //                                             7
  'End Sub', //                                             8
);

test('arrays page by index, Dictionaries show key -> item, collections show their items', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const { script, args } = setup(VALUES);
  try {
    await launch(s, args, () => setBreakpoints(s, script, [{ line: 7 }]));
    const frame = await top(s);
    const locals = await scopeVariables(s, frame.id, 'Locals');
    const arr = locals.find((v) => v.name === 'arr')!;
    assert.equal(arr.value, 'Variant(0 to 149)');
    assert.equal(arr.indexedVariables, 150);
    const page = (await s.dc.variablesRequest({ variablesReference: arr.variablesReference, filter: 'indexed', start: 100, count: 3 })).body.variables;
    assert.deepEqual(
      page.map((v) => [v.name, v.value, v.evaluateName]),
      [
        ['(100)', '200', 'arr(100)'],
        ['(101)', '202', 'arr(101)'],
        ['(102)', '204', 'arr(102)'],
      ],
    );

    const d = locals.find((v) => v.name === 'd')!;
    assert.equal(d.value, 'Dictionary (2 items)');
    const entries = (await s.dc.variablesRequest({ variablesReference: d.variablesReference })).body.variables;
    assert.deepEqual(
      entries.map((v) => [v.name, v.value, v.evaluateName]),
      [
        ['"spam"', '5', 'd("spam")'],
        ['7', '"seven"', 'd(7)'],
      ],
    );
    // A watch of a missing key does not add it (side-effect-free).
    await s.dc.evaluateRequest({ expression: 'd("missing")', frameId: frame.id, context: 'watch' }).catch(() => undefined);
    assert.equal((await s.dc.evaluateRequest({ expression: 'd.Count', frameId: frame.id, context: 'watch' })).body.result, '2');

    const hms = await scopeVariables(s, frame.id, 'hMailServer');
    const message = hms.find((v) => v.name === 'oMessage')!;
    const members = (await s.dc.variablesRequest({ variablesReference: message.variablesReference })).body.variables;
    const recipients = members.find((v) => v.name === 'Recipients')!;
    assert.equal(recipients.indexedVariables, 1);
    const items = (await s.dc.variablesRequest({ variablesReference: recipients.variablesReference })).body.variables;
    const first = items.find((v) => v.name === '(0)')!;
    assert.equal(first.evaluateName, 'HMAILSERVER_MESSAGE.Recipients(0)');
    const recipient = (await s.dc.variablesRequest({ variablesReference: first.variablesReference })).body.variables;
    assert.equal(recipient.find((v) => v.name === 'Address')?.value, '"bob@example.com"');
    // The evaluateName reads the same value back.
    const watched = await s.dc.evaluateRequest({ expression: `${first.evaluateName}.Address`, frameId: frame.id, context: 'watch' });
    assert.equal(watched.body.result, '"bob@example.com"');
    await runToEnd(s);
  } finally {
    await finish(s);
  }
});

const TOP_LEVEL = vbs(
  'Dim started', //                               1
  'started = 1', //                               2
  'Sub OnAcceptMessage(oClient, oMessage)', //    3
  '  started = started + 1', //                   4
  'End Sub', //                                   5
);

test('top-level code is its own frame, at load and before each handler; stopOnEvent stops at the handler start', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const { script, args } = setup(TOP_LEVEL);
  try {
    await launch(s, { ...args, stopOnEvent: ['OnAcceptMessage'] }, () => setBreakpoints(s, script, [{ line: 2 }]));
    assert.deepEqual(
      (await stack(s)).map((f) => [f.name, f.line]),
      [['(top-level code, load check)', 2]],
    );
    await resumeTo(s, 'continue');
    const frames = await stack(s);
    assert.deepEqual(
      frames.map((f) => [f.name, f.line]),
      [['(top-level code before OnAcceptMessage, event 3)', 2]],
    );
    const scopes = (await s.dc.scopesRequest({ frameId: frames[0].id })).body.scopes.map((x) => x.name);
    assert.deepEqual(scopes, ['Script', 'hMailServer', 'Err']);
    const entry = (await resumeTo(s, 'continue')) as DebugProtocol.StoppedEvent;
    assert.equal(entry.body.reason, 'entry');
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['OnAcceptMessage (event 3)', 4]);
    await runToEnd(s);
  } finally {
    await finish(s);
  }
});
