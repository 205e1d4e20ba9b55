/**
 * VBScript's operators over Variants, with the result subtypes of oleaut32's Var* functions
 * (which vbscript.dll shares): e.g. Integer + Integer is Integer and becomes Long on overflow,
 * Currency + Double is Currency but Currency * Double is Double, anything / anything is Double
 * unless a Single meets only small types. Null propagates except where the logic operators
 * can decide without it (`Null And False` is False).
 *
 * Each operator starts with a fast path for plain JS numbers and strings, the representation
 * of Integer, Long, Double and String that scripts use nearly all the time.
 */
import type { BinaryOperator, UnaryOperator } from '../../syntax/ast';
import { raise, RuntimeError } from '../errors';
import { compare, deref, roundHalfEven, toStrOrEmpty } from './coerce';
import { checkedDouble, fitPromoting, makeCurrency, makeDateValue, makeLongLong } from './numeric';
import { parseNumber } from './numberText';
import {
  BoxedNumber,
  VByte,
  VCurrency,
  VDate,
  VErrorValue,
  VLong,
  VLongLong,
  VSingle,
  VarType,
  canonicalSubtype,
  isVbsArray,
  isVbsObject,
  type Value,
} from './variant';

/** Subtype of an operand after resolving objects to their default value; arrays and Error values are type mismatches. */
function kindOf(v: Value): VarType {
  switch (typeof v) {
    case 'number':
      return canonicalSubtype(v);
    case 'string':
      return VarType.String;
    case 'boolean':
      return VarType.Boolean;
    case 'undefined':
      return VarType.Empty;
  }
  if (v === null) return VarType.Null;
  if (v instanceof VErrorValue) return raise(RuntimeError.TypeMismatch);
  if (v instanceof BoxedNumber || v instanceof VLongLong) return v.varType;
  return raise(RuntimeError.TypeMismatch);
}

/** The number an operand stands for (strings already known to be strings are parsed). */
function num(v: Value, kind: VarType): number {
  switch (kind) {
    case VarType.Empty:
      return 0;
    case VarType.Boolean:
      return v ? -1 : 0;
    case VarType.String: {
      const n = parseNumber(v as string);
      if (n === undefined) raise(RuntimeError.TypeMismatch);
      return n;
    }
    case VarType.LongLong:
      return Number((v as VLongLong).value);
  }
  return typeof v === 'number' ? v : (v as BoxedNumber).value;
}

function big(v: Value, kind: VarType): bigint {
  if (kind === VarType.LongLong) return (v as VLongLong).value;
  return BigInt(num(v, kind));
}

/** Result type of `+` and `-` (VarAdd/VarSub): Date > Currency > Double/String > Single > LongLong > Long > Integer > Byte. */
function addType(ka: VarType, kb: VarType): VarType {
  if (ka === VarType.Date || kb === VarType.Date) return VarType.Date;
  if (ka === VarType.Currency || kb === VarType.Currency) return VarType.Currency;
  return mulType(ka, kb);
}

/** Result type of `*` (VarMul): like `+`, but Double, String and Date win over Currency. */
function mulType(ka: VarType, kb: VarType): VarType {
  if (ka === VarType.Double || kb === VarType.Double || ka === VarType.String || kb === VarType.String) return VarType.Double;
  if (ka === VarType.Date || kb === VarType.Date) return VarType.Double;
  if (ka === VarType.Currency || kb === VarType.Currency) return VarType.Currency;
  if (ka === VarType.Single || kb === VarType.Single) {
    const other = ka === VarType.Single ? kb : ka;
    return other === VarType.Long || other === VarType.LongLong ? VarType.Double : VarType.Single;
  }
  if (ka === VarType.LongLong || kb === VarType.LongLong) return VarType.LongLong;
  if (ka === VarType.Long || kb === VarType.Long) return VarType.Long;
  if (ka === VarType.Byte && (kb === VarType.Byte || kb === VarType.Empty)) return VarType.Byte;
  if (kb === VarType.Byte && ka === VarType.Empty) return VarType.Byte;
  return VarType.Integer;
}

function arith(a: Value, b: Value, type: VarType, op: (x: number, y: number) => number, bop: (x: bigint, y: bigint) => bigint, ka: VarType, kb: VarType): Value {
  if (type === VarType.LongLong) return makeLongLong(bop(big(a, ka), big(b, kb)));
  return fitPromoting(type, op(num(a, ka), num(b, kb)));
}

const plus = (x: number, y: number): number => x + y;
const minus = (x: number, y: number): number => x - y;
const times = (x: number, y: number): number => x * y;
const bplus = (x: bigint, y: bigint): bigint => x + y;
const bminus = (x: bigint, y: bigint): bigint => x - y;
const btimes = (x: bigint, y: bigint): bigint => x * y;

/** Result of an int32-or-Double operation on two plain numbers (their canonical subtypes). */
function plainResult(a: number, b: number, r: number): Value {
  const ai = (a | 0) === a;
  const bi = (b | 0) === b;
  if (ai && bi) {
    if ((r | 0) === r) {
      // Integer op Integer stays Integer while it fits; any Long operand makes a Long.
      if (r >= -32768 && r <= 32767 && (a < -32768 || a > 32767 || b < -32768 || b > 32767)) return new VLong(r + 0);
      return r + 0;
    }
    return checkedDouble(r);
  }
  return checkedDouble(r);
}

export function add(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return plainResult(a, b, a + b);
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  a = deref(a);
  b = deref(b);
  if (a === null || b === null) return null;
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  const ka = kindOf(a);
  const kb = kindOf(b);
  // One Empty operand: the other comes back unchanged (Empty + "x" is "x"; Empty + Empty is Integer 0).
  if (ka === VarType.Empty && kb !== VarType.Boolean) return kb === VarType.Empty ? 0 : b;
  if (kb === VarType.Empty && ka !== VarType.Boolean) return a;
  return arith(a, b, addType(ka, kb), plus, bplus, ka, kb);
}

export function subtract(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return plainResult(a, b, a - b);
  a = deref(a);
  b = deref(b);
  if (a === null || b === null) return null;
  const ka = kindOf(a);
  const kb = kindOf(b);
  // Date - Date is a number of days; Date - n is a Date.
  const type = ka === VarType.Date && kb === VarType.Date ? VarType.Double : addType(ka, kb);
  return arith(a, b, type, minus, bminus, ka, kb);
}

export function multiply(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return plainResult(a, b, a * b);
  a = deref(a);
  b = deref(b);
  if (a === null || b === null) return null;
  const ka = kindOf(a);
  const kb = kindOf(b);
  return arith(a, b, mulType(ka, kb), times, btimes, ka, kb);
}

const SMALL_FOR_SINGLE = new Set([VarType.Single, VarType.Integer, VarType.Byte, VarType.Boolean, VarType.Empty]);

export function divide(a: Value, b: Value): Value {
  let x: number;
  let y: number;
  let single = false;
  if (typeof a === 'number' && typeof b === 'number') {
    x = a;
    y = b;
  } else {
    a = deref(a);
    b = deref(b);
    if (a === null || b === null) return null;
    const ka = kindOf(a);
    const kb = kindOf(b);
    single = (ka === VarType.Single || kb === VarType.Single) && SMALL_FOR_SINGLE.has(ka) && SMALL_FOR_SINGLE.has(kb);
    x = num(a, ka);
    y = num(b, kb);
  }
  if (y === 0) raise(x === 0 ? RuntimeError.Overflow : RuntimeError.DivisionByZero);
  const r = x / y;
  return single ? fitPromoting(VarType.Single, r) : checkedDouble(r);
}

/** Operand of `\`, `Mod` and the bitwise operators: rounded to an integer, with its integer subtype. */
function intOperand(v: Value, k: VarType): { n: number; type: VarType } {
  switch (k) {
    case VarType.Empty:
      return { n: 0, type: VarType.Integer };
    case VarType.Boolean:
      return { n: v ? -1 : 0, type: VarType.Integer };
    case VarType.Byte:
    case VarType.Integer:
    case VarType.Long:
      return { n: num(v, k), type: k };
    default: {
      const n = roundHalfEven(num(v, k));
      if (!(n >= -2147483648 && n <= 2147483647)) raise(RuntimeError.Overflow);
      return { n, type: VarType.Long };
    }
  }
}

function widerInt(ta: VarType, tb: VarType): VarType {
  if (ta === VarType.Long || tb === VarType.Long) return VarType.Long;
  if (ta === VarType.Byte && tb === VarType.Byte) return VarType.Byte;
  return VarType.Integer;
}

function intDivOrMod(a: Value, b: Value, mod: boolean): Value {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) {
    if (b === 0) raise(RuntimeError.DivisionByZero);
    const r = mod ? a % b : Math.trunc(a / b);
    const long = a < -32768 || a > 32767 || b < -32768 || b > 32767;
    return fitPromoting(long ? VarType.Long : VarType.Integer, r + 0);
  }
  a = deref(a);
  b = deref(b);
  if (a === null || b === null) return null;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === VarType.LongLong || kb === VarType.LongLong) {
    const x = ka === VarType.LongLong ? (a as VLongLong).value : BigInt(intOperand(a, ka).n);
    const y = kb === VarType.LongLong ? (b as VLongLong).value : BigInt(intOperand(b, kb).n);
    if (y === 0n) raise(RuntimeError.DivisionByZero);
    return makeLongLong(mod ? x % y : x / y);
  }
  const x = intOperand(a, ka);
  const y = intOperand(b, kb);
  if (y.n === 0) raise(RuntimeError.DivisionByZero);
  const r = mod ? x.n % y.n : Math.trunc(x.n / y.n);
  return fitPromoting(widerInt(x.type, y.type), r + 0);
}

export function intDivide(a: Value, b: Value): Value {
  return intDivOrMod(a, b, false);
}

export function modulo(a: Value, b: Value): Value {
  return intDivOrMod(a, b, true);
}

export function power(a: Value, b: Value): Value {
  a = deref(a);
  b = deref(b);
  if (a === null || b === null) return null;
  const x = num(a, kindOf(a));
  const y = num(b, kindOf(b));
  if (x === 0 && y < 0) raise(RuntimeError.DivisionByZero);
  const r = Math.pow(x, y);
  if (Number.isNaN(r)) raise(RuntimeError.InvalidProcedureCall);
  return checkedDouble(r);
}

export function concat(a: Value, b: Value): Value {
  if (typeof a === 'string') {
    if (typeof b === 'string') return a + b;
    if (typeof b === 'number' && (b | 0) === b) return a + b; // integers print as JS prints them
  }
  if (a === null && b === null) return null;
  return toStrOrEmpty(deref(a)) + toStrOrEmpty(deref(b));
}

// ---- comparison -------------------------------------------------------------------------

function cmp(a: Value, b: Value): -1 | 0 | 1 | null {
  return compare(a, b, false);
}

export const equal = (a: Value, b: Value): Value => {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  const c = cmp(a, b);
  return c === null ? null : c === 0;
};
export const notEqual = (a: Value, b: Value): Value => {
  if (typeof a === 'number' && typeof b === 'number') return a !== b;
  if (typeof a === 'string' && typeof b === 'string') return a !== b;
  const c = cmp(a, b);
  return c === null ? null : c !== 0;
};
export const less = (a: Value, b: Value): Value => {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  const c = cmp(a, b);
  return c === null ? null : c < 0;
};
export const greater = (a: Value, b: Value): Value => {
  if (typeof a === 'number' && typeof b === 'number') return a > b;
  const c = cmp(a, b);
  return c === null ? null : c > 0;
};
export const lessEqual = (a: Value, b: Value): Value => {
  if (typeof a === 'number' && typeof b === 'number') return a <= b;
  const c = cmp(a, b);
  return c === null ? null : c <= 0;
};
export const greaterEqual = (a: Value, b: Value): Value => {
  if (typeof a === 'number' && typeof b === 'number') return a >= b;
  const c = cmp(a, b);
  return c === null ? null : c >= 0;
};

/** `Is`: object identity; both sides must be objects (Nothing included), else error 424. */
export function isSameObject(a: Value, b: Value): boolean {
  if (!isVbsObject(a) || !isVbsObject(b)) raise(RuntimeError.ObjectRequired);
  return a === b;
}

// ---- logical / bitwise ------------------------------------------------------------------

/** A logical operand: Boolean stays Boolean, anything else becomes an integer of its subtype. */
function logicOperand(v: Value, k: VarType): { n: number; type: VarType } {
  if (k === VarType.Boolean) return { n: v ? -1 : 0, type: VarType.Boolean };
  if (k === VarType.String) {
    const n = roundHalfEven(num(v, k));
    if (!(n >= -2147483648 && n <= 2147483647)) raise(RuntimeError.Overflow);
    return { n, type: n >= -32768 && n <= 32767 ? VarType.Integer : VarType.Long };
  }
  if (k === VarType.LongLong) raise(RuntimeError.TypeMismatch);
  return intOperand(v, k);
}

function logicType(ta: VarType, tb: VarType): VarType {
  if (ta === VarType.Boolean && tb === VarType.Boolean) return VarType.Boolean;
  return widerInt(ta === VarType.Boolean ? VarType.Integer : ta, tb === VarType.Boolean ? VarType.Integer : tb);
}

function logicResult(type: VarType, n: number): Value {
  switch (type) {
    case VarType.Boolean:
      return n !== 0;
    case VarType.Byte:
      return new VByte(n & 0xff);
    case VarType.Integer:
      return (n << 16) >> 16;
    default:
      return fitPromoting(VarType.Long, n | 0);
  }
}

const andOp = (x: number, y: number): number => x & y;
const orOp = (x: number, y: number): number => x | y;
const xorOp = (x: number, y: number): number => x ^ y;
const eqvOp = (x: number, y: number): number => ~(x ^ y);
const impOp = (x: number, y: number): number => ~x | y;

// Null And 0 = 0 (whatever Null is, the result has no bits); Null Or -1 = -1; otherwise Null.
export const and = logicalWithNull(andOp, (o) => o === 0, (o) => o === 0);
export const or = logicalWithNull(orOp, (o) => o === -1, (o) => o === -1);
export const xor = logicalWithNull(xorOp, () => false, () => false);
export const eqv = logicalWithNull(eqvOp, () => false, () => false);
// Null Imp -1 = -1 (anything implies True); 0 Imp Null = -1 (False implies anything).
export const imp = logicalWithNull(impOp, (o) => o === -1, (o) => o === 0);

function logicalWithNull(op: (x: number, y: number) => number, nullLeftDecided: (other: number) => boolean, nullRightDecided: (other: number) => boolean) {
  return (a: Value, b: Value): Value => {
    if (typeof a === 'boolean' && typeof b === 'boolean') return op(a ? -1 : 0, b ? -1 : 0) !== 0;
    a = deref(a);
    b = deref(b);
    if (a === null && b === null) return null;
    if (a === null || b === null) {
      const other = a === null ? b : a;
      const o = logicOperand(other, kindOf(other));
      if (!(a === null ? nullLeftDecided(o.n) : nullRightDecided(o.n))) return null;
      // The outcome does not depend on Null's bits, so evaluate with Null as 0.
      return logicResult(o.type, a === null ? op(0, o.n) : op(o.n, 0));
    }
    const x = logicOperand(a, kindOf(a));
    const y = logicOperand(b, kindOf(b));
    return logicResult(logicType(x.type, y.type), op(x.n, y.n));
  };
}

export function not(a: Value): Value {
  if (typeof a === 'boolean') return !a;
  if (typeof a === 'number' && (a | 0) === a) return ~a >= -32768 && ~a <= 32767 && (a < -32768 || a > 32767) ? new VLong(~a) : ~a;
  a = deref(a);
  if (a === null) return null;
  const k = kindOf(a);
  if (k === VarType.Empty) return -1;
  const o = k === VarType.String ? { n: roundHalfEven(num(a, k)), type: VarType.Long } : logicOperand(a, k);
  if (o.type === VarType.Long && !(o.n >= -2147483648 && o.n <= 2147483647)) raise(RuntimeError.Overflow);
  return logicResult(o.type, ~o.n);
}

export function negate(a: Value): Value {
  if (typeof a === 'number') {
    if ((a | 0) !== a) return -a; // Double
    if (a >= -32767 && a <= 32767) return -a + 0; // Integer; -(-32768) falls through and becomes Long
    if (a >= -32768 && a <= 32767) return 32768;
    return fitPromoting(VarType.Long, -a);
  }
  a = deref(a);
  if (a === null) return null;
  const k = kindOf(a);
  switch (k) {
    case VarType.Empty:
      return 0;
    case VarType.Boolean:
      return a ? 1 : 0;
    case VarType.Byte:
      return -(a as VByte).value + 0;
    case VarType.String:
      return checkedDouble(-num(a, k));
    case VarType.LongLong:
      return makeLongLong(-(a as VLongLong).value);
    case VarType.Currency:
      return makeCurrency(-(a as VCurrency).value);
    case VarType.Date:
      return makeDateValue(-(a as VDate).value);
    case VarType.Single:
      return new VSingle(-(a as VSingle).value + 0);
    default:
      return fitPromoting(k, -num(a, k));
  }
}

export function identity(a: Value): Value {
  // Unary plus does not convert: +"3" stays the String "3".
  if (isVbsArray(a)) raise(RuntimeError.TypeMismatch);
  return a;
}

export const binaryOperators: Record<BinaryOperator, (a: Value, b: Value) => Value> = {
  '^': power,
  '*': multiply,
  '/': divide,
  '\\': intDivide,
  Mod: modulo,
  '+': add,
  '-': subtract,
  '&': concat,
  '=': equal,
  '<>': notEqual,
  '<': less,
  '>': greater,
  '<=': lessEqual,
  '>=': greaterEqual,
  Is: isSameObject,
  And: and,
  Or: or,
  Xor: xor,
  Eqv: eqv,
  Imp: imp,
};

export const unaryOperators: Record<UnaryOperator, (a: Value) => Value> = {
  Not: not,
  '-': negate,
  '+': identity,
};
