/**
 * The rule table: every `hms-*` diagnostic the analysis can report, with its default severity.
 * Settings (`hmailserver.diagnostics.rules`) and suppression comments are applied by the runner in
 * `../diagnostics.ts`.
 */
import { encodingRules } from './encoding';
import { eventRules } from './events';
import { hostRules } from './host';
import { memberRules } from './members';
import { messageRules } from './message';
import { resultRules } from './result';
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [...eventRules, ...memberRules, ...resultRules, ...hostRules, ...messageRules, ...encodingRules];

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.code, r]));

export type { Fix, Finding, Rule, RuleContext, RuleSeverity, TextEdit, EncodingInfo } from './rule';
