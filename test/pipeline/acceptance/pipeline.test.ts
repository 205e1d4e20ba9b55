/**
 * Acceptance: the Pipeline and Object model sections of the issue, end to end — message state
 * per event, recipients after alias expansion, Client fields, retries, saved vs unsaved changes,
 * scripts creating messages, the event-log file, defaults, and the `fire` list's place.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { firings, serverLines, simulate, vbs } from './helpers';

describe('message per event (§8)', () => {
  test('OnSMTPData: envelope only; OnAcceptMessage: the file, ID 0, State 1; delivery: ID set; Size in KB', async () => {
    const describeMessage = (event: string) =>
      `  EventLog.Write "${event}: id=" & oMessage.ID & " state=" & oMessage.State & " size=" & oMessage.Size & " subject=[" & oMessage.Subject & "] from=" & oMessage.FromAddress & " rcpt=" & oMessage.Recipients.Count & " attempt=" & oMessage.DeliveryAttempt`;
    const { report } = await simulate({
      script: vbs(
        'Sub OnSMTPData(oClient, oMessage)',
        describeMessage('data'),
        'End Sub',
        'Sub OnAcceptMessage(oClient, oMessage)',
        describeMessage('accept'),
        'End Sub',
        'Sub OnDeliveryStart(oMessage)',
        describeMessage('start'),
        'End Sub',
      ),
      // About 5.3 KB with the headers: Size is whole KB.
      message: `From: alice@sender.test\r\nTo: bob@example.com\r\nSubject: Hello there\r\n\r\n${'x'.repeat(76).concat('\r\n').repeat(66)}`,
    });
    assert.deepEqual(report.eventLog, [
      'data: id=0 state=1 size=0 subject=[] from=alice@sender.test rcpt=1 attempt=1',
      'accept: id=0 state=1 size=5 subject=[Hello there] from=alice@sender.test rcpt=1 attempt=1',
      'start: id=1 state=1 size=5 subject=[Hello there] from=alice@sender.test rcpt=1 attempt=1',
    ]);
  });

  test('OnTooManyInvalidCommands before MAIL FROM: oMessage is an empty wrapper (not Nothing; members raise the access error)', async () => {
    const { report } = await simulate({
      script: vbs('Sub OnTooManyInvalidCommands(oClient, oMessage)', '  EventLog.Write "Is Nothing: " & (oMessage Is Nothing)', '  EventLog.Write "subject " & oMessage.Subject', 'End Sub'),
      scenario: {
        hmailserver: '5.7',
        server: { domains: [{ name: 'example.com', accounts: [{ address: 'bob@example.com', password: 'secret' }] }], settings: { DisconnectInvalidClients: true, MaxNumberOfInvalidCommands: 0 } },
        session: { auth: { username: 'bob@example.com', password: 'wrong' } },
      },
    });
    assert.equal(report.reply, 'Too many invalid commands. Bye!');
    assert.deepEqual(report.eventLog, ['Is Nothing: False']);
    assert.equal(report.errors.length, 1);
    assert.match(report.errors[0], /- Description: You do not have access to this property \/ method\. .* - Line: 3 /);
  });

  test('OnTooManyInvalidCommands after MAIL FROM: oMessage is the transaction so far', async () => {
    const { report } = await simulate({
      script: vbs('Sub OnTooManyInvalidCommands(oClient, oMessage)', '  EventLog.Write oMessage.FromAddress & " " & oMessage.Recipients.Count', 'End Sub'),
      scenario: {
        hmailserver: '5.7',
        server: { domains: [{ name: 'example.com', accounts: [{ address: 'bob@example.com', password: 'secret' }] }], settings: { DisconnectInvalidClients: true, MaxNumberOfInvalidCommands: 0 } },
        session: { rcptTo: ['bob@example.com', 'ghost@example.com'] },
      },
    });
    assert.deepEqual(report.eventLog, ['alice@sender.test 1']);
    assert.deepEqual(report.errors, []);
  });

  test('OnAcceptMessage sees the server\'s Received header on top', async () => {
    const { report } = await simulate({ script: vbs('Sub OnAcceptMessage(oClient, oMessage)', '  EventLog.Write oMessage.HeaderValue("Received")', 'End Sub') });
    assert.match(report.eventLog[0], /^from mail\.sender\.test \(\[198\.51\.100\.7\]\) by mail\.example\.com with hMailServer ; Thu, 01 Jan 2026 10:00:00 \+0000$/);
  });

  test('Recipients are the envelope after alias expansion: Address, OriginalAddress, IsLocalUser', async () => {
    const { report } = await simulate({
      script: vbs(
        'Sub OnAcceptMessage(oClient, oMessage)',
        '  Dim i',
        '  For i = 0 To oMessage.Recipients.Count - 1',
        '    With oMessage.Recipients(i)',
        '      EventLog.Write .OriginalAddress & " -> " & .Address & " local=" & .IsLocalUser',
        '    End With',
        '  Next',
        'End Sub',
      ),
      scenario: {
        server: { domains: [{ name: 'example.com', accounts: [{ address: 'bob@example.com', password: 'x' }], aliases: [{ name: 'info@example.com', value: 'bob@example.com' }] }] },
        session: { rcptTo: ['info@example.com', 'dave@remote.test'], auth: { username: 'bob@example.com', password: 'x' }, mailFrom: 'bob@example.com' },
      },
    });
    assert.deepEqual(report.eventLog, ['info@example.com -> bob@example.com local=True', 'dave@remote.test -> dave@remote.test local=False']);
    assert.deepEqual(report.delivered.sort(), ['bob@example.com', 'dave@remote.test']);
  });

  test('For Each over a collection fails as on the server (no _NewEnum); a bad index is error 9', async () => {
    const { report } = await simulate({
      script: vbs(
        'Sub OnSMTPData(oClient, oMessage)',
        '  For Each r In oMessage.Recipients : Next',
        'End Sub',
        'Sub OnAcceptMessage(oClient, oMessage)',
        '  x = oMessage.Recipients(5).Address',
        'End Sub',
      ),
    });
    assert.equal(report.errors.length, 2);
    assert.match(report.errors[1], /Error: 800A0009 - Description: Subscript out of range/);
  });
});

describe('saved and unsaved changes (what gets queued)', () => {
  test('OnAcceptMessage changes count only after oMessage.Save; the report and expect see the queued message', async () => {
    const unsaved = await simulate({ script: vbs('Sub OnAcceptMessage(oClient, oMessage)', '  oMessage.Subject = "[SPAM] " & oMessage.Subject', '  oMessage.HeaderValue("X-Spam") = "YES"', 'End Sub') });
    assert.equal(unsaved.report.message?.subject, 'Hello there');
    assert.equal(unsaved.report.message?.headers['X-Spam'], undefined);
    const saved = await simulate({ script: vbs('Sub OnAcceptMessage(oClient, oMessage)', '  oMessage.Subject = "[SPAM] " & oMessage.Subject', '  oMessage.HeaderValue("X-Spam") = "YES"', '  oMessage.Save', 'End Sub') });
    assert.equal(saved.report.message?.subject, '[SPAM] Hello there');
    assert.equal(saved.report.message?.headers['X-Spam'], 'YES');
    const file = readFileSync(path.join(saved.out!, saved.report.message!.file!), 'utf8');
    assert.match(file, /^Subject: \[SPAM\] Hello there\r$/m);
    assert.match(file, /^X-Spam: YES\r$/m);
  });

  test('a header removed with Headers.ItemByName(…).Delete and saved is absent', async () => {
    const { report } = await simulate({ script: vbs('Sub OnAcceptMessage(oClient, oMessage)', '  oMessage.Headers.ItemByName("Message-ID").Delete', '  oMessage.Save', 'End Sub') });
    assert.equal(report.message?.headers['Message-ID'], undefined);
    assert.equal(report.message?.headers['Subject'], 'Hello there');
  });
});

describe('Client per event and version', () => {
  test('OnClientConnect: IP and local port, no HELO; OnAcceptMessage: HELO set', async () => {
    const { report } = await simulate({
      script: vbs(
        'Sub OnClientConnect(oClient) : EventLog.Write "connect " & oClient.IPAddress & ":" & oClient.Port & " helo=[" & oClient.HELO & "] user=[" & oClient.Username & "]" : End Sub',
        'Sub OnAcceptMessage(oClient, oMessage) : EventLog.Write "accept helo=" & oClient.HELO : End Sub',
      ),
      scenario: { session: { client: { ip: '203.0.113.9', port: 587, helo: 'laptop.local' } } },
    });
    assert.deepEqual(report.eventLog, ['connect 203.0.113.9:587 helo=[] user=[]', 'accept helo=laptop.local']);
  });

  test('STARTTLS (5.7): OnHELO fires twice, EncryptedConnection False then True', async () => {
    const { report } = await simulate({ script: vbs('Sub OnHELO(oClient) : EventLog.Write "helo tls=" & oClient.EncryptedConnection : End Sub'), scenario: { hmailserver: '5.7', session: { tls: 'starttls' } } });
    assert.deepEqual(report.eventLog, ['helo tls=False', 'helo tls=True']);
    assert.ok(serverLines(report).includes('220 Ready to start TLS'));
  });
});

describe('delivery (§4.2)', () => {
  const remote = (reply: string | string[], retries: number) => ({
    session: { rcptTo: ['dave@remote.test'], auth: { username: 'bob@example.com', password: 'secret' }, mailFrom: 'bob@example.com' },
    delivery: { remote: { 'dave@remote.test': reply }, retries },
  });
  const logAttempts = vbs(
    'Sub OnDeliveryStart(oMessage) : EventLog.Write "start " & oMessage.DeliveryAttempt : End Sub',
    'Sub OnDeliverMessage(oMessage) : EventLog.Write "deliver " & oMessage.DeliveryAttempt : End Sub',
    'Sub OnDeliveryFailed(oMessage, sRecipient, sErrorMessage) : EventLog.Write "failed " & sRecipient & " " & sErrorMessage : End Sub',
  );

  test('a 4xx is retried: OnDeliveryStart/OnDeliverMessage fire again with DeliveryAttempt 2', async () => {
    const { report } = await simulate({ script: logAttempts, scenario: remote(['451 later', '250 ok'], 2) });
    assert.deepEqual(report.eventLog, ['start 1', 'deliver 1', 'start 2', 'deliver 2']);
    assert.deepEqual(report.delivered, ['dave@remote.test']);
  });

  test('a 4xx past the retries fails with the last error, OnDeliveryFailed once', async () => {
    const { report } = await simulate({ script: logAttempts, scenario: remote(['451 first', '452 second'], 1) });
    assert.deepEqual(report.eventLog.filter((l) => !l.startsWith('start 1') && !l.startsWith('deliver 1')).slice(0, 3), ['start 2', 'deliver 2', 'failed dave@remote.test 452 second']);
    assert.deepEqual(report.failed, [{ recipient: 'dave@remote.test', error: '452 second' }]);
  });

  test('a 5xx fails at once (no retry) and bounces to the sender', async () => {
    const { report } = await simulate({ script: logAttempts, scenario: remote('550 no such user', 3) });
    assert.deepEqual(report.eventLog.slice(0, 3), ['start 1', 'deliver 1', 'failed dave@remote.test 550 no such user']);
    // The bounce to bob is a message of its own, delivered through the pipeline too.
    assert.deepEqual(report.eventLog.slice(3), ['start 1', 'deliver 1']);
    assert.equal(report.outcome, 'accepted');
  });

  test('a message created with CreateObject("hMailServer.Message") and saved is queued and delivered', async () => {
    const { report } = await simulate({
      script: vbs(
        'Sub OnAcceptMessage(oClient, oMessage)',
        '  Dim m : Set m = CreateObject("hMailServer.Message")',
        '  m.From = "postmaster@example.com"',
        '  m.FromAddress = "postmaster@example.com"',
        '  m.Subject = "notice"',
        '  m.AddRecipient "Carol", "carol@example.com"',
        '  m.Body = "hello"',
        '  m.Save',
        'End Sub',
        'Sub OnDeliveryStart(oMessage) : EventLog.Write "start " & oMessage.Subject & " id " & oMessage.ID : End Sub',
      ),
    });
    // Saved (into the database) during OnAcceptMessage, before the message being accepted: the lower ID.
    assert.deepEqual(report.eventLog, ['start notice id 1', 'start Hello there id 2']);
    assert.equal(report.message?.file, 'messages/message-2.eml');
    assert.deepEqual(report.delivered, ['bob@example.com']);
  });
});

describe('hMailServer.Application from a handler (§9)', () => {
  const server = {
    administratorPassword: 'topsecret',
    domains: [{ name: 'example.com', accounts: [{ address: 'bob@example.com', password: 'secret' }], aliases: [{ name: 'info@example.com', value: 'bob@example.com' }] }],
  };

  test('Authenticate: Nothing for wrong credentials; then Domains, Accounts and Aliases from the scenario, by index and name', async () => {
    const { report } = await simulate({
      script: vbs(
        'Sub OnAcceptMessage(oClient, oMessage)',
        '  Dim app : Set app = CreateObject("hMailServer.Application")',
        '  EventLog.Write "wrong: " & (app.Authenticate("Administrator", "nope") Is Nothing)',
        '  EventLog.Write "right: " & (app.Authenticate("Administrator", "topsecret") Is Nothing)',
        '  EventLog.Write app.Domains.Count & " " & app.Domains(0).Name & " " & app.Domains(0).Accounts(0).Address & " " & app.Domains.ItemByName("example.com").Aliases.ItemByName("info@example.com").Value',
        'End Sub',
      ),
      scenario: { server },
    });
    assert.deepEqual(report.eventLog, ['wrong: True', 'right: False', '1 example.com bob@example.com bob@example.com']);
    assert.deepEqual(report.errors, []);
  });

  test('without Authenticate, Domains is the server\'s access error', async () => {
    const { report } = await simulate({ script: vbs('Sub OnAcceptMessage(oClient, oMessage)', '  EventLog.Write CreateObject("hMailServer.Application").Domains.Count', 'End Sub'), scenario: { server } });
    assert.deepEqual(report.eventLog, []);
    assert.match(report.errors[0] ?? '', /You do not have access to this property \/ method/);
  });
});

describe('the run', () => {
  test('fire entries run after the session and delivery, in order', async () => {
    const { report } = await simulate({
      script: vbs('Sub OnDeliverMessage(oMessage) : EventLog.Write "deliver" : End Sub', 'Sub OnBackupCompleted() : EventLog.Write "backup ok" : End Sub', 'Sub OnBackupFailed(r) : EventLog.Write "backup " & r : End Sub'),
      scenario: { fire: [{ event: 'OnBackupFailed', args: { sReason: 'one' } }, { event: 'OnBackupCompleted' }, { event: 'OnBackupFailed', args: { sReason: 'two' } }] },
    });
    assert.deepEqual(report.eventLog, ['deliver', 'backup one', 'backup ok', 'backup two']);
  });

  test('only script and session.message: MAIL FROM, RCPT TO and the server come from the message', async () => {
    const { report } = await simulate({
      script: vbs('Sub OnAcceptMessage(oClient, oMessage) : EventLog.Write oMessage.FromAddress & " " & oMessage.Recipients(0).Address : End Sub'),
      scenario: { server: undefined, session: { mailFrom: undefined, rcptTo: undefined } },
      message: 'From: "Alice, A." <alice@sender.test>\r\nTo: Bob <bob@example.com>, carol@other.test\r\nSubject: x\r\n\r\nbody\r\n',
    });
    assert.equal(report.outcome, 'accepted');
    assert.equal(report.eventLog[0], 'alice@sender.test bob@example.com');
    assert.deepEqual(report.delivered.sort(), ['bob@example.com', 'carol@other.test']);
    assert.equal(report.hmailserver, '5.6');
  });

  test('logs/hmailserver_events.log: UTF-16LE with BOM, thread TAB "time" TAB "text", CRLF as [nl]', async () => {
    const { out } = await simulate({
      script: vbs('Sub OnAcceptMessage(oClient, oMessage) : EventLog.Write "two" & vbCrLf & "lines" : EventLog.Write "Gr" & ChrW(252) & ChrW(223) & "e" : End Sub'),
      scenario: { environment: { now: '2026-11-24T10:00:00', timeZone: 'Europe/Berlin' } },
    });
    const bytes = readFileSync(path.join(out!, 'logs', 'hmailserver_events.log'));
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    const lines = bytes.subarray(2).toString('utf16le').split('\r\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^\d+\t"2026-11-24 10:00:00\.\d{3}"\t"two\[nl\]lines"$/);
    assert.match(lines[1], /^\d+\t"2026-11-24 10:00:00\.\d{3}"\t"Grüße"$/);
  });

  test('events[] ordinals are the firing order, with attempts on delivery events', async () => {
    const { report } = await simulate({ script: vbs('Sub OnAcceptMessage(oClient, oMessage) : End Sub') });
    assert.deepEqual(report.events.map((e) => e.ordinal), report.events.map((_, i) => i + 1));
    assert.deepEqual(firings(report, 'OnDeliveryStart').map((e) => e.attempt), [1]);
    assert.equal(firings(report, 'OnAcceptMessage')[0].attempt, undefined);
  });
});
