/**
 * How VBScript's Variant is represented in JavaScript.
 *
 * Design (why): the interpreter must run millions of statements per second, so the
 * common subtypes are plain JS values and only the rarer ones are boxed:
 *
 *   Empty    → undefined            Null    → null
 *   Boolean  → boolean              String  → string
 *   Integer  → number, integral, in -32768..32767
 *   Long     → number, integral, in int32 range but outside the Integer range
 *   Double   → number that is not an int32 (fractional, huge, NaN-free)
 *
 * A number whose subtype differs from what its value alone implies ("canonical subtype")
 * is boxed: `Long 5` is `new VLong(5)`, `Double 2` is `new VDouble(2)`. Always build
 * numbers through `makeInteger`/`makeLong`/`makeDouble` (or `makeNumber(subtype, n)`),
 * never by returning a raw JS number you did not check; `subtypeOf` reads them back.
 * Byte, Single, Currency, Date, Error and 64-bit integers (VT_I8, which hMailServer uses
 * for Message.ID) are always boxed. Objects and arrays are defined by the runtime
 * (class instances, host objects, `VbsArray`) and all implement `VbsObjectLike` or are `VbsArray`.
 */

export const enum VarType {
  Empty = 0,
  Null = 1,
  Integer = 2,
  Long = 3,
  Single = 4,
  Double = 5,
  Currency = 6,
  Date = 7,
  String = 8,
  Object = 9,
  Error = 10,
  Boolean = 11,
  Variant = 12,
  DataObject = 13,
  Decimal = 14,
  Byte = 17,
  LongLong = 20,
  Array = 8192,
}

/** A boxed number whose subtype is not implied by its value. */
export abstract class BoxedNumber {
  constructor(readonly value: number) {}
  abstract readonly varType: VarType;
}

export class VLong extends BoxedNumber {
  readonly varType = VarType.Long;
}
export class VDouble extends BoxedNumber {
  readonly varType = VarType.Double;
}
export class VByte extends BoxedNumber {
  readonly varType = VarType.Byte;
}
/** `value` is already rounded with Math.fround. */
export class VSingle extends BoxedNumber {
  readonly varType = VarType.Single;
}
/** `value` is the amount itself (not scaled), rounded to 4 decimals. */
export class VCurrency extends BoxedNumber {
  readonly varType = VarType.Currency;
}
/** OLE Automation date: days since 1899-12-30, fraction = time of day (negative dates count the fraction forward). */
export class VDate extends BoxedNumber {
  readonly varType = VarType.Date;
}
/** VT_ERROR: `value` is the SCODE. A missing optional argument is `VError(0x80020004)`. */
export class VErrorValue extends BoxedNumber {
  readonly varType = VarType.Error;
}

/** VT_I8, the 64-bit integer hMailServer passes for `Message.ID`. */
export class VLongLong {
  readonly varType = VarType.LongLong;
  constructor(readonly value: bigint) {}
}

/** Anything the runtime treats as an object reference (class instance, host object, Nothing). */
export interface VbsObjectLike {
  readonly isVbsObject: true;
}

/** Multi-dimensional, zero-based (VBScript arrays always are), stored row-major. */
export interface VbsArrayLike {
  readonly isVbsArray: true;
}

export type Value =
  | undefined
  | null
  | boolean
  | string
  | number
  | BoxedNumber
  | VLongLong
  | VbsObjectLike
  | VbsArrayLike;

export const DISP_E_PARAMNOTFOUND = 0x80020004 | 0;
/** The value of an omitted argument (`obj.Method a, , c`). */
export const MissingArgumentValue = new VErrorValue(DISP_E_PARAMNOTFOUND);

/** The subtype a plain JS number stands for. */
export function canonicalSubtype(n: number): VarType.Integer | VarType.Long | VarType.Double {
  if ((n | 0) === n) {
    return n >= -32768 && n <= 32767 ? VarType.Integer : VarType.Long;
  }
  return VarType.Double;
}

/** `n` must be integral and in -32768..32767: callers decide between overflow (error 6) and promotion. */
export function makeInteger(n: number): number {
  return n + 0; // folds -0 into 0
}

/** `n` must be integral and in int32 range. */
export function makeLong(n: number): number | VLong {
  return n < -32768 || n > 32767 ? n : new VLong(n + 0);
}

export function makeDouble(n: number): number | VDouble {
  return (n | 0) === n ? new VDouble(n) : n;
}

/** Builds a number of the given numeric subtype. */
export function makeNumber(type: VarType, n: number): Value {
  switch (type) {
    case VarType.Integer:
      return makeInteger(n);
    case VarType.Long:
      return makeLong(n);
    case VarType.Double:
      return makeDouble(n);
    case VarType.Single:
      return new VSingle(Math.fround(n));
    case VarType.Currency:
      return new VCurrency(Math.round(n * 10000) / 10000);
    case VarType.Byte:
      return new VByte(n);
    case VarType.Date:
      return new VDate(n);
    default:
      throw new Error(`makeNumber: not a numeric subtype: ${type}`);
  }
}

export function isVbsObject(v: unknown): v is VbsObjectLike {
  return typeof v === 'object' && v !== null && (v as VbsObjectLike).isVbsObject === true;
}

export function isVbsArray(v: unknown): v is VbsArrayLike {
  return typeof v === 'object' && v !== null && (v as VbsArrayLike).isVbsArray === true;
}

/** The VarType of a value (arrays: `VarType.Array | VarType.Variant`). */
export function subtypeOf(v: Value): VarType {
  switch (typeof v) {
    case 'undefined':
      return VarType.Empty;
    case 'boolean':
      return VarType.Boolean;
    case 'string':
      return VarType.String;
    case 'number':
      return canonicalSubtype(v);
    case 'object':
      if (v === null) return VarType.Null;
      if (v instanceof BoxedNumber || v instanceof VLongLong) return v.varType;
      if (isVbsArray(v)) return VarType.Array | VarType.Variant;
      return VarType.Object;
  }
  return VarType.Empty;
}

/** The numeric value of a number-like subtype (Integer … Date, Byte); NaN for anything else. */
export function numericValue(v: Value): number {
  if (typeof v === 'number') return v;
  if (v instanceof BoxedNumber) return v.value;
  if (v instanceof VLongLong) return Number(v.value);
  return NaN;
}
