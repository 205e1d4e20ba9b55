/**
 * Conditional breakpoints, hit counts, logpoints and exception breakpoints (with the error's
 * number and text, the frame intact).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { finish, launch, newsletterMessage, resumeTo, runToEnd, scopeVariables, scratch, setBreakpoints, startAdapter, TIMEOUT, top, vbs } from './helpers';

function setup(source: string): { script: string; args: Record<string, unknown> } {
  const dir = scratch({ 'EventHandlers.vbs': source });
  const script = path.join(dir, 'EventHandlers.vbs');
  return { script, args: { script, message: newsletterMessage, output: path.join(dir, 'out') } };
}

const LOOP = vbs(
  'Sub OnAcceptMessage(oClient, oMessage)', // 1
  '  Dim i, total', //                         2
  '  For i = 1 To 5', //                       3
  '    total = total + i', //                  4
  '  Next', //                                 5
  '  EventLog.Write "total " & total', //      6
  'End Sub', //                                7
);

test('a conditional breakpoint stops only when true; a logpoint prints and does not stop', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const { script, args } = setup(LOOP);
  try {
    const stopped = (await launch(s, args, () =>
      setBreakpoints(s, script, [
        { line: 4, condition: 'i = 3' },
        { line: 6, logMessage: 'total is {total} after {i - 1} rounds' },
      ]),
    )) as DebugProtocol.StoppedEvent;
    assert.equal(stopped.body.reason, 'breakpoint');
    const frame = await top(s);
    assert.equal(frame.line, 4);
    const i = await s.dc.evaluateRequest({ expression: 'i', frameId: frame.id, context: 'watch' });
    assert.equal(i.body.result, '3');
    // Continue: the condition is false for i = 4 and 5, the logpoint prints; the run ends.
    await runToEnd(s);
    assert.match(s.outputText(), /total is 15 after 5 rounds/);
    assert.match(s.outputText(), /EventLog: total 15/);
  } finally {
    await finish(s);
  }
});

test('a hit count stops on the given hit', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const { script, args } = setup(LOOP);
  try {
    await launch(s, args, () => setBreakpoints(s, script, [{ line: 4, hitCondition: '>= 4' }]));
    const frame = await top(s);
    assert.equal((await s.dc.evaluateRequest({ expression: 'i', frameId: frame.id, context: 'watch' })).body.result, '4');
    // VS Code re-sends the file's list when another breakpoint is added: the count goes on.
    await setBreakpoints(s, script, [{ line: 4, hitCondition: '>= 4' }, { line: 6, logMessage: 'done' }]);
    await resumeTo(s, 'continue');
    assert.equal((await s.dc.evaluateRequest({ expression: 'i', frameId: (await top(s)).id, context: 'watch' })).body.result, '5');
    await runToEnd(s);
  } finally {
    await finish(s);
  }
});

const SWALLOWED = vbs(
  'Sub OnAcceptMessage(oClient, oMessage)', // 1
  '  Dim x', //                                2
  '  On Error Resume Next', //                 3
  '  x = 1 / 0', //                            4
  '  EventLog.Write "after " & Err.Number', // 5
  '  On Error GoTo 0', //                      6
  '  x = CLng("abc")', //                      7
  'End Sub', //                                8
);

test('exception breakpoints: every error even under On Error Resume Next, or only those that abort the handler', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  const { args } = setup(SWALLOWED);
  try {
    const stopped = (await launch(s, args, () => s.dc.setExceptionBreakpointsRequest({ filters: ['all'] }))) as DebugProtocol.StoppedEvent;
    assert.equal(stopped.body.reason, 'exception');
    assert.match(stopped.body.text ?? '', /Division by zero \(error 11\)/);
    const frame = await top(s);
    assert.deepEqual([frame.name, frame.line], ['OnAcceptMessage (event 3)', 4]);
    const info = await s.dc.exceptionInfoRequest({ threadId: 1 });
    assert.equal(info.body.exceptionId, 'Error 11: Division by zero');
    const err = await scopeVariables(s, frame.id, 'Err');
    assert.deepEqual(
      err.slice(0, 2).map((v) => [v.name, v.value]),
      [
        ['Number', '11'],
        ['Description', '"Division by zero"'],
      ],
    );
    // Only errors that abort the handler from now on: the type mismatch on line 7.
    await s.dc.setExceptionBreakpointsRequest({ filters: ['uncaught'] });
    const next = await resumeTo(s, 'continue');
    assert.equal(next.body.reason, 'exception');
    assert.match(next.body.text ?? '', /Type mismatch/);
    assert.equal((await top(s)).line, 7);
    await runToEnd(s);
    assert.match(s.outputText(), /EventLog: after 11/);
    // The error as hMailServer logs it.
    assert.match(s.outputText(), /Script Error: Source: Microsoft VBScript runtime error - Error: 800A000D - Description: Type mismatch/);
  } finally {
    await finish(s);
  }
});
