/**
 * A stopped JScript firing (EventHandlers.js) as the debugger shows it — the same shape as the
 * VBScript `StopView`: the appended `OnX(…);` hidden, the handler's frame named after the event,
 * the file's top-level code its own frame; scopes Locals / Script / hMailServer (and the error
 * when stopped on one); values through `JsValuePresenter` (COM objects as in VBScript); the
 * debug console runs JScript. Built per stop in the worker; valid until the script resumes.
 */
import { isComObject, JsFunction, parseJScript, type JScriptEngine, type JsFrame, type JsStoppedState, type JsValue, type StopError } from '../index';
import type { Env } from '../runtime/jscript/runtime';
import { jsCompletions } from './jsCompletions';
import { expressionNames, type Node } from './jsFunctions';
import { JsValuePresenter } from './jsValues';
import { BaseStopView, errorMessage, handlerFrameName, topLevelFrameName, type FiringContext } from './scriptStopView';
import type { CompletionTarget, EvaluateReply, WorkerScope, WorkerVariable } from './workerProtocol';

/** A name in scope and its value. */
export interface Binding {
  name: string;
  value: JsValue;
}

/** The variables a frame sees before the global object, innermost first (catch variables, locals, parameters, eval's `var`s). */
export function frameBindings(frame: JsFrame): Binding[] {
  return envBindings(frame.env, frame.functionEnv);
}

/** The bindings from `env` outwards, up to and including the function's own environment `functionEnv`. */
function envBindings(env: Env | null, functionEnv: Env | null): Binding[] {
  const out: Binding[] = [];
  const seen = new Set<string>();
  const add = (name: string, value: JsValue): void => {
    if (seen.has(name)) return;
    seen.add(name);
    out.push({ name, value });
  };
  for (let e: Env | null = env; e !== null; e = e.parent) {
    const scope = e.scope;
    if (scope !== null) scope.slotNames.forEach((name, slot) => scope.names.get(name) === slot && add(name, e!.slots[slot]));
    if (e.extra !== null) for (const [name, v] of e.extra) add(name, v);
    if (e === functionEnv) break;
  }
  return out;
}

/** Names of a unit's function expressions (`SpamScorer.prototype.addText = function …`), parsed once per unit. */
const expressionNamesOf = new WeakMap<object, Map<number, string>>();

function functionName(frame: JsFrame): string {
  const owner = frame.owner;
  if (owner.displayName !== 'anonymous function') return owner.displayName;
  let names = expressionNamesOf.get(owner.unit);
  if (names === undefined) {
    const program = parseJScript(owner.unit.source, owner.unit.fileName).program;
    names = program === null ? new Map() : expressionNames(program as unknown as Node);
    expressionNamesOf.set(owner.unit, names);
  }
  return names.get(owner.start) ?? owner.displayName;
}

/** Whether `text` is one expression (its value is shown) rather than statements (run, nothing shown). */
function isExpression(text: string): boolean {
  const body = parseJScript(text, 'debug console').program?.body;
  return body !== undefined && body.length === 1 && body[0].type === 'ExpressionStatement';
}

export class JsStopView extends BaseStopView<JsFrame> {
  protected readonly values: JsValuePresenter;

  constructor(
    private readonly state: JsStoppedState,
    private readonly engine: JScriptEngine,
    firing: FiringContext,
    error: StopError | undefined,
  ) {
    super(state.frames, firing, error);
    this.values = new JsValuePresenter(this.handles, firing.version);
  }

  /** The handler the appended call called: names match as JScript matches them (case-sensitive). */
  private isHandler(frame: JsFrame): boolean {
    return frame.functionEnv !== null && frame.caller?.owner.unit.fileName === this.firing.callUnit && frame.owner.displayName === this.firing.event;
  }

  protected frameName(frame: JsFrame): string {
    if (this.isHandler(frame)) return handlerFrameName(frame.owner.displayName, this.firing);
    if (frame.functionEnv !== null) return functionName(frame);
    if (frame.owner.unit.fileName === 'eval code') return frame.owner.displayName;
    return topLevelFrameName(frame.owner.unit.fileName, this.firing);
  }

  scopes(frameId: number): WorkerScope[] {
    const index = this.frameIndex(frameId);
    const frame = this.state.frames[index];
    const out: WorkerScope[] = [];
    if (frame.functionEnv !== null || frame.env !== null) out.push(this.scope('Locals', index, () => this.locals(frame, index), 'locals'));
    out.push(this.scope('Script', index, () => this.globals(index, false)));
    if (this.firing.ordinal > 0) out.push(this.scope('hMailServer', index, () => this.hmailserver(index)));
    if (this.error) out.push(this.scope('Error', index, () => this.errorScope(index)));
    return out;
  }

  private locals(frame: JsFrame, index: number): WorkerVariable[] {
    const out = frameBindings(frame).map(({ name, value }) => this.values.describe(name, value, index, name));
    if (frame.functionEnv !== null && frame.thisv !== this.engine.realm.global) out.push(this.values.describe('this', frame.thisv, index, 'this'));
    return out;
  }

  /** The objects the server added as named items (Result, EventLog, HMAILSERVER_*), by identity. */
  private namedItems(): Set<unknown> {
    return new Set(this.engine.namedItems());
  }

  /** The script's global variables (`named`: false), or the named items the server added (`named`: true). */
  private globals(index: number, named: boolean): WorkerVariable[] {
    const g = this.engine.realm.global;
    const items = this.namedItems();
    const out: WorkerVariable[] = [];
    for (const key of g.ownKeys()) {
      if (!g.isEnumerable(key)) continue;
      const v = g.get(key);
      // Function declarations are the script's procedures, not its variables (as in VBScript).
      if (v instanceof JsFunction && v.name === key) continue;
      const isNamedItem = isComObject(v) && items.has(v);
      if (isNamedItem === named) out.push(this.values.describe(key, v, index, key));
    }
    return out;
  }

  /** The event's objects: Result, its arguments by parameter name, EventLog and the HMAILSERVER_* items. */
  private hmailserver(index: number): WorkerVariable[] {
    const handler = this.state.frames.find((f) => this.isHandler(f));
    const params = handler ? envBindings(handler.functionEnv, handler.functionEnv) : [];
    // Named items are spelled as the server adds them; a handler may spell its parameters its own way.
    return this.eventObjects(
      this.globals(index, true),
      (name) => name,
      (parameter) => params.find((b) => b.name === parameter) ?? params.find((b) => b.name.toLowerCase() === parameter.toLowerCase()),
      index,
    );
  }

  private errorScope(index: number): WorkerVariable[] {
    const e = this.error!;
    return [this.values.describe('number', e.number, index, undefined), this.values.describe('description', e.description, index, undefined), this.values.describe('source', e.source, index, undefined)];
  }

  // ------------------------------------------------------------ evaluation

  evaluate(expression: string, frameId: number | undefined, context: string): EvaluateReply {
    const index = this.frameIndex(frameId);
    const text = expression.trim();
    if (context !== 'repl') return this.reply(text, this.state.evaluateValue(text, index, { sideEffectFree: true }), index);
    // The console: `? expr` prints, an expression shows its value, statements run (`Result.Value = 2`).
    if (text.startsWith('?')) {
      const e = text.slice(1).trim();
      return this.reply(e, this.state.evaluateValue(e, index), index);
    }
    const r = this.state.evaluateValue(text, index);
    if (r.ok && r.value === undefined && !isExpression(text)) return { ok: true, result: '', variablesReference: 0 };
    return this.reply(text, r, index);
  }

  setVariable(ref: number, name: string, value: string): WorkerVariable {
    const { target, frameIndex } = this.assignable(ref, name);
    const r = this.state.evaluateValue(`${target} = (${value})`, frameIndex);
    if (!r.ok) throw new Error(errorMessage(r));
    const after = this.state.evaluateValue(target, frameIndex, { sideEffectFree: true });
    if (!after.ok) throw new Error(errorMessage(after));
    return this.values.describe(name, after.value, frameIndex, target);
  }

  completions(text: string, column: number, frameId: number | undefined): CompletionTarget[] {
    const index = this.frameIndex(frameId);
    const frame = this.state.frames[index];
    return jsCompletions(text, column, this.firing.version, {
      evaluate: (expression) => {
        const r = this.state.evaluateValue(expression, index, { sideEffectFree: true });
        return r.ok ? r.value : undefined;
      },
      names: () => [
        ...frameBindings(frame).map((b) => ({ name: b.name, value: b.value })),
        ...this.engine.realm.global.ownKeys().map((name) => ({ name, value: this.engine.realm.global.get(name) })),
      ],
    });
  }
}
