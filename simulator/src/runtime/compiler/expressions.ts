/**
 * Expressions → closures `(frame) => Value`. Operators come from the value library; this
 * module only decides what each node means (names were resolved in `bindings.ts`, calls
 * are in `calls.ts`).
 */
import type { BinaryOperator, Expression } from '../../syntax/ast.js';
import { raise, RuntimeError } from '../errors.js';
import type { Frame } from '../frame.js';
import { ClassInstance } from '../objects/classInstance.js';
import { Nothing, type VbsObject } from '../objects/comObject.js';
import type { Evaluate } from '../procedures.js';
import { compareWithLiteral } from '../values/coerce.js';
import { parseDate } from '../values/dateText.js';
import { localeInfo } from '../values/locale.js';
import { binaryOperators, unaryOperators } from '../values/operators.js';
import { makeNumber, VarType, VDate } from '../values/variant.js';
import { compileLoad, resolve } from './bindings.js';
import { compileInvocation } from './calls.js';
import { compileObjectOf, describe, requireObject } from './objectAccess.js';
import type { CompileContext } from './context.js';

export function compileExpression(ctx: CompileContext, e: Expression): Evaluate {
  switch (e.kind) {
    case 'NumberLiteral': {
      const v = makeNumber(numberTypes[e.numberKind], e.value);
      return () => v;
    }
    case 'StringLiteral': {
      const v = e.value;
      return () => v;
    }
    case 'BooleanLiteral': {
      const v = e.value;
      return () => v;
    }
    case 'DateLiteral':
      return compileDateLiteral(e.text);
    case 'NothingLiteral':
      return () => Nothing;
    case 'EmptyLiteral':
      return () => undefined;
    case 'NullLiteral':
      return () => null;
    case 'Me':
      return (f) => f.me ?? raise(RuntimeError.ObjectRequired, 'Me');
    case 'Identifier':
      return compileLoad(ctx, resolve(ctx, e.name));
    case 'Paren':
      return ctx.expr(e.expression);
    case 'Unary': {
      const op = unaryOperators[e.operator];
      const operand = ctx.expr(e.operand);
      return (f) => op(operand(f));
    }
    case 'Binary':
      return compileBinary(ctx, e.operator, e.left, e.right);
    case 'Member':
      return compileMemberRead(ctx, e.object, e.name.name);
    case 'Call':
      return compileInvocation(ctx, e.callee, e.args, true);
    case 'New':
      return compileNew(ctx, e.className.name);
  }
}

const numberTypes = { Integer: VarType.Integer, Long: VarType.Long, Double: VarType.Double } as const;

/** Date literals are always month/day/year, whatever the locale. */
function compileDateLiteral(text: string): Evaluate {
  const days = parseDate(text, localeInfo(1033));
  if (days === undefined) return () => raise(RuntimeError.TypeMismatch);
  const v = new VDate(days);
  return () => v;
}

const comparisons: Partial<Record<BinaryOperator, (c: -1 | 0 | 1) => boolean>> = {
  '=': (c) => c === 0,
  '<>': (c) => c !== 0,
  '<': (c) => c < 0,
  '>': (c) => c > 0,
  '<=': (c) => c <= 0,
  '>=': (c) => c >= 0,
};

function isLiteral(e: Expression): boolean {
  if (e.kind === 'Unary' && e.operator === '-') return e.operand.kind === 'NumberLiteral';
  return e.kind === 'NumberLiteral' || e.kind === 'StringLiteral' || e.kind === 'BooleanLiteral' || e.kind === 'DateLiteral';
}

function compileBinary(ctx: CompileContext, operator: BinaryOperator, leftNode: Expression, rightNode: Expression): Evaluate {
  const left = ctx.expr(leftNode);
  const right = ctx.expr(rightNode);
  const test = comparisons[operator];
  // VBScript converts a literal operand to the other operand's type (`x = "1"` with x = 1 is True).
  if (test && isLiteral(leftNode) !== isLiteral(rightNode)) {
    const literalIsLeft = isLiteral(leftNode);
    const fast = binaryOperators[operator];
    return (f) => {
      const a = left(f);
      const b = right(f);
      if (typeof a === typeof b && (typeof a === 'number' || typeof a === 'string')) return fast(a, b);
      const c = compareWithLiteral(a, b, literalIsLeft);
      return c === null ? null : test(c);
    };
  }
  const op = binaryOperators[operator];
  return (f) => op(left(f), right(f));
}

function compileMemberRead(ctx: CompileContext, objectNode: Expression | null, name: string): Evaluate {
  const object = compileObjectOf(ctx, objectNode);
  const objectName = describe(objectNode);
  return (f: Frame) => {
    const o = object(f);
    if (o instanceof ClassInstance) return o.read(name, [], o === f.me);
    return requireObject(o, objectName).getProperty(name, []);
  };
}

function compileNew(ctx: CompileContext, className: string): Evaluate {
  const rt = ctx.rt;
  const key = className.toLowerCase();
  const builtin = ctx.host.newObject(key);
  return (f) => {
    const definition = rt.classes.get(key);
    let instance: VbsObject;
    if (definition) instance = definition.instantiate();
    else if (builtin) {
      instance = builtin();
      instance.addRef();
    } else return raise(RuntimeError.ClassNotDefined, className);
    // Until it is stored, the new object is a temporary: its creation count is dropped at the next statement.
    rt.parkTemporary(instance, f.depth);
    return instance;
  };
}
