/**
 * `ScriptDebugger` for the VBScript engine: the shared `StatementDebugger` core (breakpoint
 * traps, stepping by call depth, pause requests, the stop sequence) with what is VBScript's
 * own — `On Error Resume Next` is what catches an error, procedures compiled lazily on their
 * first call get their breakpoints bound then, every statement of a breakpoint line takes a
 * trap (later ones on the line stopped at do not stop again), and inspection goes through the
 * compiler's scopes and `Eval`/`Execute`.
 */
import type { Frame, SourceUnit, StatementInfo } from '../frame.js';
import type { ScriptEngine } from '../engine/scriptEngine.js';
import { evalIn, executeIn } from '../engine/engineBuiltins.js';
import type { Scope } from '../compiler/scope.js';
import { withoutSideEffects } from '../objects/comObject.js';
import { SlotEntry, UserProcedure } from '../procedures.js';
import { VbsRuntimeError } from '../errors.js';
import { errorLocations } from '../interpreter.js';
import { describeValue } from './inspection.js';
import type { EvaluateOptions, StopError, VariableInfo } from './protocol.js';
import { StatementDebugger, type StatementDebuggerOptions, type StopHandlerOf } from './statementDebugger.js';
import { StoppedFrames, type ValueOutcome } from './stoppedFrames.js';

export { locationOf } from './statementDebugger.js';

export type StopHandler = StopHandlerOf<StoppedState>;

export type EngineDebuggerOptions = StatementDebuggerOptions<StoppedState>;

export class EngineDebugger extends StatementDebugger<SourceUnit, StatementInfo, Frame, StoppedState> {
  /** Breakpoint lines of the unit seen last: the lookup by file name happens once per unit change, not per statement. */
  private cachedUnit: SourceUnit | null = null;
  /** Indexed by 0-based line: 1 where a breakpoint is. */
  private cachedLines: Uint8Array | null = null;

  constructor(
    private readonly engine: ScriptEngine,
    onStop: StopHandler,
    options: EngineDebuggerOptions = {},
  ) {
    super(engine.runtime, onStop, options);
  }

  override setBreakpoints(fileName: string, lines: number[]): number[] {
    this.cachedUnit = null;
    return super.setBreakpoints(fileName, lines);
  }

  protected override unitAdded(unit: SourceUnit): void {
    this.applyBreakpoints(unit);
    this.watchLazyProcedures(unit);
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

  /** Every statement of a line has a trap: one after the last stop on that line, in that frame, is the same stop. */
  protected override repeatsLastStop(info: StatementInfo, frame: Frame): boolean {
    const last = this.lastStop;
    return last !== null && frame === this.lastFrame && info.line === last.line && info !== last && info.start > last.start;
  }

  protected breakpointAt(info: StatementInfo): boolean {
    if (info.unit !== this.cachedUnit) this.cacheBreakpointsOf(info.unit);
    const lines = this.cachedLines;
    return lines !== null && lines[info.line] === 1;
  }

  private cacheBreakpointsOf(unit: SourceUnit): void {
    this.cachedUnit = unit;
    const lines = this.breakpointLines(unit.fileName);
    if (!lines || lines.size === 0) {
      this.cachedLines = null;
      return;
    }
    const flags = new Uint8Array(unit.lines.lineCount + 1);
    for (const line of lines) if (line >= 1 && line <= unit.lines.lineCount) flags[line - 1] = 1;
    this.cachedLines = flags;
  }

  protected isNewScriptError(e: unknown): boolean {
    return e instanceof VbsRuntimeError && !errorLocations.has(e);
  }

  /** `On Error Resume Next` in this frame or any caller: the error does not reach the host. */
  protected isCaught(frame: Frame): boolean {
    let caught = false;
    for (let f: Frame | null = frame; f !== null && !caught; f = f.caller) caught = f.resumeNext;
    return caught;
  }

  protected errorDetails(e: unknown): Omit<StopError, 'caught'> {
    const err = e as VbsRuntimeError;
    return { number: err.number, description: err.description, source: err.source };
  }

  protected stoppedState(frame: Frame): StoppedState {
    return new StoppedState(this.engine, frame);
  }
}

export type ValueResult = ValueOutcome<unknown>;

/** Inspection of a stopped VBScript script; valid until it resumes. */
export class StoppedState extends StoppedFrames<Frame, unknown> {
  constructor(
    private readonly engine: ScriptEngine,
    top: Frame,
  ) {
    super(top);
  }

  evaluateValue(expression: string, frameId: number, options: EvaluateOptions = {}): ValueResult {
    return this.guarded(frameId, (frame) => {
      const run = () => evalIn(this.engine.services, expression, frame, 'watch');
      return options.sideEffectFree ? withoutSideEffects(run) : run();
    });
  }

  /** The value is always Empty. */
  executeStatements(statements: string, frameId: number): ValueResult {
    return this.guarded(frameId, (frame) => {
      executeIn(this.engine.services, statements, frame, 'debug console');
      return undefined;
    });
  }

  protected describe(name: string, value: unknown): VariableInfo {
    return describeValue(name, value, this.handles);
  }

  protected checkpoint(): () => void {
    const rt = this.engine.runtime;
    const depth = rt.depth;
    return () => {
      rt.depth = depth;
    };
  }

  protected failure(e: unknown): { error: string; number?: number } | null {
    if (e instanceof VbsRuntimeError) return { error: e.description, number: e.number };
    if (e instanceof Error && e.name === 'SideEffectError') return { error: e.message };
    return null;
  }

  protected hasLocals(frame: Frame): boolean {
    return !(frame.scope as Scope).isGlobal;
  }

  protected locals(frame: Frame): VariableInfo[] {
    const scope = frame.scope as Scope;
    const out = scope.namedLocals().map(({ name, binding }) => describeValue(name, frame.locals[binding.slot], this.handles));
    if (frame.me) out.push(describeValue('Me', frame.me, this.handles));
    return out;
  }

  protected globals(): VariableInfo[] {
    const rt = this.engine.runtime;
    const out: VariableInfo[] = [];
    rt.globalInfo.forEach((info, slot) => {
      const v = rt.globals[slot];
      if (!(v instanceof SlotEntry)) out.push(describeValue(info.name, v, this.handles));
    });
    return out;
  }
}
