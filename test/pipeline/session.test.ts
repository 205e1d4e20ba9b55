import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveResult } from '../../simulator/src/api';
import { buildServerState } from '../../simulator/src/hmailserver/server/state';
import { runSession, type ResultDecision, type SessionEvent, type SessionInput, type SessionRunner } from '../../simulator/src/pipeline/session';

/** A runner that records what fired and answers with scripted Result values. */
function fakeRunner(values: Record<string, { value: number; message?: string }> = {}): SessionRunner & { fired: SessionEvent[] } {
  const fired: SessionEvent[] = [];
  return {
    fired,
    fire(request): ResultDecision | undefined {
      fired.push(request);
      const v = values[request.event];
      if (!v) return undefined;
      const outcome = resolveResult(request.event, v.value, v.message ?? '');
      if (!outcome) return undefined;
      return { action: outcome.action, reply: outcome.reply, countsAsInvalidCommand: false };
    },
  };
}

function input(overrides: Partial<SessionInput> = {}): SessionInput {
  return {
    state: buildServerState({ domains: [{ name: 'example.com', accounts: [{ address: 'bob@example.com', password: 'secret' }] }] }),
    client: { ip: '198.51.100.7', port: 25, helo: 'mail.sender.test' },
    tls: 'none',
    mailFrom: 'alice@sender.test',
    rcptTo: ['bob@example.com'],
    now: '2026-11-24 10:00:00',
    hostName: 'mail.example.com',
    ...overrides,
  };
}

const lines = (r: { transcript: { from: string; line: string }[] }) => r.transcript.map((t) => `${t.from === 'client' ? 'C' : 'S'}: ${t.line}`);

describe('SMTP session', () => {
  test('a plain accepted message, with the events in server order', () => {
    const runner = fakeRunner();
    const r = runSession(input(), runner);
    assert.equal(r.outcome, 'accepted');
    assert.equal(r.reply, '250 Queued (0.000 seconds)');
    assert.deepEqual(lines(r), [
      'S: 220 mail.example.com ESMTP',
      'C: EHLO mail.sender.test',
      'S: 250-mail.example.com',
      'S: 250-SIZE',
      'S: 250-AUTH LOGIN PLAIN',
      'S: 250 HELP',
      'C: MAIL FROM:<alice@sender.test>',
      'S: 250 OK',
      'C: RCPT TO:<bob@example.com>',
      'S: 250 OK',
      'C: DATA',
      'S: 354 OK, send.',
      'C: (message data)',
      'C: .',
      'S: 250 Queued (0.000 seconds)',
      'C: QUIT',
      'S: 221 goodbye',
    ]);
    assert.deepEqual(runner.fired.map((f) => f.event), ['OnClientConnect', 'OnHELO', 'OnSMTPData', 'OnAcceptMessage']);
    assert.deepEqual(r.queued?.recipients.map((x) => x.address), ['bob@example.com']);
  });

  test('OnClientConnect Value 1 closes the socket: no banner, no reply', () => {
    const r = runSession(input(), fakeRunner({ OnClientConnect: { value: 1 } }));
    assert.equal(r.outcome, 'disconnected');
    assert.equal(r.reply, '');
    assert.deepEqual(r.transcript, []);
  });

  test('OnClientConnect Value 2 is ignored', () => {
    assert.equal(runSession(input(), fakeRunner({ OnClientConnect: { value: 2, message: 'go away' } })).outcome, 'accepted');
  });

  test('OnAcceptMessage Value 1 replies 554 Rejected and the client quits', () => {
    const r = runSession(input(), fakeRunner({ OnAcceptMessage: { value: 1 } }));
    assert.equal(r.outcome, 'rejected');
    assert.equal(r.reply, '554 Rejected');
    assert.deepEqual(lines(r).slice(-3), ['S: 554 Rejected', 'C: QUIT', 'S: 221 goodbye']);
    assert.equal(r.queued, undefined);
  });

  test('OnAcceptMessage Value 2 replies 554 and the Message, verbatim', () => {
    const r = runSession(input(), fakeRunner({ OnAcceptMessage: { value: 2, message: '550 spam' } }));
    assert.equal(r.reply, '554 550 spam');
  });

  test('OnSMTPData Value 3 is a 453 temporary failure before 354', () => {
    const r = runSession(input(), fakeRunner({ OnSMTPData: { value: 3, message: 'try later' } }));
    assert.equal(r.outcome, 'tempfail');
    assert.equal(r.reply, '453 try later');
    assert.ok(!lines(r).includes('S: 354 OK, send.'));
  });

  test('OnHELO Value 2 rejects the EHLO', () => {
    const r = runSession(input(), fakeRunner({ OnHELO: { value: 2, message: 'bad helo' } }));
    assert.equal(r.reply, '554 bad helo');
    assert.equal(r.outcome, 'rejected');
  });

  test('an unknown local user gets 550 Unknown user and fires OnRecipientUnknown', () => {
    const runner = fakeRunner();
    const r = runSession(input({ rcptTo: ['nobody@example.com', 'bob@example.com'] }), runner);
    assert.ok(lines(r).includes('S: 550 Unknown user'));
    assert.equal(r.outcome, 'accepted');
    assert.ok(runner.fired.some((f) => f.event === 'OnRecipientUnknown'));
    assert.deepEqual(r.queued?.recipients.map((x) => x.address), ['bob@example.com']);
  });

  test('when every recipient is refused the last refusal decides', () => {
    const r = runSession(input({ rcptTo: ['nobody@example.com'] }), fakeRunner());
    assert.equal(r.outcome, 'rejected');
    assert.equal(r.reply, '550 Unknown user');
    assert.ok(!lines(r).includes('C: DATA'));
  });

  test('relaying to a remote domain needs SMTP authentication', () => {
    const r = runSession(input({ mailFrom: 'bob@example.com', rcptTo: ['carol@remote.test'] }), fakeRunner());
    assert.equal(r.reply, '530 SMTP authentication is required.');
  });

  test('after AUTH the relay is allowed and OnClientLogon sees Authenticated', () => {
    const runner = fakeRunner();
    const r = runSession(input({ mailFrom: 'bob@example.com', rcptTo: ['carol@remote.test'], auth: { username: 'bob@example.com', password: 'secret' } }), runner);
    assert.equal(r.outcome, 'accepted');
    assert.ok(lines(r).includes('S: 235 authenticated.'));
    const logon = runner.fired.find((f) => f.event === 'OnClientLogon');
    assert.ok(logon && 'client' in logon && logon.client.authenticated);
  });

  test('a wrong password fails AUTH', () => {
    const r = runSession(input({ auth: { username: 'bob@example.com', password: 'wrong' } }), fakeRunner());
    assert.ok(lines(r).includes('S: 535 Authentication failed. Restarting authentication process.'));
  });

  test('OnClientValidatePassword Value 0 accepts any password', () => {
    const r = runSession(input({ auth: { username: 'bob@example.com', password: 'wrong' } }), fakeRunner({ OnClientValidatePassword: { value: 0 } }));
    assert.ok(lines(r).includes('S: 235 authenticated.'));
  });

  test('STARTTLS is followed by a second EHLO and OnHELO', () => {
    const runner = fakeRunner();
    const r = runSession(input({ tls: 'starttls' }), runner);
    assert.ok(lines(r).includes('S: 220 Ready to start TLS'));
    assert.equal(runner.fired.filter((f) => f.event === 'OnHELO').length, 2);
    const second = runner.fired.filter((f) => f.event === 'OnHELO')[1];
    assert.ok('client' in second && second.client.encryptedConnection);
  });

  test('too many invalid commands disconnects and fires OnTooManyInvalidCommands', () => {
    const state = buildServerState({ domains: [{ name: 'example.com' }], settings: { DisconnectInvalidClients: true, MaxNumberOfInvalidCommands: 1 } });
    const runner = fakeRunner();
    const r = runSession(input({ state, rcptTo: ['a@example.com', 'b@example.com', 'c@example.com'] }), runner);
    assert.equal(r.outcome, 'disconnected');
    assert.equal(r.reply, 'Too many invalid commands. Bye!');
    assert.ok(runner.fired.some((f) => f.event === 'OnTooManyInvalidCommands'));
  });

  test('past the limit only the bare "Bye" line is sent: not the refusal itself, and no OnRecipientUnknown for it', () => {
    const state = buildServerState({ domains: [{ name: 'example.com' }], settings: { DisconnectInvalidClients: true, MaxNumberOfInvalidCommands: 1 } });
    const runner = fakeRunner();
    const r = runSession(input({ state, rcptTo: ['a@example.com', 'b@example.com', 'c@example.com'] }), runner);
    assert.deepEqual(lines(r).slice(-4), ['C: RCPT TO:<a@example.com>', 'S: 550 Unknown user', 'C: RCPT TO:<b@example.com>', 'S: Too many invalid commands. Bye!']);
    assert.deepEqual(runner.fired.map((f) => f.event).slice(-2), ['OnRecipientUnknown', 'OnTooManyInvalidCommands']);
    assert.equal(runner.fired.filter((f) => f.event === 'OnRecipientUnknown').length, 1);
  });

  test('before MAIL FROM the events get no message (noMessage); after it they do', () => {
    const state = buildServerState({ domains: [{ name: 'example.com', accounts: [{ address: 'bob@example.com', password: 'secret' }] }], settings: { DisconnectInvalidClients: true, MaxNumberOfInvalidCommands: 0 } });
    const early = fakeRunner();
    runSession(input({ state, auth: { username: 'bob@example.com', password: 'wrong' } }), early);
    const tooMany = early.fired.find((f) => f.event === 'OnTooManyInvalidCommands');
    assert.ok(tooMany && 'noMessage' in tooMany && tooMany.noMessage === true);
    const late = fakeRunner();
    runSession(input({ state, rcptTo: ['ghost@example.com'] }), late);
    const afterMailFrom = late.fired.find((f) => f.event === 'OnTooManyInvalidCommands');
    assert.ok(afterMailFrom && 'noMessage' in afterMailFrom && afterMailFrom.noMessage === false);
  });

  test('with no recipient at all the client still sends DATA and the 503 is on the wire', () => {
    const r = runSession(input({ rcptTo: [] }), fakeRunner());
    assert.equal(r.reply, '503 Must have sender and recipient first.');
    assert.deepEqual(lines(r).slice(-4), ['C: DATA', 'S: 503 Must have sender and recipient first.', 'C: QUIT', 'S: 221 goodbye']);
  });
});
