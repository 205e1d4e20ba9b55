/**
 * The boundary between JavaScript hosts and VBScript values.
 *
 * Values cross as plain JS values where one exists: string, boolean, `null` (Null),
 * `undefined` (Empty), an int32 number (Long), any other number (Double), `Date`, `bigint`
 * (a 64-bit integer, VT_I8), arrays. `TypedValue` wrappers (`Integer(5)`, `Currency(1.5)` …)
 * pin a subtype. JS functions become procedures; other JS objects become COM-like objects
 * exposing only their own and class-declared members, never `constructor`, `__proto__`
 * or what `Object.prototype` provides.
 */
import { raise, RuntimeError, VbsRuntimeError } from '../errors.js';
import { VbsArray } from '../values/array.js';
import {
  BoxedNumber,
  makeDouble,
  makeLong,
  VByte,
  VCurrency,
  VDate,
  VLongLong,
  VSingle,
  VErrorValue,
  isVbsArray,
  type Value,
} from '../values/variant.js';
import { CallableObject, HostError, isComObject, memberNotFound, noDefaultMember, Nothing, type VbsObject } from './comObject.js';
import { indexValue } from './classInstance.js';

// ---------------------------------------------------------------- typed wrappers

/** A VBScript value with an explicit subtype, for when a plain JS value would pick the wrong one. */
export class TypedValue {
  constructor(readonly value: Value) {}
}

/** The Empty value, when `undefined` is ambiguous for a host (e.g. as an array element). */
export const Empty = new TypedValue(undefined);
export const Integer = (n: number): TypedValue => new TypedValue(Math.trunc(n) + 0);
export const Long = (n: number): TypedValue => new TypedValue(makeLong(Math.trunc(n)));
export const Double = (n: number): TypedValue => new TypedValue(makeDouble(n));
export const Single = (n: number): TypedValue => new TypedValue(new VSingle(Math.fround(n)));
export const Currency = (n: number): TypedValue => new TypedValue(new VCurrency(Math.round(n * 10000) / 10000));
export const Byte = (n: number): TypedValue => new TypedValue(new VByte(n & 0xff));
export const LongLong = (n: bigint | number): TypedValue => new TypedValue(new VLongLong(BigInt(n)));
export const DateValue = (oleDays: number): TypedValue => new TypedValue(new VDate(oleDays));
export const ErrorValue = (scode: number): TypedValue => new TypedValue(new VErrorValue(scode | 0));

/** Symbol a JS host object uses to name its default member: `obj[DefaultMember] = 'Item'`. */
export const DefaultMember = Symbol('VBScript default member');

/** A host procedure working directly on Variants (no conversion), e.g. a test's `Echo`. */
export class VariantFunction {
  constructor(readonly fn: (args: Value[]) => Value) {}
}

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, the OLE Automation epoch, in days before 1970-01-01. */
const OLE_EPOCH_OFFSET_DAYS = 25_569;

/** JS Date (an instant, read as UTC wall-clock time) → OLE date. */
export function dateToOle(d: Date): number {
  return d.getTime() / MS_PER_DAY + OLE_EPOCH_OFFSET_DAYS;
}

export function oleToDate(days: number): Date {
  // OLE dates before 1899-12-30 count the time of day forward from the (negative) day.
  const whole = Math.trunc(days);
  const fraction = Math.abs(days - whole);
  return new Date(Math.round((whole - OLE_EPOCH_OFFSET_DAYS + (days < 0 ? -fraction : fraction)) * MS_PER_DAY));
}

// ---------------------------------------------------------------- JS → VBScript

const proxies = new WeakMap<object, VbsObject>();

export function toVariant(v: unknown): Value {
  switch (typeof v) {
    case 'undefined':
      return undefined;
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return (v | 0) === v ? makeLong(v) : makeDouble(v);
    case 'bigint':
      return new VLongLong(v);
    case 'function':
      return wrapObject(v as object);
    case 'object':
      if (v === null) return null;
      if (v instanceof TypedValue) return v.value;
      if (isComObject(v) || isVbsArray(v) || v instanceof BoxedNumber || v instanceof VLongLong) return v as Value;
      if (v instanceof Date) return new VDate(dateToOle(v));
      if (Array.isArray(v)) return VbsArray.fromList(v.map(toVariant));
      return wrapObject(v);
    default:
      // A symbol has no Variant counterpart, as a COM type VBScript cannot hold.
      return raise(RuntimeError.UnsupportedAutomationType);
  }
}

function wrapObject(o: object): VbsObject {
  let proxy = proxies.get(o);
  if (!proxy) {
    proxy = typeof o === 'function' ? new JsFunctionObject(o as (...a: unknown[]) => unknown) : new JsObjectProxy(o);
    proxies.set(o, proxy);
  }
  return proxy;
}

// ---------------------------------------------------------------- VBScript → JS

export function fromVariant(v: Value): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (v instanceof VDate) return oleToDate(v.value);
  if (v instanceof VLongLong) return v.value;
  if (v instanceof BoxedNumber) return v.value;
  if (v instanceof VbsArray) return arrayToJs(v);
  if (v instanceof JsObjectProxy) return v.target;
  if (v instanceof JsFunctionObject) return v.fn;
  return v;
}

function arrayToJs(a: VbsArray): unknown[] {
  if (a.upperBounds.length <= 1) return a.data.map(fromVariant);
  // Nested by the first index: a(i, j) → out[i][j].
  const build = (dims: number[], offset: number, stride: number): unknown[] => {
    const [first, ...rest] = dims;
    const inner = rest.reduce((n, ub) => n * (ub + 1), 1);
    const out: unknown[] = [];
    for (let i = 0; i <= first; i++) {
      out.push(rest.length === 0 ? fromVariant(a.data[offset + i * stride]) : build(rest, offset + i * inner * stride, stride));
    }
    return out;
  };
  return build(a.upperBounds, 0, 1);
}

/** Calls host JavaScript; what it throws becomes a VBScript error carrying its number or HRESULT. */
export function callHost<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw hostErrorOf(e);
  }
}

/** E_FAIL: what a host exception without a number becomes. */
const E_FAIL = 0x80004005 | 0;

export function hostErrorOf(e: unknown): unknown {
  if (e instanceof VbsRuntimeError) return e;
  if (e instanceof RangeError) return e;
  if (typeof e === 'object' && e !== null) {
    const o = e as { hresult?: unknown; number?: unknown; message?: unknown; description?: unknown; source?: unknown };
    const description = typeof o.description === 'string' ? o.description : typeof o.message === 'string' ? o.message : String(e);
    const source = typeof o.source === 'string' ? o.source : '';
    if (typeof o.hresult === 'number') return new HostError(o.hresult, description, source);
    if (typeof o.number === 'number') return new HostError(o.number, description, source);
    return new HostError(E_FAIL, description, source);
  }
  return new HostError(E_FAIL, String(e));
}

// ---------------------------------------------------------------- JS objects as COM objects

/** Names a script may never reach on a JS object, whatever it declares. */
const hiddenNames = new Set(['constructor', '__proto__', 'prototype', '__definegetter__', '__definesetter__', '__lookupgetter__', '__lookupsetter__']);

/** The object's own and class-declared property names, case-insensitively, stopping before Object.prototype. */
function memberNames(target: object): Map<string, string> {
  const names = new Map<string, string>();
  for (let o: object | null = target; o !== null && o !== Object.prototype && o !== Function.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) {
      const key = name.toLowerCase();
      if (!hiddenNames.has(key) && !names.has(key)) names.set(key, name);
    }
  }
  return names;
}

export class JsObjectProxy implements VbsObject {
  readonly isVbsObject = true as const;
  private names: Map<string, string>;

  constructor(readonly target: object) {
    this.names = memberNames(target);
  }

  get typeName(): string {
    const ctor = Object.getPrototypeOf(this.target)?.constructor;
    return typeof ctor === 'function' && ctor !== Object && ctor.name ? ctor.name : 'Object';
  }

  private resolve(name: string): string | undefined {
    const key = name.toLowerCase();
    let actual = this.names.get(key);
    if (actual === undefined) {
      // Hosts may add members after handing the object over.
      this.names = memberNames(this.target);
      actual = this.names.get(key);
    }
    return actual;
  }

  private member(name: string): string {
    return this.resolve(name) ?? memberNotFound(name);
  }

  getProperty(name: string, args: Value[]): Value {
    const actual = this.member(name);
    const t = this.target as Record<string, unknown>;
    const v = callHost(() => t[actual]);
    if (typeof v === 'function') return toVariant(callHost(() => (v as (...a: unknown[]) => unknown).apply(this.target, args.map(fromVariant))));
    if (args.length > 0) return indexValue(toVariant(v), args, name);
    return toVariant(v);
  }

  callMethod(name: string, args: Value[]): Value {
    return this.getProperty(name, args);
  }

  setProperty(name: string, args: Value[], value: Value): void {
    const actual = this.member(name);
    const t = this.target as Record<string, unknown>;
    if (args.length > 0 || typeof t[actual] === 'function') memberNotFound(name);
    const old = t[actual];
    callHost(() => {
      t[actual] = fromVariant(value);
    });
    // The host now holds the object, as a COM host would hold a reference: it must outlive the script's variables.
    if (isComObject(value)) value.addRef();
    if (isComObject(old)) old.release();
  }

  getDefault(args: Value[]): Value {
    const name = (this.target as { [DefaultMember]?: unknown })[DefaultMember];
    if (typeof name !== 'string') return noDefaultMember();
    return this.getProperty(name, args);
  }

  setDefault(args: Value[], value: Value): void {
    const name = (this.target as { [DefaultMember]?: unknown })[DefaultMember];
    if (typeof name !== 'string') noDefaultMember();
    this.setProperty(name, args, value);
  }

  hasMember(name: string): boolean {
    return this.resolve(name) !== undefined;
  }

  isMethod(name: string): boolean {
    const actual = this.resolve(name);
    return actual !== undefined && typeof (this.target as Record<string, unknown>)[actual] === 'function';
  }

  enumerate(): Iterable<Value> {
    const it = (this.target as { [Symbol.iterator]?: () => Iterator<unknown> })[Symbol.iterator];
    if (typeof it !== 'function') return memberNotFound('_NewEnum');
    return [...(this.target as Iterable<unknown>)].map(toVariant);
  }

  addRef(): void {}
  release(): void {}

  inspect(): Array<{ name: string; value: Value }> {
    const out: Array<{ name: string; value: Value }> = [];
    for (const name of Object.keys(this.target)) {
      const v = (this.target as Record<string, unknown>)[name];
      if (typeof v !== 'function') out.push({ name, value: toVariant(v) });
    }
    return out;
  }
}

/** A JS function handed over as a value: calling it (its default member) calls the function. */
export class JsFunctionObject extends CallableObject {
  constructor(readonly fn: (...a: unknown[]) => unknown) {
    super();
  }

  getDefault(args: Value[]): Value {
    return toVariant(callHost(() => this.fn(...args.map(fromVariant))));
  }
}

/** A host procedure from a JS function: arguments and result converted at the boundary. */
export function jsFunctionProcedure(fn: (...a: unknown[]) => unknown): (args: Value[]) => Value {
  return (args) => toVariant(callHost(() => fn(...args.map(fromVariant))));
}

export { Nothing };
