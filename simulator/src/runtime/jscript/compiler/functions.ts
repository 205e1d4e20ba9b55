/**
 * Function literals → templates. A template holds the function's scope layout and its
 * compiled body (compiled on first call when the unit is lazy); every evaluation of the
 * literal closes a `UserFunction` over the current environment.
 */
import type * as estree from 'acorn';
import { UserFunction, type FunctionTemplate } from '../functions.js';
import type { Env, Exec, FrameOwner } from '../runtime.js';
import { DONTENUM, JsObject, type Absent, type JsValue } from '../values.js';
import { analyzeBody } from './analysis.js';
import type { CompileContext } from './context.js';
import { CompileScope } from './scope.js';

/** Hoisted function declarations of a body: compiled templates with the slot each one fills. */
export interface HoistedFunction {
  name: string;
  template: FunctionTemplate;
}

export function compileFunctionTemplate(ctx: CompileContext, node: estree.Function): FunctionTemplate {
  const name = node.id ? node.id.name : '';
  const body = (node.body as estree.BlockStatement).body;
  const analysis = analyzeBody(body);
  const scope = new CompileScope('function', ctx.scope, analysis.callsEval);
  for (const p of node.params) scope.addSlot((p as estree.Identifier).name);
  const paramCount = node.params.length;
  // Duplicate parameter names: the last one wins (ES3 10.1.3), which `addSlot` gave us.
  const argumentsSlot = (analysis.usesArguments || analysis.callsEval) && !scope.names.has('arguments') ? scope.declare('arguments') : -1;
  for (const fn of analysis.functions) scope.declare(fn.id!.name);
  for (const v of analysis.vars) scope.declare(v);
  const owner: FrameOwner = { displayName: name || 'anonymous function', unit: ctx.unit, start: node.start, end: node.end };
  const inner = ctx.withScope(scope);
  const realm = ctx.realm;
  let hoisted: Array<{ slot: number; template: FunctionTemplate }> | null = null;

  const template: FunctionTemplate = {
    name,
    paramCount,
    owner,
    scope,
    slotCount: scope.slotCount,
    source: ctx.unit.source.slice(node.start, node.end),
    body: null,
    compile(): Exec {
      if (template.body !== null) return template.body;
      hoisted = analysis.functions.map((fn) => ({ slot: scope.names.get(fn.id!.name)!, template: compileFunctionTemplate(inner, fn) }));
      const exec = inner.statements(body);
      template.body = exec;
      template.slotCount = scope.slotCount;
      if (ctx.lazy) ctx.rt.onUnit?.(ctx.unit);
      return exec;
    },
    setup(env: Env, fn: UserFunction, args: JsValue[]): void {
      if (argumentsSlot >= 0) env.slots[argumentsSlot] = new ArgumentsObject(realm.objectProto, env, fn, args, paramCount);
      const h = hoisted!;
      for (let i = 0; i < h.length; i++) env.slots[h[i].slot] = new UserFunction(realm, h[i].template, env);
    },
  };
  if (!ctx.lazy) template.compile();
  else ctx.unit.lazyFunctions?.push(template);
  return template;
}

/**
 * The `arguments` object (ES3 10.1.8): its elements below the formal parameter count share
 * storage with the parameters, so `arguments[0] = x` changes the first parameter and back.
 */
export class ArgumentsObject extends JsObject {
  private readonly mapped: number;

  constructor(
    proto: JsObject,
    private readonly env: Env,
    callee: UserFunction,
    args: JsValue[],
    paramCount: number,
  ) {
    super(proto, 'Object');
    this.mapped = Math.min(args.length, paramCount);
    this.define('length', args.length, DONTENUM);
    this.define('callee', callee, DONTENUM);
    const props = this.writableProps();
    for (let i = this.mapped; i < args.length; i++) props.set(String(i), args[i]);
    for (let i = 0; i < this.mapped; i++) props.set(String(i), undefined);
  }

  private slotOf(key: string): number {
    if (this.mapped === 0) return -1;
    const c = key.charCodeAt(0);
    if (c < 48 || c > 57) return -1;
    const i = Number(key);
    return Number.isInteger(i) && i < this.mapped && String(i) === key && this.props.has(key) ? i : -1;
  }

  override getOwn(key: string): JsValue | Absent {
    const slot = this.slotOf(key);
    if (slot >= 0) return this.env.slots[slot];
    return super.getOwn(key);
  }

  override put(key: string, v: JsValue): void {
    const slot = this.slotOf(key);
    if (slot >= 0) this.env.slots[slot] = v;
    else super.put(key, v);
  }

  override deleteOwn(key: string): boolean {
    return super.deleteOwn(key);
  }
}

