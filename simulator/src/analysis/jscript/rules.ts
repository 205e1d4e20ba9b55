/**
 * The `hms-*` rules of EventHandlers.js and how their findings become diagnostics: the configured
 * severity (`hmailserver.diagnostics.rules`, shared with the VBScript rules where the rule is the
 * same) and the suppression comments `// hms-disable-next-line code` / `// hms-disable-line`.
 *
 * Handler-name rules live here (they need only the API data): a function named almost like an
 * event, or like it in the wrong case (JScript is case-sensitive and the server calls `OnHELO`), and
 * a handler for an event the configured version lacks. A handler's parameter count is not checked:
 * JScript tolerates a mismatch.
 */
import { events, getEvent, type ServerVersion } from '../../api/index';
import { ruleDiagnostic, suppressionsOf, type AnalysisDiagnostic } from '../diagnostics';
import { RULES_BY_CODE } from '../rules/index';
import type { EncodingInfo, Fix, RuleContext, RuleSeverity } from '../rules/rule';
import { editDistance } from '../text';

export interface JsRule {
  code: string;
  defaultSeverity: Exclude<RuleSeverity, 'off'>;
  description: string;
}

/** A VBScript rule that applies to EventHandlers.js as it is. */
function sharedRule(code: string): JsRule {
  const rule = RULES_BY_CODE.get(code);
  if (!rule) throw new Error(`no VBScript rule ${code}`);
  return { code, defaultSeverity: rule.defaultSeverity, description: rule.description };
}

export const JS_RULES: readonly JsRule[] = [
  {
    code: 'hms-misspelled-event',
    defaultSeverity: 'warning',
    description: 'A function named almost like an event, or in the wrong case: hMailServer calls handlers by exact name (JScript is case-sensitive), so it never runs.',
  },
  { code: 'hms-unavailable-in-version', defaultSeverity: 'warning', description: 'An event or member that the configured hMailServer version does not have.' },
  // VBScript's Result rules, with their severities and descriptions (applied by result.ts).
  ...['hms-result-unavailable', 'hms-result-value-ignored', 'hms-result-message-smtp-code'].map(sharedRule),
  { code: 'hms-unknown-member', defaultSeverity: 'error', description: 'A member that the hMailServer object does not have.' },
  { code: 'hms-js-es5-builtin', defaultSeverity: 'error', description: 'An ECMAScript 5 built-in (JSON, trim, indexOf, forEach …) that jscript.dll (ES3) lacks.' },
  { code: 'hms-wscript', defaultSeverity: 'error', description: 'WScript is the Windows Script Host object; hMailServer is not WSH, so WScript.* does not exist.' },
  {
    code: 'hms-load-time-named-item',
    defaultSeverity: 'error',
    description: 'Result, EventLog or HMAILSERVER_* used by top-level code: the load-time syntax check runs it without them and the load fails.',
  },
  {
    code: 'hms-utf8-without-bom',
    defaultSeverity: 'warning',
    description: 'UTF-8 without a BOM and non-ASCII text: the server reads EventHandlers.js as ANSI too, and garbles that text.',
  },
];

const RULE_BY_CODE = new Map(JS_RULES.map((r) => [r.code, r]));

/** A rule finding in offsets of the document's text. */
export interface JsFinding {
  code: string;
  start: number;
  end: number;
  message: string;
  fixes?: Fix[];
  /** Code that has no effect (editors fade it). */
  unnecessary?: boolean;
}

/** A top-level `function Name(…)` of the script. */
export interface JsFunctionInfo {
  name: string;
  /** Offsets of the name. */
  start: number;
  end: number;
  /** The name occurs elsewhere in the script (a helper the script calls, not a handler typo). */
  referenced: boolean;
  /** How many parameters it declares (unknown: not a rule function). */
  params?: number;
}

/** Same threshold as the VBScript rule: a name this close to an event's is a typo. */
function closeEnough(name: string, eventName: string): boolean {
  const d = editDistance(name.toLowerCase(), eventName.toLowerCase());
  return d > 0 && d <= (eventName.length >= 10 ? 2 : 1);
}

export function handlerFindings(functions: readonly JsFunctionInfo[], version: ServerVersion): JsFinding[] {
  const out: JsFinding[] = [];
  const defined = new Set(functions.map((f) => f.name));
  for (const f of functions) {
    const exact = events().find((e) => e.name === f.name);
    if (exact) {
      if (!getEvent(exact.name, version)) {
        out.push({
          code: 'hms-unavailable-in-version',
          start: f.start,
          end: f.end,
          message: `hMailServer ${version} has no ${exact.name} event, so it never calls this handler.`,
        });
      }
      continue;
    }
    const sameLetters = events().find((e) => e.name.toLowerCase() === f.name.toLowerCase());
    const match = sameLetters ?? (f.referenced ? undefined : events().find((e) => closeEnough(f.name, e.name)));
    if (!match || defined.has(match.name)) continue;
    const rename: Fix = { title: `Rename to ${match.name}`, preferred: true, edits: [{ start: f.start, end: f.end, newText: match.name }] };
    out.push({
      code: 'hms-misspelled-event',
      start: f.start,
      end: f.end,
      message: sameLetters
        ? `JScript is case-sensitive: hMailServer calls ${match.name}, never ${f.name}.${missingIn(match.name, version)}`
        : `hMailServer never calls ${f.name}; did you mean ${match.name}?${missingIn(match.name, version)}`,
      fixes: [rename],
    });
  }
  return out;
}

/** The note that `eventName` does not exist in `version` at all ('' when it does). */
function missingIn(eventName: string, version: ServerVersion): string {
  return getEvent(eventName, version) ? '' : ` (hMailServer ${version} has no ${eventName} event at all.)`;
}

/**
 * The VBScript rule `hms-utf8-without-bom`, run on an EventHandlers.js: the server reads both files
 * the same way. That rule reads only the text and the encoding facts.
 */
export function encodingFindings(source: string, encoding: EncodingInfo | undefined): JsFinding[] {
  const rule = RULES_BY_CODE.get('hms-utf8-without-bom');
  if (!rule) return [];
  const out: JsFinding[] = [];
  const context = { source, encoding, report: (f: Omit<JsFinding, 'code'>) => out.push({ ...f, code: rule.code }) };
  rule.check(context as unknown as RuleContext);
  return out;
}

/** A comment of the script: its text (without `//`, `/*`) and the 0-based lines it starts and ends on. */
export interface JsComment {
  text: string;
  line: number;
}

/** Findings → diagnostics with the configured severities; switched-off and suppressed ones dropped. */
export function jscriptRuleDiagnostics(
  findings: readonly JsFinding[],
  comments: readonly JsComment[],
  lineAt: (offset: number) => number,
  severities: Readonly<Record<string, RuleSeverity>>,
): AnalysisDiagnostic[] {
  const suppressed = suppressionsOf(comments);
  const out: AnalysisDiagnostic[] = [];
  for (const f of findings) {
    const rule = RULE_BY_CODE.get(f.code);
    const d = rule && ruleDiagnostic(rule, f, lineAt(f.start), severities, suppressed);
    if (d) out.push(d);
  }
  return out;
}
