/**
 * Assignments (`=`, compound `op=`) and `++`/`--` on the three kinds of target: a name,
 * a member (`o.p`, `o[k]`), and JScript's call-as-lvalue (`o.Item("k") = v`: an indexed
 * COM property put; on anything but a COM object run-time error 5008 "Illegal assignment",
 * as Wine's jscript.dll reports it when the statement runs).
 */
import type * as estree from 'acorn';
import { isComObject } from '../../objects/comObject.js';
import { getIndexed, getMember, propertyKey, putIndexed, putMember } from '../access.js';
import { argsToVariants, comCall, comCallDefault, comPut, toVariant } from '../comBridge.js';
import { toNumber } from '../conversions.js';
import { JsErr, raiseJs } from '../errors.js';
import { binaryOperators, type BinaryFn } from '../operators.js';
import type { Eval, JsFrame } from '../runtime.js';
import type { JsValue } from '../values.js';
import { compileArgs, nameForErrors } from './calls.js';
import type { CompileContext } from './context.js';
import { compileName } from './names.js';

/** A compiled target: `read` and `write` get what `locate` computed (base and key), so each part is evaluated once. */
interface Target {
  locate(f: JsFrame): Located;
  read(f: JsFrame, at: Located): JsValue;
  write(f: JsFrame, at: Located, v: JsValue): void;
}

interface Located {
  base: JsValue;
  key: JsValue;
  args: JsValue[] | null;
}

const NOWHERE: Located = Object.freeze({ base: undefined, key: undefined, args: null }) as Located;

export function compileTarget(ctx: CompileContext, node: estree.Node): Target {
  const realm = ctx.realm;
  if (node.type === 'Identifier') {
    const access = compileName(ctx, (node as estree.Identifier).name);
    return {
      locate: () => NOWHERE,
      read: (f) => access.get(f),
      write: (f, _at, v) => access.set(f, v),
    };
  }
  if (node.type === 'MemberExpression') {
    const m = node as estree.MemberExpression;
    const object = ctx.expr(m.object);
    const baseText = nameForErrors(ctx, m.object);
    const key: Eval = m.computed ? ctx.expr(m.property) : ((name) => () => name)((m.property as estree.Identifier).name);
    return {
      locate: (f) => {
        const base = object(f);
        return { base, key: key(f), args: null };
      },
      read: (_f, at) => getIndexed(realm, at.base, at.key, baseText),
      write: (_f, at, v) => putIndexed(at.base, at.key, v, baseText),
    };
  }
  if (node.type === 'CallExpression') {
    const call = node as estree.CallExpression;
    const args = compileArgs(ctx, call.arguments);
    if (call.callee.type === 'MemberExpression') {
      const m = call.callee as estree.MemberExpression;
      const object = ctx.expr(m.object);
      const baseText = nameForErrors(ctx, m.object);
      const key: Eval = m.computed ? ctx.expr(m.property) : ((name) => () => name)((m.property as estree.Identifier).name);
      return {
        locate: (f) => {
          const base = object(f);
          const k = key(f);
          return { base, key: k, args: args(f) };
        },
        read: (_f, at) => {
          if (isComObject(at.base)) return comCall(at.base, propertyKey(at.key), at.args!);
          return raiseJs(JsErr.IllegalAssignment);
        },
        write: (_f, at, v) => {
          if (isComObject(at.base)) comPut(at.base, propertyKey(at.key), at.args!, v);
          else {
            if (at.base === null || at.base === undefined) getMember(realm, at.base, '', baseText);
            raiseJs(JsErr.IllegalAssignment);
          }
        },
      };
    }
    const callee = ctx.expr(call.callee);
    return {
      locate: (f) => {
        const base = callee(f);
        return { base, key: undefined, args: args(f) };
      },
      read: (_f, at) => (isComObject(at.base) ? comCallDefault(at.base, at.args!) : raiseJs(JsErr.IllegalAssignment)),
      write: (_f, at, v) => {
        if (isComObject(at.base)) at.base.setDefault(argsToVariants(at.args!), toVariant(v), false);
        else raiseJs(JsErr.IllegalAssignment);
      },
    };
  }
  // `1 = x`, `this = x`: early errors in ES3, reported by jscript.dll when the statement runs.
  return {
    locate: () => NOWHERE,
    read: () => undefined,
    write: () => raiseJs(node.type === 'ThisExpression' ? JsErr.CannotAssignToThis : JsErr.IllegalAssignment),
  };
}

export function compileAssignment(ctx: CompileContext, node: estree.AssignmentExpression): Eval {
  const value = ctx.expr(node.right);
  const left = node.left as estree.Node;
  if (node.operator === '=') {
    if (left.type === 'Identifier') {
      const access = compileName(ctx, (left as estree.Identifier).name);
      return (f) => {
        const v = value(f);
        access.set(f, v);
        return v;
      };
    }
    if (left.type === 'MemberExpression' && !(left as estree.MemberExpression).computed) {
      const m = left as estree.MemberExpression;
      const object = ctx.expr(m.object);
      const key = (m.property as estree.Identifier).name;
      const baseText = nameForErrors(ctx, m.object);
      return (f) => {
        const base = object(f);
        const v = value(f);
        putMember(base, key, v, baseText);
        return v;
      };
    }
    const target = compileTarget(ctx, left);
    return (f) => {
      const at = target.locate(f);
      const v = value(f);
      target.write(f, at, v);
      return v;
    };
  }
  const op: BinaryFn | undefined = binaryOperators[node.operator.slice(0, -1)];
  if (!op) return raiseJs(JsErr.SyntaxError);
  const target = compileTarget(ctx, left);
  return (f) => {
    const at = target.locate(f);
    const v = op(target.read(f, at), value(f));
    target.write(f, at, v);
    return v;
  };
}

export function compileUpdate(ctx: CompileContext, node: estree.UpdateExpression): Eval {
  const delta = node.operator === '++' ? 1 : -1;
  const arg = node.argument as estree.Node;
  if (arg.type === 'Identifier') {
    const access = compileName(ctx, (arg as estree.Identifier).name);
    if (node.prefix) {
      return (f) => {
        const old = access.get(f);
        const v = (typeof old === 'number' ? old : toNumber(old)) + delta;
        access.set(f, v);
        return v;
      };
    }
    return (f) => {
      const old = access.get(f);
      const n = typeof old === 'number' ? old : toNumber(old);
      access.set(f, n + delta);
      return n;
    };
  }
  const target = compileTarget(ctx, arg);
  const prefix = node.prefix;
  return (f) => {
    const at = target.locate(f);
    const n = toNumber(target.read(f, at));
    target.write(f, at, n + delta);
    return prefix ? n + delta : n;
  };
}

