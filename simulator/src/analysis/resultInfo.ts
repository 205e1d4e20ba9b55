/**
 * What a `Result.Value = n` does in a given event, worded for inlay hints, hover and diagnostics.
 * The semantics themselves are the API declaration's (`ApiEvent.result`).
 */
import type { ApiEvent, ResultAction, ResultOutcome } from '../api/index';
import type { AssignmentStatement, Expression } from '../syntax/ast';
import type { TypeEvaluator } from './typeEvaluator';

const ACTION_TEXT: Record<ResultAction, string> = {
  continue: 'continue',
  close: 'close the connection, nothing sent',
  reject: 'reject',
  tempReject: 'reject temporarily',
  delete: 'delete the message',
  acceptPassword: 'accept the password',
  rejectPassword: 'reject the password',
  builtInValidation: 'built-in password check',
  accountSetting: "use the account's setting",
  deleteRemoteNow: 'delete from the remote server now',
  deleteRemoteAfterDays: 'delete remotely after Result.Parameter days',
  keepRemote: 'never delete remotely',
  ignored: 'ignored',
};

export interface ResultValueMeaning {
  /** Short text: `554 Rejected`, `delete the message`, `ignored in OnClientConnect`. */
  label: string;
  /** The value has no effect beyond the default (so setting it is probably a mistake). */
  ignored: boolean;
  outcome: ResultOutcome | undefined;
}

export function outcomeText(o: ResultOutcome): string {
  if (o.reply) return `${o.reply.code} ${o.reply.usesMessage ? '<Result.Message>' : (o.reply.text ?? '')}`.trimEnd();
  return ACTION_TEXT[o.action];
}

/** The meaning of `Result.Value = value` in `event`; undefined when the event has no Result. */
export function resultValueMeaning(event: ApiEvent, value: number): ResultValueMeaning | undefined {
  const r = event.result;
  if (!r) return undefined;
  const where = event.isRuleFunction ? 'rule functions' : event.name;
  // Writing the preset value changes nothing either way, so it is not worth a warning.
  if (!r.read) return { label: `ignored in ${where}`, ignored: value !== r.defaultValue, outcome: undefined };
  const outcome = r.outcomes.find((o) => o.value === value) ?? r.other;
  const base = r.outcomes.find((o) => o.value === r.defaultValue) ?? r.other;
  const ignored = value !== r.defaultValue && outcome.action === base.action;
  return { label: ignored ? `ignored in ${where}` : outcomeText(outcome), ignored, outcome };
}

/** The values that do something in `event`, e.g. `1 (close the connection, nothing sent)`. */
export function effectiveValues(event: ApiEvent): string[] {
  const r = event.result;
  if (!r || !r.read) return [];
  const base = r.outcomes.find((o) => o.value === r.defaultValue) ?? r.other;
  return r.outcomes.filter((o) => o.action !== base.action).map((o) => `${o.value} (${outcomeText(o)})`);
}

/** A numeric literal, possibly negated: the only Result.Value we can judge statically. */
export function numericLiteral(e: Expression): number | undefined {
  if (e.kind === 'NumberLiteral') return e.value;
  if (e.kind === 'Paren') return numericLiteral(e.expression);
  if (e.kind === 'Unary' && e.operator === '-') {
    const v = numericLiteral(e.operand);
    return v === undefined ? undefined : -v;
  }
  return undefined;
}

/** `Result.<name> = value` (also through With or a variable holding Result): the lower-case member name. */
export function resultMemberOf(types: TypeEvaluator, a: AssignmentStatement): string | undefined {
  if (a.target.kind !== 'Member') return undefined;
  const t = types.objectTypeOf(a.target);
  return t.kind === 'com' && t.iface === 'Result' ? a.target.name.key : undefined;
}
