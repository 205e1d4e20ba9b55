/**
 * Helpers shared by member reads, calls and assignments: the object of `x.member` (or of
 * `.member` inside With), and names for error messages.
 */
import type { Expression } from '../../syntax/ast.js';
import { raise, RuntimeError } from '../errors.js';
import { isComObject, type VbsObject } from '../objects/comObject.js';
import type { Evaluate } from '../procedures.js';
import type { Value } from '../values/variant.js';
import type { CompileContext } from './context.js';

/** The object an expression must yield before `.member`: 424 "Object required" otherwise. */
export function requireObject(v: Value, name: string): VbsObject {
  if (isComObject(v)) return v;
  return raise(RuntimeError.ObjectRequired, name || undefined);
}

/** The object of a member access: the expression, or the innermost `With` object for `.x`. */
export function compileObjectOf(ctx: CompileContext, object: Expression | null): Evaluate {
  if (object) return ctx.expr(object);
  const slot = ctx.withSlots[ctx.withSlots.length - 1];
  if (slot === undefined) return () => raise(RuntimeError.InvalidOrUnqualifiedReference);
  return (f) => f.locals[slot] as Value;
}

/** A short text naming an expression for error messages ("Object required: 'x'"). */
export function describe(e: Expression | null): string {
  if (!e) return '';
  switch (e.kind) {
    case 'Identifier':
      return e.name;
    case 'Member':
      return `${describe(e.object)}.${e.name.name}`;
    case 'Call':
      return describe(e.callee);
    case 'Me':
      return 'Me';
    default:
      return '';
  }
}

