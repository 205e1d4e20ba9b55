/**
 * The worker's breakpoints: line breakpoints per file, function breakpoints and the
 * `stopOnEvent` entries (both placed by the adapter on a procedure's first statement), with
 * what decides whether one fires — condition, hit count, logpoint. The engine debugger only
 * knows lines; when a line is reached, `decide` says whether to stop and why.
 */
import type { BreakpointSpec } from './workerProtocol';

export type BreakpointKind = 'line' | 'function' | 'event';

export interface TableEntry extends BreakpointSpec {
  kind: BreakpointKind;
}

/** The outcome of reaching a breakpoint line. */
export interface Decision {
  stop: boolean;
  /** DAP stop reason: "breakpoint", "function breakpoint" or "entry". */
  reason: string;
  /** Texts to print (logpoints, condition errors). */
  output: string[];
}

/** What `decide` needs from the stopped script. */
export interface BreakpointContext {
  /** The event being fired (lower-case), for `stopOnEvent` entries. */
  event: string;
  /** Evaluates in the stopped frame; throws a message on error. */
  evaluate(expression: string): { truthy: boolean; text: string };
}

const REASONS: Record<BreakpointKind, string> = { line: 'breakpoint', function: 'function breakpoint', event: 'entry' };

/** `5` (on the 5th hit), `>= 5`, `> 5`, `< 5`, `<= 5`, `== 5`, `% 5` (every 5th). */
export function hitConditionMet(condition: string, hits: number): boolean {
  const m = /^\s*(>=|<=|==|=|>|<|%)?\s*(\d+)\s*$/.exec(condition);
  if (!m) return true;
  const n = Number(m[2]);
  switch (m[1]) {
    case '>=':
      return hits >= n;
    case '<=':
      return hits <= n;
    case '>':
      return hits > n;
    case '<':
      return hits < n;
    case '%':
      return n > 0 && hits % n === 0;
    default:
      return hits === n;
  }
}

/** `"Score is {scorer.Score}"`: each `{expression}` replaced by its value. */
export function interpolate(message: string, evaluate: BreakpointContext['evaluate']): string {
  return message.replace(/\{([^{}]+)\}/g, (_all, expr: string) => {
    try {
      return evaluate(expr).text;
    } catch (e) {
      return `<${e instanceof Error ? e.message : String(e)}>`;
    }
  });
}

export class BreakpointTable {
  private readonly lineBreakpoints = new Map<string, { fileName: string; entries: TableEntry[] }>();
  private procedureEntries: Array<TableEntry & { fileName: string }> = [];
  private readonly hits = new Map<number, number>();
  /** Every file that ever had a breakpoint: an engine must hear when its last one goes. */
  private readonly files = new Map<string, string>();

  setLines(fileName: string, specs: BreakpointSpec[]): void {
    this.lineBreakpoints.set(fileName.toLowerCase(), { fileName, entries: specs.map((s) => ({ ...s, kind: 'line' })) });
    this.files.set(fileName.toLowerCase(), fileName);
  }

  /** Replaces the function breakpoints (`kind` function) or the `stopOnEvent` entries (`kind` event). */
  setProcedureEntries(kind: 'function' | 'event', specs: Array<BreakpointSpec & { fileName: string }>): void {
    this.procedureEntries = [...this.procedureEntries.filter((e) => e.kind !== kind), ...specs.map((s) => ({ ...s, kind }))];
    for (const s of specs) this.files.set(s.fileName.toLowerCase(), s.fileName);
  }

  /** Hit counts start again with each run. */
  resetHits(): void {
    this.hits.clear();
  }

  /** Lines per file, for the engine debugger (files without breakpoints get an empty list). */
  linesByFile(): Array<{ fileName: string; lines: number[] }> {
    return [...this.files.entries()].map(([key, fileName]) => ({ fileName, lines: this.at(key, null).map((e) => e.line) }));
  }

  private at(key: string, line: number | null): TableEntry[] {
    const all = [...(this.lineBreakpoints.get(key)?.entries ?? []), ...this.procedureEntries.filter((e) => e.fileName.toLowerCase() === key)];
    return line === null ? all : all.filter((e) => e.line === line);
  }

  decide(fileName: string, line: number, ctx: BreakpointContext): Decision {
    const entries = this.at(fileName.toLowerCase(), line);
    const decision: Decision = { stop: false, reason: 'breakpoint', output: [] };
    // An engine breakpoint no entry explains (set by another route): stop, as the engine asked.
    if (entries.length === 0) return { ...decision, stop: true };
    let rank = -1;
    for (const e of entries) {
      if (e.kind === 'event' && e.functionName?.toLowerCase() !== ctx.event) continue;
      if (e.condition) {
        try {
          if (!ctx.evaluate(e.condition).truthy) continue;
        } catch (err) {
          // A condition that cannot be evaluated stops, and says why (as other debuggers do).
          decision.output.push(`Breakpoint condition "${e.condition}" failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      const hits = (this.hits.get(e.id) ?? 0) + 1;
      this.hits.set(e.id, hits);
      if (e.hitCondition && !hitConditionMet(e.hitCondition, hits)) continue;
      if (e.logMessage !== undefined) {
        decision.output.push(interpolate(e.logMessage, ctx.evaluate));
        continue;
      }
      decision.stop = true;
      // A line breakpoint explains the stop best, then a function breakpoint, then the event entry.
      const r = e.kind === 'line' ? 2 : e.kind === 'function' ? 1 : 0;
      if (r > rank) {
        rank = r;
        decision.reason = REASONS[e.kind];
      }
    }
    return decision;
  }
}
