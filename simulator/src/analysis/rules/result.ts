/**
 * Rules about `Result`: using it where the event has none, values the event ignores, and a
 * `Result.Message` that repeats the SMTP code the server adds itself.
 */
import { RULE_FUNCTION_EVENT, type ApiEvent } from '../../api/index';
import type { Expression } from '../../syntax/ast';
import { effectiveValues, numericLiteral, resultMemberOf, resultValueMeaning } from '../resultInfo';
import type { ProcedureInfo } from '../symbols';
import type { Rule, RuleContext } from './rule';

/** The event a procedure runs as; undefined for helpers (their caller is unknown). */
export function eventOf(p: ProcedureInfo | undefined): ApiEvent | undefined {
  if (p?.role.kind === 'event') return p.role.event;
  if (p?.role.kind === 'rule') return RULE_FUNCTION_EVENT;
  return undefined;
}


const namedItemUnavailable: Rule = {
  code: 'hms-result-unavailable',
  defaultSeverity: 'error',
  description: 'Result (or another named item) used in an event that does not provide it ("Object required" at run time).',
  check(ctx: RuleContext) {
    for (const { node, procedure } of ctx.nodes.names) {
      const event = eventOf(procedure);
      const s = ctx.binding.symbolOf.get(node);
      if (!event || s?.kind !== 'namedItem' || event.namedItems.includes(s.name)) continue;
      const where = event.isRuleFunction ? 'a rule function' : event.name;
      ctx.report({
        start: node.start,
        end: node.end,
        message: `${where} has no ${s.name} object: this fails with "Object required: '${node.name}'" when the event fires.`,
      });
    }
  },
};

const resultValueIgnored: Rule = {
  code: 'hms-result-value-ignored',
  defaultSeverity: 'warning',
  description: 'Result.Value set to a number the event ignores.',
  check(ctx: RuleContext) {
    for (const { node, procedure } of ctx.nodes.assignments) {
      const event = eventOf(procedure);
      if (!event?.result || resultMemberOf(ctx.types, node) !== 'value') continue;
      const value = numericLiteral(node.value);
      if (value === undefined) continue;
      const meaning = resultValueMeaning(event, value);
      if (!meaning?.ignored) continue;
      const useful = effectiveValues(event);
      const where = event.isRuleFunction ? 'Rule functions ignore Result' : `${event.name} ignores Result.Value = ${value}`;
      ctx.report({
        start: node.value.start,
        end: node.value.end,
        message: useful.length ? `${where}: only ${useful.join(', ')} change${useful.length === 1 ? 's' : ''} anything.` : `${where}: the server never reads it.`,
        unnecessary: true,
      });
    }
  },
};

/** The string a Result.Message starts with, when it is written as a literal (or starts with one). */
function leadingString(e: Expression): { value: string; start: number } | undefined {
  if (e.kind === 'StringLiteral') return { value: e.value, start: e.start };
  if (e.kind === 'Binary' && (e.operator === '&' || e.operator === '+')) return leadingString(e.left);
  if (e.kind === 'Paren') return leadingString(e.expression);
  return undefined;
}

const SMTP_CODE = /^\s*([2-5]\d\d)([ -]|$)/;

const resultMessageCode: Rule = {
  code: 'hms-result-message-smtp-code',
  defaultSeverity: 'warning',
  description: 'Result.Message starting with an SMTP code: the server already prefixes "554 " or "453 ".',
  check(ctx: RuleContext) {
    for (const { node } of ctx.nodes.assignments) {
      if (resultMemberOf(ctx.types, node) !== 'message') continue;
      const s = leadingString(node.value);
      const m = s && SMTP_CODE.exec(s.value);
      if (!s || !m) continue;
      // The literal's first character follows its opening quote.
      const codeStart = s.start + 1 + (m[0].length - m[0].trimStart().length);
      ctx.report({
        start: node.value.start,
        end: node.value.end,
        message: `The server sends "554 " & Result.Message (or "453 "), so the client sees "554 ${s.value.trimStart()}".`,
        fixes: [{ title: `Remove "${m[1]}" from the message`, preferred: true, edits: [{ start: codeStart, end: codeStart + m[1].length + m[2].length, newText: '' }] }],
      });
    }
  },
};

export const resultRules: readonly Rule[] = [namedItemUnavailable, resultValueIgnored, resultMessageCode];
