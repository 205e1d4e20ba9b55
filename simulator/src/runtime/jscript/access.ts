/**
 * Property access and calls on any JScript value (ES3 11.2): script objects, primitives
 * (through their prototypes), COM objects (through the bridge) and the other host values.
 * Shared by compiled code and built-ins.
 */
import { isComObject } from '../objects/comObject.js';
import { VbsArray } from '../values/array.js';
import { VDate } from '../values/variant.js';
import { comCall, comCallDefault, comGet, comPut } from './comBridge.js';
import { JsErr, raiseJs } from './errors.js';
import { JsFunction, UserFunction } from './functions.js';
import type { Realm } from './realm.js';
import { JsArray, JsObject, LengthError, type JsValue } from './values.js';

/** 5007 as jscript.dll words it: naming the expression when it has a simple name. */
export function notAnObject(text: string | null): never {
  return raiseJs(JsErr.ObjectExpected, text === null ? undefined : `'${text}' is null or not an object`);
}

export function getMember(realm: Realm, base: JsValue, key: string, baseText: string | null): JsValue {
  if (base instanceof JsObject) return base.get(key);
  switch (typeof base) {
    case 'string':
      if (key === 'length') return base.length;
      return realm.stringProto.get(key);
    case 'number':
      return realm.numberProto.get(key);
    case 'boolean':
      return realm.booleanProto.get(key);
    case 'undefined':
      return notAnObject(baseText);
  }
  if (base === null) return notAnObject(baseText);
  if (isComObject(base)) return comGet(realm, base, key);
  // A VT_DATE or SAFEARRAY has no members until converted (new Date(x), new VBArray(x)).
  return raiseJs(JsErr.PropertyOrMethodNotSupported);
}

export function getIndexed(realm: Realm, base: JsValue, key: JsValue, baseText: string | null): JsValue {
  if (typeof key === 'number' && base instanceof JsArray && key >= 0 && (key | 0) === key) return base.getIndex(key);
  return getMember(realm, base, propertyKey(key), baseText);
}

/** ToString of a property name; numbers are the common case. */
export function propertyKey(key: JsValue): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number') return String(key);
  return toStrLazy(key);
}

let toStrImpl: ((v: JsValue) => string) | null = null;
/** conversions.toStr, injected to keep this module's imports acyclic. */
export function setPropertyKeyConversion(fn: (v: JsValue) => string): void {
  toStrImpl = fn;
}
function toStrLazy(v: JsValue): string {
  return toStrImpl!(v);
}

export function putMember(base: JsValue, key: string, value: JsValue, baseText: string | null): void {
  if (base instanceof JsObject) {
    try {
      base.put(key, value);
    } catch (e) {
      if (e instanceof LengthError) raiseJs(JsErr.ArrayLengthAssign);
      throw e;
    }
    return;
  }
  if (base === null || base === undefined) notAnObject(baseText);
  if (isComObject(base)) {
    comPut(base, key, [], value);
    return;
  }
  // A primitive: the wrapper object is discarded, so the write has no effect (ES3 8.7.2).
  if (base instanceof VDate || base instanceof VbsArray) raiseJs(JsErr.PropertyOrMethodNotSupported);
}

export function putIndexed(base: JsValue, key: JsValue, value: JsValue, baseText: string | null): void {
  if (typeof key === 'number' && base instanceof JsArray && key >= 0 && (key | 0) === key) {
    base.putIndex(key, value);
    return;
  }
  putMember(base, propertyKey(key), value, baseText);
}

/** Calls a value: script functions, COM objects (their default member). */
export function callValue(_realm: Realm, fn: JsValue, thisv: JsValue, args: JsValue[]): JsValue {
  if (fn instanceof JsFunction) return fn.call(thisv, args);
  if (isComObject(fn)) return comCallDefault(fn, args);
  return raiseJs(JsErr.FunctionExpected);
}

/** `base.key(args)`. */
export function callMember(realm: Realm, base: JsValue, key: string, args: JsValue[], baseText: string | null): JsValue {
  if (base instanceof JsObject) {
    const fn = base.get(key);
    if (fn instanceof JsFunction) return fn.call(base, args);
    return notCallable(fn);
  }
  if (base === null || base === undefined) return notAnObject(baseText);
  if (isComObject(base)) return comCall(base, key, args);
  const fn = getMember(realm, base, key, baseText);
  if (fn instanceof JsFunction) {
    // Built-ins take the primitive itself; script functions see the wrapper object (ES3 11.2.3 + 10.2.3).
    return fn.call(fn instanceof UserFunction ? realm.toObject(base) : base, args);
  }
  return notCallable(fn);
}

/** 438 for a missing method, 5002 for a member that is not a function. */
function notCallable(v: JsValue): never {
  if (v === undefined) return raiseJs(JsErr.PropertyOrMethodNotSupported);
  if (isComObject(v)) return raiseJs(JsErr.PropertyOrMethodNotSupported);
  return raiseJs(JsErr.FunctionExpected);
}

export function construct(_realm: Realm, ctor: JsValue, args: JsValue[]): JsValue {
  if (ctor instanceof JsFunction) return ctor.construct(args);
  if (isComObject(ctor)) return raiseJs(JsErr.ActionNotSupported);
  return raiseJs(JsErr.FunctionExpected);
}

