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
import { evalIn, executeIn } from '../engine/engineBuiltins.js';
import type { Scope } from '../compiler/scope.js';
import { withoutSideEffects } from '../objects/comObject.js';
import { SlotEntry } from '../procedures.js';
import { VbsRuntimeError } from '../errors.js';
import { describeValue, VariableHandles } from './inspection.js';
import {
  ScriptAborted,
  type EvaluateOptions,
  type EvaluateResult,
  type ResumeCommand,
  type ScopeInfo,
  type ScriptDebugger,
  type SourceLocation,
  type StackFrameInfo,
  type StopEvent,
  type StopReason,
  type StoppedScript,
  type VariableInfo,
} from './protocol.js';

export type StopHandler = (event: StopEvent, script: StoppedScript) => ResumeCommand | 'abort';

export interface EngineDebuggerOptions {
  /** Checked before every statement; non-zero means "call `poll`" (pause requests, new breakpoints from another thread). */
  attention?: Int32Array;
  poll?: () => void;
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

  constructor(
    private readonly engine: ScriptEngine,
    private readonly onStop: StopHandler,
    options: EngineDebuggerOptions = {},
  ) {
    const rt = engine.runtime;
    const attention = options.attention;
    const poll = options.poll;
    if (attention !== undefined && poll !== undefined) {
      rt.pollHook = () => {
        if (Atomics.load(attention, 0) !== 0) poll();
      };
    }
    rt.stopHook = (info, frame) => this.stop('stop-statement', info, frame);
    rt.onUnit = (unit) => this.applyBreakpoints(unit);
  }

  detach(): void {
    const rt = this.engine.runtime;
    for (const [info, original] of this.patched) info.site!.execs[info.site!.index] = original;
    this.patched.clear();
    rt.hook = null;
    rt.stopHook = null;
    rt.pollHook = null;
    rt.onUnit = null;
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

  /** A patched statement is about to run. While stepping, the hook has already decided. */
  private atBreakpoint(info: StatementInfo, frame: Frame): void {
    const skip = this.trapToSkip === info;
    this.trapToSkip = null;
    if (skip || this.engine.runtime.hook !== null) return;
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

  private stop(reason: StopReason, info: StatementInfo, frame: Frame): void {
    const rt = this.engine.runtime;
    this.pauseRequested = false;
    frame.current = info;
    const stopHook = rt.stopHook;
    const pollHook = rt.pollHook;
    // Evaluations while stopped must not re-enter the debugger.
    rt.hook = null;
    rt.stopHook = null;
    rt.pollHook = null;
    let command: ResumeCommand | 'abort';
    try {
      command = this.onStop({ reason, location: locationOf(info), depth: frame.depth }, new StoppedState(this.engine, frame));
    } finally {
      rt.stopHook = stopHook;
      rt.pollHook = pollHook;
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

/** Inspection of a stopped script; valid until it resumes. */
class StoppedState implements StoppedScript {
  private readonly frames: Frame[] = [];
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
    const frame = this.frames[frameId];
    if (!frame) return { ok: false, error: 'No such frame' };
    return this.guarded(() => {
      const run = () => evalIn(this.engine.services, expression, frame, 'watch');
      const value = options.sideEffectFree ? withoutSideEffects(run) : run();
      return describeValue(expression, value, this.handles);
    });
  }

  execute(statements: string, frameId: number): EvaluateResult {
    const frame = this.frames[frameId];
    if (!frame) return { ok: false, error: 'No such frame' };
    return this.guarded(() => {
      executeIn(this.engine.services, statements, frame, 'debug console');
      return describeValue(statements, undefined, this.handles);
    });
  }

  private guarded(fn: () => VariableInfo): EvaluateResult {
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
