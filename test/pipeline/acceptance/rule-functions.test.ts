/**
 * Acceptance: rule "Run function" actions (§3 rule action, §4.2). Global rules call
 * `Sub <Name>(oMessage)` between OnDeliveryStart and OnDeliverMessage; the message is reloaded
 * afterwards, so only saved changes count; a missing function is a script error each time the
 * rule matches; account rules run in local delivery, once per recipient account.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { ScenarioRule } from '../../../simulator/src/scenario/types';
import { firings, simulate, vbs } from './helpers';

const domains = [{ name: 'example.com', accounts: [{ address: 'bob@example.com', password: 'secret' }, { address: 'carol@example.com' }] }];
const runFunction = (name: string, fn: string, extra: Partial<ScenarioRule> = {}): ScenarioRule => ({ name, criteria: [], actions: [{ type: 'runFunction', scriptFunction: fn }], ...extra });

describe('global rule "Run function"', () => {
  test('calls Sub Name(oMessage) between OnDeliveryStart and OnDeliverMessage, with the delivery message', async () => {
    const { report } = await simulate({
      script: vbs(
        'Sub OnDeliveryStart(oMessage) : EventLog.Write "start" : End Sub',
        'Sub OnDeliverMessage(oMessage) : EventLog.Write "deliver" : End Sub',
        'Sub TagIt(oMessage)',
        '  EventLog.Write "rule: " & oMessage.Subject & " id " & oMessage.ID & " to " & oMessage.Recipients(0).Address',
        'End Sub',
      ),
      scenario: { server: { domains, rules: [runFunction('tag', 'TagIt')] } },
    });
    assert.deepEqual(report.eventLog, ['start', 'rule: Hello there id 1 to bob@example.com', 'deliver']);
    assert.deepEqual(report.events.filter((e) => e.fired).map((e) => e.name), ['OnDeliveryStart', 'TagIt', 'OnDeliverMessage']);
  });

  test('changes without oMessage.Save are lost; with Save they reach the delivered message', async () => {
    const script = vbs(
      'Sub NoSave(oMessage)',
      '  oMessage.Subject = "changed, not saved"',
      '  oMessage.HeaderValue("X-Unsaved") = "1"',
      'End Sub',
      'Sub WithSave(oMessage)',
      '  oMessage.HeaderValue("X-Rule") = "ran"',
      '  oMessage.Save',
      'End Sub',
      'Sub OnDeliverMessage(oMessage)',
      '  EventLog.Write "deliver sees: " & oMessage.Subject & " / " & oMessage.HeaderValue("X-Rule") & " / [" & oMessage.HeaderValue("X-Unsaved") & "]"',
      'End Sub',
    );
    const { report, out } = await simulate({ script, scenario: { server: { domains, rules: [runFunction('a', 'NoSave'), runFunction('b', 'WithSave')] } } });
    assert.deepEqual(report.eventLog, ['deliver sees: Hello there / ran / []']);
    assert.equal(report.message?.subject, 'Hello there');
    assert.equal(report.message?.headers['X-Rule'], 'ran');
    assert.equal(report.message?.headers['X-Unsaved'], undefined);
    const file = readFileSync(path.join(out!, report.message!.file!), 'utf8');
    assert.match(file, /^X-Rule: ran\r$/m);
    assert.doesNotMatch(file, /X-Unsaved|changed, not saved/);
  });

  test('only when the criteria match', async () => {
    const rule = runFunction('subject rule', 'OnlyUrgent', { criteria: [{ field: 'Subject', match: 'contains', value: 'URGENT' }] });
    const script = vbs('Sub OnlyUrgent(oMessage) : EventLog.Write "urgent" : End Sub');
    const miss = await simulate({ script, scenario: { server: { domains, rules: [rule] } } });
    assert.deepEqual(miss.report.eventLog, []);
    const hit = await simulate({ script, scenario: { server: { domains, rules: [rule] } }, message: 'Subject: urgent: call me\r\nFrom: alice@sender.test\r\n\r\nx\r\n' });
    assert.deepEqual(hit.report.eventLog, ['urgent']);
  });

  test('a missing function is a runtime script error each time the rule matches (every attempt), at the call line', async () => {
    const script = vbs('Sub OnDeliveryStart(oMessage)', 'End Sub');
    const { report } = await simulate({
      script,
      scenario: {
        server: { domains, rules: [runFunction('missing', 'NoSuchSub')] },
        session: { auth: { username: 'bob@example.com', password: 'secret' }, mailFrom: 'bob@example.com', rcptTo: ['dave@remote.test'] },
        delivery: { remote: { 'dave@remote.test': ['451 later', '451 later', '250 ok'] }, retries: 2 },
      },
    });
    const calls = firings(report, 'NoSuchSub');
    assert.equal(calls.length, 3);
    assert.deepEqual(calls.map((c) => c.attempt), [1, 2, 3]);
    for (const c of calls) {
      assert.equal(c.fired, true);
      assert.ok(c.error, 'a script error');
      // 2 script lines + CRLF → 3 lines; the call is appended after CRLF CRLF on line 5.
      assert.equal(c.error.line, 5);
      assert.match(c.error.logLine, / - Line: 5 Column: \d+ - Code: Call NoSuchSub\(HMAILSERVER_MESSAGE\)$/);
    }
    assert.equal(report.errors.length, 3);
    // The error does not stop delivery.
    assert.deepEqual(report.delivered, ['dave@remote.test']);
  });

  test('a rule function with the wrong number of parameters: error 450 at the call line', async () => {
    const { report } = await simulate({ script: vbs('Sub TwoArgs(a, b)', 'End Sub'), scenario: { server: { domains, rules: [runFunction('r', 'TwoArgs')] } } });
    const [call] = firings(report, 'TwoArgs');
    assert.equal(call.error?.number, 450);
    // 2 lines + CRLF: the call is on line 5.
    assert.equal(call.error?.line, 5);
  });
});

describe('account rules', () => {
  test('run in local delivery once per recipient account, only for their own account', async () => {
    const script = vbs('Sub PerAccount(oMessage)', '  EventLog.Write "account rule, recipients: " & oMessage.Recipients.Count', 'End Sub', 'Sub BobOnly(oMessage) : EventLog.Write "bob only" : End Sub');
    const { report } = await simulate({
      script,
      scenario: {
        server: {
          domains,
          rules: [runFunction('bob', 'PerAccount', { account: 'bob@example.com' }), runFunction('carol', 'PerAccount', { account: 'carol@example.com' }), runFunction('bob2', 'BobOnly', { account: 'bob@example.com' })],
        },
        session: { rcptTo: ['bob@example.com', 'carol@example.com'] },
      },
    });
    assert.equal(firings(report, 'PerAccount').length, 2);
    assert.equal(firings(report, 'BobOnly').length, 1);
    assert.equal(report.eventLog.filter((l) => l === 'bob only').length, 1);
    assert.deepEqual(report.delivered, ['bob@example.com', 'carol@example.com']);
  });

  test('an account rule that deletes drops only that account\'s copy, without OnDeliveryFailed', async () => {
    const { report } = await simulate({
      script: vbs('Sub OnDeliveryFailed(oMessage, sRecipient, sErrorMessage) : EventLog.Write "failed " & sRecipient : End Sub'),
      scenario: {
        server: { domains, rules: [{ name: 'drop', account: 'carol@example.com', criteria: [], actions: [{ type: 'deleteEmail' }] }] },
        session: { rcptTo: ['bob@example.com', 'carol@example.com'] },
      },
    });
    assert.deepEqual(report.delivered, ['bob@example.com']);
    assert.deepEqual(report.failed, []);
    assert.deepEqual(report.eventLog, []);
  });

  test('a global rule that deletes: OnDeliveryFailed for every recipient, OnDeliverMessage never fires', async () => {
    const { report } = await simulate({
      script: vbs('Sub OnDeliverMessage(oMessage) : EventLog.Write "deliver" : End Sub', 'Sub OnDeliveryFailed(oMessage, sRecipient, sErrorMessage) : EventLog.Write "failed " & sRecipient & ": " & sErrorMessage : End Sub'),
      scenario: { server: { domains, rules: [{ name: 'drop', criteria: [], actions: [{ type: 'deleteEmail' }] }] }, session: { rcptTo: ['bob@example.com', 'carol@example.com'] } },
    });
    assert.equal(report.outcome, 'deleted');
    assert.equal(report.eventLog.length, 2);
    assert.ok(report.eventLog.every((l) => l.startsWith('failed ')));
    assert.equal(firings(report, 'OnDeliverMessage').length, 0);
  });
});
