/**
 * The COM boundary, as jscript.dll crosses it through IDispatch.
 *
 * Script → COM: numbers become VT_I4 when integral (else VT_R8), strings/booleans stay,
 * `undefined` is Empty, `null` is Null, a VT_DATE/SAFEARRAY/COM object passes unchanged and
 * any other script object goes out as an IDispatch (`JsDispatch`) that COM code (or VBScript)
 * may call back. A Date object too: jscript.dll does not turn it into a VT_DATE (Wine agrees),
 * which is why scripts call `getVarDate()` or compute an OLE date by hand (reference §2.7) —
 * a COM date property given a Date object sees its string form.
 * COM → script: see `hostValues.ts`.
 *
 * Member access on a COM object: `o.P` reads the property (a declared method comes back as
 * a callable that invokes it), `o.M(a)` invokes (methods and indexed properties alike),
 * `o(a)` the default member, `o.P(a) = v` (call-as-lvalue) an indexed property put.
 */
import { VbsRuntimeError } from '../errors.js';
import { isComObject, memberNotFound, type VbsObject } from '../objects/comObject.js';
import { VbsArray } from '../values/array.js';
import { makeDouble, makeLong, type Value } from '../values/variant.js';
import { toPrimitive } from './conversions.js';
import { JsFunction, NativeFunction } from './functions.js';
import { fromVariant } from './hostValues.js';
import type { Realm } from './realm.js';
import { JsArray, JsObject, arrayItems, type JsValue } from './values.js';

export { fromVariant };

const dispatchers = new WeakMap<JsObject, JsDispatch>();

export function toVariant(v: JsValue): Value {
  switch (typeof v) {
    case 'number':
      return (v | 0) === v && !Object.is(v, -0) ? makeLong(v) : makeDouble(v);
    case 'object':
      if (v === null) return null;
      if (v instanceof JsObject) {
        let d = dispatchers.get(v);
        if (!d) {
          d = new JsDispatch(v);
          dispatchers.set(v, d);
        }
        return d;
      }
      return v;
    default:
      return v as Value;
  }
}

/** Calls into COM; errors stay `VbsRuntimeError`s (HostError …), which a script's catch converts. */
export function argsToVariants(args: readonly JsValue[]): Value[] {
  const out = new Array<Value>(args.length);
  for (let i = 0; i < args.length; i++) out[i] = toVariant(args[i]);
  return out;
}

/** Whether `name` is a method (not a property) of the object, where its declaration says so. */
export function isComMethod(obj: VbsObject, name: string): boolean {
  return obj.isMethod?.(name) ?? false;
}

/** `o.name` on a COM object. */
export function comGet(realm: Realm, obj: VbsObject, name: string): JsValue {
  if (isComMethod(obj, name)) return comMethod(realm, obj, name);
  return fromVariant(obj.getProperty(name, []));
}

/** A COM method read without calling it: calling the value invokes the method on its object. */
export function comMethod(realm: Realm, obj: VbsObject, name: string): NativeFunction {
  return new NativeFunction(realm, name, 0, (_thisv, args) => fromVariant(obj.callMethod(name, argsToVariants(args))), null, false);
}

export function comCall(obj: VbsObject, name: string, args: readonly JsValue[]): JsValue {
  return fromVariant(obj.callMethod(name, argsToVariants(args)));
}

export function comPut(obj: VbsObject, name: string, args: readonly JsValue[], value: JsValue): void {
  const v = toVariant(value);
  obj.setProperty(name, argsToVariants(args), v, isComObject(v));
}

export function comCallDefault(obj: VbsObject, args: readonly JsValue[]): JsValue {
  return fromVariant(obj.getDefault(argsToVariants(args)));
}

/** The values `Enumerator` walks: the object's enumeration (_NewEnum), else Count + Item(i). */
export function comItems(obj: VbsObject): JsValue[] {
  if (obj.enumerate) return [...obj.enumerate()].map(fromVariant);
  if (obj.hasMember('Count') && obj.hasMember('Item')) {
    const n = Number(fromVariant(obj.getProperty('Count', [])));
    const out: JsValue[] = [];
    for (let i = 0; i < n; i++) out.push(fromVariant(obj.getProperty('Item', [i])));
    return out;
  }
  throw new VbsRuntimeError(451, 'Object not a collection');
}

/**
 * A script object handed to COM (stored in a Dictionary, passed as a callback): property
 * get/put and calls by name, the default member calls a function object. Names match
 * exactly first, then case-insensitively (callers may be VBScript).
 */
export class JsDispatch implements VbsObject {
  readonly isVbsObject = true as const;

  constructor(readonly jsTarget: JsObject) {}

  get typeName(): string {
    return this.jsTarget.cls === 'Function' ? 'Function' : 'JScriptTypeInfo';
  }

  private resolve(name: string): string | undefined {
    if (this.jsTarget.has(name)) return name;
    const key = name.toLowerCase();
    for (let o: JsObject | null = this.jsTarget; o !== null; o = o.proto) {
      for (const own of o.ownKeys()) if (own.toLowerCase() === key) return own;
    }
    return undefined;
  }

  getProperty(name: string, args: Value[]): Value {
    const actual = this.resolve(name) ?? memberNotFound(name);
    const v = this.jsTarget.get(actual);
    if (v instanceof JsFunction && args.length > 0) return toVariant(v.call(this.jsTarget, args.map(fromVariant)));
    return toVariant(v);
  }

  callMethod(name: string, args: Value[]): Value {
    const actual = this.resolve(name) ?? memberNotFound(name);
    const v = this.jsTarget.get(actual);
    if (v instanceof JsFunction) return toVariant(v.call(this.jsTarget, args.map(fromVariant)));
    return toVariant(v);
  }

  setProperty(name: string, _args: Value[], value: Value): void {
    this.jsTarget.put(this.resolve(name) ?? name, fromVariant(value));
  }

  getDefault(args: Value[]): Value {
    const t = this.jsTarget;
    if (t instanceof JsFunction) return toVariant(t.call(undefined, args.map(fromVariant)));
    if (args.length === 1) return toVariant(t.get(String(fromVariant(args[0]))));
    // Coercion to a value (a VBScript caller concatenating it): the object's own ToPrimitive.
    if (args.length === 0) return toVariant(toPrimitive(t));
    return memberNotFound('');
  }

  setDefault(args: Value[], value: Value): void {
    if (args.length !== 1) memberNotFound('');
    this.jsTarget.put(String(fromVariant(args[0])), fromVariant(value));
  }

  hasMember(name: string): boolean {
    return this.resolve(name) !== undefined;
  }

  enumerate(): Iterable<Value> {
    if (this.jsTarget instanceof JsArray) return arrayItems(this.jsTarget).map(toVariant);
    return memberNotFound('_NewEnum');
  }

  addRef(): void {}
  release(): void {}

  inspect(): Array<{ name: string; value: Value }> {
    return this.jsTarget
      .ownKeys()
      .filter((k) => this.jsTarget.isEnumerable(k))
      .map((name) => ({ name, value: toVariant(this.jsTarget.get(name)) }));
  }
}

/** SAFEARRAY elements in memory order (first index fastest), as VBArray.toArray lists them. */
export function safeArrayItems(a: VbsArray): JsValue[] {
  return a.enumerationOrder().map(fromVariant);
}

