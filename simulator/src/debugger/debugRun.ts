/**
 * One debugged run of a scenario, in the pipeline worker: a debugger on every engine the run
 * creates (`EngineDebugger` for VBScript, `JsEngineDebugger` for JScript), the firing each stop
 * is in (event name and number), what stops and why (breakpoint decisions, entry, pause, steps
 * carried from one firing to the next), and the run's output as it happens.
 */
import {
  displayText,
  EngineDebugger,
  isTrue,
  jsDisplayText,
  JScriptEngine,
  JsEngineDebugger,
  jsToBoolean,
  type EventReport,
  type ExceptionFilter,
  type HostedEngine,
  type JsStoppedState,
  type ResumeCommand,
  type RunObserver,
  type StopEvent,
  type StoppedState,
} from '../index';
import type { Value } from '../runtime/values/variant';
import type { BreakpointContext, BreakpointTable } from './breakpointTable';
import { JsStopView } from './jsStopView';
import type { FiringContext, ScriptStopView } from './scriptStopView';
import { StopView } from './stopView';
import { flushOutput, output, shared } from './workerChannel';
import type { RunRequest } from './workerProtocol';

/** What a run needs from the worker around it. */
export interface RunHost {
  table: BreakpointTable;
  exceptionFilters(): ExceptionFilter[];
  /** Handles requests that arrived while the script runs. */
  poll(): void;
  /** Serves requests while stopped; returns how to resume. */
  serveStopped(view: ScriptStopView): ResumeCommand;
}

/** What a run drives of either engine's debugger. */
interface AttachedDebugger {
  setBreakpoints(fileName: string, lines: number[]): unknown;
  setExceptionFilters(filters: readonly ExceptionFilter[]): void;
  requestPause(): void;
}

type Condition = BreakpointContext['evaluate'];

function conditionError(r: { error: string; number?: number }): Error {
  return new Error(r.number !== undefined ? `error ${r.number}: ${r.error}` : r.error);
}

/** A VBScript condition or logpoint expression: VBScript truthiness; strings print without quotes. */
function vbsCondition(state: StoppedState): Condition {
  return (expression) => {
    const r = state.evaluateValue(expression, 0);
    if (!r.ok) throw conditionError(r);
    const value = r.value as Value;
    let truthy: boolean;
    try {
      truthy = isTrue(value);
    } catch {
      truthy = false;
    }
    return { truthy, text: typeof value === 'string' ? value : displayText(value) };
  };
}

/** A JScript condition or logpoint expression: JScript truthiness (`""`, `0`, `null`, `undefined`, `NaN` are false). */
function jsCondition(state: JsStoppedState): Condition {
  return (expression) => {
    const r = state.evaluateValue(expression, 0);
    if (!r.ok) throw conditionError(r);
    return { truthy: jsToBoolean(r.value), text: typeof r.value === 'string' ? r.value : jsDisplayText(r.value) };
  };
}

function eventLine(e: EventReport): string {
  const name = `${e.name} (event ${e.ordinal}${e.attempt !== undefined ? `, attempt ${e.attempt}` : ''})`;
  if (!e.fired) return `${name}: skipped (${e.skipped === 'no-handler' ? 'no handler in the script' : e.skipped === 'version' ? 'not in this hMailServer version' : 'the script failed to load'})`;
  if (!e.result) return `${name}: done`;
  return `${name}: Result.Value = ${String(e.result.value)}${e.result.message ? `, Message = "${e.result.message}"` : ''}`;
}

/** One debugged run of a scenario. */
export class DebugRun {
  private debugger: AttachedDebugger | null = null;
  /** The script is JScript (EventHandlers.js). */
  private jscript = false;
  private firing: FiringContext;
  private eventsSeen = 0;
  private stopped = false;
  /** Stop at the next statement, wherever it is (the next engine's first one when none runs now). */
  private entryWanted: boolean;
  private pauseWanted = false;
  /** The last resume was a step: if the engine ends first, the next firing's first statement stops. */
  private stepping = false;
  /** Why the breakpoint that is about to stop fired (from `shouldStop`). */
  private breakpointReason = 'breakpoint';
  /** Script errors already printed as they happened. */
  readonly printedErrors = new Set<string>();

  readonly observer: RunObserver = {
    transcript: (t) => output('stdout', `${t.from === 'client' ? 'C:' : 'S:'} ${t.line}`),
    eventLog: (text) => output('stdout', `EventLog: ${text}`),
    event: (e) => {
      this.eventsSeen = e.ordinal;
      output('stdout', eventLine(e));
      if (e.error) {
        this.printedErrors.add(e.error.logLine);
        output('stderr', e.error.logLine, { fileName: e.error.file, line: e.error.line });
      }
    },
  };

  constructor(
    private readonly run: RunRequest,
    private readonly host: RunHost,
  ) {
    this.entryWanted = run.stopOnEntry;
    const scriptPath = run.scenario.scriptPath;
    this.firing = { event: 'load', ordinal: 0, scriptPath, callUnit: `${scriptPath} (appended call)`, version: run.scenario.version };
  }

  readonly onEngine = (engine: HostedEngine, event: string): void => {
    this.firing = { ...this.firing, event, ordinal: event === 'load' ? 0 : this.eventsSeen + 1 };
    const options = { attention: shared, poll: this.host.poll };
    this.jscript = engine instanceof JScriptEngine;
    if (engine instanceof JScriptEngine) {
      this.debugger = new JsEngineDebugger(engine, (e, s) => this.onStop(e, () => new JsStopView(s, engine, this.firing, e.error)), {
        ...options,
        shouldStop: (e, s) => this.shouldStop(e, jsCondition(s)),
      });
    } else {
      this.debugger = new EngineDebugger(engine, (e, s) => this.onStop(e, () => new StopView(s, engine.runtime, this.firing, e.error)), {
        ...options,
        shouldStop: (e, s) => this.shouldStop(e, vbsCondition(s)),
      });
    }
    this.applyBreakpoints();
    this.applyExceptionFilters();
    if (this.entryWanted || this.pauseWanted || this.stepping) this.debugger.requestPause();
    // Requests that arrived while no script ran (the pipeline's own code) apply to this engine from its first statement.
    this.host.poll();
  };

  applyBreakpoints(): void {
    if (!this.debugger) return;
    for (const { fileName, lines } of this.host.table.linesByFile()) this.debugger.setBreakpoints(fileName, lines);
  }

  applyExceptionFilters(): void {
    this.debugger?.setExceptionFilters(this.host.exceptionFilters());
  }

  requestPause(): void {
    if (this.stopped) return;
    this.pauseWanted = true;
    this.debugger?.requestPause();
  }

  private shouldStop(event: StopEvent, evaluate: Condition): boolean {
    const where = { fileName: event.location.fileName, line: event.location.line };
    const decision = this.host.table.decide(where.fileName, where.line, { event: this.firing.event.toLowerCase(), evaluate });
    for (const text of decision.output) output('console', text, where);
    this.breakpointReason = decision.reason;
    return decision.stop;
  }

  private reasonOf(event: StopEvent): { reason: string; description: string; text?: string } {
    switch (event.reason) {
      case 'exception': {
        const e = event.error!;
        return { reason: 'exception', description: `Error ${e.number}: ${e.description}`, text: `${e.source ? `${e.source}: ` : ''}${e.description} (error ${e.number})` };
      }
      case 'breakpoint':
        return { reason: this.breakpointReason, description: `Paused on ${this.breakpointReason}` };
      case 'stop-statement':
        return { reason: 'breakpoint', description: `Paused on a ${this.jscript ? 'debugger' : 'Stop'} statement` };
      default:
        if (this.entryWanted) return { reason: 'entry', description: 'Paused on entry' };
        if (this.pauseWanted) return { reason: 'pause', description: 'Paused' };
        return { reason: 'step', description: 'Paused after a step' };
    }
  }

  private onStop(event: StopEvent, makeView: () => ScriptStopView): ResumeCommand | 'abort' {
    // The call the server appends is not the user's code: go on into the handler instead.
    if (event.location.fileName === this.firing.callUnit) return event.reason === 'exception' ? 'continue' : 'stepIn';
    const { reason, description, text } = this.reasonOf(event);
    this.entryWanted = false;
    this.pauseWanted = false;
    this.stopped = true;
    const view = makeView();
    flushOutput({ type: 'stopped', reason, description, ...(text !== undefined ? { text } : {}) });
    let command: ResumeCommand;
    try {
      command = this.host.serveStopped(view);
    } finally {
      this.stopped = false;
    }
    this.stepping = command !== 'continue';
    return command;
  }
}
