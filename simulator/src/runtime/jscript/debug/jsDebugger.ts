/**
 * `ScriptDebugger` for the JScript engine, on the script's own thread — the counterpart of
 * the VBScript `EngineDebugger`, with the same design: breakpoints patch the statement's
 * closure in its block (statements without one pay nothing), requests from other threads
 * are polled every `TICK_INTERVAL` statements through `attention`, and only while stepping
 * or pausing does the per-statement hook run. Stopping calls `onStop` synchronously.
 */
import { withoutSideEffects, SideEffectError } from '../../objects/comObject.js';
import { VbsRuntimeError } from '../../errors.js';
import {
  ScriptAborted,
  type EvaluateOptions,
  type EvaluateResult,
  type ExceptionFilter,
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
} from '../../debug/protocol.js';
import { parseJScript } from '../../../syntax/jscript/parser.js';
import type { JScriptEngine } from '../engine.js';
import { describeUncaught } from '../engine.js';
import { JsError, ScriptThrow } from '../errors.js';
import { jsErrorLocations, statementRange, type Exec, type JsFrame, type JsRuntime, type JsSourceUnit, type JsStatementInfo } from '../runtime.js';
import { DONTENUM, type JsValue } from '../values.js';
import { describeValue, VariableHandles } from './inspection.js';

export type JsStopHandler = (event: StopEvent, script: JsStoppedState) => ResumeCommand | 'abort';

export interface JsDebuggerOptions {
  /** Checked every few statements; non-zero means "call `poll`". */
  attention?: Int32Array;
  poll?: () => void;
  /** Asked before a breakpoint stop: false lets the script run on (conditions, hit counts, logpoints). */
  shouldStop?: (event: StopEvent, script: JsStoppedState) => boolean;
}

type Mode = { kind: 'run' } | { kind: 'stepIn' } | { kind: 'stepOver'; depth: number } | { kind: 'stepOut'; depth: number };

export function locationOf(info: JsStatementInfo): SourceLocation {
  return { fileName: info.unit.fileName, line: info.line + 1, column: info.column + 1, range: statementRange(info) };
}

function isScriptError(e: unknown): boolean {
  return e instanceof JsError || e instanceof ScriptThrow || e instanceof VbsRuntimeError || e instanceof RangeError;
}

export class JsEngineDebugger implements ScriptDebugger {
  private readonly breakpoints = new Map<string, Set<number>>();
  private mode: Mode = { kind: 'run' };
  private pauseRequested = false;
  private lastFrame: JsFrame | null = null;
  private lastLine = -1;
  private trapToSkip: JsStatementInfo | null = null;
  private readonly patched = new Map<JsStatementInfo, Exec>();
  private readonly hook = this.beforeStatement.bind(this);
  private readonly shouldStop: JsDebuggerOptions['shouldStop'];
  private exceptionFilters = new Set<ExceptionFilter>();
  private originalHandleError: JsRuntime['handleError'] | null = null;
  private stopped = false;

  constructor(
    private readonly engine: JScriptEngine,
    private readonly onStop: JsStopHandler,
    options: JsDebuggerOptions = {},
  ) {
    this.shouldStop = options.shouldStop;
    const rt = engine.runtime;
    const { attention, poll } = options;
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
    this.setExceptionFilters([]);
  }

  /** `all`: stop at every run-time error, even one a try/catch will catch; `uncaught`: only those none will. */
  setExceptionFilters(filters: readonly ExceptionFilter[]): void {
    this.exceptionFilters = new Set(filters);
    const rt = this.engine.runtime;
    if (this.exceptionFilters.size > 0 && this.originalHandleError === null) {
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

  private onScriptError(e: unknown, frame: JsFrame, info: JsStatementInfo): void {
    if (!isScriptError(e) || jsErrorLocations.has(e as object)) return;
    const caught = this.engine.runtime.catchDepth > 0;
    if (!this.exceptionFilters.has('all') && caught) return;
    const d = describeUncaught(e);
    if (d === null) return;
    this.stop('exception', info, frame, { number: d.number, description: d.description, source: d.source, caught });
  }

  setBreakpoints(fileName: string, lines: number[]): number[] {
    const key = fileName.toLowerCase();
    this.breakpoints.set(key, new Set(lines));
    const units = this.engine.runtime.units.filter((u) => u.fileName.toLowerCase() === key);
    if (units.length === 0) return lines;
    const verified = new Set<number>();
    for (const unit of units) {
      // Functions compiled on first call (lazyProcedures): compile them now so their lines can be verified.
      const lazy = unit.lazyFunctions;
      if (lazy !== undefined) while (lazy.length > 0) lazy.pop()!.compile();
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

  private applyBreakpoints(unit: JsSourceUnit): void {
    const lines = this.breakpoints.get(unit.fileName.toLowerCase());
    // One stop per line: the first statement that starts on it.
    const firstOnLine = new Map<number, JsStatementInfo>();
    for (const info of unit.statements) {
      const seen = firstOnLine.get(info.line);
      if (!seen || info.start < seen.start) firstOnLine.set(info.line, info);
    }
    for (const info of unit.statements) {
      const site = info.site;
      if (!site) continue;
      const wanted = lines !== undefined && lines.has(info.line + 1) && firstOnLine.get(info.line) === info;
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

  private atBreakpoint(info: JsStatementInfo, frame: JsFrame): void {
    const skip = this.trapToSkip === info;
    this.trapToSkip = null;
    // A breakpoint in code the host runs while stopped (a console call of a procedure) does not stop again.
    if (skip || this.stopped || this.engine.runtime.hook !== null) return;
    this.stop('breakpoint', info, frame);
  }

  private beforeStatement(info: JsStatementInfo, frame: JsFrame, backEdge: boolean): void {
    if (backEdge) {
      if (frame === this.lastFrame) this.lastFrame = null;
      if (this.pauseRequested) this.stop('pause', info, frame);
      return;
    }
    if (frame !== this.lastFrame || info.line !== this.lastLine) this.lastFrame = null;
    const reason = this.stopReason(info, frame, this.lastFrame === null);
    if (reason) {
      this.trapToSkip = info;
      this.stop(reason, info, frame);
    }
  }

  private stopReason(info: JsStatementInfo, frame: JsFrame, moved: boolean): StopReason | null {
    if (this.pauseRequested) return 'pause';
    if (!moved) return null;
    const mode = this.mode;
    if (mode.kind === 'stepIn') return 'step';
    if (mode.kind === 'stepOver' && frame.depth <= mode.depth) return 'step';
    if (mode.kind === 'stepOut' && frame.depth < mode.depth) return 'step';
    if (this.patched.has(info)) return 'breakpoint';
    return null;
  }

  private stop(reason: StopReason, info: JsStatementInfo, frame: JsFrame, error?: StopError): void {
    const rt = this.engine.runtime;
    frame.current = info;
    const hook = rt.hook;
    const stopHook = rt.stopHook;
    const pollHook = rt.pollHook;
    rt.hook = null;
    rt.stopHook = null;
    rt.pollHook = null;
    this.stopped = true;
    const began = Date.now();
    let command: ResumeCommand | 'abort' | null = null;
    try {
      const event: StopEvent = { reason, location: locationOf(info), depth: frame.depth };
      if (error) event.error = error;
      const state = new JsStoppedState(this.engine, frame);
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
      rt.hook = hook;
      if (hook !== null) rt.tick = 0;
      return;
    }
    this.lastFrame = frame;
    this.lastLine = info.line;
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

export type JsValueResult = { ok: true; value: JsValue } | { ok: false; error: string; number?: number };

/** Whether a statement text could change state (assignment, ++/--, delete): refused in side-effect-free evaluation. */
function writesState(code: string): boolean {
  const parsed = parseJScript(code, 'watch');
  if (parsed.program === null) return false;
  let found = false;
  const visit = (n: unknown): void => {
    if (found || n === null || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      n.forEach(visit);
      return;
    }
    const node = n as { type?: string; operator?: string };
    if (node.type === 'AssignmentExpression' || node.type === 'UpdateExpression' || (node.type === 'UnaryExpression' && node.operator === 'delete')) {
      found = true;
      return;
    }
    for (const [k, v] of Object.entries(n)) if (k !== 'loc') visit(v);
  };
  visit(parsed.program);
  return found;
}

/** Inspection of a stopped script; valid until it resumes. */
export class JsStoppedState implements StoppedScript {
  readonly frames: JsFrame[] = [];
  private readonly handles = new VariableHandles();

  constructor(
    private readonly engine: JScriptEngine,
    top: JsFrame,
  ) {
    for (let f: JsFrame | null = top; f !== null; f = f.caller) this.frames.push(f);
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
    if (frame.functionEnv !== null || frame.env !== null) out.push({ name: 'Locals', variablesReference: this.handles.add(() => this.locals(frame)) });
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
    const r = this.run(statements, frameId, false);
    return r.ok ? { ok: true, value: describeValue(statements, undefined, this.handles) } : r;
  }

  /** `execute` for hosts that present values their own way (the value is always undefined). */
  executeStatements(statements: string, frameId: number): JsValueResult {
    const r = this.run(statements, frameId, false);
    return r.ok ? { ok: true, value: undefined } : r;
  }

  /** `evaluate` giving the value itself, for hosts that present values their own way. */
  evaluateValue(expression: string, frameId: number, options: EvaluateOptions = {}): JsValueResult {
    if (options.sideEffectFree && writesState(expression)) return { ok: false, error: 'Evaluation would have side effects: assignment' };
    return this.run(expression, frameId, options.sideEffectFree === true);
  }

  private run(code: string, frameId: number, sideEffectFree: boolean): JsValueResult {
    const frame = this.frames[frameId];
    if (!frame) return { ok: false, error: 'No such frame' };
    const rt = this.engine.runtime;
    const depth = rt.depth;
    const catchDepth = rt.catchDepth;
    const current = rt.currentFrame;
    try {
      const go = (): JsValue => this.engine.evalCode(code, frame, false, 'debug console');
      return { ok: true, value: sideEffectFree ? withoutSideEffects(go) : go() };
    } catch (e) {
      rt.depth = depth;
      rt.catchDepth = catchDepth;
      rt.currentFrame = current;
      if (e instanceof SideEffectError) return { ok: false, error: e.message };
      const d = describeUncaught(e);
      if (d !== null) return { ok: false, error: d.description, number: d.number };
      throw e;
    }
  }

  private described(name: string, r: JsValueResult): EvaluateResult {
    return r.ok ? { ok: true, value: describeValue(name, r.value, this.handles) } : r;
  }

  private locals(frame: JsFrame): VariableInfo[] {
    const out: VariableInfo[] = [];
    const seen = new Set<string>();
    for (let e = frame.env; e !== null; e = e.parent) {
      if (e.scope !== null) {
        e.scope.slotNames.forEach((name, slot) => {
          if (seen.has(name) || e.scope!.names.get(name) !== slot) return;
          seen.add(name);
          out.push(describeValue(name, e.slots[slot], this.handles));
        });
      }
      if (e.extra !== null) {
        for (const [name, v] of e.extra) if (!seen.has(name)) {
          seen.add(name);
          out.push(describeValue(name, v, this.handles));
        }
      }
      if (e === frame.functionEnv) break;
    }
    if (frame.functionEnv !== null) out.push(describeValue('this', frame.thisv, this.handles));
    return out;
  }

  private globals(): VariableInfo[] {
    const g = this.engine.realm.global;
    return g
      .ownKeys()
      .filter((k) => (g.attributes(k) & DONTENUM) === 0)
      .map((k) => describeValue(k, g.get(k), this.handles));
  }
}
