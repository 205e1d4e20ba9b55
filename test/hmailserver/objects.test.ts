import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServerVersion } from '../../simulator/src/api';
import {
  ACCESS_DENIED_TEXT,
  hmailserverProgIds,
  makeAccount,
  makeApplication,
  makeClient,
  makeEventLog,
  makeFetchAccount,
  makeResult,
} from '../../simulator/src/hmailserver/objects/serverObjects';
import { createSimulatedServer, type SimulatedServer } from '../../simulator/src/hmailserver/server';
import { Nothing, type VbsObject } from '../../simulator/src/runtime/objects/comObject';
import { BoxedNumber, subtypeOf, VarType, type Value } from '../../simulator/src/runtime/values/variant';
import type { SideEffect, SimulationContext, VirtualFileSystem } from '../../simulator/src/sandbox/context';
import type { ScenarioMocks, ScenarioServer } from '../../simulator/src/scenario/types';

type TestContext = SimulationContext & { effects: SideEffect[] };

function makeContext(version: ServerVersion = '5.6', mocks: ScenarioMocks = {}): TestContext {
  const effects: SideEffect[] = [];
  return {
    version,
    now: () => Date.UTC(2026, 10, 24, 9, 0, 0, 5),
    timeZone: 'Europe/Berlin',
    mocks,
    // These objects never touch files.
    fs: {} as VirtualFileSystem,
    outputDir: '/nonexistent',
    record: (e) => effects.push(e),
    effects,
  };
}

const SERVER: ScenarioServer = {
  administratorPassword: 'adminpw',
  domains: [
    {
      name: 'example.com',
      accounts: [
        { address: 'bob@example.com', password: 'secret' },
        { address: 'carol@example.com', password: 'pw2', adminLevel: 2 },
        { address: 'dan@example.com', password: 'pw3', adminLevel: 1 },
      ],
      aliases: [{ name: 'info@example.com', value: 'bob@example.com' }],
      distributionLists: [{ address: 'team@example.com', members: ['bob@example.com', 'carol@example.com'] }],
    },
    { name: 'other.test', accounts: [{ address: 'zed@other.test', password: 'z' }] },
  ],
};

/** Numbers unboxed (a Long 25 is a boxed VLong), so assertions compare plain values; `raw` keeps the subtype. */
const plain = (v: Value): Value => (v instanceof BoxedNumber ? v.value : v);
const raw = (o: Value, name: string, ...args: Value[]): Value => (o as VbsObject).getProperty(name, args);
const get = (o: Value, name: string, ...args: Value[]): Value => plain(raw(o, name, ...args));
const call = (o: Value, name: string, ...args: Value[]): Value => plain((o as VbsObject).callMethod(name, args));
const set = (o: Value, name: string, value: Value) => (o as VbsObject).setProperty(name, [], value, false);
const errorNumber = (fn: () => unknown): number => {
  try {
    fn();
  } catch (e) {
    return (e as { number: number }).number;
  }
  return 0;
};

function app(server: SimulatedServer, ctx = makeContext()): VbsObject {
  return makeApplication(ctx, server);
}

describe('objects: Client', () => {
  const info = { ipAddress: '198.51.100.7', port: 25, username: 'bob', helo: 'mail.sender.test', authenticated: true, sessionId: 17, cipherBits: 256 };

  it('has only the 5.6 members in 5.6: Authenticated is error 438', () => {
    const client = makeClient(makeContext('5.6'), info, 'OnAcceptMessage');
    assert.equal(get(client, 'IPAddress'), '198.51.100.7');
    assert.equal(get(client, 'port'), 25);
    assert.equal(subtypeOf(raw(client, 'Port')), VarType.Long);
    assert.equal(errorNumber(() => get(client, 'Authenticated')), 438);
    assert.equal(errorNumber(() => get(client, 'SessionID')), 438);
    assert.equal(client.typeName, 'Client');
  });

  it('has the 5.7 / RvdH members there', () => {
    for (const version of ['5.7', '5.6-rvdh'] as const) {
      const client = makeClient(makeContext(version), info, 'OnAcceptMessage');
      assert.equal(get(client, 'Authenticated'), true);
      assert.equal(get(client, 'SessionID'), 17);
      assert.equal(get(client, 'CipherBits'), 256);
    }
  });

  it('leaves the fields an event does not fill empty', () => {
    const connect = makeClient(makeContext('5.7'), info, 'OnClientConnect');
    assert.equal(get(connect, 'IPAddress'), '198.51.100.7');
    assert.equal(get(connect, 'SessionID'), 17);
    assert.equal(get(connect, 'Username'), '');
    assert.equal(get(connect, 'HELO'), '');
    assert.equal(get(connect, 'Authenticated'), false);
    assert.equal(get(connect, 'CipherBits'), 0);
    const helo = makeClient(makeContext('5.7'), info, 'OnHELO');
    assert.equal(get(helo, 'HELO'), 'mail.sender.test');
    assert.equal(get(helo, 'CipherBits'), 256);
    assert.equal(get(helo, 'Username'), '');
  });

  it('is read-only', () => {
    const client = makeClient(makeContext(), info);
    assert.equal(errorNumber(() => set(client, 'IPAddress', '1.2.3.4')), 438);
  });
});

describe('objects: Result', () => {
  it('starts at 0 / "" / 0, and at Value 2 in OnClientValidatePassword', () => {
    const r = makeResult(makeContext('5.7'), 'OnAcceptMessage')!;
    assert.deepEqual([get(r, 'Value'), get(r, 'Message'), get(r, 'Parameter')], [0, '', 0]);
    assert.equal(makeResult(makeContext('5.7'), 'OnClientValidatePassword')!.value, 2);
    assert.equal(makeResult(makeContext(), '<custom rule function>')!.value, 0);
  });

  it('does not exist where the event has no Result', () => {
    for (const event of ['OnClientLogon', 'OnDeliveryFailed', 'OnError', 'OnRecipientUnknown', 'OnTooManyInvalidCommands']) {
      assert.equal(makeResult(makeContext('5.7'), event), undefined, event);
    }
  });

  it('coerces like the Long/String properties they are', () => {
    const r = makeResult(makeContext(), 'OnSMTPData')!;
    set(r, 'Value', '2');
    set(r, 'Message', 550);
    set(r, 'Parameter', 4.5);
    assert.deepEqual([r.value, r.message, r.parameter], [2, '550', 4]);
    assert.equal(subtypeOf(raw(r, 'Value')), VarType.Long);
    assert.equal(errorNumber(() => set(r, 'Value', 'abc')), 13);
  });
});

describe('objects: EventLog', () => {
  it('captures Write with the thread and the simulated local time', () => {
    const server = createSimulatedServer();
    server.threadId = 4242;
    server.currentEvent = 'OnAcceptMessage';
    const log = makeEventLog(makeContext(), server);
    call(log, 'Write', 'first\r\nsecond');
    assert.deepEqual(server.eventLog.lines(), ['4242\t"2026-11-24 10:00:00.005"\t"first[nl]second"']);
    assert.equal(server.eventLog.entries[0].event, 'OnAcceptMessage');
    assert.equal(errorNumber(() => call(log, 'Write')), 450);
  });
});

describe('objects: Application and admin rights', () => {
  it('Authenticate returns an Account, or Nothing for wrong credentials', () => {
    const a = app(createSimulatedServer(SERVER));
    assert.equal(call(a, 'Authenticate', 'bob@example.com', 'wrong'), Nothing);
    const admin = call(a, 'Authenticate', 'Administrator', 'adminpw');
    assert.equal(get(admin, 'Address'), 'Administrator');
    assert.equal(get(admin, 'AdminLevel'), 2);
    const bob = call(a, 'Authenticate', 'bob@example.com', 'secret');
    assert.equal(get(bob, 'Address'), 'bob@example.com');
  });

  it('refuses Domains before any login, with the server COM error', () => {
    const a = app(createSimulatedServer(SERVER));
    assert.throws(
      () => get(a, 'Domains'),
      (e: { number: number; description: string; source: string }) =>
        e.number === -2147220503 && e.description === ACCESS_DENIED_TEXT && e.source === 'hMailServer COM library',
    );
  });

  it('gives Settings, Status and Database only to server admins', () => {
    const server = createSimulatedServer(SERVER);
    const user = app(server);
    call(user, 'Authenticate', 'bob@example.com', 'secret');
    assert.ok(get(user, 'Domains'));
    assert.equal(errorNumber(() => get(user, 'Settings')), -2147220503);
    assert.equal(errorNumber(() => get(user, 'Status')), -2147220503);
    assert.equal(errorNumber(() => call(get(user, 'Database'), 'ExecuteSQL', 'DELETE FROM x')), -2147220503);
    const carol = app(server);
    call(carol, 'Authenticate', 'carol@example.com', 'pw2');
    assert.equal(get(get(carol, 'Settings'), 'MaxNumberOfInvalidCommands'), 100);
  });

  it('a failed Authenticate drops the earlier login', () => {
    const a = app(createSimulatedServer(SERVER));
    call(a, 'Authenticate', 'Administrator', 'adminpw');
    const settings = get(a, 'Settings');
    call(a, 'Authenticate', 'Administrator', 'nope');
    assert.equal(errorNumber(() => get(a, 'Settings')), -2147220503);
    // Objects obtained earlier share the login, as on the server.
    assert.equal(errorNumber(() => call(get(settings, 'SecurityRanges'), 'Add')), 0);
  });

  it('makes every object server admin when the administrator password is empty', () => {
    const a = app(createSimulatedServer({ ...SERVER, administratorPassword: '' }));
    assert.equal(get(get(a, 'Settings'), 'HostName'), '');
    assert.equal(get(get(a, 'Domains'), 'Count'), 2);
  });

  it('reports the version string per server line; VersionArchitecture only in 5.7', () => {
    const server = createSimulatedServer(SERVER);
    assert.match(String(get(app(server, makeContext('5.6')), 'Version')), /^5\.6\.\d+-B\d+$/);
    assert.equal(errorNumber(() => get(app(server, makeContext('5.6')), 'VersionArchitecture')), 438);
    assert.equal(get(app(server, makeContext('5.7')), 'VersionArchitecture'), 'x64');
  });

  it('records and refuses service control', () => {
    const ctx = makeContext();
    const a = app(createSimulatedServer(SERVER), ctx);
    assert.equal(errorNumber(() => call(a, 'Stop')), -2147220503);
    call(a, 'Authenticate', 'Administrator', 'adminpw');
    call(a, 'Stop');
    assert.deepEqual(
      ctx.effects.map((e) => [e.kind, e.target, e.allowed]),
      [['com', 'hMailServer.Application.Stop', false]],
    );
  });

  it('says "Not simulated" for admin objects it does not model, after the rights check', () => {
    const a = app(createSimulatedServer(SERVER));
    assert.equal(errorNumber(() => get(a, 'BackupManager')), -2147220503);
    call(a, 'Authenticate', 'Administrator', 'adminpw');
    assert.throws(() => get(a, 'BackupManager'), /Not simulated: Application\.BackupManager/);
    assert.throws(() => get(a, 'GlobalObjects'), /Not simulated: Application\.GlobalObjects/);
  });
});

describe('objects: Links', () => {
  it('finds objects by database ID (server admin), error 9 for unknown IDs', () => {
    const a = app(createSimulatedServer(SERVER));
    assert.equal(errorNumber(() => get(a, 'Links')), -2147220503);
    call(a, 'Authenticate', 'Administrator', 'adminpw');
    const links = get(a, 'Links');
    assert.equal(get(get(links, 'Account', 2), 'Address'), 'carol@example.com');
    assert.equal(get(get(links, 'Domain', 2), 'Name'), 'other.test');
    assert.equal(errorNumber(() => get(links, 'Alias', 99)), 9);
  });
});

describe('objects: domains, accounts, aliases, lists', () => {
  const admin = () => {
    const server = createSimulatedServer(SERVER);
    const a = app(server);
    call(a, 'Authenticate', 'Administrator', 'adminpw');
    return { server, domains: get(a, 'Domains') };
  };

  it('answers ItemByName, Item(i) zero-based, Count, the default member, and error 9 on a miss', () => {
    const { domains } = admin();
    assert.equal(get(domains, 'Count'), 2);
    assert.equal(get(get(domains, 'Item', 0), 'Name'), 'example.com');
    assert.equal(get((domains as VbsObject).getDefault([1]), 'Name'), 'other.test');
    assert.equal(get(get(domains, 'ItemByName', 'EXAMPLE.COM'), 'ID'), 1);
    assert.equal(errorNumber(() => get(domains, 'Item', 2)), 9);
    assert.equal(errorNumber(() => get(domains, 'Item', -1)), 9);
    assert.equal(errorNumber(() => get(domains, 'ItemByName', 'nope.test')), 9);
    assert.equal((domains as VbsObject).enumerate, undefined, 'no For Each');
  });

  it('navigates to accounts, aliases and distribution lists', () => {
    const { domains } = admin();
    const domain = get(domains, 'ItemByName', 'example.com');
    const accounts = get(domain, 'Accounts');
    assert.equal(get(accounts, 'Count'), 3);
    const bob = get(accounts, 'ItemByAddress', 'Bob@Example.com');
    assert.equal(get(bob, 'Active'), true);
    assert.equal(call(bob, 'ValidatePassword', 'secret'), true);
    assert.equal(call(bob, 'ValidatePassword', 'nope'), false);
    assert.throws(() => get(bob, 'Password'), /Not simulated: Account\.Password/);
    assert.equal(get(get(get(domain, 'Aliases'), 'ItemByName', 'info@example.com'), 'Value'), 'bob@example.com');
    const list = get(get(domain, 'DistributionLists'), 'ItemByAddress', 'team@example.com');
    const members = get(list, 'Recipients');
    assert.equal(get(members, 'Count'), 2);
    assert.equal(get(get(members, 'Item', 1), 'RecipientAddress'), 'carol@example.com');
    assert.equal(errorNumber(() => get(members, 'Item', 2)), 9);
  });

  it('shows a plain user only their own domain and account, and no aliases', () => {
    const a = app(createSimulatedServer(SERVER));
    call(a, 'Authenticate', 'bob@example.com', 'secret');
    const domains = get(a, 'Domains');
    assert.equal(get(domains, 'Count'), 1);
    const domain = get(domains, 'Item', 0);
    assert.equal(get(get(domain, 'Accounts'), 'Count'), 1);
    assert.equal(errorNumber(() => get(domain, 'Aliases')), -2147220503);
    const dan = app(createSimulatedServer(SERVER));
    call(dan, 'Authenticate', 'dan@example.com', 'pw3');
    assert.equal(get(get(get(get(dan, 'Domains'), 'Item', 0), 'Aliases'), 'Count'), 1);
  });

  it('saves changes into the run state and records them', () => {
    const ctx = makeContext();
    const server = createSimulatedServer(SERVER);
    const a = app(server, ctx);
    call(a, 'Authenticate', 'Administrator', 'adminpw');
    const accounts = get(get(get(a, 'Domains'), 'Item', 0), 'Accounts');
    const bob = get(accounts, 'ItemByAddress', 'bob@example.com');
    set(bob, 'Active', false);
    assert.equal(server.state.accounts[0].Active, true, 'unsaved');
    call(bob, 'Save');
    assert.equal(server.state.accounts[0].Active, false);
    const fresh = call(accounts, 'Add');
    set(fresh, 'Address', 'new@example.com');
    set(fresh, 'Password', 'pw');
    call(fresh, 'Save');
    assert.equal(get(accounts, 'Count'), 4);
    assert.equal(get(fresh, 'ID'), 5);
    assert.deepEqual(
      ctx.effects.map((e) => e.target),
      ['hMailServer.Account.Save bob@example.com', 'hMailServer.Account.Save new@example.com'],
    );
  });
});

describe('objects: Settings, SecurityRanges, ServerMessages', () => {
  const settingsOf = (ctx = makeContext()) => {
    const server = createSimulatedServer({ ...SERVER, settings: { HostName: 'mail.example.com' } });
    const a = app(server, ctx);
    call(a, 'Authenticate', 'Administrator', 'adminpw');
    return { server, settings: get(a, 'Settings') };
  };

  it('reads settings from the scenario and the install defaults', () => {
    const { settings } = settingsOf();
    assert.equal(get(settings, 'HostName'), 'mail.example.com');
    assert.equal(get(settings, 'MaxMessageSize'), 20480);
    assert.equal(get(settings, 'AutoBanOnLogonFailure'), true);
    const text = get(get(get(settings, 'ServerMessages'), 'ItemByName', 'SEND_FAILED_NOTIFICATION'), 'Text');
    assert.match(String(text), /^Your message did not reach some or all of the intended recipients\.\r\n/);
  });

  it('supports the auto-ban pattern: ItemByName miss is 9, Add + Save creates an expiring range', () => {
    const ctx = makeContext();
    const { server, settings } = settingsOf(ctx);
    const ranges = get(settings, 'SecurityRanges');
    assert.equal(errorNumber(() => get(ranges, 'ItemByName', '(spam) 203.0.113.9')), 9);
    const range = call(ranges, 'Add');
    set(range, 'Name', '(spam) 203.0.113.9');
    set(range, 'LowerIP', '203.0.113.9');
    set(range, 'UpperIP', '203.0.113.9');
    set(range, 'Priority', 20);
    set(range, 'Expires', true);
    set(range, 'ExpiresTime', '2026-11-24 11:30:00');
    set(range, 'AllowSMTPConnections', false);
    call(range, 'Save');
    const saved = server.state.securityRanges.find((r) => r.Name === '(spam) 203.0.113.9')!;
    assert.deepEqual([saved.ID, saved.Priority, saved.Expires, saved.ExpiresTime, saved.Options], [3, 20, true, '2026-11-24 11:30:00', 0]);
    assert.equal(get(get(ranges, 'ItemByName', '(spam) 203.0.113.9'), 'UpperIP'), '203.0.113.9');
    assert.equal(subtypeOf(raw(range, 'ExpiresTime')), VarType.Date);
    // ID is the default member of SecurityRange.
    assert.equal(plain((range as VbsObject).getDefault([])), 3);
    const internet = get(ranges, 'ItemByName', 'Internet');
    assert.equal(get(internet, 'RequireSMTPAuthExternalToExternal'), true);
    assert.equal(get(internet, 'RequireSMTPAuthExternalToLocal'), false);
    assert.ok(ctx.effects.some((e) => e.target === 'hMailServer.SecurityRange.Save (spam) 203.0.113.9 (203.0.113.9-203.0.113.9)'));
  });

  it('reports the default directories and the running script', () => {
    const ctx = makeContext();
    const { settings } = settingsOf(ctx);
    assert.equal(get(get(settings, 'Directories'), 'LogDirectory'), 'C:\\Program Files (x86)\\hMailServer\\Logs');
    const scripting = get(settings, 'Scripting');
    assert.equal(get(scripting, 'Enabled'), true);
    assert.equal(get(scripting, 'CurrentScriptFile'), 'C:\\Program Files (x86)\\hMailServer\\Events\\EventHandlers.vbs');
    call(scripting, 'Reload');
    assert.deepEqual(ctx.effects.map((e) => [e.target, e.allowed]), [['hMailServer.Scripting.Reload', false]]);
  });

  it('writes settings immediately and records it', () => {
    const ctx = makeContext();
    const { server, settings } = settingsOf(ctx);
    set(settings, 'MaxNumberOfInvalidCommands', 3);
    assert.equal(server.state.settings.MaxNumberOfInvalidCommands, 3);
    assert.equal(ctx.effects[0].target, 'hMailServer.Settings.MaxNumberOfInvalidCommands = 3');
  });
});

describe('objects: Database, Utilities, Status', () => {
  it('records ExecuteSQL as an sql side effect and answers from mocks.sql', () => {
    const ctx = makeContext('5.6', { sql: [{ match: 'select max(id) from *', rows: [{ m: 41 }] }] });
    const a = app(createSimulatedServer(SERVER), ctx);
    call(a, 'Authenticate', 'Administrator', 'adminpw');
    const db = get(a, 'Database');
    call(db, 'ExecuteSQL', "INSERT INTO hm_ids VALUES ('1.2.3.4')");
    assert.equal(call(db, 'ExecuteSQLWithReturn', 'SELECT MAX(id) FROM hm_ids'), 41);
    assert.equal(get(db, 'DatabaseType'), 4);
    assert.deepEqual(
      ctx.effects.map((e) => [e.kind, e.target]),
      [
        ['sql', "INSERT INTO hm_ids VALUES ('1.2.3.4')"],
        ['sql', 'SELECT MAX(id) FROM hm_ids'],
      ],
    );
  });

  it('generates reproducible GUIDs in the server format', () => {
    const make = () => {
      const server = createSimulatedServer();
      const u = hmailserverProgIds['hMailServer.Utilities'](makeContext(), server);
      return [call(u, 'GenerateGUID'), call(u, 'GenerateGUID')];
    };
    const [a, b] = make();
    assert.match(String(a), /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
    assert.notEqual(a, b);
    assert.deepEqual(make(), [a, b]);
  });

  it('hashes and validates', () => {
    const u = hmailserverProgIds['hMailServer.Utilities'](makeContext(), createSimulatedServer());
    assert.equal(call(u, 'MD5', 'abc'), '900150983cd24fb0d6963f7d28e17f72');
    assert.equal(call(u, 'IsValidEmailAddress', 'bob@example.com'), true);
    assert.equal(call(u, 'IsValidEmailAddress', 'bob@'), false);
    assert.equal(call(u, 'IsValidIPAddress', '300.1.1.1'), false);
    assert.throws(() => call(u, 'GetMailServer', 'x@y.test'), /Not simulated: Utilities\.GetMailServer/);
  });

  it('reports the run counters', () => {
    const server = createSimulatedServer(SERVER, { startTime: '2026-11-24 09:00:00' });
    server.state.status.ProcessedMessages = 3;
    const a = app(server, makeContext('5.7'));
    call(a, 'Authenticate', 'Administrator', 'adminpw');
    const status = get(a, 'Status');
    assert.equal(get(status, 'StartTime'), '2026-11-24 09:00:00');
    assert.equal(get(status, 'ProcessedMessages'), 3);
    assert.equal(get(status, 'SessionCount', 1), 0);
  });
});

describe('objects: event-injected Account and FetchAccount', () => {
  it('HMAILSERVER_ACCOUNT reads the row; ValidatePassword goes through the hook', () => {
    const server = createSimulatedServer(SERVER);
    const account = makeAccount(makeContext('5.7'), server, server.state.accounts[0]);
    assert.equal(get(account, 'Address'), 'bob@example.com');
    server.passwordHook = () => 0;
    assert.equal(call(account, 'ValidatePassword', 'anything'), true);
  });

  it('FetchAccount has the given values and version-gated members', () => {
    const ctx = makeContext('5.6');
    const fetch = makeFetchAccount(ctx, { name: 'Gmail', DaysToKeepMessages: -1 });
    assert.equal(get(fetch, 'Name'), 'Gmail');
    assert.equal(get(fetch, 'DaysToKeepMessages'), -1);
    assert.equal(get(fetch, 'Port'), 110);
    assert.equal(errorNumber(() => get(fetch, 'MIMERecipientHeaders')), 438);
    call(fetch, 'DownloadNow');
    assert.deepEqual(ctx.effects.map((e) => [e.target, e.allowed]), [['hMailServer.FetchAccount.DownloadNow Gmail', false]]);
  });
});
