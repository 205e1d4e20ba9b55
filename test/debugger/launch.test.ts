/**
 * Launch: bad attributes are refused with a clear message; a script that fails to load, a
 * handler past its time limit, and a restart while stopped (a fresh worker) all end cleanly.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { finish, launch, newsletterMessage, resumeTo, scratch, setBreakpoints, startAdapter, TIMEOUT, top, vbs } from './helpers';

test('a missing scenario is refused at launch, naming the file', { timeout: TIMEOUT }, async () => {
  const s = await startAdapter();
  try {
    await Promise.all([s.dc.waitForEvent('initialized'), s.dc.initializeRequest({ adapterID: 'hmailserver', pathFormat: 'path' })]);
    await assert.rejects(s.dc.launchRequest({ scenario: 'no/such.scenario.json' } as DebugProtocol.LaunchRequestArguments), /no[/\\]such\.scenario\.json: cannot read the scenario/);
    await assert.rejects(s.dc.launchRequest({ script: 'x.vbs' } as DebugProtocol.LaunchRequestArguments), /Give "scenario", or "script" and "message"/);
  } finally {
    await finish(s);
  }
});

test('a compile error: nothing fires, the error is printed in hMailServer\'s format and the run ends', { timeout: TIMEOUT }, async () => {
  const s = await startAdapter();
  const dir = scratch({ 'EventHandlers.vbs': vbs('Sub OnAcceptMessage(oClient, oMessage)', '  If x = 1', 'End Sub') });
  try {
    await launch(s, { script: path.join(dir, 'EventHandlers.vbs'), message: newsletterMessage, output: path.join(dir, 'out') }, async () => {}, 'terminated');
    assert.match(s.outputText(), /Script Error: Source: Microsoft VBScript compilation error - Error: 800A03F9 - Description: Expected 'Then'/);
    assert.match(s.outputText(), /OnAcceptMessage \(event 3\): skipped \(the script failed to load\)/);
  } finally {
    await finish(s);
  }
});

test('restart while stopped runs the scenario afresh; the breakpoints still hold', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const dir = scratch({ 'EventHandlers.vbs': vbs('Sub OnAcceptMessage(oClient, oMessage)', '  Dim n', '  n = 1', '  n = 2', 'End Sub') });
  const script = path.join(dir, 'EventHandlers.vbs');
  const args = { script, message: newsletterMessage, output: path.join(dir, 'out') };
  try {
    await launch(s, args, () => setBreakpoints(s, script, [{ line: 3 }]));
    await resumeTo(s, 'next');
    assert.equal((await top(s)).line, 4);
    const again = s.dc.waitForEvent('stopped');
    await s.dc.restartRequest({ arguments: args } as DebugProtocol.RestartArguments);
    await again;
    const frame = await top(s);
    assert.deepEqual([frame.name, frame.line], ['OnAcceptMessage (event 3)', 3]);
    assert.equal((await s.dc.evaluateRequest({ expression: 'n', frameId: frame.id, context: 'watch' })).body.result, 'Empty');
  } finally {
    await finish(s);
  }
});

test('a handler past its time limit ends the run with one clear line', { timeout: TIMEOUT }, async () => {
  const s = await startAdapter();
  const dir = scratch({ 'EventHandlers.vbs': vbs('Sub OnAcceptMessage(oClient, oMessage)', '  Do : Loop', 'End Sub') });
  try {
    await launch(s, { script: path.join(dir, 'EventHandlers.vbs'), message: newsletterMessage, timeoutSeconds: 1, output: path.join(dir, 'out') }, async () => {}, 'terminated');
    assert.match(s.outputText(), /OnAcceptMessage in .*EventHandlers\.vbs:2 ran longer than the 1 s time limit/);
  } finally {
    await finish(s);
  }
});
