/**
 * Call sites: `Foo a, b`, `x = Foo(a)`, `obj.Method a`, `a(i)`, `obj(i)`.
 *
 * Whether `name(args)` is a call, an array index or a default-member access is decided
 * at run time from what the name holds, as VBScript does. Arguments are compiled twice:
 * as a value and, when they are variables or array elements, as a `Ref`, which procedures
 * written in VBScript receive for their ByRef parameters (a `Paren` argument has no Ref,
 * so it is passed by value).
 */
import type { Argument, Expression } from '../../syntax/ast.js';
import { raise, RuntimeError } from '../errors.js';
import type { Frame } from '../frame.js';
import { ClassInstance, indexValue } from '../objects/classInstance.js';
import { isComObject } from '../objects/comObject.js';
import { NativeProcedure, Undeclared, UserProcedure, type Evaluate } from '../procedures.js';
import { ArrayElementRef } from '../references.js';
import { VbsArray } from '../values/array.js';
import { toIntegerIndex } from '../values/coerce.js';
import { MissingArgumentValue, type Value } from '../values/variant.js';
import { compileContent, compileLoad, compileRef, resolve } from './bindings.js';
import type { CompileContext } from './context.js';
import { compileObjectOf, describe, requireObject } from './objectAccess.js';

export interface ArgumentCode {
  value: Evaluate;
  /** A `Ref` (or, when the name turns out not to be a variable, its value); null: by value only. */
  ref: ((f: Frame) => unknown) | null;
}

export function compileArgument(ctx: CompileContext, a: Argument): ArgumentCode {
  if (a.kind === 'Missing') return { value: () => MissingArgumentValue, ref: null };
  const value = ctx.expr(a);
  if (a.kind === 'Identifier') return { value, ref: compileRef(ctx, resolve(ctx, a.name)) };
  if (a.kind === 'Call' && a.callee.kind === 'Identifier') {
    const b = resolve(ctx, a.callee.name);
    if (b.kind === 'local' || b.kind === 'global' || b.kind === 'field') {
      const content = compileContent(ctx, b);
      const indices = a.args.map((x) => compileArgument(ctx, x).value);
      return {
        value,
        ref: (f) => {
          const arr = content(f);
          if (arr instanceof VbsArray) return new ArrayElementRef(arr, indices.map((i) => toIntegerIndex(i(f))));
          return value(f);
        },
      };
    }
  }
  return { value, ref: null };
}

function values(args: ArgumentCode[], f: Frame): Value[] {
  const out = new Array<Value>(args.length);
  for (let i = 0; i < args.length; i++) out[i] = args[i].value(f);
  return out;
}

/** Values, or Refs for variables: for procedures written in VBScript (ByRef by default). */
function prepared(args: ArgumentCode[], f: Frame): unknown[] {
  const out = new Array<unknown>(args.length);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    out[i] = a.ref === null ? a.value(f) : a.ref(f);
  }
  return out;
}

/**
 * `callee args`. `wantValue`: an expression (the result is used) rather than a statement.
 */
export function compileInvocation(ctx: CompileContext, callee: Expression, argNodes: Argument[], wantValue: boolean): Evaluate {
  const args = argNodes.map((a) => compileArgument(ctx, a));
  if (callee.kind === 'Identifier') return compileNamedCall(ctx, callee.name, args, wantValue);
  if (callee.kind === 'Member') {
    const object = compileObjectOf(ctx, callee.object);
    const objectName = describe(callee.object);
    const name = callee.name.name;
    return (f) => {
      const o = object(f);
      if (o instanceof ClassInstance) return o.read(name, prepared(args, f), o === f.me);
      const target = requireObject(o, objectName);
      return wantValue ? target.getProperty(name, values(args, f)) : target.callMethod(name, values(args, f));
    };
  }
  const target = ctx.expr(callee);
  const name = describe(callee);
  return (f) => indexValue(target(f), values(args, f), name);
}

function compileNamedCall(ctx: CompileContext, name: string, args: ArgumentCode[], wantValue: boolean): Evaluate {
  const rt = ctx.rt;
  const own = ctx.scope.procedure;
  // Inside Function F, `F(x)` is a recursive call, while a bare `F` is the result variable.
  if (own && own.hasResult && args.length > 0 && own.name.toLowerCase() === name.toLowerCase()) {
    if (ctx.scope.classDefinition) return (f) => f.me!.read(name, prepared(args, f), true);
    return (f) => rt.callProcedure(own, null, prepared(args, f), f);
  }
  const b = resolve(ctx, name);
  switch (b.kind) {
    case 'function': {
      const fn = b.fn;
      if (args.length < fn.minArgs || args.length > fn.maxArgs) return () => raise(RuntimeError.WrongNumberOfArguments, name);
      return (f) => fn.call(values(args, f), f);
    }
    case 'member':
      return (f) => f.me!.read(name, prepared(args, f), true);
    case 'itemMember': {
      const g = rt.globals;
      const slot = b.slot;
      return (f) => {
        const o = g[slot];
        if (!isComObject(o)) return raise(RuntimeError.ObjectRequired, name);
        return wantValue ? o.getProperty(name, values(args, f)) : o.callMethod(name, values(args, f));
      };
    }
    case 'global': {
      const g = rt.globals;
      const slot = b.slot;
      return (f) => {
        const v = g[slot];
        if (v instanceof UserProcedure) return rt.callProcedure(v, null, prepared(args, f), f);
        if (v instanceof NativeProcedure) return v.call(values(args, f));
        if (v instanceof Undeclared) {
          if (ctx.scope.explicit && args.length === 0) return raise(RuntimeError.VariableUndefined, name);
          return raise(wantValue ? RuntimeError.TypeMismatch : RuntimeError.SubOrFunctionNotDefined, name);
        }
        return callValue(v as Value, args, f, wantValue, name);
      };
    }
    default: {
      const load = compileLoad(ctx, b);
      return (f) => callValue(load(f), args, f, wantValue, name);
    }
  }
}

/** `x(args)` on a variable's value: an array element, an object's default member, or (no arguments) the value itself. */
function callValue(v: Value, args: ArgumentCode[], f: Frame, wantValue: boolean, name: string): Value {
  // `x` alone is the value; as a statement, an object's default member is called.
  if (args.length === 0 && (wantValue || !isComObject(v))) return v;
  if (v instanceof VbsArray) return indexValue(v, values(args, f), name);
  if (isComObject(v)) return v.getDefault(values(args, f));
  return raise(RuntimeError.TypeMismatch, name || undefined);
}

