/**
 * Evaluation: hover and watch are side-effect-free; the debug console runs expressions and
 * statements in the stopped frame — `Result.Value = 0` changes the outcome; setVariable;
 * completions come from the shared analysis.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { exampleScript, finish, launch, lineOf, runToEnd, scopeVariables, setBreakpoints, spamScenario, startAdapter, TIMEOUT, top } from './helpers';

const source = readFileSync(exampleScript, 'utf8');
const logLine = lineOf(source, 'EventLog.Write LOG_PREFIX & "rejected spam');

test('the console changes Result.Value and the outcome follows', { timeout: TIMEOUT * 2 }, async () => {
  const s = await startAdapter();
  try {
    await launch(s, { scenario: spamScenario }, () => setBreakpoints(s, exampleScript, [{ line: logLine }]));
    const frame = await top(s);
    assert.equal(frame.line, logLine);
    const subject = await s.dc.evaluateRequest({ expression: '? oMessage.Subject', frameId: frame.id, context: 'repl' });
    assert.equal(subject.body.result, '"You are a WINNER of the lottery"');
    const hover = await s.dc.evaluateRequest({ expression: 'Result.Value', frameId: frame.id, context: 'hover' });
    assert.equal(hover.body.result, '2');
    // Watches run nothing with side effects: a user procedure call is refused.
    await assert.rejects(s.dc.evaluateRequest({ expression: 'scorer.Reasons("x")', frameId: frame.id, context: 'watch' }));
    // An assignment in the console is a statement, not a comparison.
    const set = await s.dc.evaluateRequest({ expression: 'Result.Value = 0', frameId: frame.id, context: 'repl' });
    assert.equal(set.body.result, '');
    assert.equal((await s.dc.evaluateRequest({ expression: 'Result.Value', frameId: frame.id, context: 'watch' })).body.result, '0');

    // setVariable on a local.
    const locals = await scopeVariables(s, frame.id, 'Locals');
    const scopes = await s.dc.scopesRequest({ frameId: frame.id });
    const localsRef = scopes.body.scopes.find((x) => x.name === 'Locals')!.variablesReference;
    assert.ok(locals.some((v) => v.name === 'recipientList'));
    const changed = await s.dc.setVariableRequest({ variablesReference: localsRef, name: 'recipientList', value: '"a;b"' });
    assert.equal(changed.body.value, '"a;b"');
    // And on a property of an hMailServer object (through its evaluateName, Result.Message).
    const result = (await scopeVariables(s, frame.id, 'hMailServer')).find((v) => v.name === 'Result')!;
    const message = await s.dc.setVariableRequest({ variablesReference: result.variablesReference, name: 'Message', value: '"changed in the debugger"' });
    assert.equal(message.body.value, '"changed in the debugger"');

    // Completions: members of oMessage by its type, locals of the stopped frame.
    const members = await s.dc.completionsRequest({ text: '? oMessage.Sub', column: 15, frameId: frame.id });
    assert.ok(members.body.targets.some((t) => t.label === 'Subject'), JSON.stringify(members.body.targets.slice(0, 5)));
    const names = await s.dc.completionsRequest({ text: 'reci', column: 5, frameId: frame.id });
    assert.ok(names.body.targets.some((t) => t.label === 'recipientList'));

    await runToEnd(s);
    assert.match(s.outputText(), /OnAcceptMessage \(event 3\): Result\.Value = 0, Message = "changed in the debugger"/);
    assert.match(s.outputText(), /Outcome {3}ACCEPTED/);
  } finally {
    await finish(s);
  }
});
