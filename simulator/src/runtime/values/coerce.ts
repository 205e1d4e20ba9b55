/**
 * VBScript's implicit conversions: the arithmetic view of a value, its text, its truth,
 * comparisons and the integer conversions used for indices and CInt/CLng. Every function
 * tests the plain-JS representations (number, string) first: they are what scripts use
 * almost all the time and the interpreter calls these in its innermost loops.
 */
import { raise, RuntimeError } from '../errors';
import { getDefaultValue } from './defaultValue';
import { formatDateValue, parseDate } from './dateText';
import { currentLocale } from './locale';
import { formatCurrencyValue, formatDouble, formatSingle, parseNumber } from './numberText';
import {
  BoxedNumber,
  VByte,
  VCurrency,
  VDate,
  VDouble,
  VErrorValue,
  VLong,
  VLongLong,
  VSingle,
  VarType,
  isVbsArray,
  isVbsObject,
  subtypeOf,
  type Value,
} from './variant';

/** An object used as a value means its default member; anything else is itself. */
export function deref(v: Value): Value {
  return typeof v === 'object' && v !== null && isVbsObject(v) ? getDefaultValue(v) : v;
}

/** The arithmetic view: Empty → 0, True → -1, numeric strings under the current locale; else error 13 (Null: 94). */
export function toNumber(v: Value): number {
  if (typeof v === 'number') return v;
  switch (typeof v) {
    case 'string': {
      const n = parseNumber(v);
      if (n === undefined) raise(RuntimeError.TypeMismatch);
      return n;
    }
    case 'boolean':
      return v ? -1 : 0;
    case 'undefined':
      return 0;
  }
  if (v === null) raise(RuntimeError.InvalidUseOfNull);
  if (v instanceof BoxedNumber) {
    if (v instanceof VErrorValue) raise(RuntimeError.TypeMismatch);
    return v.value;
  }
  if (v instanceof VLongLong) return Number(v.value);
  if (isVbsObject(v)) return toNumber(getDefaultValue(v));
  return raise(RuntimeError.TypeMismatch);
}

/** The text of a value as CStr gives it (Null: error 94, arrays: 13). */
export function toStr(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return (v | 0) === v ? String(v) : formatDouble(v);
  switch (typeof v) {
    case 'boolean':
      return v ? 'True' : 'False';
    case 'undefined':
      return '';
  }
  if (v === null) raise(RuntimeError.InvalidUseOfNull);
  if (v instanceof VDate) return formatDateValue(v.value);
  if (v instanceof VDouble) return formatDouble(v.value);
  if (v instanceof VSingle) return formatSingle(v.value);
  if (v instanceof VCurrency) return formatCurrencyValue(v.value);
  if (v instanceof VLong || v instanceof VByte) return String(v.value);
  if (v instanceof VLongLong) return v.value.toString();
  if (v instanceof VErrorValue) raise(RuntimeError.TypeMismatch);
  if (isVbsObject(v)) return toStr(getDefaultValue(v));
  return raise(RuntimeError.TypeMismatch);
}

/** Like toStr but Null gives "" — what `&` and Echo-style output want. */
export function toStrOrEmpty(v: Value): string {
  return v === null ? '' : toStr(v);
}

/** CBool: numbers ≠ 0, "True"/"False" (English or the locale's words), numeric strings. */
export function toBool(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === undefined) return false;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    const loc = currentLocale();
    // "#TRUE#" is how VBScript writes Boolean literals in text; CBool accepts it too.
    if (t === 'true' || t === '#true#' || t === loc.trueName.toLowerCase()) return true;
    if (t === 'false' || t === '#false#' || t === loc.falseName.toLowerCase()) return false;
    const n = parseNumber(v);
    if (n === undefined) raise(RuntimeError.TypeMismatch);
    return n !== 0;
  }
  if (v === null) raise(RuntimeError.InvalidUseOfNull);
  if (v instanceof VLongLong) return v.value !== 0n;
  if (v instanceof BoxedNumber) {
    if (v instanceof VErrorValue) raise(RuntimeError.TypeMismatch);
    return v.value !== 0;
  }
  if (isVbsObject(v)) return toBool(getDefaultValue(v));
  return raise(RuntimeError.TypeMismatch);
}

/** The truth of an `If`/`While` condition: like CBool, but Null counts as False. */
export function isTrue(v: Value): boolean {
  if (v === true) return true;
  if (v === false || v === null) return false;
  return toBool(v);
}

/** Round half to even, as CInt, CLng, array indices, `\` and `Mod` operands do. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round rounds .5 up; step back when that made an odd number from an exact half.
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r + 0;
}

/** CLng: banker's rounding into the Long range (error 6 outside it). */
export function toLong(v: Value): number {
  if (typeof v === 'number' && (v | 0) === v) return v;
  const n = roundHalfEven(toNumber(v));
  if (!(n >= -2147483648 && n <= 2147483647)) raise(RuntimeError.Overflow);
  return n;
}

/** CInt: banker's rounding into the Integer range (error 6 outside it). */
export function toInteger(v: Value): number {
  if (typeof v === 'number' && v >= -32768 && v <= 32767 && (v | 0) === v) return v;
  let n: number;
  if (typeof v === 'string' && v.trimStart().startsWith('&')) {
    // A 16-bit hex/octal string reads as a signed Integer: CInt("&HFFFF") = -1.
    n = toNumber(v);
    if (n > 32767 && n <= 65535) n -= 65536;
  } else n = roundHalfEven(toNumber(v));
  if (!(n >= -32768 && n <= 32767)) raise(RuntimeError.Overflow);
  return n + 0;
}

/** An array index or other integer argument: banker's rounding; Null is error 94. */
export function toIntegerIndex(v: Value): number {
  if (typeof v === 'number' && (v | 0) === v) return v;
  const n = roundHalfEven(toNumber(v));
  if (!(n >= -2147483648 && n <= 2147483647)) raise(RuntimeError.Overflow);
  return n;
}

/**
 * CDate's view of a value as an OLE date serial: strings are parsed as dates under the
 * locale, then (like oleaut32's conversion) as a serial number ("36526"); numbers are serials.
 */
export function toDateNumber(v: Value): number {
  if (v instanceof VDate) return v.value;
  if (typeof v === 'string') {
    const d = parseDate(v);
    if (d !== undefined) return d;
    const n = parseNumber(v);
    if (n === undefined) raise(RuntimeError.TypeMismatch);
    return checkDateRange(n);
  }
  return checkDateRange(toNumber(v));
}

function checkDateRange(n: number): number {
  if (!(n >= -657434 && n < 2958466)) raise(RuntimeError.Overflow);
  return n;
}

/** Whether IsNumeric would say True: numbers, Booleans, Empty, numeric strings; not dates. */
export function isNumericValue(v: Value): boolean {
  switch (typeof v) {
    case 'number':
    case 'boolean':
    case 'undefined':
      return true;
    case 'string':
      return parseNumber(v) !== undefined;
  }
  if (v === null) return false;
  if (v instanceof VDate || v instanceof VErrorValue) return false;
  if (v instanceof BoxedNumber || v instanceof VLongLong) return true;
  if (isVbsObject(v)) {
    try {
      return isNumericValue(getDefaultValue(v));
    } catch {
      return false;
    }
  }
  return false;
}

/** Whether the value is one of the number-like subtypes (incl. Boolean, Date) once objects are resolved. */
function isNumberLike(v: Value): boolean {
  return typeof v === 'number' || typeof v === 'boolean' || v instanceof BoxedNumber || v instanceof VLongLong;
}

/** Binary (code unit) or text (case-insensitive) string comparison: -1, 0 or 1. */
export function compareStrings(a: string, b: string, textCompare = false): -1 | 0 | 1 {
  if (textCompare) {
    a = a.toLowerCase();
    b = b.toLowerCase();
  }
  return a === b ? 0 : a < b ? -1 : 1;
}

function compareNumbers(x: number, y: number): -1 | 0 | 1 {
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * VBScript's comparison of two variables: numbers numerically, strings as strings, a number
 * is less than any string, Empty is 0 or "" as the other side needs, Null gives null.
 */
export function compare(a: Value, b: Value, textCompare = false): -1 | 0 | 1 | null {
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b, textCompare);
  if (a === null || b === null) return null;
  if (typeof a === 'object' && isVbsObject(a)) return compare(getDefaultValue(a), b, textCompare);
  if (typeof b === 'object' && isVbsObject(b)) return compare(a, getDefaultValue(b), textCompare);
  if (isVbsArray(a) || isVbsArray(b)) raise(RuntimeError.TypeMismatch);
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return typeof b === 'string' ? compareStrings('', b, textCompare) : compareNumbers(0, numberOf(b));
  if (b === undefined) return typeof a === 'string' ? compareStrings(a, '', textCompare) : compareNumbers(numberOf(a), 0);
  if (typeof a === 'string') return isNumberLike(b) ? 1 : raise(RuntimeError.TypeMismatch);
  if (typeof b === 'string') return isNumberLike(a) ? -1 : raise(RuntimeError.TypeMismatch);
  if (a instanceof VLongLong && b instanceof VLongLong) return a.value === b.value ? 0 : a.value < b.value ? -1 : 1;
  return compareNumbers(numberOf(a), numberOf(b));
}

function numberOf(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? -1 : 0;
  if (v instanceof BoxedNumber) {
    if (v instanceof VErrorValue) raise(RuntimeError.TypeMismatch);
    return v.value;
  }
  if (v instanceof VLongLong) return Number(v.value);
  return raise(RuntimeError.TypeMismatch);
}

/**
 * Comparison where one side is a literal constant in the source: VBScript converts the
 * constant to the other side's type, so `x = "1" : x = 1` is True while a number variable
 * compared with a string variable is not. `literalIsLeft` says which side the constant is.
 */
export function compareWithLiteral(a: Value, b: Value, literalIsLeft: boolean, textCompare = false): -1 | 0 | 1 | null {
  const lit = literalIsLeft ? a : b;
  let other = literalIsLeft ? b : a;
  if (typeof other === 'object' && other !== null && isVbsObject(other)) other = getDefaultValue(other);
  let converted: Value = lit;
  if (typeof other === 'string' && lit !== null && lit !== undefined && typeof lit !== 'string') converted = toStr(lit);
  else if (typeof lit === 'string' && other instanceof VDate) converted = new VDate(toDateNumber(lit));
  else if (typeof lit === 'string' && other !== null && other !== undefined && isNumberLike(other)) {
    const n = parseNumber(lit);
    if (n === undefined) raise(RuntimeError.TypeMismatch);
    converted = n;
  }
  return literalIsLeft ? compare(converted, other, textCompare) : compare(other, converted, textCompare);
}

/** The subtype name TypeName gives for non-object values (objects: the core asks the object). */
export function typeNameOf(v: Value): string {
  const t = subtypeOf(v);
  switch (t) {
    case VarType.Empty:
      return 'Empty';
    case VarType.Null:
      return 'Null';
    case VarType.Integer:
      return 'Integer';
    case VarType.Long:
      return 'Long';
    case VarType.Single:
      return 'Single';
    case VarType.Double:
      return 'Double';
    case VarType.Currency:
      return 'Currency';
    case VarType.Date:
      return 'Date';
    case VarType.String:
      return 'String';
    case VarType.Boolean:
      return 'Boolean';
    case VarType.Byte:
      return 'Byte';
    case VarType.Error:
      return 'Error';
    case VarType.LongLong:
      return 'LongLong';
    case VarType.Object:
      return 'Object';
    default:
      return 'Variant()';
  }
}

