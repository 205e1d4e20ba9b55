/** Small helpers the built-in families share. */
import { NativeFunction, type NativeImpl } from '../functions.js';
import type { Realm } from '../realm.js';
import { DONTDELETE, DONTENUM, READONLY, type JsObject, type JsValue } from '../values.js';

export function arg(args: readonly JsValue[], i: number): JsValue {
  return i < args.length ? args[i] : undefined;
}

/** A constructor function wired to its prototype (ES3 15.x.3.1 / 15.x.4.1 attributes). */
export function makeConstructor(
  realm: Realm,
  name: string,
  length: number,
  proto: JsObject,
  call: NativeImpl,
  construct: (args: JsValue[]) => JsValue,
): NativeFunction {
  const ctor = new NativeFunction(realm, name, length, call, construct);
  ctor.define('prototype', proto, DONTENUM | DONTDELETE | READONLY);
  proto.define('constructor', ctor, DONTENUM);
  realm.global.define(name, ctor, DONTENUM);
  return ctor;
}

export const CONSTANT = DONTENUM | DONTDELETE | READONLY;

/** One method-table entry. Needed where a key like `toString` defeats TypeScript's contextual typing of a bare tuple. */
export const E = (length: number, impl: NativeImpl): [number, NativeImpl] => [length, impl];
