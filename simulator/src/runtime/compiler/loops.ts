/**
 * Loops. Every iteration passes the same countdown as a statement (`backEdge`), so the
 * deadline and a debugger's pause request reach even a loop with an empty body.
 */
import type { NodeOfKind } from '../../syntax/ast.js';
import { raise, RuntimeError } from '../errors.js';
import type { Frame, StatementInfo } from '../frame.js';
import { isComObject } from '../objects/comObject.js';
import { Completion, type Exec } from '../procedures.js';
import { VbsArray } from '../values/array.js';
import { toNumber } from '../values/coerce.js';
import { binaryOperators } from '../values/operators.js';
import type { Value } from '../values/variant.js';
import { compileLoad, compileStore, resolve } from './bindings.js';
import type { CompileContext } from './context.js';
import { compileCondition } from './conditions.js';

const add = binaryOperators['+'];

/** A numeric view of a For bound: objects through their default value, strings parsed. */
function forBound(v: Value): Value {
  if (typeof v === 'number') return v;
  if (v === null) return raise(RuntimeError.InvalidUseOfNull);
  if (typeof v === 'string' || v === undefined || typeof v === 'boolean' || isComObject(v)) return toNumber(v);
  return v;
}

export function compileForLoop(ctx: CompileContext, node: NodeOfKind<'For'>, info: StatementInfo): Exec {
  const binding = resolve(ctx, node.variable.name);
  const load = compileLoad(ctx, binding);
  const store = compileStore(ctx, binding);
  const from = ctx.expr(node.from);
  const to = ctx.expr(node.to);
  const stepOf = node.step ? ctx.expr(node.step) : () => 1;
  const body = ctx.block(node.body);
  const rt = ctx.rt;
  return (f) => {
    const start = forBound(from(f));
    const end = toNumber(forBound(to(f)));
    const step = forBound(stepOf(f));
    const stepN = toNumber(step);
    store(f, start, false);
    for (;;) {
      const current = load(f);
      const n = typeof current === 'number' ? current : toNumber(current);
      if (stepN >= 0 ? n > end : n < end) break;
      const c = body(f);
      if (c !== Completion.Normal) {
        if (c === Completion.ExitFor) break;
        return c;
      }
      if (--rt.tick <= 0) rt.onTick(info, f, true);
      store(f, add(load(f), step), false);
    }
    return Completion.Normal;
  };
}

/** The values `For Each` visits: array elements in memory order, or the object's enumeration. */
function enumerationOf(v: Value): Iterable<Value> {
  if (v instanceof VbsArray) return v.enumerationOrder();
  if (isComObject(v) && v.enumerate) return v.enumerate();
  return raise(RuntimeError.NotACollection);
}

export function compileForEach(ctx: CompileContext, node: NodeOfKind<'ForEach'>, info: StatementInfo): Exec {
  const store = compileStore(ctx, resolve(ctx, node.variable.name));
  const collection = ctx.expr(node.collection);
  const body = ctx.block(node.body);
  const rt = ctx.rt;
  return (f) => {
    for (const item of enumerationOf(collection(f))) {
      store(f, item, true);
      const c = body(f);
      if (c !== Completion.Normal) {
        if (c === Completion.ExitFor) break;
        return c;
      }
      if (--rt.tick <= 0) rt.onTick(info, f, true);
    }
    return Completion.Normal;
  };
}

export function compileDoLoop(ctx: CompileContext, node: NodeOfKind<'Do'>, info: StatementInfo): Exec {
  const body = ctx.block(node.body);
  const rt = ctx.rt;
  const condition = node.condition ? compileCondition(ctx, ctx.expr(node.condition), info) : null;
  const until = node.conditionKind === 'Until';
  const pre = node.conditionPosition === 'pre';
  const keepGoing = (f: Frame): boolean => (condition === null ? true : condition(f) !== until);
  return (f) => {
    if (pre && !keepGoing(f)) return Completion.Normal;
    for (;;) {
      const c = body(f);
      if (c !== Completion.Normal) {
        if (c === Completion.ExitDo) break;
        return c;
      }
      if (--rt.tick <= 0) rt.onTick(info, f, true);
      if (!keepGoing(f)) break;
    }
    return Completion.Normal;
  };
}

export function compileWhileLoop(ctx: CompileContext, node: NodeOfKind<'While'>, info: StatementInfo): Exec {
  const body = ctx.block(node.body);
  const rt = ctx.rt;
  const test = compileCondition(ctx, ctx.expr(node.test), info);
  return (f) => {
    while (test(f)) {
      const c = body(f);
      // `Exit Do` cannot leave a While … Wend; anything else propagates.
      if (c !== Completion.Normal) return c;
      if (--rt.tick <= 0) rt.onTick(info, f, true);
    }
    return Completion.Normal;
  };
}
