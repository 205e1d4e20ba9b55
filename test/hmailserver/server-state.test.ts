import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildServerState,
  checkDeliveryPossibility,
  connectionAllowed,
  createSimulatedServer,
  decideRecipient,
  encodeEventLogFile,
  eventLogEntry,
  expandRecipient,
  formatEventLogLine,
  formatLocalTime,
  isLocalSender,
  securityRangeFor,
  settingValue,
  validatePassword,
} from '../../simulator/src/hmailserver/server';
import type { ScenarioDomain, ScenarioServer } from '../../simulator/src/scenario/types';

const scenarioServer: ScenarioServer = {
  administratorPassword: 'adminpw',
  domains: [
    {
      name: 'example.com',
      accounts: [
        { address: 'bob@example.com', password: 'secret' },
        { address: 'carol@example.com', password: 'pw2', adminLevel: 2 },
        { address: 'dave@example.com', password: 'pw3', active: false },
      ],
      aliases: [
        { name: 'info@example.com', value: 'sales@example.com' },
        { name: 'sales@example.com', value: 'bob@example.com' },
        { name: 'loop1@example.com', value: 'loop2@example.com' },
        { name: 'loop2@example.com', value: 'loop1@example.com' },
        { name: 'out@example.com', value: 'someone@remote.test' },
        { name: 'off@example.com', value: 'bob@example.com', active: false },
      ],
      distributionLists: [
        { address: 'team@example.com', members: ['bob@example.com', 'carol@example.com', 'BOB@example.com', 'x@remote.test'] },
        { address: 'ghosts@example.com', members: ['dave@example.com'] },
      ],
    },
    { name: 'off.test', active: false, accounts: [{ address: 'a@off.test', password: 'p' }] },
    {
      name: 'catch.test',
      postmaster: 'bob@example.com',
      plusAddressing: true,
      accounts: [{ address: 'eve@catch.test', password: 'p' }],
    } as ScenarioDomain,
  ],
  settings: { HostName: 'mail.example.com', maxmessagesize: '1000', NoSuchSetting: 1 },
};

describe('server state: built from the scenario over a fresh installation', () => {
  const state = buildServerState(scenarioServer, { startTime: '2026-11-24 09:00:00' });

  it('assigns database IDs and keeps rows by domain', () => {
    assert.deepEqual(
      state.domains.map((d) => [d.ID, d.Name]),
      [
        [1, 'example.com'],
        [2, 'off.test'],
        [3, 'catch.test'],
      ],
    );
    assert.equal(state.accounts.find((a) => a.Address === 'carol@example.com')?.AdminLevel, 2);
    assert.equal(state.distributionListMembers.length, 5);
  });

  it('has the two default IP ranges and the default server messages', () => {
    assert.deepEqual(
      state.securityRanges.map((r) => [r.Name, r.Priority, r.Options]),
      [
        ['Internet', 10, 96203],
        ['My computer', 30, 71627],
      ],
    );
    assert.ok(state.serverMessages.find((m) => m.Name === 'SEND_FAILED_NOTIFICATION')?.Text.includes('%MACRO_RECIPIENTS%'));
  });

  it('reads settings by member name in any case, coerced to the member type, with install defaults', () => {
    assert.equal(settingValue(state, 'hostname'), 'mail.example.com');
    assert.equal(settingValue(state, 'MaxMessageSize'), 1000);
    assert.equal(settingValue(state, 'MaxNumberOfInvalidCommands'), 100);
    assert.equal(settingValue(state, 'DisconnectInvalidClients'), false);
    assert.equal(settingValue(state, 'SMTPNoOfTries'), 4);
    assert.ok(state.problems.some((p) => p.includes('NoSuchSetting')));
  });

  it('starts from sensible defaults without a server section', () => {
    const empty = buildServerState();
    assert.equal(empty.domains.length, 0);
    assert.equal(empty.administratorPassword, '');
    assert.equal(empty.securityRanges.length, 2);
  });
});

describe('server: recipient resolution at RCPT TO', () => {
  const state = buildServerState(scenarioServer);
  const check = (recipient: string, senderAuthenticated = false, sender = 'stranger@remote.test') =>
    checkDeliveryPossibility(state, { recipient, sender, senderAuthenticated });

  it('accepts local accounts, aliases (recursively) and lists; remote is possible', () => {
    assert.deepEqual(check('bob@example.com'), { possible: true, treatAsLocal: true });
    assert.deepEqual(check('INFO@Example.com'), { possible: true, treatAsLocal: true });
    assert.deepEqual(check('team@example.com'), { possible: true, treatAsLocal: true });
    assert.deepEqual(check('someone@remote.test'), { possible: true, treatAsLocal: false });
    // An alias on a local domain pointing outside still counts as local for relaying.
    assert.deepEqual(check('out@example.com'), { possible: true, treatAsLocal: true });
  });

  it('answers with the server texts for unknown, inactive and looping recipients', () => {
    const reply = (r: string) => {
      const answer = check(r);
      return answer.possible ? 'possible' : answer.reply;
    };
    assert.equal(reply('nobody@example.com'), '550 Unknown user');
    assert.equal(reply('dave@example.com'), '550 Account is not active.');
    assert.equal(reply('off@example.com'), '550 Alias is not active.');
    assert.equal(reply('a@off.test'), '550 Domain has been disabled.');
    assert.equal(reply('loop1@example.com'), '550 Mail server configuration error. Too many recursive forwards.');
  });

  it('uses the catch-all and plus addressing', () => {
    assert.deepEqual(check('whoever@catch.test'), { possible: true, treatAsLocal: true });
    assert.deepEqual(expandRecipient(state, 'whoever@catch.test'), [
      { address: 'bob@example.com', originalAddress: 'whoever@catch.test', isLocalUser: true, accountId: 1 },
    ]);
    assert.deepEqual(expandRecipient(state, 'eve+news@catch.test'), [
      { address: 'eve@catch.test', originalAddress: 'eve+news@catch.test', isLocalUser: true, accountId: 5 },
    ]);
  });

  it('expands aliases and lists keeping OriginalAddress, without duplicates', () => {
    assert.deepEqual(expandRecipient(state, 'info@example.com'), [
      { address: 'bob@example.com', originalAddress: 'info@example.com', isLocalUser: true, accountId: 1 },
    ]);
    assert.deepEqual(
      expandRecipient(state, 'team@example.com').map((r) => [r.address, r.originalAddress, r.isLocalUser]),
      [
        ['bob@example.com', 'team@example.com', true],
        ['carol@example.com', 'team@example.com', true],
        ['x@remote.test', 'team@example.com', false],
      ],
    );
    assert.deepEqual(expandRecipient(state, 'ghosts@example.com'), []);
    assert.deepEqual(expandRecipient(state, 'loop1@example.com'), []);
  });

  it('enforces list modes and RequireSMTPAuth', () => {
    const list = state.distributionLists.find((l) => l.Address === 'team@example.com')!;
    list.RequireSMTPAuth = true;
    assert.deepEqual(check('team@example.com'), { possible: false, reply: '550 SMTP authentication required.', permissionDenied: true });
    list.RequireSMTPAuth = false;
    list.Mode = 1;
    assert.equal((check('team@example.com') as { reply: string }).reply, '550 Not authorized sender.');
    assert.equal(check('team@example.com', false, 'carol@example.com').possible, true);
    list.Mode = 2;
    list.RequireSenderAddress = 'boss@example.com';
    assert.equal((check('team@example.com') as { reply: string }).reply, '550 Not authorized owner.');
    list.Mode = 0;
  });
});

describe('server: relay rules of a fresh installation', () => {
  const state = buildServerState(scenarioServer);
  const decide = (clientIp: string, mailFrom: string, recipient: string, authenticated = false) =>
    decideRecipient(state, { clientIp, mailFrom, recipient, authenticated });

  it('lets external senders deliver to local recipients without authentication', () => {
    const d = decide('198.51.100.7', 'alice@sender.test', 'info@example.com');
    assert.equal(d.accepted, true);
    assert.equal(d.reply, '250 OK');
    assert.deepEqual(d.accepted && d.recipients.map((r) => [r.address, r.originalAddress]), [['bob@example.com', 'info@example.com']]);
  });

  it('adds to the envelope so far without duplicates; a repeated RCPT TO is still 250', () => {
    const first = decide('198.51.100.7', 'alice@sender.test', 'team@example.com');
    assert.ok(first.accepted);
    const again = decideRecipient(state, { clientIp: '198.51.100.7', mailFrom: 'alice@sender.test', recipient: 'info@example.com', authenticated: false, existing: first.recipients });
    assert.ok(again.accepted);
    assert.equal(again.reply, '250 OK');
    assert.deepEqual(again.added, []);
    assert.equal(again.recipients.length, first.recipients.length);
  });

  it('requires SMTP authentication to relay to external recipients, and for local senders from the Internet range', () => {
    assert.deepEqual(decide('198.51.100.7', 'alice@sender.test', 'carol@remote.test'), {
      accepted: false,
      reply: '530 SMTP authentication is required.',
      unknownUser: false,
      stage: 'auth',
    });
    assert.equal(decide('198.51.100.7', 'bob@example.com', 'carol@example.com').reply, '530 SMTP authentication is required.');
    assert.equal(decide('198.51.100.7', 'bob@example.com', 'carol@remote.test', true).reply, '250 OK');
  });

  it('trusts localhost for local senders ("My computer")', () => {
    assert.equal(decide('127.0.0.1', 'bob@example.com', 'carol@remote.test').reply, '250 OK');
    assert.equal(decide('127.0.0.1', 'x@remote.test', 'y@remote.test').reply, '530 SMTP authentication is required.');
  });

  it('answers 550 Unknown user and flags it (OnRecipientUnknown)', () => {
    const d = decide('198.51.100.7', 'alice@sender.test', 'nobody@example.com');
    assert.deepEqual(d, { accepted: false, reply: '550 Unknown user', unknownUser: true, stage: 'recipient' });
    const empty = decide('198.51.100.7', 'alice@sender.test', 'ghosts@example.com');
    assert.deepEqual(empty, { accepted: false, reply: '550 Unknown user', unknownUser: true, stage: 'expansion' });
  });

  it('refuses relaying where the range forbids it', () => {
    const custom = buildServerState({
      ...scenarioServer,
      securityRanges: [{ name: 'strict', lowerIP: '0.0.0.0', upperIP: '255.255.255.255', options: { AllowDeliveryFromRemoteToLocal: false } }],
    } as ScenarioServer);
    assert.equal(decideRecipient(custom, { clientIp: '198.51.100.7', mailFrom: 'a@b.test', recipient: 'bob@example.com', authenticated: false }).reply, '550 Delivery is not allowed to this address.');
  });

  it('picks the highest-priority unexpired range and checks the protocol', () => {
    assert.equal(securityRangeFor(state, '127.0.0.1')?.Name, 'My computer');
    assert.equal(securityRangeFor(state, '10.1.2.3')?.Name, 'Internet');
    assert.equal(securityRangeFor(state, '::1'), undefined);
    state.securityRanges.push({ ID: 99, Name: 'ban', LowerIP: '10.1.2.3', UpperIP: '10.1.2.3', Priority: 20, Options: 0, Expires: true, ExpiresTime: '2026-11-24 10:00:00' });
    assert.equal(connectionAllowed(state, '10.1.2.3', 'SMTP', '2026-11-24 09:59:59'), false);
    assert.equal(connectionAllowed(state, '10.1.2.3', 'SMTP', '2026-11-24 10:00:01'), true);
    assert.equal(isLocalSender(state, 'Bob@EXAMPLE.com'), true);
    assert.equal(isLocalSender(state, 'bob@remote.test'), false);
  });
});

describe('server: password validation', () => {
  const state = buildServerState({ ...scenarioServer, settings: { DefaultDomain: 'example.com' } });

  it('checks active accounts, the default domain and empty passwords', () => {
    assert.equal(validatePassword(state, 'bob@example.com', 'secret')?.Address, 'bob@example.com');
    assert.equal(validatePassword(state, 'bob', 'secret')?.Address, 'bob@example.com');
    assert.equal(validatePassword(state, 'bob@example.com', 'wrong'), undefined);
    assert.equal(validatePassword(state, 'dave@example.com', 'pw3'), undefined);
    state.accounts[0].Password = '';
    assert.equal(validatePassword(state, 'bob@example.com', ''), undefined);
  });

  it('lets the OnClientValidatePassword hook decide (0 accept, 1 reject, else built-in)', () => {
    const bob = 'bob@example.com';
    assert.equal(validatePassword(state, bob, '', () => 0)?.Address, bob);
    state.accounts[0].Password = 'secret';
    assert.equal(validatePassword(state, bob, 'secret', () => 1), undefined);
    assert.equal(validatePassword(state, bob, 'secret', () => 2)?.Address, bob);
  });
});

describe('server: hmailserver_events.log', () => {
  it('formats thread, quoted local time with milliseconds and quoted text with [nl]', () => {
    const ms = Date.UTC(2026, 10, 24, 9, 0, 0, 42);
    const entry = eventLogEntry('line one\r\nline two', 7, ms, 'Europe/Berlin');
    assert.equal(formatEventLogLine(entry), '7\t"2026-11-24 10:00:00.042"\t"line one[nl]line two"');
    assert.equal(formatLocalTime(ms, 'UTC'), '2026-11-24 09:00:00');
  });

  it('encodes the file as UTF-16LE with a BOM and CRLF line ends', () => {
    const bytes = encodeEventLogFile([{ threadId: 1, time: '2026-11-24 10:00:00.000', text: 'ä' }]);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(bytes.subarray(2).toString('utf16le'), '1\t"2026-11-24 10:00:00.000"\t"ä"\r\n');
  });

  it('collects entries in the run server', () => {
    const server = createSimulatedServer();
    server.eventLog.write(eventLogEntry('hello', 3, 0, 'UTC'));
    assert.deepEqual(server.eventLog.lines(), ['3\t"1970-01-01 00:00:00.000"\t"hello"']);
  });
});
