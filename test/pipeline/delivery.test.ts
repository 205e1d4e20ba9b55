import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deliver, remoteReply, type DeliveryEvent, type DeliveryInput, type DeliveryRunner, type QueuedMessage } from '../../simulator/src/pipeline/delivery';
import type { RuleSubject } from '../../simulator/src/pipeline/rules';
import type { FailedRecipient } from '../../simulator/src/report/types';

const local = (address: string) => ({ address, originalAddress: address, isLocalUser: true, accountId: 1 });
const remote = (address: string) => ({ address, originalAddress: address, isLocalUser: false, accountId: 0 });

function message(...recipients: ReturnType<typeof local>[]): QueuedMessage {
  return { id: 1, mailFrom: 'alice@sender.test', recipients, isBounce: false };
}

function fakeRunner(deleteIn?: 'OnDeliveryStart' | 'OnDeliverMessage', subject: Partial<RuleSubject> = {}) {
  const log: string[] = [];
  const bounces: FailedRecipient[][] = [];
  const runner: DeliveryRunner = {
    fire(e: DeliveryEvent) {
      log.push(e.event === 'OnDeliveryFailed' ? `${e.event}(${e.recipient}: ${e.error})#${e.attempt}` : `${e.event}#${e.attempt}`);
      return e.event === deleteIn ? { action: 'delete', countsAsInvalidCommand: false } : undefined;
    },
    runRuleFunction: (name, _m, attempt) => void log.push(`rule:${name}#${attempt}`),
    ruleSubject: (_m, attempt) => ({ header: () => '', subject: () => 'Hello', body: () => '', sizeKb: () => 1, recipients: () => [], deliveryAttempt: attempt, ...subject }),
    setHeader: (_m, name, value) => void log.push(`header:${name}=${value}`),
    note: (text) => void log.push(`note:${text}`),
    bounce: (_m, failed) => void bounces.push(failed),
  };
  return { runner, log, bounces };
}

const input = (overrides: Partial<DeliveryInput> = {}): DeliveryInput => ({ globalRules: [], accountRules: () => [], remote: {}, retries: 0, ...overrides });

describe('delivery (§4.2)', () => {
  test('local and remote recipients are delivered; events in order', () => {
    const { runner, log } = fakeRunner();
    const r = deliver(message(local('bob@example.com'), remote('carol@remote.test')), input(), runner);
    assert.deepEqual(r.delivered, ['bob@example.com', 'carol@remote.test']);
    assert.deepEqual(log, ['OnDeliveryStart#1', 'OnDeliverMessage#1']);
  });

  test('a 5xx fails at once: OnDeliveryFailed and a bounce', () => {
    const { runner, log, bounces } = fakeRunner();
    const r = deliver(message(remote('carol@remote.test')), input({ remote: { 'carol@remote.test': '550 5.1.1 mailbox unavailable' }, retries: 2 }), runner);
    assert.deepEqual(r.failed, [{ recipient: 'carol@remote.test', error: '550 5.1.1 mailbox unavailable' }]);
    assert.deepEqual(log, ['OnDeliveryStart#1', 'OnDeliverMessage#1', 'OnDeliveryFailed(carol@remote.test: 550 5.1.1 mailbox unavailable)#1']);
    assert.equal(bounces.length, 1);
  });

  test('a 4xx is retried: OnDeliveryStart and OnDeliverMessage fire again', () => {
    const { runner, log } = fakeRunner();
    const r = deliver(message(remote('dave@slow.test')), input({ remote: { 'dave@slow.test': ['451 try later', '250 ok'] }, retries: 2 }), runner);
    assert.deepEqual(r.delivered, ['dave@slow.test']);
    assert.deepEqual(log, ['OnDeliveryStart#1', 'OnDeliverMessage#1', 'OnDeliveryStart#2', 'OnDeliverMessage#2']);
  });

  test('a 4xx on the last retry fails with that error', () => {
    const { runner, log } = fakeRunner();
    const r = deliver(message(remote('dave@slow.test')), input({ remote: { 'dave@slow.test': '451 try later' }, retries: 1 }), runner);
    assert.deepEqual(r.failed, [{ recipient: 'dave@slow.test', error: '451 try later' }]);
    assert.equal(log.filter((l) => l.startsWith('OnDeliveryStart')).length, 2);
  });

  test('OnDeliveryStart Value 1 deletes: OnDeliveryFailed per recipient with the server reason, no bounce', () => {
    const { runner, log, bounces } = fakeRunner('OnDeliveryStart');
    const r = deliver(message(local('bob@example.com'), remote('carol@remote.test')), input(), runner);
    assert.equal(r.deleted, true);
    assert.deepEqual(r.delivered, []);
    assert.deepEqual(log, [
      'OnDeliveryStart#1',
      'OnDeliveryFailed(bob@example.com: Delivery cancelled by OnDeliveryStart-event)#1',
      'OnDeliveryFailed(carol@remote.test: Delivery cancelled by OnDeliveryStart-event)#1',
    ]);
    assert.equal(bounces.length, 0);
  });

  test('OnDeliverMessage Value 1 deletes after the global rules ran', () => {
    const { runner, log } = fakeRunner('OnDeliverMessage');
    const rules = [{ name: 'tag', criteria: [], actions: [{ type: 'runFunction', scriptFunction: 'TagIt' }] }];
    const r = deliver(message(local('bob@example.com')), input({ globalRules: rules }), runner);
    assert.equal(r.deleted, true);
    assert.deepEqual(log, ['OnDeliveryStart#1', 'rule:TagIt#1', 'OnDeliverMessage#1', 'OnDeliveryFailed(bob@example.com: Message delivery cancelled during OnDeliverMessage-event)#1']);
  });

  test('an account rule runs during local delivery, per account', () => {
    const { runner, log } = fakeRunner();
    const rules = [{ name: 'per-account', criteria: [{ field: 'Subject', match: 'contains' as const, value: 'hello' }], actions: [{ type: 'runFunction', scriptFunction: 'Mine' }] }];
    const r = deliver(message(local('bob@example.com'), local('ann@example.com')), input({ accountRules: (a) => (a === 'bob@example.com' ? rules : []) }), runner);
    assert.deepEqual(r.delivered, ['bob@example.com', 'ann@example.com']);
    assert.deepEqual(log, ['OnDeliveryStart#1', 'OnDeliverMessage#1', 'rule:Mine#1']);
  });

  test('unlisted remote recipients get 250', () => {
    assert.equal(remoteReply({}, 'x@y.test', 1), '250 OK');
    assert.equal(remoteReply({ 'X@Y.test': ['451 a', '452 b'] }, 'x@y.test', 5), '452 b');
  });
});
