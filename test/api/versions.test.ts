import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_SERVER_VERSION,
  SERVER_VERSIONS,
  VERSION_KEYS,
  allMembers,
  availableVersions,
  events,
  getEvent,
  getMember,
  isAvailable,
  isServerVersion,
  membersOf,
  parseServerVersion,
  parseSince,
} from '../../simulator/src/api';

describe('api versions', () => {
  it('has exactly the three product versions, 5.6 by default', () => {
    assert.deepEqual(SERVER_VERSIONS, ['5.6', '5.6-rvdh', '5.7']);
    assert.equal(DEFAULT_SERVER_VERSION, '5.6');
    assert.equal(isServerVersion('5.6-rvdh'), true);
    assert.equal(isServerVersion('5.6.9'), false);
    assert.equal(parseServerVersion(' 5.6-RvdH '), '5.6-rvdh');
    assert.equal(parseServerVersion('6.0'), undefined);
  });

  it('reads the since keys from meta.versionKey', () => {
    assert.deepEqual(VERSION_KEYS, ['<=5.4', '5.5', '5.6.0', '5.6.8', '5.7.0-dev']);
    assert.deepEqual(parseSince('5.7.0-dev (also RvdH 5.6.9 builds)'), { key: '5.7.0-dev', alsoRvdh: true });
    assert.deepEqual(parseSince('5.5'), { key: '5.5', alsoRvdh: false });
    assert.throws(() => parseSince('4.0'));
  });

  it('has 10 / 14 / 15 events', () => {
    assert.equal(events('5.6').length, 10);
    assert.equal(events('5.6-rvdh').length, 14);
    assert.equal(events('5.7').length, 15);
    assert.equal(events().length, 15);
  });

  it('gates the newer events', () => {
    for (const name of ['OnHELO', 'OnClientLogon', 'OnRecipientUnknown', 'OnTooManyInvalidCommands']) {
      assert.equal(getEvent(name, '5.6'), undefined, name);
      assert.ok(getEvent(name, '5.6-rvdh'), name);
      assert.ok(getEvent(name, '5.7'), name);
    }
    assert.equal(getEvent('OnClientValidatePassword', '5.6-rvdh'), undefined);
    assert.ok(getEvent('OnClientValidatePassword', '5.7'));
    assert.deepEqual(availableVersions(getEvent('OnAcceptMessage')!), ['5.6', '5.6-rvdh', '5.7']);
    assert.deepEqual(
      events('5.6').map((e) => e.name),
      [
        'OnClientConnect',
        'OnSMTPData',
        'OnAcceptMessage',
        'OnDeliveryStart',
        'OnDeliverMessage',
        'OnDeliveryFailed',
        'OnExternalAccountDownload',
        'OnError',
        'OnBackupCompleted',
        'OnBackupFailed',
      ],
    );
  });

  it('gates Client members: Authenticated is not in 5.6', () => {
    const authenticated = getMember('Client', 'Authenticated')!;
    assert.equal(isAvailable(authenticated, '5.6'), false);
    assert.equal(isAvailable(authenticated, '5.6-rvdh'), true);
    assert.equal(isAvailable(authenticated, '5.7'), true);
    assert.equal(getMember('Client', 'Authenticated', '5.6'), undefined);
    assert.ok(getMember('client', 'authenticated', '5.7'));
    assert.deepEqual(
      membersOf('Client', '5.6').map((m) => m.name),
      ['Port', 'IPAddress', 'Username', 'HELO'],
    );
    assert.equal(membersOf('Client', '5.7').length, 10);
  });

  it('gates 5.7.0-dev members without the RvdH mark out of RvdH builds', () => {
    const arch = getMember('Application', 'VersionArchitecture')!;
    assert.deepEqual(availableVersions(arch), ['5.7']);
    assert.deepEqual(availableVersions(getMember('Settings', 'IPv6PreferredEnabled')!), ['5.6-rvdh', '5.7']);
    assert.deepEqual(availableVersions(getMember('Settings', 'TlsVersion13Enabled')!), ['5.6', '5.6-rvdh', '5.7']);
    assert.deepEqual(availableVersions(getMember('FetchAccount', 'ConnectionSecurity')!), ['5.6', '5.6-rvdh', '5.7']);
  });

  it('applies removedMembers and rvdhOnlyMembers', () => {
    const sendStats = getMember('Settings', 'SendStatistics')!;
    assert.equal(sendStats.origin, 'removed');
    assert.equal(sendStats.removedIn, '5.7.0-dev');
    assert.deepEqual(availableVersions(sendStats), ['5.6', '5.6-rvdh']);
    const ssl3 = getMember('Settings', 'SslVersion30Enabled')!;
    assert.equal(ssl3.removedIn, '5.6.8');
    assert.deepEqual(availableVersions(ssl3), []);
    for (const [iface, name] of [
      ['Domain', 'DKIMSignAliasesEnabled'],
      ['Settings', 'TlsOptionPreferServerCiphersEnabled'],
      ['Settings', 'TlsOptionPrioritizeChaChaEnabled'],
    ]) {
      const m = getMember(iface, name)!;
      assert.equal(m.origin, 'rvdh-only');
      assert.equal(m.type, 'Boolean');
      assert.deepEqual(availableVersions(m), ['5.6-rvdh']);
    }
  });

  it('counts members per version consistently', () => {
    const idl = allMembers().filter((m) => m.origin === 'idl');
    const newIn57 = idl.filter((m) => m.sinceKey === '5.7.0-dev');
    assert.equal(newIn57.length, 24);
    assert.equal(allMembers('5.7').length, 843 - 0 /* SendStatistics is not in the 843 */);
    assert.equal(allMembers('5.6').length, 843 - 24 + 1 /* SendStatistics */);
    assert.equal(allMembers('5.6-rvdh').length, 843 - 13 + 1 + 3);
  });
});
