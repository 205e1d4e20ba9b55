/**
 * `ScriptDebugger` for the JScript engine: the shared `StatementDebugger` core (breakpoint
 * traps, stepping by call depth, pause requests, the stop sequence) with what is JScript's own —
 * a running try/catch is what catches an error (thrown values and host errors included),
 * functions compiled lazily are compiled when breakpoints are verified, only the first
 * statement of a line takes a trap, and inspection goes through environments and eval code.
 */
import { withoutSideEffects, SideEffectError } from '../../objects/comObject.js';
import { VbsRuntimeError } from '../../errors.js';
import type { EvaluateOptions, StopError, VariableInfo } from '../../debug/protocol.js';
import { StatementDebugger, type StatementDebuggerOptions, type StopHandlerOf } from '../../debug/statementDebugger.js';
import { StoppedFrames, type ValueOutcome } from '../../debug/stoppedFrames.js';
import { parseJScript } from '../../../syntax/jscript/parser.js';
import type { JScriptEngine } from '../engine.js';
import { describeUncaught } from '../engine.js';
import { JsError, ScriptThrow } from '../errors.js';
import { jsErrorLocations, type JsFrame, type JsSourceUnit, type JsStatementInfo } from '../runtime.js';
import { DONTENUM, type JsValue } from '../values.js';
import { describeValue } from './inspection.js';

export { locationOf } from '../../debug/statementDebugger.js';

export type JsStopHandler = StopHandlerOf<JsStoppedState>;

export type JsDebuggerOptions = StatementDebuggerOptions<JsStoppedState>;

export class JsEngineDebugger extends StatementDebugger<JsSourceUnit, JsStatementInfo, JsFrame, JsStoppedState> {
  constructor(
    private readonly engine: JScriptEngine,
    onStop: JsStopHandler,
    options: JsDebuggerOptions = {},
  ) {
    super(engine.runtime, onStop, options);
  }

  /** Functions compiled on first call (lazyProcedures): compile them now so their lines can be verified. */
  protected override prepareToVerify(unit: JsSourceUnit): void {
    const lazy = unit.lazyFunctions;
    if (lazy !== undefined) while (lazy.length > 0) lazy.pop()!.compile();
  }

  /** One stop per line: the first statement that starts on it. */
  protected override trapFilter(unit: JsSourceUnit): (info: JsStatementInfo) => boolean {
    const firstOnLine = new Map<number, JsStatementInfo>();
    for (const info of unit.statements) {
      const seen = firstOnLine.get(info.line);
      if (!seen || info.start < seen.start) firstOnLine.set(info.line, info);
    }
    return (info) => firstOnLine.get(info.line) === info;
  }

  protected breakpointAt(info: JsStatementInfo): boolean {
    return this.patched.has(info);
  }

  protected isNewScriptError(e: unknown): boolean {
    const scriptError = e instanceof JsError || e instanceof ScriptThrow || e instanceof VbsRuntimeError || e instanceof RangeError;
    return scriptError && !jsErrorLocations.has(e as object);
  }

  /** A try block with a catch clause is running. */
  protected isCaught(): boolean {
    return this.engine.runtime.catchDepth > 0;
  }

  protected errorDetails(e: unknown): Omit<StopError, 'caught'> | null {
    return describeUncaught(e);
  }

  protected stoppedState(frame: JsFrame): JsStoppedState {
    return new JsStoppedState(this.engine, frame);
  }
}

export type JsValueResult = ValueOutcome<JsValue>;

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

/** Inspection of a stopped JScript script; valid until it resumes. */
export class JsStoppedState extends StoppedFrames<JsFrame, JsValue> {
  constructor(
    private readonly engine: JScriptEngine,
    top: JsFrame,
  ) {
    super(top);
  }

  /** The value is always undefined. */
  executeStatements(statements: string, frameId: number): JsValueResult {
    const r = this.run(statements, frameId, false);
    return r.ok ? { ok: true, value: undefined } : r;
  }

  evaluateValue(expression: string, frameId: number, options: EvaluateOptions = {}): JsValueResult {
    if (options.sideEffectFree && writesState(expression)) return { ok: false, error: 'Evaluation would have side effects: assignment' };
    return this.run(expression, frameId, options.sideEffectFree === true);
  }

  private run(code: string, frameId: number, sideEffectFree: boolean): JsValueResult {
    return this.guarded(frameId, (frame) => {
      const go = (): JsValue => this.engine.evalCode(code, frame, false, 'debug console');
      return sideEffectFree ? withoutSideEffects(go) : go();
    });
  }

  protected describe(name: string, value: JsValue): VariableInfo {
    return describeValue(name, value, this.handles);
  }

  protected checkpoint(): () => void {
    const rt = this.engine.runtime;
    const depth = rt.depth;
    const catchDepth = rt.catchDepth;
    const current = rt.currentFrame;
    return () => {
      rt.depth = depth;
      rt.catchDepth = catchDepth;
      rt.currentFrame = current;
    };
  }

  protected failure(e: unknown): { error: string; number?: number } | null {
    if (e instanceof SideEffectError) return { error: e.message };
    const d = describeUncaught(e);
    return d !== null ? { error: d.description, number: d.number } : null;
  }

  protected hasLocals(frame: JsFrame): boolean {
    return frame.functionEnv !== null || frame.env !== null;
  }

  protected locals(frame: JsFrame): VariableInfo[] {
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

  protected globals(): VariableInfo[] {
    const g = this.engine.realm.global;
    return g
      .ownKeys()
      .filter((k) => (g.attributes(k) & DONTENUM) === 0)
      .map((k) => describeValue(k, g.get(k), this.handles));
  }
}
