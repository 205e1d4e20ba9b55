/**
 * The adapter over stdio: launch with an example scenario, breakpoints (moved to the next
 * statement, conditional, logpoints), the call stack and variables of OnAcceptMessage.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { exampleScript, finish, launch, lineOf, runToEnd, scopeVariables, setBreakpoints, spamScenario, stack, startAdapter, TIMEOUT } from './helpers';

const source = readFileSync(exampleScript, 'utf8');
const acceptLine = lineOf(source, 'Sub OnAcceptMessage');

test('a breakpoint in OnAcceptMessage is hit with the right stack and oMessage.Subject from the .eml', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  try {
    // Line 71 is a Dim: the breakpoint moves to the next statement.
    let verified: DebugProtocol.Breakpoint[] = [];
    const stopped = await launch(s, { scenario: spamScenario }, async () => {
      verified = await setBreakpoints(s, exampleScript, [{ line: acceptLine + 1 }]);
    });
    assert.deepEqual(
      verified.map((b) => [b.verified, b.line]),
      [[true, acceptLine + 2]],
    );
    assert.equal((stopped as DebugProtocol.StoppedEvent).body.reason, 'breakpoint');
    const frames = await stack(s);
    assert.deepEqual(
      frames.map((f) => [f.name, f.line]),
      [['OnAcceptMessage (event 3)', acceptLine + 2]],
    );
    assert.equal(frames[0].source?.path, exampleScript);

    const hms = await scopeVariables(s, frames[0].id, 'hMailServer');
    const message = hms.find((v) => v.name === 'oMessage');
    assert.ok(message && message.variablesReference > 0, JSON.stringify(hms));
    const members = (await s.dc.variablesRequest({ variablesReference: message.variablesReference })).body.variables;
    const subject = members.find((v) => v.name === 'Subject');
    assert.equal(subject?.value, '"You are a WINNER of the lottery"');
    assert.equal(subject?.evaluateName, 'HMAILSERVER_MESSAGE.Subject');
    // Read-only properties (by the API declaration) say so; writable ones do not.
    assert.deepEqual(members.find((v) => v.name === 'Recipients')?.presentationHint?.attributes, ['readOnly']);
    assert.equal(subject?.presentationHint, undefined);
    assert.ok(hms.some((v) => v.name === 'Result'));
    assert.ok(hms.some((v) => v.name === 'EventLog'));

    const locals = await scopeVariables(s, frames[0].id, 'Locals');
    assert.deepEqual(
      locals.map((v) => v.name),
      ['oClient', 'oMessage', 'scorer', 'i', 'recipientList'],
    );
    const script = await scopeVariables(s, frames[0].id, 'Script');
    assert.equal(script.find((v) => v.name === 'SPAM_THRESHOLD')?.value, '5');

    await runToEnd(s);
    assert.match(s.outputText(), /Outcome {3}REJECTED {2}554 Message rejected as spam/);
  } finally {
    await finish(s);
  }
});
