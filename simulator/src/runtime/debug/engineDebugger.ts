/**
 * `ScriptDebugger` for the VBScript engine, running on the script's own thread.
 *
 * While the script runs freely, the debugger costs (almost) nothing: a breakpoint is set by
 * patching the statement's closure in its block with one that stops first (as a native
 * debugger writes a trap instruction), and requests from other threads are polled every
 * `TICK_INTERVAL` statements. Only while stepping or pausing does it install the runtime's
 * per-statement hook, which decides at each statement whether to stop (step in / over /
 * out by call depth, pause). When it stops it calls `onStop` synchronously — the script is
 * blocked until that returns a resume command. Hosts that must stay responsive run this in a
 * worker thread (`debugWorker.ts`); tests can drive it directly.
 */
import type { Frame, SourceUnit, StatementInfo } from '../frame.js';
import { statementRange } from '../frame.js';
import type { ScriptEngine } from '../engine/scriptEngine.js';
import type { Runtime } from '../interpreter.js';
import { evalIn, executeIn } from '../engine/engineBuiltins.js';
import type { Scope } from '../compiler/scope.js';
import { withoutSideEffects } from '../objects/comObject.js';
import { SlotEntry, UserProcedure } from '../procedures.js';
import { VbsRuntimeError } from '../errors.js';
import { errorLocations } from '../interpreter.js';
import { describeValue, VariableHandles } from './inspection.js';
import {
  ScriptAborted,
  type ExceptionFilter,
  type EvaluateOptions,
  type EvaluateResult,
  type ResumeCommand,
  type ScopeInfo,
  type ScriptDebugger,
  type SourceLocation,
  type StackFrameInfo,
  type StopError,
  type StopEvent,
  type StopReason,
  type StoppedScript,
  type VariableInfo,
} from './protocol.js';

export type StopHandler = (event: StopEvent, script: StoppedState) => ResumeCommand | 'abort';

export interface EngineDebuggerOptions {
  /** Checked before every statement; non-zero means "call `poll`" (pause requests, new breakpoints from another thread). */
  attention?: Int32Array;
  poll?: () => void;
  /**
   * Asked before a breakpoint stop (with the script inspectable, as in `onStop`): false lets the
   * script run on as if there were no breakpoint — conditions, hit counts and logpoints live here,
   * so a breakpoint that does not fire leaves stepping and the last stop untouched.
   */
  shouldStop?: (event: StopEvent, script: StoppedState) => boolean;
}

type Mode = { kind: 'run' } | { kind: 'stepIn' } | { kind: 'stepOver'; depth: number } | { kind: 'stepOut'; depth: number };

export function locationOf(info: StatementInfo): SourceLocation {
  return { fileName: info.unit.fileName, line: info.line + 1, column: info.column + 1, range: statementRange(info) };
}

export class EngineDebugger implements ScriptDebugger {
  private readonly breakpoints = new Map<string, Set<number>>();
  private mode: Mode = { kind: 'run' };
  private pauseRequested = false;
  /** The frame and line of the last stop: other statements on that line do not stop again. */
  private lastFrame: Frame | null = null;
  private lastLine = -1;
  /** Breakpoint lines of the unit seen last: the lookup by file name happens once per unit change, not per statement. */
  private cachedUnit: StatementInfo['unit'] | null = null;
  /** Indexed by 0-based line: 1 where a breakpoint is. */
  private cachedLines: Uint8Array | null = null;

  /** Statement closures replaced by breakpoint traps, with the originals to restore. */
  private readonly patched = new Map<StatementInfo, (f: Frame) => number>();
  /** The statement of the last stop: a loop coming back to it stops again, later statements on its line do not. */
  private lastStop: StatementInfo | null = null;
  private trapToSkip: StatementInfo | null = null;
  private readonly hook = this.beforeStatement.bind(this);
  private readonly shouldStop: EngineDebuggerOptions['shouldStop'];
  private exceptionFilters = new Set<ExceptionFilter>();
  /** The runtime's own error handler, while exception breakpoints wrap it. */
  private originalHandleError: Runtime['handleError'] | null = null;
  /** True while stopped: evaluations that fail must not stop again. */
  private stopped = false;

  constructor(
    private readonly engine: ScriptEngine,
    private readonly onStop: StopHandler,
    options: EngineDebuggerOptions = {},
  ) {
    this.shouldStop = options.shouldStop;
    const rt = engine.runtime;
    const attention = options.attention;
    const poll = options.poll;
    if (attention !== undefined && poll !== undefined) {
      rt.pollHook = () => {
        if (Atomics.load(attention, 0) !== 0) poll();
      };
    }
    rt.stopHook = (info, frame) => this.stop('stop-statement', info, frame);
    rt.onUnit = (unit) => {
      this.applyBreakpoints(unit);
      this.watchLazyProcedures(unit);
    };
  }

  detach(): void {
    const rt = this.engine.runtime;
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
   * even one `On Error Resume Next` will swallow) or only those no frame on the stack catches
   * (`uncaught`: the error aborts the procedure chain up to the host). The stop keeps the
   * failing frame intact; resuming lets the error take its normal course.
   */
  setExceptionFilters(filters: readonly ExceptionFilter[]): void {
    this.exceptionFilters = new Set(filters);
    const rt = this.engine.runtime;
    if (this.exceptionFilters.size > 0 && this.originalHandleError === null) {
      // Compiled blocks call `rt.handleError` through the instance, so wrapping it there costs nothing until an error happens.
      const original = rt.handleError;
      this.originalHandleError = original;
      rt.handleError = (e, f, info) => {
        if (!this.stopped) this.onScriptError(e, f, info);
        original.call(rt, e, f, info);
      };
    } else if (this.exceptionFilters.size === 0 && this.originalHandleError !== null) {
      rt.handleError = this.originalHandleError;
      this.originalHandleError = null;
    }
  }

  private onScriptError(e: unknown, frame: Frame, info: StatementInfo): void {
    // Only the innermost statement of an error stops (each caller sees it again as it propagates).
    if (!(e instanceof VbsRuntimeError) || errorLocations.has(e)) return;
    let caught = false;
    for (let f: Frame | null = frame; f !== null && !caught; f = f.caller) caught = f.resumeNext;
    if (!this.exceptionFilters.has('all') && caught) return;
    this.stop('exception', info, frame, { number: e.number, description: e.description, source: e.source, caught });
  }

  setBreakpoints(fileName: string, lines: number[]): number[] {
    const key = fileName.toLowerCase();
    this.breakpoints.set(key, new Set(lines));
    this.cachedUnit = null;
    const units = this.engine.runtime.units.filter((u) => u.fileName.toLowerCase() === key);
    // Before the file is loaded every line is accepted; afterwards only lines holding a statement.
    if (units.length === 0) return lines;
    const verified = new Set<number>();
    for (const unit of units) {
      this.applyBreakpoints(unit);
      for (const info of unit.statements) if (this.patched.has(info)) verified.add(info.line + 1);
    }
    return lines.filter((l) => verified.has(l));
  }

  requestPause(): void {
    this.pauseRequested = true;
    this.engine.runtime.hook = this.hook;
    this.engine.runtime.tick = 0;
  }

  /** Patches (or restores) the statements of `unit` to match its file's breakpoints. */
  private applyBreakpoints(unit: SourceUnit): void {
    const lines = this.breakpoints.get(unit.fileName.toLowerCase());
    for (const info of unit.statements) {
      const site = info.site;
      if (!site) continue;
      const wanted = lines !== undefined && lines.has(info.line + 1);
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

  /**
   * With lazy compilation (`lazyProcedures`) a procedure's statements exist only after its first
   * call: bind the unit's breakpoints again right after each one compiles.
   */
  private watchLazyProcedures(unit: SourceUnit): void {
    const rt = this.engine.runtime;
    const procedures: UserProcedure[] = [];
    for (const v of rt.globals) if (v instanceof UserProcedure) procedures.push(v);
    for (const def of rt.classes.values()) {
      for (const m of def.members.values()) for (const p of [m.method, m.get, m.let, m.set]) if (p) procedures.push(p);
      if (def.initialize) procedures.push(def.initialize);
      if (def.terminate) procedures.push(def.terminate);
    }
    for (const proc of procedures) {
      const compile = proc.pending;
      if (compile === null || proc.unit !== unit) continue;
      proc.pending = () => {
        compile();
        this.applyBreakpoints(unit);
      };
    }
  }

  /** A patched statement is about to run. While stepping, the hook has already decided. */
  private atBreakpoint(info: StatementInfo, frame: Frame): void {
    const skip = this.trapToSkip === info;
    this.trapToSkip = null;
    // A breakpoint in code the host runs while stopped (a console call of a procedure) does not stop again.
    if (skip || this.stopped || this.engine.runtime.hook !== null) return;
    const last = this.lastStop;
    const sameLineLater = last !== null && frame === this.lastFrame && info.line === last.line && info !== last && info.start > last.start;
    if (!sameLineLater) this.stop('breakpoint', info, frame);
  }

  private beforeStatement(info: StatementInfo, frame: Frame, backEdge: boolean): void {
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

  private stopReason(info: StatementInfo, frame: Frame, moved: boolean): StopReason | null {
    if (this.pauseRequested) return 'pause';
    if (!moved) return null;
    const mode = this.mode;
    if (mode.kind === 'stepIn') return 'step';
    if (mode.kind === 'stepOver' && frame.depth <= mode.depth) return 'step';
    if (mode.kind === 'stepOut' && frame.depth < mode.depth) return 'step';
    if (info.unit !== this.cachedUnit) this.cacheBreakpointsOf(info.unit);
    const lines = this.cachedLines;
    if (lines !== null && lines[info.line] === 1) return 'breakpoint';
    return null;
  }

  private cacheBreakpointsOf(unit: StatementInfo['unit']): void {
    this.cachedUnit = unit;
    const lines = this.breakpoints.get(unit.fileName.toLowerCase());
    if (!lines || lines.size === 0) {
      this.cachedLines = null;
      return;
    }
    const flags = new Uint8Array(unit.lines.lineCount + 1);
    for (const line of lines) if (line >= 1 && line <= unit.lines.lineCount) flags[line - 1] = 1;
    this.cachedLines = flags;
  }

  private stop(reason: StopReason, info: StatementInfo, frame: Frame, error?: StopError): void {
    const rt = this.engine.runtime;
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
      const state = new StoppedState(this.engine, frame);
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

export type ValueResult = { ok: true; value: unknown } | { ok: false; error: string; number?: number };

/** Inspection of a stopped script; valid until it resumes. */
export class StoppedState implements StoppedScript {
  /** The call stack, innermost first (frame ids index it). */
  readonly frames: Frame[] = [];
  private readonly handles = new VariableHandles();

  constructor(
    private readonly engine: ScriptEngine,
    top: Frame,
  ) {
    for (let f: Frame | null = top; f !== null; f = f.caller) this.frames.push(f);
  }

  stackTrace(): StackFrameInfo[] {
    return this.frames.map((f, id) => ({
      id,
      name: f.owner.displayName,
      location: f.current ? locationOf(f.current) : null,
      procedureRange: f.owner.unit.lines.rangeOf(f.owner),
      fileName: f.owner.unit.fileName,
    }));
  }

  scopes(frameId: number): ScopeInfo[] {
    const frame = this.frames[frameId];
    if (!frame) return [];
    const out: ScopeInfo[] = [];
    const scope = frame.scope as Scope;
    if (!scope.isGlobal) out.push({ name: 'Locals', variablesReference: this.handles.add(() => this.locals(frame)) });
    out.push({ name: 'Globals', variablesReference: this.handles.add(() => this.globals()) });
    return out;
  }

  variables(variablesReference: number): VariableInfo[] {
    return this.handles.get(variablesReference);
  }

  evaluate(expression: string, frameId: number, options: EvaluateOptions = {}): EvaluateResult {
    return this.described(expression, this.evaluateValue(expression, frameId, options));
  }

  execute(statements: string, frameId: number): EvaluateResult {
    return this.described(statements, this.executeStatements(statements, frameId));
  }

  /** `evaluate` giving the value itself, for hosts that present values their own way. */
  evaluateValue(expression: string, frameId: number, options: EvaluateOptions = {}): ValueResult {
    const frame = this.frames[frameId];
    if (!frame) return { ok: false, error: 'No such frame' };
    return this.guarded(() => {
      const run = () => evalIn(this.engine.services, expression, frame, 'watch');
      return options.sideEffectFree ? withoutSideEffects(run) : run();
    });
  }

  /** `execute` for hosts that present values their own way (the value is always Empty). */
  executeStatements(statements: string, frameId: number): ValueResult {
    const frame = this.frames[frameId];
    if (!frame) return { ok: false, error: 'No such frame' };
    return this.guarded(() => {
      executeIn(this.engine.services, statements, frame, 'debug console');
      return undefined;
    });
  }

  private described(name: string, r: ValueResult): EvaluateResult {
    return r.ok ? { ok: true, value: describeValue(name, r.value, this.handles) } : r;
  }

  private guarded(fn: () => unknown): ValueResult {
    const rt = this.engine.runtime;
    const depth = rt.depth;
    try {
      return { ok: true, value: fn() };
    } catch (e) {
      rt.depth = depth;
      if (e instanceof VbsRuntimeError) return { ok: false, error: e.description, number: e.number };
      if (e instanceof Error && e.name === 'SideEffectError') return { ok: false, error: e.message };
      throw e;
    }
  }

  private locals(frame: Frame): VariableInfo[] {
    const scope = frame.scope as Scope;
    const out = scope.namedLocals().map(({ name, binding }) => describeValue(name, frame.locals[binding.slot], this.handles));
    if (frame.me) out.push(describeValue('Me', frame.me, this.handles));
    return out;
  }

  private globals(): VariableInfo[] {
    const rt = this.engine.runtime;
    const out: VariableInfo[] = [];
    rt.globalInfo.forEach((info, slot) => {
      const v = rt.globals[slot];
      if (!(v instanceof SlotEntry)) out.push(describeValue(info.name, v, this.handles));
    });
    return out;
  }
}
