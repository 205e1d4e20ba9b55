/**
 * Runs the rule table and turns its findings and the parser's compile errors into diagnostics,
 * applying the configured severities and the suppression comments.
 *
 * Compile errors are always errors and cannot be switched off or suppressed: hMailServer refuses
 * the whole file when one is present.
 */
import type { Comment, ParseResult } from '../syntax/parseResult';
import { RULES, type Fix, type RuleContext, type RuleSeverity } from './rules/index';

export type DiagnosticSeverity = 1 | 2 | 3 | 4;

export interface AnalysisDiagnostic {
  /** `vbs1002` for compile errors, `hms-…` for rules. */
  code: string;
  severity: DiagnosticSeverity;
  message: string;
  start: number;
  end: number;
  source: 'vbscript' | 'hmailserver';
  fixes: Fix[];
  unnecessary: boolean;
}

const SEVERITY: Record<Exclude<RuleSeverity, 'off'>, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

export function parseRuleSeverity(value: unknown): RuleSeverity | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'info') return 'information';
  return v === 'off' || v === 'hint' || v === 'information' || v === 'warning' || v === 'error' ? v : undefined;
}

/** `' hms-disable-next-line hms-wscript, hms-module-cache` → line → codes (empty set: every rule). */
/** Codes suppressed per 0-based line (`'all'`: every rule). */
export type Suppressions = Map<number, Set<string> | 'all'>;

/**
 * `hms-disable-next-line code…` / `hms-disable-line` comments, in either language: the comment's
 * text (without `'`, `//` or the block's `*\/`) and its 0-based line.
 */
export function suppressionsOf(comments: Iterable<{ text: string; line: number }>): Suppressions {
  const out: Suppressions = new Map();
  for (const c of comments) {
    const m = /^\s*hms-disable-(next-line|line)\b(.*)$/i.exec(c.text);
    if (!m) continue;
    const line = c.line + (m[1].toLowerCase() === 'next-line' ? 1 : 0);
    const codes = m[2]
      .replace(/\*\/\s*$/, '')
      .split(/[\s,]+/)
      .map((s) => s.trim().toLowerCase())
      .filter((s) => s.length > 0 && !s.startsWith("'"));
    const existing = out.get(line);
    if (codes.length === 0 || existing === 'all') out.set(line, 'all');
    else out.set(line, new Set([...(existing ?? []), ...codes]));
  }
  return out;
}

export function suppressions(comments: readonly Comment[]): Suppressions {
  return suppressionsOf(comments.map((c) => ({ text: c.text, line: c.range.start.line })));
}

/**
 * A rule's finding as a diagnostic, or undefined when the rule is switched off or the line
 * suppresses it — the one place both languages turn findings into diagnostics.
 */
export function ruleDiagnostic(
  rule: { code: string; defaultSeverity: RuleSeverity },
  f: { message: string; start: number; end: number; fixes?: Fix[]; unnecessary?: boolean },
  line: number,
  severities: Readonly<Record<string, RuleSeverity>>,
  suppressed: Suppressions,
): AnalysisDiagnostic | undefined {
  const setting = severities[rule.code] ?? rule.defaultSeverity;
  if (setting === 'off') return undefined;
  const s = suppressed.get(line);
  if (s === 'all' || s?.has(rule.code)) return undefined;
  return {
    code: rule.code,
    severity: SEVERITY[setting],
    message: f.message,
    start: f.start,
    end: f.end,
    source: 'hmailserver',
    fixes: f.fixes ?? [],
    unnecessary: f.unnecessary === true,
  };
}

export function compileDiagnostics(parse: ParseResult): AnalysisDiagnostic[] {
  return parse.diagnostics.map((d) => ({
    code: `vbs${d.code}`,
    severity: 1,
    message: d.message,
    start: d.start,
    end: d.end,
    source: 'vbscript',
    fixes: [],
    unnecessary: false,
  }));
}

/**
 * Runs every rule not switched off. `ctx.report` is replaced per rule so that each finding carries
 * its rule's code and severity.
 */
export function ruleDiagnostics(
  base: Omit<RuleContext, 'report'>,
  severities: Readonly<Record<string, RuleSeverity>>,
): AnalysisDiagnostic[] {
  const out: AnalysisDiagnostic[] = [];
  const suppressed = suppressions(base.parse.comments);
  const lines = base.parse.lines;
  for (const rule of RULES) {
    if ((severities[rule.code] ?? rule.defaultSeverity) === 'off') continue;
    const ctx: RuleContext = {
      ...base,
      report(f) {
        const d = ruleDiagnostic(rule, f, lines.lineAt(f.start), severities, suppressed);
        if (d) out.push(d);
      },
    };
    rule.check(ctx);
  }
  return out;
}
