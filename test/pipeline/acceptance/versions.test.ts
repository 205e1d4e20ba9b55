/**
 * Acceptance: the three server lines gate events and members (§0, §7): 5.6 has 10 events,
 * the RvdH build 14 (and counts script rejections as invalid commands), 5.7 all 15.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ServerVersion } from '../../../simulator/src/api';
import { firings, only, serverLines, simulate, vbs } from './helpers';

const NEW_EVENTS = ['OnHELO(oClient)', 'OnClientLogon(oClient)', 'OnClientValidatePassword(oAccount, sPassword)', 'OnRecipientUnknown(oClient, oMessage)', 'OnTooManyInvalidCommands(oClient, oMessage)'];
const script = NEW_EVENTS.map((sig) => vbs(`Sub ${sig}`, `  EventLog.Write "${sig.split('(')[0]}"`, 'End Sub')).join('');

/** AUTH, two unknown local recipients and a limit of 1 invalid command: every newer event has its moment. */
const busySession = (version: ServerVersion) => ({
  hmailserver: version,
  server: {
    domains: [{ name: 'example.com', accounts: [{ address: 'bob@example.com', password: 'secret' }] }],
    settings: { DisconnectInvalidClients: true, MaxNumberOfInvalidCommands: 1 },
  },
  session: { auth: { username: 'bob@example.com', password: 'secret' }, rcptTo: ['nobody@example.com', 'bob@example.com', 'ghost@example.com'] },
});

describe('events per version', () => {
  test('5.6: OnHELO, OnClientLogon, OnClientValidatePassword, OnRecipientUnknown, OnTooManyInvalidCommands never fire', async () => {
    const { report } = await simulate({ script, scenario: busySession('5.6') });
    assert.deepEqual(report.eventLog, []);
    for (const sig of NEW_EVENTS) {
      const name = sig.split('(')[0];
      for (const e of firings(report, name)) {
        assert.equal(e.fired, false, name);
        assert.equal(e.skipped, 'version', name);
      }
    }
    assert.ok(firings(report, 'OnHELO').length >= 1, 'the skipped OnHELO is reported');
    // Without the events the server still refuses the unknown user and disconnects past the limit.
    // The first refusal is sent; the second one trips the limit: only the bare "Bye" line goes out.
    assert.deepEqual(serverLines(report).slice(-4), ['250 OK', '550 Unknown user', '250 OK', 'Too many invalid commands. Bye!']);
    assert.equal(report.reply, 'Too many invalid commands. Bye!');
    assert.equal(report.outcome, 'disconnected');
  });

  test('5.7: all of them fire, in server order', async () => {
    const { report } = await simulate({ script, scenario: busySession('5.7') });
    assert.deepEqual(report.eventLog, ['OnHELO', 'OnClientValidatePassword', 'OnClientLogon', 'OnRecipientUnknown', 'OnTooManyInvalidCommands']);
  });

  test('5.6-rvdh: all but OnClientValidatePassword', async () => {
    const { report } = await simulate({ script, scenario: busySession('5.6-rvdh') });
    assert.deepEqual(report.eventLog, ['OnHELO', 'OnClientLogon', 'OnRecipientUnknown', 'OnTooManyInvalidCommands']);
    assert.equal(only(report, 'OnClientValidatePassword').skipped, 'version');
    // The built-in check still authenticates.
    assert.ok(serverLines(report).includes('235 authenticated.'));
  });

  test('an event the version lacks and the script does not handle is not reported at all', async () => {
    const { report } = await simulate({ script: vbs('Sub OnAcceptMessage(oClient, oMessage) : End Sub'), scenario: { hmailserver: '5.6' } });
    assert.equal(firings(report, 'OnHELO').length, 0);
    assert.equal(only(report, 'OnSMTPData').skipped, 'no-handler');
  });

  test('a fire entry for an event the version lacks is skipped "version"', async () => {
    const { report } = await simulate({
      script: vbs('Sub OnHELO(oClient) : EventLog.Write "helo" : End Sub'),
      scenario: { hmailserver: '5.6', fire: [{ event: 'OnHELO', args: { oClient: { helo: 'x' } } }] },
    });
    assert.deepEqual(report.eventLog, []);
    assert.ok(firings(report, 'OnHELO').every((e) => e.skipped === 'version'));
  });
});

describe('members per version', () => {
  const probe = vbs('Sub OnAcceptMessage(oClient, oMessage)', '  EventLog.Write "ip " & oClient.IPAddress', '  EventLog.Write "auth " & oClient.Authenticated', 'End Sub');

  test('oClient.Authenticated in a 5.6 handler is error 438, reported with file and line', async () => {
    const { report } = await simulate({ script: probe, scenario: { hmailserver: '5.6' } });
    assert.deepEqual(report.eventLog, ['ip 198.51.100.7']);
    const e = only(report, 'OnAcceptMessage');
    assert.equal(e.error?.number, 438);
    assert.equal(e.error?.line, 3);
    // vbscript.dll names the member as written ('oClient.Authenticated'); the engine may give only the member name.
    assert.match(e.error?.description ?? '', /^Object doesn't support this property or method: '(oClient\.)?Authenticated'$/);
    assert.equal(report.errors.length, 1);
    assert.match(report.errors[0], /^Script Error: Source: Microsoft VBScript runtime error - Error: 800A01B6 - Description: Object doesn't support this property or method: '(oClient\.)?Authenticated' - Line: 3 Column: 2 - Code: EventLog\.Write "auth " & oClient\.Authenticated$/);
    // The handler aborted, the message was still accepted (Result untouched).
    assert.equal(report.outcome, 'accepted');
  });

  for (const version of ['5.7', '5.6-rvdh'] as const) {
    test(`oClient.Authenticated works in ${version}`, async () => {
      const { report } = await simulate({ script: probe, scenario: { hmailserver: version } });
      assert.deepEqual(report.eventLog, ['ip 198.51.100.7', 'auth False']);
      assert.deepEqual(report.errors, []);
    });
  }
});

describe('RvdH: script rejections count as invalid commands', () => {
  const limit1 = (version: ServerVersion, disconnect = true) => ({
    hmailserver: version,
    server: {
      domains: [{ name: 'example.com', accounts: [{ address: 'bob@example.com', password: 'secret' }] }],
      settings: { DisconnectInvalidClients: disconnect, MaxNumberOfInvalidCommands: 1 },
    },
    session: { rcptTo: ['nobody@example.com', 'bob@example.com'] },
  });
  const rejecter = (value: number, message = 'no') =>
    vbs(
      'Sub OnAcceptMessage(oClient, oMessage)',
      `  Result.Value = ${value}`,
      `  Result.Message = "${message}"`,
      'End Sub',
      'Sub OnTooManyInvalidCommands(oClient, oMessage)',
      '  EventLog.Write "too many from " & oClient.IPAddress',
      'End Sub',
    );

  for (const value of [1, 2]) {
    test(`Value ${value}: the 2nd 5xx (unknown user + the script's 554) trips the limit in 5.6-rvdh`, async () => {
      const { report } = await simulate({ script: rejecter(value), scenario: limit1('5.6-rvdh') });
      // SendErrorResponse_ past the limit sends only the bare "Bye" line, not the 554 itself.
      assert.deepEqual(serverLines(report).slice(-2), ['354 OK, send.', 'Too many invalid commands. Bye!']);
      assert.deepEqual(report.delivered, []);
      assert.equal(report.outcome, 'disconnected');
      assert.equal(report.reply, 'Too many invalid commands. Bye!');
      assert.deepEqual(report.eventLog, ['too many from 198.51.100.7']);
    });

    test(`Value ${value}: not counted in official 5.7`, async () => {
      const { report } = await simulate({ script: rejecter(value), scenario: limit1('5.7') });
      assert.equal(report.outcome, 'rejected');
      assert.equal(report.reply, value === 1 ? '554 Rejected' : '554 no');
      assert.deepEqual(report.eventLog, []);
      assert.equal(firings(report, 'OnTooManyInvalidCommands').length, 0);
    });
  }

  test('Value 3 (453) is never counted, even in RvdH', async () => {
    const { report } = await simulate({ script: rejecter(3), scenario: limit1('5.6-rvdh') });
    assert.equal(report.outcome, 'tempfail');
    assert.equal(report.reply, '453 no');
    assert.deepEqual(report.eventLog, []);
  });

  test('without DisconnectInvalidClients nothing is cut off', async () => {
    const { report } = await simulate({ script: rejecter(1), scenario: limit1('5.6-rvdh', false) });
    assert.equal(report.outcome, 'rejected');
    assert.equal(report.reply, '554 Rejected');
  });

  test('RvdH: a rejection whose Message is exactly "Unknown user" fires OnRecipientUnknown', async () => {
    const { report } = await simulate({
      script: rejecter(2, 'Unknown user') + vbs('Sub OnRecipientUnknown(oClient, oMessage)', '  EventLog.Write "unknown, recipients " & oMessage.Recipients.Count', 'End Sub'),
      scenario: { hmailserver: '5.6-rvdh' },
    });
    assert.equal(report.reply, '554 Unknown user');
    assert.deepEqual(report.eventLog, ['unknown, recipients 1']);
  });
});
