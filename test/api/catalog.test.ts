import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  API_META,
  allMembers,
  creatableProgIds,
  defaultMember,
  enumConstant,
  enums,
  formatMember,
  getEnum,
  getInterface,
  getMember,
  interfaces,
  memberInterface,
  membersOf,
  progIdInterface,
  resolvePath,
  typeKind,
} from '../../simulator/src/api';

const root = path.resolve(__dirname, '..', '..');

describe('api catalog: data', () => {
  it('is a verbatim copy of the shared reference JSON', () => {
    const ours = readFileSync(path.join(root, 'simulator/src/api/hmailserver-com-api.json'), 'utf8');
    const shared = path.join(root, '..', 'shared', 'reference', 'hmailserver-com-api.json');
    let theirs: string;
    try {
      theirs = readFileSync(shared, 'utf8');
    } catch {
      return; // ../shared is not present (e.g. a packaged copy): nothing to compare
    }
    assert.equal(JSON.stringify(JSON.parse(ours)), JSON.stringify(JSON.parse(theirs)));
  });

  it('has 86 interfaces and 843 IDL members, as meta.counts says', () => {
    assert.equal(interfaces().length, 86);
    assert.equal(API_META.counts.interfaces, 86);
    const idl = allMembers().filter((m) => m.origin === 'idl');
    assert.equal(idl.length, 843);
    assert.equal(API_META.counts.members, 843);
    // plus 2 removed members and 3 RvdH-only settings
    assert.equal(allMembers().filter((m) => m.origin === 'removed').length, 2);
    assert.equal(allMembers().filter((m) => m.origin === 'rvdh-only').length, 3);
  });

  it('has 22 enums (20 IDL + 2 derived)', () => {
    assert.equal(enums().length, API_META.counts.enums);
    assert.equal(enums().filter((e) => e.derived).length, 2);
  });

  it('resolves every object-typed member and parameter type to an interface or enum', () => {
    for (const m of allMembers()) {
      if (m.typeKind === 'interface') assert.ok(getInterface(m.returnsInterface!), `${m.interfaceName}.${m.name}`);
      if (m.typeKind === 'enum') assert.ok(getEnum(m.enumType!), `${m.interfaceName}.${m.name}`);
      if (m.typeKind === 'primitive') {
        assert.ok(['String', 'Long', 'Boolean', 'LongLong', 'Variant', 'Single'].includes(m.type), `${m.interfaceName}.${m.name}: ${m.type}`);
      }
      for (const p of m.params) assert.notEqual(p.typeKind, 'void', `${m.interfaceName}.${m.name}(${p.name})`);
    }
  });
});

describe('api catalog: lookups', () => {
  it('finds interfaces and members case-insensitively, returning canonical names', () => {
    assert.equal(getInterface('message')?.name, 'Message');
    assert.equal(getInterface('MESSAGE')?.idlInterface, 'IInterfaceMessage');
    assert.equal(getInterface('nosuch'), undefined);
    const m = getMember('mEsSaGe', 'headervalue');
    assert.equal(m?.name, 'HeaderValue');
    assert.equal(m?.interfaceName, 'Message');
    assert.equal(getMember('Message', 'NoSuchMember'), undefined);
    assert.equal(getMember('NoSuch', 'Subject'), undefined);
  });

  it('describes members: kind, type, access, params, since', () => {
    const subject = getMember('Message', 'Subject')!;
    assert.equal(subject.kind, 'property');
    assert.equal(subject.type, 'String');
    assert.equal(subject.access, 'readwrite');
    assert.equal(subject.writable, true);
    assert.equal(subject.sinceKey, '<=5.4');

    const id = getMember('Message', 'ID')!;
    assert.equal(id.type, 'LongLong');
    assert.equal(id.writable, false);
    assert.equal(id.readable, true);

    const add = getMember('Message', 'AddRecipient')!;
    assert.equal(add.kind, 'method');
    assert.equal(add.type, 'void');
    assert.equal(add.typeKind, 'void');
    assert.equal(add.access, undefined);
    assert.deepEqual(
      add.params.map((p) => [p.name, p.type]),
      [
        ['sName', 'String'],
        ['sAddress', 'String'],
      ],
    );

    const header = getMember('Message', 'HeaderValue')!;
    assert.equal(header.indexed, true);
    assert.deepEqual(header.params.map((p) => p.name), ['FieldName']);

    const flag = getMember('Message', 'Flag')!;
    assert.equal(flag.params[0].typeKind, 'enum');

    const test = getMember('AntiSpam', 'TestSpamAssassinConnection')!;
    assert.equal(test.type, 'Boolean');
    assert.ok(test.params.some((p) => p.direction === 'out'));
  });

  it('lists members of an interface, [] for an unknown one', () => {
    const names = membersOf('Recipient').map((m) => m.name);
    assert.ok(names.includes('Address'));
    assert.ok(names.includes('OriginalAddress'));
    assert.ok(names.includes('IsLocalUser'));
    assert.deepEqual(membersOf('nosuch'), []);
  });

  it('has at most one default member per interface', () => {
    for (const i of interfaces()) assert.ok(i.members.filter((m) => m.isDefault).length <= 1, i.name);
  });
});

describe('api catalog: navigation', () => {
  it('follows object-typed members to their interface', () => {
    assert.equal(memberInterface('Message', 'Recipients'), 'Recipients');
    assert.equal(memberInterface('Recipients', 'Item'), 'Recipient');
    assert.equal(memberInterface('Application', 'Settings'), 'Settings');
    assert.equal(memberInterface('application', 'authenticate'), 'Account');
    assert.equal(memberInterface('Message', 'Subject'), undefined);
    assert.equal(getMember('Message', 'Recipients')?.returnsInterface, 'Recipients');
  });

  it('resolves member paths, with "" for a default-member call', () => {
    assert.equal(resolvePath('Message', ['Recipients', 'Item']), 'Recipient');
    assert.equal(resolvePath('message', ['recipients', '']), 'Recipient');
    assert.equal(resolvePath('Application', ['Settings', 'SecurityRanges', 'ItemByName']), 'SecurityRange');
    assert.equal(resolvePath('Message', []), 'Message');
    assert.equal(resolvePath('Message', ['Subject', 'Length']), undefined);
    assert.equal(resolvePath('Message', ['NoSuch']), undefined);
  });

  it('knows default members', () => {
    assert.equal(defaultMember('Recipients')?.name, 'Item');
    assert.equal(defaultMember('Accounts')?.name, 'Item');
    assert.equal(defaultMember('IMAPFolder')?.name, 'ID');
    assert.equal(defaultMember('Message'), undefined);
    // FetchAccounts and DiagnosticResults: Item is not the default member
    assert.equal(defaultMember('FetchAccounts'), undefined);
    assert.equal(getInterface('FetchAccounts')?.collection?.itemIsDefault, false);
    assert.equal(getInterface('Recipients')?.collection?.itemIsDefault, true);
    assert.equal(getInterface('Recipients')?.collection?.itemType, 'Recipient');
    assert.equal(getInterface('Recipients')?.collection?.forEach, false);
  });

  it('classifies type names', () => {
    assert.equal(typeKind('recipients'), 'interface');
    assert.equal(typeKind('eMessageFlag'), 'enum');
    assert.equal(typeKind('String'), 'primitive');
    assert.equal(typeKind('void'), 'void');
  });
});

describe('api catalog: signatures', () => {
  it('formats members VBScript-style', () => {
    assert.equal(formatMember(getMember('Message', 'Subject')!), 'Property Subject As String');
    assert.equal(formatMember(getMember('Message', 'ID')!), 'ReadOnly Property ID As LongLong');
    assert.equal(formatMember(getMember('Message', 'HeaderValue')!), 'Property HeaderValue(FieldName As String) As String');
    assert.equal(formatMember(getMember('Message', 'Save')!), 'Sub Save()');
    assert.match(formatMember(getMember('Application', 'Authenticate')!), /^Function Authenticate\(.+ As String, .+ As String\) As Account$/);
    assert.match(formatMember(getMember('AntiVirus', 'TestClamAVScanner')!), /ByRef ResultText As String\) As Boolean$/);
  });
});

describe('api catalog: ProgIDs and enums', () => {
  it('maps hMailServer.X ProgIDs to interface X, case-insensitively', () => {
    assert.equal(progIdInterface('hMailServer.Application'), 'Application');
    assert.equal(progIdInterface('HMAILSERVER.MESSAGE'), 'Message');
    assert.equal(progIdInterface('hMailServer.Utilities'), 'Utilities');
    assert.equal(progIdInterface('Scripting.FileSystemObject'), undefined);
    assert.equal(progIdInterface('hMailServer.NoSuch'), undefined);
    for (const i of interfaces()) {
      assert.equal(i.progId, `hMailServer.${i.name}`);
      assert.equal(progIdInterface(i.progId), i.name);
    }
    assert.equal(creatableProgIds().length, 86);
  });

  it('looks up enums and constants', () => {
    assert.equal(getEnum('emessageflag')?.name, 'eMessageFlag');
    assert.equal(getEnum('MessageState')?.derived, true);
    assert.equal(getEnum('MessageState (derived)')?.name, 'MessageState');
    const seen = enumConstant('EMFSEEN');
    assert.equal(seen?.value, 1);
    assert.equal(seen?.enumName, 'eMessageFlag');
    assert.equal(enumConstant('eRARunScriptFunction')?.value, 5);
    assert.equal(enumConstant('Created'), undefined); // derived enums define no constants
    assert.equal(enumConstant('nosuch'), undefined);
  });
});
