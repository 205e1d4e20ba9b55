/**
 * Pause interrupts an endless `Do : Loop`; terminate ends the run and the adapter leaves no
 * process behind; a breakpoint in an included file binds and is hit.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { finish, launch, newsletterMessage, resumeTo, scratch, setBreakpoints, stack, startAdapter, TIMEOUT, top, vbs } from './helpers';

test('pause interrupts Do : Loop; terminate ends cleanly', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const dir = scratch({ 'EventHandlers.vbs': vbs('Sub OnAcceptMessage(oClient, oMessage)', '  Do : Loop', 'End Sub') });
  const script = path.join(dir, 'EventHandlers.vbs');
  const looping = new Promise<void>((resolve) => s.dc.on('output', (e: DebugProtocol.OutputEvent) => e.body.output.includes('C: .\n') && resolve()));
  await Promise.all([s.dc.waitForEvent('initialized'), s.dc.initializeRequest({ adapterID: 'hmailserver', pathFormat: 'path' })]);
  await s.dc.launchRequest({ script, message: newsletterMessage, output: path.join(dir, 'out') } as DebugProtocol.LaunchRequestArguments);
  await s.dc.configurationDoneRequest();
  const adapterProcess = s.process;
  try {
    // The handler is spinning (end of data was sent); the adapter still answers.
    await looping;
    const threads = await s.dc.threadsRequest();
    assert.deepEqual(
      threads.body.threads.map((t) => t.name),
      ['hMailServer'],
    );
    const paused = s.dc.waitForEvent('stopped');
    await s.dc.pauseRequest({ threadId: 1 });
    assert.equal(((await paused) as DebugProtocol.StoppedEvent).body.reason, 'pause');
    assert.deepEqual(await top(s).then((f) => [f.name, f.line]), ['OnAcceptMessage (event 3)', 2]);

    const terminated = s.dc.waitForEvent('terminated');
    await s.dc.terminateRequest({});
    await terminated;
    await s.dc.disconnectRequest({});
    // The adapter exits on its own: no worker or timer keeps it alive.
    for (let i = 0; i < 100 && adapterProcess.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(adapterProcess.exitCode, 0);
  } finally {
    await finish(s);
  }
});

test('a breakpoint in an included file binds and is hit', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const lib = vbs("' helpers", 'Sub Helper(text)', '  Dim shout', '  shout = UCase(text)', '  EventLog.Write "helper: " & shout', 'End Sub');
  const main = vbs(
    'Sub Include(file)',
    '  Dim fso : Set fso = CreateObject("Scripting.FileSystemObject")',
    '  ExecuteGlobal fso.OpenTextFile(file, 1).ReadAll',
    'End Sub',
    'Include "C:\\hMailServer\\Events\\lib.vbs"',
    '',
    'Sub OnAcceptMessage(oClient, oMessage)',
    '  Helper oMessage.Subject',
    'End Sub',
  );
  const scenario = {
    script: 'EventHandlers.vbs',
    session: { message: newsletterMessage },
    mocks: { files: { 'C:\\hMailServer\\Events\\lib.vbs': 'lib/lib.vbs' } },
  };
  const dir = scratch({ 'EventHandlers.vbs': main, 'lib/lib.vbs': lib, 'include.scenario.json': JSON.stringify(scenario) });
  const libFile = path.join(dir, 'lib', 'lib.vbs');
  try {
    let verified: DebugProtocol.Breakpoint[] = [];
    await launch(s, { scenario: path.join(dir, 'include.scenario.json'), output: path.join(dir, 'out') }, async () => {
      // Line 3 is a Dim: moved to line 4.
      verified = await setBreakpoints(s, libFile, [{ line: 3 }]);
    });
    assert.deepEqual(
      verified.map((b) => [b.verified, b.line]),
      [[true, 4]],
    );
    const frames = await stack(s);
    assert.deepEqual(
      frames.map((f) => [f.name, f.line, path.basename(f.source?.path ?? '')]),
      [
        ['Helper', 4, 'lib.vbs'],
        ['OnAcceptMessage (event 3)', 8, 'EventHandlers.vbs'],
      ],
    );
    const ended = s.dc.waitForEvent('terminated');
    await s.dc.continueRequest({ threadId: 1 });
    await ended;
    assert.match(s.outputText(), /EventLog: helper: /);
  } finally {
    await finish(s);
  }
});

test('code that is no file (an include given inline) is shown through source requests', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const lib = vbs('Sub Helper(text)', '  EventLog.Write "helper: " & text', 'End Sub');
  const main = vbs(
    'Dim fso : Set fso = CreateObject("Scripting.FileSystemObject")',
    'ExecuteGlobal fso.OpenTextFile("C:\\hMailServer\\Events\\lib.vbs", 1).ReadAll',
    'Sub OnAcceptMessage(oClient, oMessage)',
    '  Helper oMessage.Subject',
    'End Sub',
  );
  const scenario = { script: 'EventHandlers.vbs', session: { message: newsletterMessage }, mocks: { files: { 'C:\\hMailServer\\Events\\lib.vbs': { content: lib } } } };
  const dir = scratch({ 'EventHandlers.vbs': main, 'inline.scenario.json': JSON.stringify(scenario) });
  try {
    await launch(s, { scenario: path.join(dir, 'inline.scenario.json'), output: path.join(dir, 'out') }, () => setBreakpoints(s, path.join(dir, 'EventHandlers.vbs'), [{ line: 4 }]));
    await resumeTo(s, 'stepIn');
    const [frame] = await stack(s);
    assert.deepEqual([frame.name, frame.line, frame.source?.name], ['Helper', 2, 'lib.vbs']);
    assert.ok(frame.source?.sourceReference, 'no file on disk: the source comes by reference');
    const content = await s.dc.sourceRequest({ sourceReference: frame.source.sourceReference, source: frame.source });
    assert.match(content.body.content, /EventLog\.Write "helper: "/);
  } finally {
    await finish(s);
  }
});
