/**
 * Acceptance: every row of the Result table (reference §5), through real handlers run by the
 * real pipeline — what the client is told, whether the message is queued, deleted or delivered.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clientLines, firings, only, serverLines, simulate, vbs } from './helpers';

const QUEUED = '250 Queued (0.000 seconds)';

/** A handler that sets Value (and Message) and logs that it ran. */
const setter = (sub: string, value: string, message?: string): string =>
  vbs(`Sub ${sub}`, `  EventLog.Write "ran"`, `  Result.Value = ${value}`, ...(message === undefined ? [] : [`  Result.Message = ${message}`]), 'End Sub');

describe('Result table: OnClientConnect (only 1 counts)', () => {
  test('Value 1 closes the socket: no banner, no reply, nothing queued or delivered', async () => {
    const { report } = await simulate({ script: setter('OnClientConnect(oClient)', '1') });
    assert.equal(report.outcome, 'disconnected');
    assert.equal(report.reply, '');
    assert.deepEqual(report.transcript, []);
    assert.deepEqual(report.delivered, []);
    assert.deepEqual(report.eventLog, ['ran']);
    assert.deepEqual(report.events.map((e) => e.name), ['OnClientConnect']);
  });

  for (const value of ['0', '2', '3', '7', '-1']) {
    test(`Value ${value} (with a Message) accepts the connection`, async () => {
      const { report } = await simulate({ script: setter('OnClientConnect(oClient)', value, '"go away"') });
      assert.equal(report.outcome, 'accepted');
      assert.equal(report.reply, QUEUED);
      assert.equal(serverLines(report)[0], '220 mail.example.com ESMTP');
      assert.deepEqual(report.delivered, ['bob@example.com']);
      assert.equal(only(report, 'OnClientConnect').result?.value, Number(value));
    });
  }
});

describe('Result table: OnHELO (5.7)', () => {
  const cases: Array<[string, string | undefined, string | undefined, string]> = [
    ['0', undefined, undefined, 'accepted'],
    ['1', '"ignored text"', '554 Rejected', 'rejected'],
    ['2', '"Go away"', '554 Go away', 'rejected'],
    ['3', '"Busy, later"', '453 Busy, later', 'tempfail'],
    ['4', '"x"', undefined, 'accepted'],
  ];
  for (const [value, message, reply, outcome] of cases) {
    test(`Value ${value} → ${reply ?? 'continue'}`, async () => {
      const { report } = await simulate({ script: setter('OnHELO(oClient)', value, message), scenario: { hmailserver: '5.7' } });
      assert.equal(report.outcome, outcome);
      if (reply === undefined) {
        assert.equal(report.reply, QUEUED);
        assert.ok(serverLines(report).includes('250 HELP'));
      } else {
        assert.equal(report.reply, reply);
        // The client quits after the refused EHLO: no MAIL FROM, nothing queued.
        assert.deepEqual(clientLines(report), ['EHLO mail.sender.test', 'QUIT']);
        assert.deepEqual(serverLines(report).slice(-2), [reply, '221 goodbye']);
        assert.deepEqual(report.delivered, []);
      }
    });
  }
});

describe('Result table: OnSMTPData', () => {
  const cases: Array<[string, string | undefined, string | undefined, string]> = [
    ['0', undefined, undefined, 'accepted'],
    ['1', '"x"', '554 Rejected', 'rejected'],
    ['2', '"No data from you"', '554 No data from you', 'rejected'],
    ['3', '"Greylisted"', '453 Greylisted', 'tempfail'],
    ['9', '"x"', undefined, 'accepted'],
  ];
  for (const [value, message, reply, outcome] of cases) {
    test(`Value ${value} → ${reply ?? '354'}`, async () => {
      const { report } = await simulate({ script: setter('OnSMTPData(oClient, oMessage)', value, message) });
      assert.equal(report.outcome, outcome);
      if (reply === undefined) {
        assert.ok(serverLines(report).includes('354 OK, send.'));
        assert.deepEqual(report.delivered, ['bob@example.com']);
      } else {
        assert.equal(report.reply, reply);
        assert.ok(!serverLines(report).includes('354 OK, send.'));
        assert.equal(clientLines(report).at(-1), 'QUIT');
        assert.ok(!clientLines(report).includes('.'));
        assert.deepEqual(report.delivered, []);
        assert.equal(firings(report, 'OnAcceptMessage').length, 0);
      }
    });
  }
});

describe('Result table: OnAcceptMessage', () => {
  const cases: Array<[string, string | undefined, string | undefined, string]> = [
    ['0', undefined, undefined, 'accepted'],
    ['1', '"not used"', '554 Rejected', 'rejected'],
    ['2', '"Spam"', '554 Spam', 'rejected'],
    ['2', '""', '554 ', 'rejected'],
    ['2', '"550 5.7.1 Blocked"', '554 550 5.7.1 Blocked', 'rejected'],
    ['3', '"Try again"', '453 Try again', 'tempfail'],
    ['5', '"x"', undefined, 'accepted'],
  ];
  for (const [value, message, reply, outcome] of cases) {
    test(`Value ${value}, Message ${message ?? '(none)'} → ${JSON.stringify(reply ?? QUEUED)}`, async () => {
      const { report } = await simulate({ script: setter('OnAcceptMessage(oClient, oMessage)', value, message) });
      assert.equal(report.outcome, outcome);
      assert.equal(report.reply, reply ?? QUEUED);
      if (reply === undefined) {
        assert.deepEqual(report.delivered, ['bob@example.com']);
        assert.equal(firings(report, 'OnDeliveryStart').length, 1);
      } else {
        // Exactly that line on the wire, then QUIT; the message is discarded, never delivered.
        assert.deepEqual(serverLines(report).slice(-2), [reply, '221 goodbye']);
        assert.deepEqual(report.delivered, []);
        assert.equal(firings(report, 'OnDeliveryStart').length, 0);
        assert.equal(report.message?.file, undefined);
      }
    });
  }

  test('Value 2 without setting Message replies "554 " (nothing after the space)', async () => {
    const { report } = await simulate({ script: setter('OnAcceptMessage(oClient, oMessage)', '2') });
    assert.equal(report.reply, '554 ');
  });

  test('a runtime error after Result.Value = 1 still rejects (§2.6), and is reported', async () => {
    const { report } = await simulate({ script: vbs('Sub OnAcceptMessage(oClient, oMessage)', '  Result.Value = 1', '  Dim x : x = 1 / 0', '  Result.Value = 0', 'End Sub') });
    assert.equal(report.outcome, 'rejected');
    assert.equal(report.reply, '554 Rejected');
    const e = only(report, 'OnAcceptMessage');
    assert.equal(e.result?.value, 1);
    assert.equal(e.error?.number, 11);
    assert.equal(report.errors.length, 1);
  });

  test('a runtime error after Result.Value = 2 and Message still rejects with that message', async () => {
    const { report } = await simulate({ script: vbs('Sub OnSMTPData(oClient, oMessage)', '  Result.Message = "half way"', '  Result.Value = 2', '  Err.Raise 5', 'End Sub') });
    assert.equal(report.reply, '554 half way');
  });

  test('a bare Value inside a handler is Result.Value (named items with global members)', async () => {
    const { report } = await simulate({ script: vbs('Sub OnAcceptMessage(oClient, oMessage)', '  Value = 2', '  Message = "bare"', 'End Sub') });
    assert.equal(report.reply, '554 bare');
  });
});

describe('Result table: OnDeliveryStart / OnDeliverMessage', () => {
  const twoRecipients = { session: { rcptTo: ['bob@example.com', 'carol@example.com'] } };
  const failedLogger = vbs('Sub OnDeliveryFailed(oMessage, sRecipient, sErrorMessage)', '  EventLog.Write sRecipient & "|" & sErrorMessage', 'End Sub');

  test('OnDeliveryStart Value 1 deletes the message; OnDeliveryFailed once per recipient with the server reason', async () => {
    const { report } = await simulate({ script: setter('OnDeliveryStart(oMessage)', '1') + failedLogger, scenario: twoRecipients });
    assert.equal(report.outcome, 'deleted');
    assert.deepEqual(report.delivered, []);
    assert.deepEqual(report.failed, [
      { recipient: 'bob@example.com', error: 'Delivery cancelled by OnDeliveryStart-event' },
      { recipient: 'carol@example.com', error: 'Delivery cancelled by OnDeliveryStart-event' },
    ]);
    assert.deepEqual(report.eventLog, ['ran', 'bob@example.com|Delivery cancelled by OnDeliveryStart-event', 'carol@example.com|Delivery cancelled by OnDeliveryStart-event']);
    // Deleted before OnDeliverMessage; no bounce for a script delete.
    assert.deepEqual(report.events.filter((e) => e.fired).map((e) => e.name), ['OnDeliveryStart', 'OnDeliveryFailed', 'OnDeliveryFailed']);
    assert.equal(firings(report, 'OnDeliverMessage').length, 0);
  });

  test('OnDeliverMessage Value 1 deletes the message with its own reason', async () => {
    const { report } = await simulate({ script: setter('OnDeliverMessage(oMessage)', '1') + failedLogger, scenario: twoRecipients });
    assert.equal(report.outcome, 'deleted');
    assert.deepEqual(report.delivered, []);
    assert.deepEqual(
      report.failed.map((f) => f.error),
      ['Message delivery cancelled during OnDeliverMessage-event', 'Message delivery cancelled during OnDeliverMessage-event'],
    );
    assert.equal(firings(report, 'OnDeliveryFailed').filter((e) => e.fired).length, 2);
  });

  for (const [event, value] of [['OnDeliveryStart', '2'], ['OnDeliveryStart', '3'], ['OnDeliverMessage', '2'], ['OnDeliverMessage', '0']] as const) {
    test(`${event} Value ${value} continues delivery`, async () => {
      const { report } = await simulate({ script: setter(`${event}(oMessage)`, value) + failedLogger, scenario: twoRecipients });
      assert.equal(report.outcome, 'accepted');
      assert.deepEqual(report.delivered, ['bob@example.com', 'carol@example.com']);
      assert.deepEqual(report.failed, []);
    });
  }

  test('a runtime error after Value = 1 in OnDeliverMessage still deletes', async () => {
    const { report } = await simulate({ script: vbs('Sub OnDeliverMessage(oMessage)', '  Result.Value = 1', '  Err.Raise 5', 'End Sub') });
    assert.equal(report.outcome, 'deleted');
    assert.equal(report.errors.length, 1);
  });
});

describe('Result table: OnClientValidatePassword (5.7)', () => {
  const auth = (password: string) => ({ hmailserver: '5.7' as const, session: { auth: { username: 'bob@example.com', password } } });
  const validator = (body: string[]) => vbs('Sub OnClientValidatePassword(oAccount, sPassword)', `  EventLog.Write oAccount.Address & " " & sPassword & " preset=" & Result.Value`, ...body, 'End Sub');

  test('Value is preset to 2 and the built-in check decides: right password → 235', async () => {
    const { report } = await simulate({ script: validator([]), scenario: auth('secret') });
    assert.deepEqual(report.eventLog, ['bob@example.com secret preset=2']);
    assert.ok(serverLines(report).includes('235 authenticated.'));
  });

  test('Value 2 (preset), wrong password → 535', async () => {
    const { report } = await simulate({ script: validator([]), scenario: auth('wrong') });
    assert.ok(serverLines(report).includes('535 Authentication failed. Restarting authentication process.'));
    assert.ok(!serverLines(report).includes('235 authenticated.'));
  });

  test('Value 0 accepts a wrong password', async () => {
    const { report } = await simulate({ script: validator(['  Result.Value = 0']), scenario: auth('wrong') });
    assert.ok(serverLines(report).includes('235 authenticated.'));
  });

  test('Value 1 rejects the right password', async () => {
    const { report } = await simulate({ script: validator(['  Result.Value = 1']), scenario: auth('secret') });
    assert.ok(serverLines(report).includes('535 Authentication failed. Restarting authentication process.'));
  });

  test('Value 7 leaves it to the built-in check', async () => {
    const { report } = await simulate({ script: validator(['  Result.Value = 7']), scenario: auth('wrong') });
    assert.ok(serverLines(report).includes('535 Authentication failed. Restarting authentication process.'));
  });

  test('OnClientLogon sees the outcome (Authenticated) after the validation', async () => {
    const { report } = await simulate({
      script: validator(['  Result.Value = 0']) + vbs('Sub OnClientLogon(oClient)', '  EventLog.Write "logon " & oClient.Username & " " & oClient.Authenticated', 'End Sub'),
      scenario: auth('wrong'),
    });
    assert.deepEqual(report.eventLog, ['bob@example.com wrong preset=2', 'logon bob@example.com True']);
    assert.deepEqual(report.events.filter((e) => e.fired).map((e) => e.name).slice(0, 2), ['OnClientValidatePassword', 'OnClientLogon']);
  });
});

describe('Result table: events whose Result is read elsewhere or ignored', () => {
  test('OnExternalAccountDownload (fire): Value 2 and Parameter are read back', async () => {
    const { report } = await simulate({
      script: vbs(
        'Sub OnExternalAccountDownload(oFetchAccount, oMessage, sRemoteUID)',
        '  EventLog.Write oFetchAccount.Name & " " & sRemoteUID',
        '  Result.Value = 2',
        '  Result.Parameter = 14',
        'End Sub',
      ),
      scenario: { fire: [{ event: 'OnExternalAccountDownload', args: { oFetchAccount: { Name: 'Gmail' }, sRemoteUID: 'UID-1' } }] },
    });
    const e = only(report, 'OnExternalAccountDownload');
    assert.equal(e.fired, true);
    assert.equal(e.error, undefined);
    assert.deepEqual(e.result, { value: 2, message: '', parameter: 14 });
    assert.deepEqual(report.eventLog, ['Gmail UID-1']);
  });

  test('OnBackupCompleted / OnBackupFailed: Result exists, is ignored, the run is unchanged', async () => {
    const { report } = await simulate({
      script: vbs('Sub OnBackupCompleted()', '  Result.Value = 1', '  Result.Message = "x"', 'End Sub', 'Sub OnBackupFailed(sReason)', '  Result.Value = 2', '  EventLog.Write sReason', 'End Sub'),
      scenario: { fire: [{ event: 'OnBackupCompleted' }, { event: 'OnBackupFailed', args: { sReason: 'disk full' } }] },
    });
    assert.equal(report.outcome, 'accepted');
    assert.deepEqual(report.delivered, ['bob@example.com']);
    assert.equal(only(report, 'OnBackupCompleted').result?.value, 1);
    assert.equal(only(report, 'OnBackupFailed').result?.value, 2);
    assert.deepEqual(report.eventLog, ['disk full']);
    assert.deepEqual(report.errors, []);
  });

  test('a rule function: Result present, Value 1 ignored (the message is still delivered)', async () => {
    const { report } = await simulate({
      script: vbs('Sub MyRule(oMessage)', '  Result.Value = 1', '  EventLog.Write "rule " & oMessage.Subject', 'End Sub'),
      scenario: { server: { domains: [{ name: 'example.com', accounts: [{ address: 'bob@example.com' }] }], rules: [{ name: 'r', criteria: [], actions: [{ type: 'runFunction', scriptFunction: 'MyRule' }] }] } },
    });
    assert.deepEqual(report.eventLog, ['rule Hello there']);
    assert.deepEqual(report.delivered, ['bob@example.com']);
    assert.equal(report.outcome, 'accepted');
    assert.deepEqual(report.errors, []);
  });

  for (const event of ['OnClientLogon(oClient)', 'OnDeliveryFailed(oMessage, sRecipient, sErrorMessage)']) {
    test(`${event.split('(')[0]} has no Result: using it is the server's runtime error`, async () => {
      const isLogon = event.startsWith('OnClientLogon');
      const { report } = await simulate({
        script: vbs(`Sub ${event}`, '  Result.Value = 1', 'End Sub'),
        scenario: isLogon
          ? { hmailserver: '5.7', session: { auth: { username: 'bob@example.com', password: 'secret' } } }
          : { delivery: { remote: { 'dave@remote.test': '550 no' } }, session: { rcptTo: ['dave@remote.test'], auth: { username: 'bob@example.com', password: 'secret' } } },
      });
      const e = only(report, event.split('(')[0]);
      assert.equal(e.result, undefined);
      assert.equal(e.error?.number, 424, JSON.stringify(e.error));
      assert.match(e.error?.description ?? '', /Object required: 'Result'/);
    });
  }
});
