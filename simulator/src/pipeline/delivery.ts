/**
 * Delivering one queued message (§4.2), attempt by attempt in the order `order.ts` states:
 * OnDeliveryStart, global rules, OnDeliverMessage, local delivery (account rules), remote
 * delivery with the scenario's replies. A 4xx is retried `retries` times, a 5xx fails at once;
 * OnDeliveryFailed fires once per failed recipient, also when a script or rule deleted the
 * message. Failures bounce to the sender, which is itself a message to deliver.
 */
import type { ExpandedRecipient } from '../hmailserver/server/recipients';
import type { ScenarioRule } from '../scenario/types';
import type { FailedRecipient } from '../report/types';
import { DELIVERY_ATTEMPT, type DeliveryStep } from './order';
import { applyRules, type RuleEffects, type RuleSubject } from './rules';
import type { ResultDecision } from './session';

export interface QueuedMessage {
  /** The message's database ID (Message.ID in delivery events). */
  id: number;
  mailFrom: string;
  recipients: ExpandedRecipient[];
  /** Bounces have an empty sender and are never bounced again. */
  isBounce: boolean;
}

export type DeliveryEvent =
  | { event: 'OnDeliveryStart' | 'OnDeliverMessage'; message: QueuedMessage; attempt: number; remaining: ExpandedRecipient[] }
  | { event: 'OnDeliveryFailed'; message: QueuedMessage; attempt: number; recipient: string; error: string };

export interface DeliveryRunner {
  fire(request: DeliveryEvent): ResultDecision | undefined;
  /** A rule's "Run function" (runs even when the script lacks it: that is a script error on the server too). */
  runRuleFunction(name: string, message: QueuedMessage, attempt: number): void;
  /** Rule criteria and header actions work on the message's current content. */
  ruleSubject(message: QueuedMessage, attempt: number): RuleSubject;
  setHeader(message: QueuedMessage, name: string, value: string): void;
  note(text: string): void;
  /** Queues the non-delivery report for `failed` to the sender. */
  bounce(message: QueuedMessage, failed: FailedRecipient[]): void;
}

export interface DeliveryInput {
  globalRules: readonly ScenarioRule[];
  accountRules: (address: string) => readonly ScenarioRule[];
  /** Remote recipient → its reply, or one per attempt (the last one repeats). */
  remote: Record<string, string | string[]>;
  retries: number;
}

export interface DeliveryResult {
  delivered: string[];
  failed: FailedRecipient[];
  /** A script or rule deleted the message. */
  deleted: boolean;
}

const REASONS = {
  deletedByDeliveryStart: 'Delivery cancelled by OnDeliveryStart-event',
  deletedByDeliverMessage: 'Message delivery cancelled during OnDeliverMessage-event',
  deletedByRule: 'Message deleted by a global rule',
} as const;

export function deliver(message: QueuedMessage, input: DeliveryInput, runner: DeliveryRunner): DeliveryResult {
  const result: DeliveryResult = { delivered: [], failed: [], deleted: false };
  let remaining = message.recipients.slice();

  const fail = (recipient: string, error: string, attempt: number): void => {
    result.failed.push({ recipient, error });
    runner.fire({ event: 'OnDeliveryFailed', message, attempt, recipient, error });
  };
  const deleteAll = (reason: string, attempt: number): void => {
    result.deleted = true;
    for (const r of remaining) fail(r.address, reason, attempt);
    remaining = [];
  };

  for (let attempt = 1; attempt <= input.retries + 1 && remaining.length > 0; attempt++) {
    let stopped = false;
    const ruleEffects = (): RuleEffects => ({
      runFunction: (name) => runner.runRuleFunction(name, message, attempt),
      setHeader: (name, value) => runner.setHeader(message, name, value),
      note: (text) => runner.note(text),
    });
    const steps: Record<DeliveryStep, () => void> = {
      deliveryStart() {
        const decision = runner.fire({ event: 'OnDeliveryStart', message, attempt, remaining: remaining.slice() });
        if (decision?.action === 'delete') deleteAll(REASONS.deletedByDeliveryStart, attempt);
      },
      globalRules() {
        if (applyRules(input.globalRules, runner.ruleSubject(message, attempt), ruleEffects()) === 'delete') deleteAll(REASONS.deletedByRule, attempt);
      },
      deliverMessage() {
        const decision = runner.fire({ event: 'OnDeliverMessage', message, attempt, remaining: remaining.slice() });
        if (decision?.action === 'delete') deleteAll(REASONS.deletedByDeliverMessage, attempt);
      },
      localDelivery() {
        for (const r of remaining.filter((x) => x.isLocalUser)) {
          // An account rule that deletes drops only that account's copy, silently (no OnDeliveryFailed).
          const verdict = applyRules(input.accountRules(r.address), runner.ruleSubject(message, attempt), ruleEffects());
          if (verdict !== 'delete') result.delivered.push(r.address);
        }
        remaining = remaining.filter((x) => !x.isLocalUser);
      },
      remoteDelivery() {
        const last = attempt === input.retries + 1;
        const still: ExpandedRecipient[] = [];
        for (const r of remaining) {
          const reply = remoteReply(input.remote, r.address, attempt);
          if (reply.startsWith('2')) result.delivered.push(r.address);
          else if (reply.startsWith('4') && !last) still.push(r);
          else fail(r.address, reply, attempt);
        }
        remaining = still;
      },
    };
    for (const step of DELIVERY_ATTEMPT) {
      if (remaining.length === 0 || stopped) break;
      steps[step]();
      stopped = result.deleted;
    }
  }
  if (!message.isBounce && message.mailFrom !== '' && result.failed.length > 0 && !result.deleted) runner.bounce(message, result.failed);
  return result;
}

/** The scenario's reply for a remote recipient in a given attempt; unlisted recipients get 250. */
export function remoteReply(remote: Record<string, string | string[]>, recipient: string, attempt: number): string {
  const key = Object.keys(remote).find((k) => k.toLowerCase() === recipient.toLowerCase());
  if (key === undefined) return '250 OK';
  const replies = remote[key];
  if (typeof replies === 'string') return replies;
  return replies[Math.min(attempt - 1, replies.length - 1)] ?? '250 OK';
}
