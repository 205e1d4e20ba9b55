/**
 * hMailServer's rules (RuleApplier): criteria matched against the message, actions applied
 * in order. Global rules run in every delivery attempt between OnDeliveryStart and
 * OnDeliverMessage; account rules run during local delivery, once per recipient account.
 * The "Run function" action calls `Sub <Name>(oMessage)` in the script (§3, rule action).
 */
import type { ScenarioRule, ScenarioRuleAction, ScenarioRuleCriterion } from '../scenario/types';

/** What criteria can look at. */
export interface RuleSubject {
  header(name: string): string;
  subject(): string;
  body(): string;
  /** Size in KB, as the MessageSize criterion compares it. */
  sizeKb(): number;
  recipients(): string[];
  deliveryAttempt: number;
}

/** What rule actions may do to the message and the delivery. */
export interface RuleEffects {
  /** "Run function": the script's `Sub <name>(oMessage)`. */
  runFunction(name: string): void;
  setHeader(name: string, value: string): void;
  /** Recorded: the simulator has no IMAP store, but the report says where the message would go. */
  note(text: string): void;
}

export type RuleVerdict = 'continue' | 'delete' | 'stop';

type Matcher = (actual: string, wanted: string) => boolean;

/** hMailServer compares case-insensitively; "wildcard" uses * and ?. */
const MATCHERS: Record<ScenarioRuleCriterion['match'], Matcher> = {
  equals: (a, w) => a.toLowerCase() === w.toLowerCase(),
  notEquals: (a, w) => a.toLowerCase() !== w.toLowerCase(),
  contains: (a, w) => a.toLowerCase().includes(w.toLowerCase()),
  notContains: (a, w) => !a.toLowerCase().includes(w.toLowerCase()),
  lessThan: (a, w) => Number(a) < Number(w),
  greaterThan: (a, w) => Number(a) > Number(w),
  regex: (a, w) => safeRegex(w)?.test(a) ?? false,
  wildcard: (a, w) => wildcardRegex(w).test(a),
};

function safeRegex(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'i');
  } catch {
    return undefined;
  }
}

function wildcardRegex(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'is');
}

/** Predefined fields (eRulePredefinedField); any other name is read as a header. */
const FIELDS: Record<string, (m: RuleSubject) => string> = {
  from: (m) => m.header('From'),
  to: (m) => m.header('To'),
  cc: (m) => m.header('CC'),
  subject: (m) => m.subject(),
  body: (m) => m.body(),
  messagesize: (m) => String(m.sizeKb()),
  recipientlist: (m) => m.recipients().join(', '),
  deliveryattempts: (m) => String(m.deliveryAttempt),
};

function criterionMatches(c: ScenarioRuleCriterion, m: RuleSubject): boolean {
  const predefined = c.usePredefined ?? c.field.toLowerCase() in FIELDS;
  const actual = predefined ? (FIELDS[c.field.toLowerCase()]?.(m) ?? '') : m.header(c.field);
  return MATCHERS[c.match](actual, c.value);
}

export function ruleMatches(rule: ScenarioRule, m: RuleSubject): boolean {
  if (rule.criteria.length === 0) return true;
  return (rule.useAnd ?? true) ? rule.criteria.every((c) => criterionMatches(c, m)) : rule.criteria.some((c) => criterionMatches(c, m));
}

const ACTIONS: Record<string, (a: ScenarioRuleAction, effects: RuleEffects) => RuleVerdict> = {
  deleteEmail: () => 'delete',
  stopRuleProcessing: () => 'stop',
  runFunction: (a, e) => {
    e.runFunction(a.scriptFunction ?? '');
    return 'continue';
  },
  setHeaderValue: (a, e) => {
    e.setHeader(a.headerName ?? '', a.value ?? '');
    return 'continue';
  },
  moveToImapFolder: (a, e) => {
    e.note(`rule moved the message to IMAP folder "${a.imapFolder ?? ''}"`);
    return 'continue';
  },
  forward: (a, e) => {
    e.note(`rule forwarded a copy to ${a.to ?? '(nobody)'}`);
    return 'continue';
  },
  reply: (a, e) => {
    e.note(`rule replied to the sender${a.value ? `: ${a.value}` : ''}`);
    return 'continue';
  },
  createCopy: (_a, e) => {
    e.note('rule created a copy of the message');
    return 'continue';
  },
  bindToAddress: (a, e) => {
    e.note(`rule bound delivery to ${a.value ?? ''}`);
    return 'continue';
  },
  sendUsingRoute: (a, e) => {
    e.note(`rule sends using route ${a.value ?? ''}`);
    return 'continue';
  },
};

/** Applies `rules` in order; returns 'delete' when one deleted the message. */
export function applyRules(rules: readonly ScenarioRule[], m: RuleSubject, effects: RuleEffects): 'continue' | 'delete' {
  for (const rule of rules) {
    if (rule.active === false || !ruleMatches(rule, m)) continue;
    for (const action of rule.actions) {
      const verdict = (ACTIONS[action.type] ?? (() => 'continue' as const))(action, effects);
      if (verdict === 'delete') return 'delete';
      if (verdict === 'stop') return 'continue';
    }
  }
  return 'continue';
}
