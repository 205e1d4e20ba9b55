/**
 * ES3 type conversions (section 9) over JScript values, host values included: a COM object
 * converts through its default member (DISPID_VALUE), a VT_DATE as its time value.
 */
import { isComObject } from '../objects/comObject.js';
import { VbsArray } from '../values/array.js';
import { VDate } from '../values/variant.js';
import { dateToString, oleToTime } from './dateMath.js';
import { JsErr, raiseJs } from './errors.js';
import { JsFunction } from './functions.js';
import { fromVariant } from './hostValues.js';
import { JsObject, type JsValue } from './values.js';

export type Primitive = undefined | null | boolean | number | string;

export function isPrimitive(v: JsValue): v is Primitive {
  return typeof v !== 'object' || v === null;
}

/** ToPrimitive (ES3 9.1) with [[DefaultValue]] (8.6.2.6). */
export function toPrimitive(v: JsValue, hint?: 'number' | 'string'): Primitive {
  if (typeof v !== 'object' || v === null) return v;
  if (v instanceof JsObject) {
    const h = hint ?? (v.cls === 'Date' ? 'string' : 'number');
    const first = h === 'string' ? 'toString' : 'valueOf';
    const second = h === 'string' ? 'valueOf' : 'toString';
    for (const name of [first, second]) {
      const fn = v.get(name);
      if (fn instanceof JsFunction) {
        const r = fn.call(v, []);
        if (typeof r !== 'object' || r === null) return r;
      }
    }
    return raiseJs(JsErr.ObjectExpected);
  }
  if (v instanceof VDate) {
    const t = oleToTime(v.value);
    return hint === 'number' ? t : dateToString(t);
  }
  if (isComObject(v)) {
    let r = fromVariant(v.getDefault([]));
    for (let i = 0; i < 8 && isComObject(r); i++) r = fromVariant(r.getDefault([]));
    if (typeof r === 'object' && r !== null) return toPrimitive(r, hint);
    return r;
  }
  if (v instanceof VbsArray) return raiseJs(JsErr.TypeMismatch);
  return raiseJs(JsErr.TypeMismatch);
}

/** StringToNumber (ES3 9.3.1): decimal or hex, surrounding white space ignored, no octal, no `0b`/`0o`. */
export function stringToNumber(s: string): number {
  const t = s.replace(/^[\s\u00a0\ufeff]+|[\s\u00a0\ufeff]+$/g, '');
  if (t === '') return 0;
  if (/^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)$/.test(t)) return Number(t);
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) return Number(t);
  if (/^[+-]?Infinity$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  return NaN;
}

export function toNumber(v: JsValue): number {
  switch (typeof v) {
    case 'number':
      return v;
    case 'string':
      return stringToNumber(v);
    case 'boolean':
      return v ? 1 : 0;
    case 'undefined':
      return NaN;
    default:
      if (v === null) return 0;
      return toNumber(toPrimitive(v, 'number'));
  }
}

export function numberToString(n: number): string {
  // V8 follows ES 9.8.1, which ES3 and jscript.dll share for radix 10.
  return String(n);
}

export function toStr(v: JsValue): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return numberToString(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'undefined':
      return 'undefined';
    default:
      if (v === null) return 'null';
      return toStr(toPrimitive(v, 'string'));
  }
}

export function toBoolean(v: JsValue): boolean {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
      return v !== 0 && !Number.isNaN(v);
    case 'string':
      return v.length > 0;
    case 'undefined':
      return false;
    default:
      return v !== null;
  }
}

export function toInteger(v: JsValue): number {
  const n = toNumber(v);
  if (Number.isNaN(n)) return 0;
  if (!Number.isFinite(n)) return n;
  return Math.trunc(n) + 0;
}

export function toInt32(v: JsValue): number {
  return typeof v === 'number' ? v | 0 : toNumber(v) | 0;
}

export function toUint32(v: JsValue): number {
  return (typeof v === 'number' ? v : toNumber(v)) >>> 0;
}

export function toUint16(v: JsValue): number {
  return toNumber(v) & 0xffff;
}

/** The `typeof` result, including jscript.dll's "date" (VT_DATE) and "unknown" (SAFEARRAY and other VARIANTs). */
export function typeOf(v: JsValue): string {
  switch (typeof v) {
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    default:
      if (v === null) return 'object';
      if (v instanceof JsFunction) return 'function';
      if (v instanceof JsObject) return 'object';
      if (v instanceof VDate) return 'date';
      if (isComObject(v)) return 'object';
      return 'unknown';
  }
}

/** Strict equality (ES3 11.9.6); host values compare by identity, VT_DATEs by value. */
export function strictEquals(a: JsValue, b: JsValue): boolean {
  if (a === b) return typeof a !== 'number' || !Number.isNaN(a);
  if (a instanceof VDate && b instanceof VDate) return a.value === b.value;
  return false;
}

/** Abstract equality (ES3 11.9.3). */
export function looseEquals(a: JsValue, b: JsValue): boolean {
  for (;;) {
    const ta = typeof a;
    const tb = typeof b;
    if (a === null || a === undefined) return b === null || b === undefined;
    if (b === null || b === undefined) return false;
    if (ta === tb && (ta !== 'object' || (isObjectLike(a) && isObjectLike(b)))) return strictEquals(a, b);
    if (ta === 'number' && tb === 'string') return a === toNumber(b);
    if (ta === 'string' && tb === 'number') return toNumber(a) === b;
    if (ta === 'boolean') {
      a = a ? 1 : 0;
      continue;
    }
    if (tb === 'boolean') {
      b = b ? 1 : 0;
      continue;
    }
    if ((ta === 'string' || ta === 'number') && tb === 'object') {
      b = toPrimitive(b);
      continue;
    }
    if (ta === 'object' && (tb === 'string' || tb === 'number')) {
      a = toPrimitive(a);
      continue;
    }
    return false;
  }
}

function isObjectLike(v: JsValue): boolean {
  return typeof v === 'object' && v !== null;
}
