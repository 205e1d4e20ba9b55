/**
 * The engine-neutral part of a stopped script's inspection (`StoppedScript`): the call stack,
 * scopes behind variable handles, and evaluation guarded so that a failing expression becomes
 * an error result instead of unwinding the stopped script. Each engine adds how its values
 * are described, which variables a frame has, and how code runs in a frame.
 */
import type { EvaluateOptions, EvaluateResult, ScopeInfo, StackFrameInfo, StoppedScript, VariableInfo } from './protocol.js';
import { VariableHandles } from './inspection.js';
import { locationOf, type DebugFrame, type DebugStatement } from './statementDebugger.js';
import type { LineIndex } from '../../syntax/lineIndex.js';

/** A value as evaluation gives it to hosts that present values their own way. */
export type ValueOutcome<V> = { ok: true; value: V } | { ok: false; error: string; number?: number };

type AnyStatement = DebugStatement<{ readonly fileName: string; readonly lines: LineIndex }, never>;

/** Inspection of a stopped script; valid until it resumes. */
export abstract class StoppedFrames<Fr extends DebugFrame<AnyStatement, Fr>, V> implements StoppedScript {
  /** The call stack, innermost first (frame ids index it). */
  readonly frames: Fr[] = [];
  protected readonly handles = new VariableHandles();

  constructor(top: Fr) {
    for (let f: Fr | null = top; f !== null; f = f.caller) this.frames.push(f);
  }

  /** `evaluate` giving the value itself, for hosts that present values their own way. */
  abstract evaluateValue(expression: string, frameId: number, options?: EvaluateOptions): ValueOutcome<V>;
  /** `execute` for hosts that present values their own way. */
  abstract executeStatements(statements: string, frameId: number): ValueOutcome<V>;
  /** One value as the variables view shows it (children registered in `handles`). */
  protected abstract describe(name: string, value: V): VariableInfo;
  /** Whether the frame has a Locals scope (global code has none). */
  protected abstract hasLocals(frame: Fr): boolean;
  protected abstract locals(frame: Fr): VariableInfo[];
  protected abstract globals(): VariableInfo[];
  /** Records what a failed evaluation may leave unbalanced in the runtime; the result puts it back. */
  protected abstract checkpoint(): () => void;
  /** An evaluation error as a result; null for errors that must propagate (aborts, interrupts). */
  protected abstract failure(e: unknown): { error: string; number?: number } | null;

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
    if (this.hasLocals(frame)) out.push({ name: 'Locals', variablesReference: this.handles.add(() => this.locals(frame)) });
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

  private described(name: string, r: ValueOutcome<V>): EvaluateResult {
    return r.ok ? { ok: true, value: this.describe(name, r.value) } : r;
  }

  /** Runs `fn` in frame `frameId`; a script error becomes an error result and the runtime is left as it was. */
  protected guarded(frameId: number, fn: (frame: Fr) => V): ValueOutcome<V> {
    const frame = this.frames[frameId];
    if (!frame) return { ok: false, error: 'No such frame' };
    const restore = this.checkpoint();
    try {
      return { ok: true, value: fn(frame) };
    } catch (e) {
      restore();
      const failure = this.failure(e);
      if (failure !== null) return { ok: false, ...failure };
      throw e;
    }
  }
}
