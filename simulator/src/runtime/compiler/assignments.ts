/**
 * `target = value` and `Set target = value`.
 *
 * Let semantics: an object on the right is replaced by its default value, an array is
 * copied (by the store). Set semantics: the right side must be an object (424 otherwise).
 */
import type { AssignmentStatement, Expression } from '../../syntax/ast.js';
import { raise, RuntimeError } from '../errors.js';
import type { Frame } from '../frame.js';
import { ClassInstance } from '../objects/classInstance.js';
import { isComObject } from '../objects/comObject.js';
import { Completion, SlotEntry, type Exec } from '../procedures.js';
import { Ref, storeElement } from '../references.js';
import { VbsArray } from '../values/array.js';
import { toIntegerIndex } from '../values/coerce.js';
import type { Value } from '../values/variant.js';
import { compileContent, compileStore, resolve } from './bindings.js';
import { compileArgument, type ArgumentCode } from './calls.js';
import type { CompileContext } from './context.js';
import { compileObjectOf, describe, requireObject } from './objectAccess.js';

/** The value a Let assignment stores: objects give their default value. */
export function letValue(v: Value): Value {
  return typeof v === 'object' && v !== null && isComObject(v) ? v.getDefault([]) : v;
}

/** The value a Set assignment stores: only objects (and Nothing). */
export function setValue(v: Value, name: string): Value {
  return isComObject(v) ? v : raise(RuntimeError.ObjectRequired, name || undefined);
}

/** A compiled assignment target: stores an already converted value. */
export type Assign = (f: Frame, v: Value) => void;

export function compileAssignment(ctx: CompileContext, node: AssignmentStatement): Exec {
  const value = ctx.expr(node.value);
  const assign = compileTarget(ctx, node.target, node.isSet);
  if (node.isSet) {
    const name = describe(node.value);
    return (f) => {
      assign(f, setValue(value(f), name));
      return Completion.Normal;
    };
  }
  return (f) => {
    let v = value(f);
    if (typeof v === 'object' && v !== null && isComObject(v)) v = v.getDefault([]);
    assign(f, v);
    return Completion.Normal;
  };
}

export function compileTarget(ctx: CompileContext, target: Expression, isSet: boolean): Assign {
  switch (target.kind) {
    case 'Identifier': {
      const store = compileStore(ctx, resolve(ctx, target.name));
      return (f, v) => store(f, v, isSet);
    }
    case 'Member': {
      const object = compileObjectOf(ctx, target.object);
      const objectName = describe(target.object);
      const name = target.name.name;
      return (f, v) => {
        const o = object(f);
        if (o instanceof ClassInstance) o.write(name, [], v, isSet, o !== f.me);
        else requireObject(o, objectName).setProperty(name, [], v, isSet);
      };
    }
    case 'Call':
      return compileIndexedTarget(ctx, target.callee, target.args.map((a) => compileArgument(ctx, a)), isSet);
    default:
      return () => raise(RuntimeError.IllegalAssignment, describe(target));
  }
}

function argValues(args: ArgumentCode[], f: Frame): Value[] {
  return args.map((a) => a.value(f));
}

/** `a(i) = v`, `obj(i) = v` (default member), `obj.Prop(i) = v`, `Prop(i) = v` inside a class. */
function compileIndexedTarget(ctx: CompileContext, callee: Expression, args: ArgumentCode[], isSet: boolean): Assign {
  if (callee.kind === 'Member') {
    const object = compileObjectOf(ctx, callee.object);
    const objectName = describe(callee.object);
    const name = callee.name.name;
    return (f, v) => {
      const o = object(f);
      if (o instanceof ClassInstance) o.write(name, argValues(args, f), v, isSet, o !== f.me);
      else requireObject(o, objectName).setProperty(name, argValues(args, f), v, isSet);
    };
  }
  if (callee.kind === 'Identifier') {
    const name = callee.name;
    const b = resolve(ctx, name);
    if (b.kind === 'member') return (f, v) => f.me!.write(name, argValues(args, f), v, isSet, false);
    if (b.kind === 'itemMember') {
      const g = ctx.rt.globals;
      return (f, v) => requireObject(g[b.slot] as Value, name).setProperty(name, argValues(args, f), v, isSet);
    }
    if (b.kind === 'local' || b.kind === 'global' || b.kind === 'field') {
      const content = compileContent(ctx, b);
      return (f, v) => storeIndexed(content(f), args, f, v, isSet, name);
    }
    return () => raise(RuntimeError.IllegalAssignment, name);
  }
  const container = ctx.expr(callee);
  const name = describe(callee);
  return (f, v) => storeIndexed(container(f), args, f, v, isSet, name);
}

function storeIndexed(container: unknown, args: ArgumentCode[], f: Frame, v: Value, isSet: boolean, name: string): void {
  if (container instanceof Ref) container = container.get();
  if (container instanceof VbsArray) {
    return storeElement(
      container,
      args.map((a) => toIntegerIndex(a.value(f))),
      v,
    );
  }
  if (container instanceof SlotEntry) return raise(RuntimeError.IllegalAssignment, name);
  if (isComObject(container)) return container.setDefault(argValues(args, f), v, isSet);
  raise(RuntimeError.TypeMismatch, name);
}

