/**
 * What the server does with `Result` after each event handler returns, as data.
 *
 * Source: the reference's §5 table (checked against the C++ source) and `events[].result` in the JSON,
 * whose wording becomes each outcome's description. Where the docs and the code disagree, the code
 * wins: OnAcceptMessage/OnSMTPData Value 1 reply `554 Rejected` (the docs say 542), Value 3 (`453 `)
 * exists although undocumented, and OnClientConnect honours only Value 1.
 */
import type { RawResultMap, ResultAction, ResultOutcome, ResultReply, ResultSemantics, ServerVersion } from './types';

interface OutcomeSpec {
  readonly action: ResultAction;
  readonly reply?: ResultReply;
  readonly countsAsInvalidCommandIn?: readonly ServerVersion[];
}

interface SemanticsSpec {
  /** Outcomes of Value 0..3 (index = value); the server treats every other value like `other`. */
  readonly values: readonly OutcomeSpec[];
  readonly other: OutcomeSpec;
  readonly messageRead: boolean;
  readonly parameterRead: boolean;
}

const fixedReply = (code: number, text: string): ResultReply => ({ code, text, usesMessage: false });
const messageReply = (code: number): ResultReply => ({ code, text: undefined, usesMessage: true });

const CONTINUE: OutcomeSpec = { action: 'continue' };
const IGNORED: OutcomeSpec = { action: 'ignored' };

/** RvdH commit 42ea5d3: Value 1/2 replies go through SendErrorResponse_ and count as invalid commands. */
const RVDH_COUNTS: readonly ServerVersion[] = ['5.6-rvdh'];

/** OnHELO, OnSMTPData, OnAcceptMessage: 1 → `554 Rejected`, 2 → `554 ` & Message, 3 → `453 ` & Message. */
const SMTP_FILTER: SemanticsSpec = {
  values: [
    CONTINUE,
    { action: 'reject', reply: fixedReply(554, 'Rejected'), countsAsInvalidCommandIn: RVDH_COUNTS },
    { action: 'reject', reply: messageReply(554), countsAsInvalidCommandIn: RVDH_COUNTS },
    { action: 'tempReject', reply: messageReply(453) },
  ],
  other: CONTINUE,
  messageRead: true,
  parameterRead: false,
};

/** OnDeliveryStart, OnDeliverMessage: only 1 counts (delete, then OnDeliveryFailed per recipient). */
const DELIVERY_FILTER: SemanticsSpec = {
  values: [CONTINUE, { action: 'delete' }, CONTINUE, CONTINUE],
  other: CONTINUE,
  messageRead: false,
  parameterRead: false,
};

/** Result object present but never read. */
const NOT_READ: SemanticsSpec = { values: [], other: IGNORED, messageRead: false, parameterRead: false };

/** Keyed by canonical event name; `RULE_FUNCTION_NAME` for rule "Run function" calls. */
export const RESULT_SPECS: Readonly<Record<string, SemanticsSpec>> = {
  OnClientConnect: {
    values: [CONTINUE, { action: 'close' }, CONTINUE, CONTINUE],
    other: CONTINUE,
    messageRead: false,
    parameterRead: false,
  },
  OnHELO: SMTP_FILTER,
  OnSMTPData: SMTP_FILTER,
  OnAcceptMessage: SMTP_FILTER,
  OnDeliveryStart: DELIVERY_FILTER,
  OnDeliverMessage: DELIVERY_FILTER,
  OnExternalAccountDownload: {
    values: [
      { action: 'accountSetting' },
      { action: 'deleteRemoteNow' },
      { action: 'deleteRemoteAfterDays' },
      { action: 'keepRemote' },
    ],
    other: { action: 'accountSetting' },
    messageRead: false,
    parameterRead: true,
  },
  OnClientValidatePassword: {
    values: [{ action: 'acceptPassword' }, { action: 'rejectPassword' }, { action: 'builtInValidation' }],
    other: { action: 'builtInValidation' },
    messageRead: false,
    parameterRead: false,
  },
  OnBackupCompleted: NOT_READ,
  OnBackupFailed: NOT_READ,
  '<custom rule function>': NOT_READ,
};

/** The JSON's text for a value: its own key, else "other", else "any". */
function describe(raw: RawResultMap, key: string): string {
  return raw[key] ?? raw.other ?? raw.any ?? '';
}

/** Combines the spec for `eventName` with the JSON's wording; throws when either side is missing. */
export function buildResultSemantics(eventName: string, raw: RawResultMap | null, defaultValue: number): ResultSemantics {
  const spec = RESULT_SPECS[eventName];
  if (!spec) throw new Error(`no Result semantics for ${eventName}`);
  if (!raw) throw new Error(`event ${eventName} has a Result object but no result map`);
  const outcome = (value: number | 'other', s: OutcomeSpec): ResultOutcome => ({
    value,
    action: s.action,
    reply: s.reply,
    countsAsInvalidCommandIn: s.countsAsInvalidCommandIn ?? [],
    description: describe(raw, String(value)),
  });
  return {
    read: spec.other.action !== 'ignored',
    defaultValue,
    outcomes: spec.values.map((s, value) => outcome(value, s)),
    other: outcome('other', spec.other),
    messageRead: spec.messageRead,
    parameterRead: spec.parameterRead,
  };
}

export interface ResolvedResult {
  readonly outcome: ResultOutcome;
  readonly action: ResultAction;
  /** The exact SMTP reply line (without CRLF), e.g. `"554 Rejected"` or `"453 " & Message`. */
  readonly reply: string | undefined;
  /** `deleteRemoteAfterDays`: the days (Result.Parameter). */
  readonly days: number | undefined;
}

/** Applies the semantics to the values a handler left in Result. */
export function applyResult(semantics: ResultSemantics, value: number, message = '', parameter = 0): ResolvedResult {
  const outcome = semantics.outcomes.find((o) => o.value === value) ?? semantics.other;
  const r = outcome.reply;
  return {
    outcome,
    action: outcome.action,
    reply: r ? `${r.code} ${r.usesMessage ? message : (r.text ?? '')}` : undefined,
    days: outcome.action === 'deleteRemoteAfterDays' ? parameter : undefined,
  };
}
