/**
 * The engine-neutral core of a `ScriptDebugger`, running on the script's own thread; the
 * VBScript `EngineDebugger` and the JScript `JsEngineDebugger` extend it with what only their
 * language knows (which errors count as caught, lazily compiled procedures, which statements of
 * a line take a breakpoint, how a stopped script is inspected).
 *
 * While the script runs freely, the debugger costs (almost) nothing: a breakpoint is set by
 * patching the statement's closure in its block with one that stops first (as a native
 * debugger writes a trap instruction), and requests from other threads are polled every
 * `TICK_INTERVAL` statements. Only while stepping or pausing does it install the runtime's
 * per-statement hook, which decides at each statement whether to stop (step in / over /
 * out by call depth, pause). When it stops it calls `onStop` synchronously — the script is
 * blocked until that returns a resume command. Hosts that must stay responsive run this in a
 * worker thread (`debugWorker.ts`); tests can drive it directly.
 *
 * The engines' runtimes, frames and statements are reached through the structural interfaces
 * below, read as plain properties: the per-statement hook stays monomorphic in a process that
 * runs one engine (and merely polymorphic with both), with one virtual call, `breakpointAt`.
 */
import type { LineIndex } from '../../syntax/lineIndex.js';
import {
  ScriptAborted,
  type ExceptionFilter,
  type ResumeCommand,
  type ScriptDebugger,
  type SourceLocation,
  type StopError,
  type StopEvent,
  type StopReason,
  type StoppedScript,
} from './protocol.js';

/** One piece of source an engine compiled. */
export interface DebugUnit<Info> {
  readonly fileName: string;
  readonly lines: LineIndex;
  /** Every compiled statement of the unit (where breakpoints may go). */
  readonly statements: readonly Info[];
}

/** A compiled statement: where it is, and (for statements of a block) the slot of its closure. */
export interface DebugStatement<Unit, Fr> {
  readonly unit: Unit;
  readonly start: number;
  readonly end: number;
  /** 0-based. */
  readonly line: number;
  /** 0-based. */
  readonly column: number;
  readonly site?: { readonly execs: Array<(f: Fr) => number>; readonly index: number };
}

/** One activation on the call stack. */
export interface DebugFrame<Info, Fr> {
  /** The statement running in this frame (for outer frames: the call in progress). */
  current: Info | null;
  readonly caller: Fr | null;
  /** 0 for top-level code. */
  readonly depth: number;
  readonly owner: { readonly displayName: string; readonly unit: { readonly fileName: string; readonly lines: LineIndex }; readonly start: number; readonly end: number };
}

/** The runtime's debugger slots, as both engines' runtimes declare them. */
export interface DebugRuntime<Unit, Info, Fr> {
  /** Called before every statement while set (stepping, pausing). */
  hook: ((info: Info, frame: Fr, backEdge: boolean) => void) | null;
  /** The `Stop` / `debugger;` statement. */
  stopHook: ((info: Info, frame: Fr) => void) | null;
  /** Called on the runtime's slow path (every `TICK_INTERVAL` statements, or every statement while `hook` is set). */
  pollHook: (() => void) | null;
  onUnit: ((unit: Unit) => void) | null;
  /** Statements until the slow path: 0 makes the next statement take it (and see a new `hook`). */
  tick: number;
  deadline: number;
  readonly units: readonly Unit[];
  handleError(e: unknown, f: Fr, info: Info): void;
}

export type StopHandlerOf<State> = (event: StopEvent, script: State) => ResumeCommand | 'abort';

export interface StatementDebuggerOptions<State> {
  /** Checked before every statement; non-zero means "call `poll`" (pause requests, new breakpoints from another thread). */
  attention?: Int32Array;
  poll?: () => void;
  /**
   * Asked before a breakpoint stop (with the script inspectable, as in `onStop`): false lets the
   * script run on as if there were no breakpoint — conditions, hit counts and logpoints live here,
   * so a breakpoint that does not fire leaves stepping and the last stop untouched.
   */
  shouldStop?: (event: StopEvent, script: State) => boolean;
}

type Mode = { kind: 'run' } | { kind: 'stepIn' } | { kind: 'stepOver'; depth: number } | { kind: 'stepOut'; depth: number };

export function locationOf(info: DebugStatement<{ readonly fileName: string; readonly lines: LineIndex }, never>): SourceLocation {
  return { fileName: info.unit.fileName, line: info.line + 1, column: info.column + 1, range: info.unit.lines.rangeOf(info) };
}

export abstract class StatementDebugger<
  Unit extends DebugUnit<Info>,
  Info extends DebugStatement<Unit, Fr>,
  Fr extends DebugFrame<Info, Fr>,
  State extends StoppedScript,
> implements ScriptDebugger
{
  private readonly breakpoints = new Map<string, Set<number>>();
  private mode: Mode = { kind: 'run' };
  private pauseRequested = false;
  /** The frame and line of the last stop: other statements on that line do not stop again. */
  protected lastFrame: Fr | null = null;
  private lastLine = -1;
  /** Statement closures replaced by breakpoint traps, with the originals to restore. */
  protected readonly patched = new Map<Info, (f: Fr) => number>();
  /** The statement of the last stop: a loop coming back to it stops again, later statements on its line do not. */
  protected lastStop: Info | null = null;
  private trapToSkip: Info | null = null;
  private readonly hook = this.beforeStatement.bind(this);
  private readonly shouldStop: StatementDebuggerOptions<State>['shouldStop'];
  private exceptionFilters = new Set<ExceptionFilter>();
  /** The runtime's own error handler, while exception breakpoints wrap it. */
  private originalHandleError: DebugRuntime<Unit, Info, Fr>['handleError'] | null = null;
  /** True while stopped: evaluations that fail must not stop again. */
  private stopped = false;

  constructor(
    private readonly rt: DebugRuntime<Unit, Info, Fr>,
    private readonly onStop: StopHandlerOf<State>,
    options: StatementDebuggerOptions<State>,
  ) {
    this.shouldStop = options.shouldStop;
    const attention = options.attention;
    const poll = options.poll;
    if (attention !== undefined && poll !== undefined) {
      rt.pollHook = () => {
        if (Atomics.load(attention, 0) !== 0) poll();
      };
    }
    rt.stopHook = (info, frame) => this.stop('stop-statement', info, frame);
    rt.onUnit = (unit) => this.unitAdded(unit);
  }

  /** The inspection of a script stopped in `frame`. */
  protected abstract stoppedState(frame: Fr): State;
  /** Whether a breakpoint is on `info`'s line, as the per-statement hook sees it (hot while stepping). */
  protected abstract breakpointAt(info: Info): boolean;
  /** Whether `e` is a script error seen for the first time (each caller sees it again as it propagates). */
  protected abstract isNewScriptError(e: unknown): boolean;
  /** Whether a handler on the stack above `frame` will catch an error raised now. */
  protected abstract isCaught(frame: Fr): boolean;
  /** Number, description and source of a script error; null for errors the event does not report. */
  protected abstract errorDetails(e: unknown): Omit<StopError, 'caught'> | null;

  /** A unit was compiled: bind its breakpoints. */
  protected unitAdded(unit: Unit): void {
    this.applyBreakpoints(unit);
  }

  /** Before `setBreakpoints` verifies lines of a loaded unit. */
  protected prepareToVerify(_unit: Unit): void {}

  /** Which statements of `unit` may take a trap (null: every statement of a breakpoint line). */
  protected trapFilter(_unit: Unit): ((info: Info) => boolean) | null {
    return null;
  }

  /** A trap that would stop here repeats the last stop (see `atBreakpoint`). */
  protected repeatsLastStop(_info: Info, _frame: Fr): boolean {
    return false;
  }

  detach(): void {
    const rt = this.rt;
    for (const [info, original] of this.patched) info.site!.execs[info.site!.index] = original;
    this.patched.clear();
    rt.hook = null;
    rt.stopHook = null;
    rt.pollHook = null;
    rt.onUnit = null;
    this.setExceptionFilters([]);
  }

  /**
   * Stop when a statement raises a run-time error, before it is handled: every error (`all`,
   * even one the script will catch) or only those no handler on the stack catches
   * (`uncaught`). The stop keeps the failing frame intact; resuming lets the error take its
   * normal course.
   */
  setExceptionFilters(filters: readonly ExceptionFilter[]): void {
    this.exceptionFilters = new Set(filters);
    const rt = this.rt;
    if (this.exceptionFilters.size > 0 && this.originalHandleError === null) {
      // Compiled blocks call `rt.handleError` through the instance, so wrapping it there costs nothing until an error happens.
      const original = rt.handleError;
      this.originalHandleError = original;
      rt.handleError = (e, f, info) => {
        if (!this.stopped) this.onScriptError(e, f, info);
        return original.call(rt, e, f, info);
      };
    } else if (this.exceptionFilters.size === 0 && this.originalHandleError !== null) {
      rt.handleError = this.originalHandleError;
      this.originalHandleError = null;
    }
  }

  private onScriptError(e: unknown, frame: Fr, info: Info): void {
    // Only the innermost statement of an error stops.
    if (!this.isNewScriptError(e)) return;
    const caught = this.isCaught(frame);
    if (!this.exceptionFilters.has('all') && caught) return;
    const d = this.errorDetails(e);
    if (d === null) return;
    this.stop('exception', info, frame, { number: d.number, description: d.description, source: d.source, caught });
  }

  setBreakpoints(fileName: string, lines: number[]): number[] {
    const key = fileName.toLowerCase();
    this.breakpoints.set(key, new Set(lines));
    const units = this.rt.units.filter((u) => u.fileName.toLowerCase() === key);
    // Before the file is loaded every line is accepted; afterwards only lines holding a statement.
    if (units.length === 0) return lines;
    const verified = new Set<number>();
    for (const unit of units) {
      this.prepareToVerify(unit);
      this.applyBreakpoints(unit);
      for (const info of unit.statements) if (this.patched.has(info)) verified.add(info.line + 1);
    }
    return lines.filter((l) => verified.has(l));
  }

  /** The breakpoint lines (1-based) of a file. */
  protected breakpointLines(fileName: string): Set<number> | undefined {
    return this.breakpoints.get(fileName.toLowerCase());
  }

  requestPause(): void {
    this.pauseRequested = true;
    this.rt.hook = this.hook;
    this.rt.tick = 0;
  }

  /** Patches (or restores) the statements of `unit` to match its file's breakpoints. */
  protected applyBreakpoints(unit: Unit): void {
    const lines = this.breakpointLines(unit.fileName);
    const eligible = this.trapFilter(unit);
    for (const info of unit.statements) {
      const site = info.site;
      if (!site) continue;
      const wanted = lines !== undefined && lines.has(info.line + 1) && (eligible === null || eligible(info));
      const original = this.patched.get(info);
      if (wanted && original === undefined) {
        const exec = site.execs[site.index];
        this.patched.set(info, exec);
        site.execs[site.index] = (f) => {
          this.atBreakpoint(info, f);
          return exec(f);
        };
      } else if (!wanted && original !== undefined) {
        site.execs[site.index] = original;
        this.patched.delete(info);
      }
    }
  }

  /** A patched statement is about to run. While stepping, the hook has already decided. */
  private atBreakpoint(info: Info, frame: Fr): void {
    const skip = this.trapToSkip === info;
    this.trapToSkip = null;
    // A breakpoint in code the host runs while stopped (a console call of a procedure) does not stop again.
    if (skip || this.stopped || this.rt.hook !== null) return;
    if (!this.repeatsLastStop(info, frame)) this.stop('breakpoint', info, frame);
  }

  private beforeStatement(info: Info, frame: Fr, backEdge: boolean): void {
    if (backEdge) {
      // A loop repeats: its first statement may stop again although it is on the last stop's line.
      if (frame === this.lastFrame) this.lastFrame = null;
      if (this.pauseRequested) this.stop('pause', info, frame);
      return;
    }
    if (frame !== this.lastFrame || info.line !== this.lastLine) this.lastFrame = null;
    const reason = this.stopReason(info, frame, this.lastFrame === null);
    if (reason) {
      // The statement's breakpoint trap (if any) runs right after this hook: it must not stop again.
      this.trapToSkip = info;
      this.stop(reason, info, frame);
    }
  }

  private stopReason(info: Info, frame: Fr, moved: boolean): StopReason | null {
    if (this.pauseRequested) return 'pause';
    if (!moved) return null;
    const mode = this.mode;
    if (mode.kind === 'stepIn') return 'step';
    if (mode.kind === 'stepOver' && frame.depth <= mode.depth) return 'step';
    if (mode.kind === 'stepOut' && frame.depth < mode.depth) return 'step';
    if (this.breakpointAt(info)) return 'breakpoint';
    return null;
  }

  private stop(reason: StopReason, info: Info, frame: Fr, error?: StopError): void {
    const rt = this.rt;
    frame.current = info;
    const hook = rt.hook;
    const stopHook = rt.stopHook;
    const pollHook = rt.pollHook;
    // Evaluations while stopped must not re-enter the debugger.
    rt.hook = null;
    rt.stopHook = null;
    rt.pollHook = null;
    this.stopped = true;
    // Time spent stopped does not count against the script's time limit.
    const began = Date.now();
    let command: ResumeCommand | 'abort' | null = null;
    try {
      const event: StopEvent = { reason, location: locationOf(info), depth: frame.depth };
      if (error) event.error = error;
      const state = this.stoppedState(frame);
      if (reason !== 'breakpoint' || this.shouldStop === undefined || this.shouldStop(event, state)) {
        this.pauseRequested = false;
        command = this.onStop(event, state);
      }
    } finally {
      this.stopped = false;
      rt.stopHook = stopHook;
      rt.pollHook = pollHook;
      if (rt.deadline !== Infinity) rt.deadline += Date.now() - began;
    }
    if (command === null) {
      // A breakpoint that did not fire: carry on exactly as before (stepping included).
      rt.hook = hook;
      if (hook !== null) rt.tick = 0;
      return;
    }
    this.lastFrame = frame;
    this.lastLine = info.line;
    this.lastStop = info;
    // Stepping needs the per-statement hook; running freely does not.
    rt.hook = command === 'continue' || command === 'abort' ? null : this.hook;
    rt.tick = 0;
    switch (command) {
      case 'abort':
        throw new ScriptAborted();
      case 'continue':
        this.mode = { kind: 'run' };
        break;
      case 'stepIn':
        this.mode = { kind: 'stepIn' };
        break;
      case 'stepOver':
        this.mode = { kind: 'stepOver', depth: frame.depth };
        break;
      case 'stepOut':
        this.mode = { kind: 'stepOut', depth: frame.depth };
        break;
    }
  }
}
