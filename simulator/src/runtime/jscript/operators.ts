/** ES3 operators (section 11) over JScript values. */
import { isComObject } from '../objects/comObject.js';
import { looseEquals, strictEquals, toInt32, toNumber, toPrimitive, toStr, toUint32 } from './conversions.js';
import { JsErr, raiseJs } from './errors.js';
import { JsFunction } from './functions.js';
import { JsObject, type JsValue } from './values.js';

export function add(a: JsValue, b: JsValue): JsValue {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  const pa = toPrimitive(a);
  const pb = toPrimitive(b);
  if (typeof pa === 'string' || typeof pb === 'string') return toStr(pa) + toStr(pb);
  return toNumber(pa) + toNumber(pb);
}

/** The abstract relational comparison (ES3 11.8.5): true, false, or undefined for NaN. */
function lessThan(a: JsValue, b: JsValue): boolean | undefined {
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) || Number.isNaN(b) ? undefined : a < b;
  const pa = toPrimitive(a, 'number');
  const pb = toPrimitive(b, 'number');
  if (typeof pa === 'string' && typeof pb === 'string') return pa < pb;
  const na = toNumber(pa);
  const nb = toNumber(pb);
  if (Number.isNaN(na) || Number.isNaN(nb)) return undefined;
  return na < nb;
}

export function instanceOf(v: JsValue, ctor: JsValue): boolean {
  if (!(ctor instanceof JsFunction)) return raiseJs(JsErr.FunctionExpected);
  if (!(v instanceof JsObject)) return false;
  const proto = ctor.get('prototype');
  if (!(proto instanceof JsObject)) return raiseJs(JsErr.InvalidPrototype);
  for (let o = v.proto; o !== null; o = o.proto) if (o === proto) return true;
  return false;
}

export function hasProperty(key: JsValue, obj: JsValue): boolean {
  if (obj instanceof JsObject) return obj.has(toStr(key));
  if (isComObject(obj)) return obj.hasMember(toStr(key));
  return raiseJs(JsErr.ObjectExpected);
}

export type BinaryFn = (a: JsValue, b: JsValue) => JsValue;

export const binaryOperators: Record<string, BinaryFn> = {
  '+': add,
  '-': (a, b) => toNumber(a) - toNumber(b),
  '*': (a, b) => toNumber(a) * toNumber(b),
  '/': (a, b) => toNumber(a) / toNumber(b),
  '%': (a, b) => toNumber(a) % toNumber(b),
  '<<': (a, b) => toInt32(a) << (toUint32(b) & 31),
  '>>': (a, b) => toInt32(a) >> (toUint32(b) & 31),
  '>>>': (a, b) => toUint32(a) >>> (toUint32(b) & 31),
  '&': (a, b) => toInt32(a) & toInt32(b),
  '|': (a, b) => toInt32(a) | toInt32(b),
  '^': (a, b) => toInt32(a) ^ toInt32(b),
  '==': (a, b) => looseEquals(a, b),
  '!=': (a, b) => !looseEquals(a, b),
  '===': (a, b) => strictEquals(a, b),
  '!==': (a, b) => !strictEquals(a, b),
  '<': (a, b) => lessThan(a, b) === true,
  '>': (a, b) => lessThan(b, a) === true,
  '<=': (a, b) => {
    const r = lessThan(b, a);
    return r === false;
  },
  '>=': (a, b) => {
    const r = lessThan(a, b);
    return r === false;
  },
  instanceof: instanceOf,
  in: hasProperty,
};
