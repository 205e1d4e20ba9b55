/**
 * `Result` in EventHandlers.js, judged from the facts the service gathers (`resultFacts.ts`) with
 * the same API data and the same meanings as VBScript's rules (`../rules/result.ts`) and inlay
 * hints (`../queries/outline.ts`): `resultValueMeaning`, `effectiveValues`, each event's named items.
 * - `hms-result-unavailable`: Result (or another named item) in an event that has none;
 * - `hms-result-value-ignored`: `Result.Value = n` the event ignores;
 * - `hms-result-message-smtp-code`: a `Result.Message` that repeats the code the server adds;
 * - `→ 554 Rejected` after `Result.Value = n`.
 */
import { getEvent, RULE_FUNCTION_EVENT, type ApiEvent } from '../../api/index';
import { effectiveValues, resultValueMeaning } from '../resultInfo';
import type { JsResultAssignment, JsResultFacts } from './resultFacts';
import type { JsFinding, JsFunctionInfo } from './rules';

/**
 * The event a top-level function runs as, as VBScript's binder decides it: a handler by its name
 * (any case: a wrongly cased one is still meant for that event, and `hms-misspelled-event` says so),
 * else a rule function when it takes one parameter and nothing in the script calls it.
 */
export function jsEventOf(fn: JsFunctionInfo | undefined): ApiEvent | undefined {
  if (!fn) return undefined;
  const event = getEvent(fn.name);
  if (event) return event;
  return fn.params === 1 && !fn.referenced ? RULE_FUNCTION_EVENT : undefined;
}

const SMTP_CODE = /^\s*([2-5]\d\d)([ -]|$)/;

export function resultFindings(facts: JsResultFacts, functions: readonly JsFunctionInfo[]): JsFinding[] {
  const byName = new Map(functions.map((f) => [f.name, f]));
  const out: JsFinding[] = [];
  for (const use of facts.namedItems) {
    const event = jsEventOf(byName.get(use.handler));
    if (!event || event.namedItems.includes(use.name)) continue;
    const where = event.isRuleFunction ? 'a rule function' : event.name;
    out.push({
      code: 'hms-result-unavailable',
      start: use.start,
      end: use.end,
      message: `${where} has no ${use.name} object: this fails with "'${use.name}' is undefined" when the event fires.`,
    });
  }
  for (const a of facts.assignments) {
    if (a.member === 'value') {
      const event = jsEventOf(byName.get(a.handler));
      const meaning = event?.result && a.number !== undefined ? resultValueMeaning(event, a.number) : undefined;
      if (!event || !meaning?.ignored) continue;
      const useful = effectiveValues(event);
      const where = event.isRuleFunction ? 'Rule functions ignore Result' : `${event.name} ignores Result.Value = ${a.number}`;
      out.push({
        code: 'hms-result-value-ignored',
        start: a.valueStart,
        end: a.valueEnd,
        message: useful.length ? `${where}: only ${useful.join(', ')} change${useful.length === 1 ? 's' : ''} anything.` : `${where}: the server never reads it.`,
        unnecessary: true,
      });
    } else if (a.member === 'message' && a.leadingString) {
      const s = a.leadingString;
      const m = SMTP_CODE.exec(s.value);
      if (!m) continue;
      // The literal's first character follows its opening quote (a code has no escapes before it).
      const codeStart = s.start + 1 + (m[0].length - m[0].trimStart().length);
      out.push({
        code: 'hms-result-message-smtp-code',
        start: a.valueStart,
        end: a.valueEnd,
        message: `The server sends "554 " + Result.Message (or "453 "), so the client sees "554 ${s.value.trimStart()}".`,
        fixes: [{ title: `Remove "${m[1]}" from the message`, preferred: true, edits: [{ start: codeStart, end: codeStart + m[1].length + m[2].length, newText: '' }] }],
      });
    }
  }
  return out;
}

export interface JsResultHint {
  /** After the value. */
  offset: number;
  label: string;
  tooltip: string;
  /** The assigned value's span, for hover. */
  start: number;
  end: number;
  /** `OnAcceptMessage` or `a rule function`. */
  where: string;
  value: number;
  /** What the server does: `554 Rejected`, `ignored in OnClientConnect`. */
  meaning: string;
  description?: string;
}

/** `Result.Value = 1` → `→ 554 Rejected` (or `→ ignored in OnClientConnect`), as VBScript's hints. */
export function jscriptResultValueHints(facts: JsResultFacts, functions: readonly JsFunctionInfo[], from = 0, to = Number.MAX_SAFE_INTEGER): JsResultHint[] {
  const byName = new Map(functions.map((f) => [f.name, f]));
  const out: JsResultHint[] = [];
  for (const a of facts.assignments) {
    if (a.valueEnd < from || a.valueStart > to) continue;
    const hint = hintOf(a, jsEventOf(byName.get(a.handler)));
    if (hint) out.push(hint);
  }
  return out;
}

function hintOf(a: JsResultAssignment, event: ApiEvent | undefined): JsResultHint | undefined {
  if (a.member !== 'value' || a.number === undefined || !event?.result) return undefined;
  const meaning = resultValueMeaning(event, a.number);
  if (!meaning) return undefined;
  return {
    offset: a.valueEnd,
    label: `→ ${meaning.label}`,
    tooltip: meaning.outcome?.description ?? meaning.label,
    start: a.valueStart,
    end: a.valueEnd,
    where: event.isRuleFunction ? 'a rule function' : event.name,
    value: a.number,
    meaning: meaning.label,
    ...(meaning.outcome ? { description: meaning.outcome.description } : {}),
  };
}
