import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  RULE_FUNCTION_EVENT,
  RULE_FUNCTION_NAME,
  events,
  getEvent,
  getGlobal,
  getInterface,
  globals,
  namedItemsFor,
  resolveResult,
} from '../../simulator/src/api';

describe('api events', () => {
  it('has 15 events, looked up case-insensitively', () => {
    assert.equal(events().length, 15);
    assert.equal(getEvent('onhelo')?.name, 'OnHELO');
    assert.equal(getEvent('ONACCEPTMESSAGE')?.name, 'OnAcceptMessage');
    assert.equal(getEvent('OnClientDisconnect'), undefined);
  });

  it('describes prototypes and typed parameters', () => {
    const e = getEvent('OnExternalAccountDownload')!;
    assert.equal(e.vbsPrototype, 'Sub OnExternalAccountDownload(oFetchAccount, oMessage, sRemoteUID)');
    assert.equal(e.jsPrototype, 'function OnExternalAccountDownload(oFetchAccount, oMessage, sRemoteUID)');
    assert.deepEqual(
      e.params.map((p) => [p.name, p.type, p.namedItem]),
      [
        ['oFetchAccount', 'FetchAccount', 'HMAILSERVER_FETCHACCOUNT'],
        ['oMessage', 'Message', 'HMAILSERVER_MESSAGE'],
        ['sRemoteUID', 'String', undefined],
      ],
    );
    assert.ok(e.params[1].nullable);
    assert.equal(e.params[0].typeKind, 'interface');
    assert.equal(getEvent('OnBackupCompleted')!.params.length, 0);
    assert.ok(getEvent('OnSMTPData')!.clientFields?.set.includes('HELO'));
    assert.ok(getEvent('OnSMTPData')!.messageState);
  });

  it('names the injected globals per event', () => {
    assert.deepEqual(namedItemsFor('OnAcceptMessage'), ['Result', 'EventLog', 'HMAILSERVER_CLIENT', 'HMAILSERVER_MESSAGE']);
    assert.deepEqual(namedItemsFor('onclientlogon'), ['EventLog', 'HMAILSERVER_CLIENT']);
    assert.deepEqual(namedItemsFor('OnError'), ['EventLog']);
    assert.deepEqual(namedItemsFor(RULE_FUNCTION_NAME), ['Result', 'EventLog', 'HMAILSERVER_MESSAGE']);
    assert.equal(getGlobal('eventlog')?.type, 'EventLog');
    assert.equal(getGlobal('HMAILSERVER_MESSAGE')?.qualifiers.OnExternalAccountDownload, 'only when a message is present');
    for (const g of globals()) assert.ok(getInterface(g.type), g.name);
  });

  it('keeps globals consistent with the events: Result iff resultObject, HMAILSERVER_* iff a parameter', () => {
    for (const e of [...events(), RULE_FUNCTION_EVENT]) {
      assert.equal(e.namedItems.includes('Result'), e.hasResult, e.name);
      assert.ok(e.namedItems.includes('EventLog'), e.name);
      const fromParams = e.params.flatMap((p) => (p.namedItem ? [p.namedItem] : []));
      assert.deepEqual(
        e.namedItems.filter((n) => n.startsWith('HMAILSERVER_')),
        globals()
          .map((g) => g.name)
          .filter((n) => fromParams.includes(n)),
        e.name,
      );
    }
  });

  it('exposes the rule "Run function" pseudo-event, available everywhere, Result ignored', () => {
    assert.equal(RULE_FUNCTION_EVENT.isRuleFunction, true);
    assert.equal(RULE_FUNCTION_EVENT.availability['5.6'], true);
    assert.equal(RULE_FUNCTION_EVENT.result?.read, false);
    assert.equal(resolveResult(RULE_FUNCTION_NAME, 1)?.action, 'ignored');
  });
});

describe('api Result semantics', () => {
  it('has a Result object exactly where the JSON says', () => {
    const without = events()
      .filter((e) => !e.hasResult)
      .map((e) => e.name);
    assert.deepEqual(without, ['OnClientLogon', 'OnDeliveryFailed', 'OnError', 'OnRecipientUnknown', 'OnTooManyInvalidCommands']);
    for (const name of without) assert.equal(resolveResult(name, 1), undefined);
  });

  it('OnAcceptMessage / OnSMTPData / OnHELO: 554 Rejected, 554 & Message, 453 & Message (code, not docs)', () => {
    for (const name of ['OnAcceptMessage', 'OnSMTPData', 'OnHELO']) {
      assert.deepEqual(resolveResult(name, 0)?.action, 'continue', name);
      const one = resolveResult(name, 1, 'ignored text')!;
      assert.equal(one.action, 'reject');
      assert.equal(one.reply, '554 Rejected');
      assert.equal(resolveResult(name, 2, 'Go away')?.reply, '554 Go away');
      assert.equal(resolveResult(name, 2)?.reply, '554 ');
      assert.equal(resolveResult(name, 2, '550 no')?.reply, '554 550 no');
      const three = resolveResult(name, 3, 'Try later')!;
      assert.equal(three.action, 'tempReject');
      assert.equal(three.reply, '453 Try later');
      assert.equal(resolveResult(name, 7, 'x')?.action, 'continue');
      assert.equal(getEvent(name)!.result?.messageRead, true);
      assert.deepEqual(getEvent(name)!.result?.outcomes[1].countsAsInvalidCommandIn, ['5.6-rvdh']);
      assert.deepEqual(getEvent(name)!.result?.outcomes[3].countsAsInvalidCommandIn, []);
    }
  });

  it('OnClientConnect honours only Value 1 (close, no reply)', () => {
    const close = resolveResult('OnClientConnect', 1)!;
    assert.equal(close.action, 'close');
    assert.equal(close.reply, undefined);
    assert.equal(resolveResult('OnClientConnect', 2, 'Rejected')?.action, 'continue');
    assert.equal(resolveResult('OnClientConnect', 3, 'Rejected')?.action, 'continue');
    assert.equal(getEvent('OnClientConnect')!.result?.messageRead, false);
  });

  it('delivery events delete on 1 only', () => {
    for (const name of ['OnDeliveryStart', 'OnDeliverMessage']) {
      assert.equal(resolveResult(name, 1)?.action, 'delete');
      for (const v of [0, 2, 3, -1]) assert.equal(resolveResult(name, v)?.action, 'continue');
    }
  });

  it('OnExternalAccountDownload reads Parameter for Value 2', () => {
    assert.equal(resolveResult('OnExternalAccountDownload', 0)?.action, 'accountSetting');
    assert.equal(resolveResult('OnExternalAccountDownload', 1)?.action, 'deleteRemoteNow');
    const later = resolveResult('OnExternalAccountDownload', 2, '', 7)!;
    assert.equal(later.action, 'deleteRemoteAfterDays');
    assert.equal(later.days, 7);
    assert.equal(resolveResult('OnExternalAccountDownload', 3)?.action, 'keepRemote');
    assert.equal(resolveResult('OnExternalAccountDownload', 9)?.action, 'accountSetting');
    assert.equal(getEvent('OnExternalAccountDownload')!.result?.parameterRead, true);
  });

  it('OnClientValidatePassword starts at 2 (built-in validation)', () => {
    const r = getEvent('OnClientValidatePassword')!.result!;
    assert.equal(r.defaultValue, 2);
    assert.equal(resolveResult('OnClientValidatePassword', 0)?.action, 'acceptPassword');
    assert.equal(resolveResult('OnClientValidatePassword', 1)?.action, 'rejectPassword');
    assert.equal(resolveResult('OnClientValidatePassword', 2)?.action, 'builtInValidation');
    assert.equal(resolveResult('OnClientValidatePassword', 5)?.action, 'builtInValidation');
    assert.equal(getEvent('OnAcceptMessage')!.result?.defaultValue, 0);
  });

  it('backup events have a Result that is not read', () => {
    for (const name of ['OnBackupCompleted', 'OnBackupFailed']) {
      assert.equal(getEvent(name)!.result?.read, false);
      assert.equal(resolveResult(name, 1)?.action, 'ignored');
    }
  });

  it('takes the outcome descriptions from the JSON', () => {
    assert.match(getEvent('OnClientConnect')!.result!.outcomes[1].description, /close the socket/);
    assert.match(getEvent('OnAcceptMessage')!.result!.outcomes[1].description, /554 Rejected/);
  });
});
