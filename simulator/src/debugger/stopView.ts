/**
 * A stopped firing as the debugger shows it: the call stack (the appended `Call OnX(…)` the
 * server adds is hidden; the handler's frame is named after the event and its place in the
 * run; the file's top-level code is its own frame), the four scopes, values, evaluation and
 * assignment. Built per stop in the worker; valid until the script resumes.
 */
import { isComObject, parseExpression, SlotEntry, type StopError, type StoppedState } from '../index';
import type { Scope } from '../runtime/compiler/scope';
import type { Frame } from '../runtime/frame';
import type { Runtime } from '../runtime/interpreter';
import { BaseStopView, errorMessage, handlerFrameName, topLevelFrameName, type FiringContext } from './scriptStopView';
import { ValuePresenter } from './values';
import type { EvaluateReply, WorkerScope, WorkerVariable } from './workerProtocol';

export type { FiringContext } from './scriptStopView';

const ERR_PROPERTIES = ['Number', 'Description', 'Source', 'HelpFile', 'HelpContext'];

/** A stopped VBScript firing (the JScript one is `JsStopView`). */
export class StopView extends BaseStopView<Frame> {
  protected readonly values: ValuePresenter;

  constructor(
    private readonly state: StoppedState,
    private readonly rt: Runtime,
    firing: FiringContext,
    error: StopError | undefined,
  ) {
    super(state.frames, firing, error);
    this.values = new ValuePresenter(this.handles, firing.version);
  }

  private isHandler(frame: Frame): boolean {
    return !(frame.scope as Scope).isGlobal && frame.caller?.owner.unit.fileName === this.firing.callUnit && frame.owner.displayName.toLowerCase() === this.firing.event.toLowerCase();
  }

  protected frameName(frame: Frame): string {
    if (this.isHandler(frame)) return handlerFrameName(frame.owner.displayName, this.firing);
    if (!(frame.scope as Scope).isGlobal) return frame.owner.displayName;
    return topLevelFrameName(frame.owner.unit.fileName, this.firing);
  }

  scopes(frameId: number): WorkerScope[] {
    const index = this.frameIndex(frameId);
    const frame = this.state.frames[index];
    const out: WorkerScope[] = [];
    if (!(frame.scope as Scope).isGlobal) out.push(this.scope('Locals', index, () => this.locals(frame, index), 'locals'));
    out.push(this.scope('Script', index, () => this.globals(index, false)));
    if (this.firing.ordinal > 0) out.push(this.scope('hMailServer', index, () => this.hmailserver(index)));
    out.push(this.scope('Err', index, () => this.errScope(index)));
    return out;
  }

  private locals(frame: Frame, index: number): WorkerVariable[] {
    const scope = frame.scope as Scope;
    const out = scope.namedLocals().map(({ name, binding }) => this.values.describe(name, frame.locals[binding.slot], index, name));
    if (frame.me) out.push(this.values.describe('Me', frame.me, index, 'Me'));
    return out;
  }

  /** Script-level variables and constants (`named`: false), or the named items the server added (`named`: true). */
  private globals(index: number, named: boolean): WorkerVariable[] {
    const out: WorkerVariable[] = [];
    this.rt.globalInfo.forEach((info, slot) => {
      const v = this.rt.globals[slot];
      if (v instanceof SlotEntry || info.name.toLowerCase() === 'err') return;
      const isNamedItem = info.readOnly && isComObject(v);
      if (isNamedItem === named) out.push(this.values.describe(info.name, v, index, info.name));
    });
    return out;
  }

  /** The event's objects: Result, its arguments by parameter name, EventLog and the HMAILSERVER_* items. */
  private hmailserver(index: number): WorkerVariable[] {
    const handler = this.state.frames.find((f) => this.isHandler(f));
    return this.eventObjects(
      this.globals(index, true),
      (name) => name.toLowerCase(),
      (parameter) => {
        const binding = handler && (handler.scope as Scope).locals.get(parameter.toLowerCase());
        return binding ? { value: handler.locals[binding.slot] } : undefined;
      },
      index,
    );
  }

  private errScope(index: number): WorkerVariable[] {
    // Stopped on an error: show it as Err will hold it once handled.
    if (this.error) {
      const e = this.error;
      return [
        this.values.describe('Number', e.number, index, 'Err.Number'),
        this.values.describe('Description', e.description, index, 'Err.Description'),
        this.values.describe('Source', e.source, index, 'Err.Source'),
      ];
    }
    const err = this.rt.err;
    return ERR_PROPERTIES.map((name) => this.values.describe(name, err.getProperty(name, []), index, `Err.${name}`));
  }

  // ------------------------------------------------------------ evaluation

  evaluate(expression: string, frameId: number | undefined, context: string): EvaluateReply {
    const index = this.frameIndex(frameId);
    const text = expression.trim();
    if (context !== 'repl') return this.reply(text, this.state.evaluateValue(text, index, { sideEffectFree: true }), index);
    // The console: `? expr` prints, an expression shows its value, anything else runs as statements (`Result.Value = 2`).
    if (text.startsWith('?')) return this.reply(text.slice(1).trim(), this.state.evaluateValue(text.slice(1), index), index);
    if (isValueExpression(text)) return this.reply(text, this.state.evaluateValue(text, index), index);
    const r = this.state.executeStatements(text, index);
    return r.ok ? { ok: true, result: '', variablesReference: 0 } : { ok: false, error: errorMessage(r) };
  }

  setVariable(ref: number, name: string, value: string): WorkerVariable {
    const { target, frameIndex } = this.assignable(ref, name);
    let r = this.state.executeStatements(`${target} = ${value}`, frameIndex);
    // Object values need Set (VBScript says so with "Object required" or "Wrong number of arguments").
    if (!r.ok) {
      const withSet = this.state.executeStatements(`Set ${target} = ${value}`, frameIndex);
      if (withSet.ok) r = withSet;
    }
    if (!r.ok) throw new Error(errorMessage(r));
    const after = this.state.evaluateValue(target, frameIndex, { sideEffectFree: true });
    if (!after.ok) throw new Error(errorMessage(after));
    return this.values.describe(name, after.value, frameIndex, target);
  }
}

/** An expression to show the value of — not an assignment, which VBScript would read as a comparison. */
function isValueExpression(text: string): boolean {
  const parsed = parseExpression(text);
  if (!parsed.ast || parsed.diagnostics.length > 0) return false;
  return !(parsed.ast.kind === 'Binary' && parsed.ast.operator === '=');
}
