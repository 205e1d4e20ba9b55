/**
 * Calls (ES3 11.2.3): through a member (`o.m(a)`: `this` is o; on a COM object an invoke by
 * name), through a name (`f(a)`: `this` is the global object, or the `with` object that
 * holds f), and of any other value. `eval(...)` called by its own name is a direct eval:
 * the code runs in the caller's scope.
 */
import type * as estree from 'acorn';
import { isComObject } from '../../objects/comObject.js';
import { callMember, callValue, propertyKey } from '../access.js';
import { comCall } from '../comBridge.js';
import { JsErr, raiseJs } from '../errors.js';
import { JsFunction } from '../functions.js';
import type { Eval, JsFrame } from '../runtime.js';
import { JsObject, type JsValue } from '../values.js';
import type { CompileContext } from './context.js';
import { compileName } from './names.js';

/** How error 5007 names an expression: identifiers and member chains as written, else none ("Object expected"). */
export function nameForErrors(ctx: CompileContext, node: estree.Node): string | null {
  let n: estree.Node = node;
  while (n.type === 'MemberExpression') {
    const m = n as estree.MemberExpression;
    if (m.computed && m.property.type !== 'Literal' && m.property.type !== 'Identifier') return null;
    n = m.object;
  }
  if (n.type !== 'Identifier' && n.type !== 'ThisExpression') return null;
  return ctx.text(node);
}

export function compileArgs(ctx: CompileContext, args: readonly estree.Node[]): (f: JsFrame) => JsValue[] {
  const compiled = args.map((a) => ctx.expr(a));
  const n = compiled.length;
  if (n === 0) return () => [];
  if (n === 1) {
    const a0 = compiled[0];
    return (f) => [a0(f)];
  }
  return (f) => {
    const out = new Array<JsValue>(n);
    for (let i = 0; i < n; i++) out[i] = compiled[i](f);
    return out;
  };
}

export function compileCall(ctx: CompileContext, node: estree.CallExpression): Eval {
  const callee = node.callee;
  const args = compileArgs(ctx, node.arguments);
  const realm = ctx.realm;
  if (callee.type === 'MemberExpression') {
    const m = callee as estree.MemberExpression;
    const object = ctx.expr(m.object);
    const baseText = nameForErrors(ctx, m.object);
    if (!m.computed) {
      const key = (m.property as estree.Identifier).name;
      return (f) => {
        const base = object(f);
        if (base instanceof JsObject) {
          // Look the method up before evaluating the arguments (ES3 11.2.3 steps 2–3).
          const fn = base.get(key);
          if (fn instanceof JsFunction) return fn.call(base, args(f));
          return callMember(realm, base, key, args(f), baseText);
        }
        if (isComObject(base)) return comCall(base, key, args(f));
        return callMember(realm, base, key, args(f), baseText);
      };
    }
    const property = ctx.expr(m.property);
    return (f) => {
      const base = object(f);
      const key = propertyKey(property(f));
      return callMember(realm, base, key, args(f), baseText);
    };
  }
  if (callee.type === 'Identifier') {
    const name = (callee as estree.Identifier).name;
    const access = compileName(ctx, name);
    if (name === 'eval') {
      return (f) => {
        const fn = access.get(f);
        const values = args(f);
        if (fn === realm.evalFunction) {
          const code = values[0];
          if (typeof code !== 'string') return code;
          return realm.services.evalCode(code, f);
        }
        return callValue(realm, fn, access.thisOf(f), values);
      };
    }
    return (f) => {
      const fn = access.get(f);
      if (fn instanceof JsFunction) return fn.call(access.thisOf(f), args(f));
      if (isComObject(fn)) return callValue(realm, fn, undefined, args(f));
      return raiseJs(JsErr.FunctionExpected);
    };
  }
  const target = ctx.expr(callee);
  return (f) => callValue(realm, target(f), undefined, args(f));
}

