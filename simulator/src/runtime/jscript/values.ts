/**
 * The JScript object model: values, objects with ES3 property attributes, arrays.
 *
 * The interpreter has its own objects instead of using JavaScript's, so a script can only
 * ever reach what the engine put into its realm — never Node's globals, `Function`,
 * `process` or a host object's prototype chain.
 *
 * Values: `undefined`, `null`, boolean, number and string are JS primitives; `JsObject`
 * (and subclasses) are script objects; host values keep their Variant form — a COM object
 * (`VbsObject`), a VT_DATE (`VDate`: typeof "date") and a SAFEARRAY (`VbsArray`: typeof
 * "unknown"), as jscript.dll hands them to scripts.
 */
import type { VbsObject } from '../objects/comObject.js';
import type { VbsArray } from '../values/array.js';
import type { VDate } from '../values/variant.js';

export type HostValue = VbsObject | VDate | VbsArray;
export type JsValue = undefined | null | boolean | number | string | JsObject | HostValue;

/** Property attributes (ES3 8.6.1). */
export const READONLY = 1;
export const DONTENUM = 2;
export const DONTDELETE = 4;

/** "No such own property" (distinct from a property holding `undefined`). */
export const ABSENT: unique symbol = Symbol('absent');
export type Absent = typeof ABSENT;

/**
 * The property map of every object that has no own property yet (most built-in objects of a
 * realm, most function objects, `new F()` before its first assignment): writes go through
 * `JsObject.writableProps()`, which gives the object a map of its own. Shared by every
 * engine, so it refuses writes outright.
 */
const NO_PROPS = new Map<string, JsValue>();
const refuse = (): never => {
  throw new Error('internal error: a write to the shared empty property map');
};
Object.defineProperties(NO_PROPS, { set: { value: refuse }, delete: { value: refuse }, clear: { value: refuse } });

// The fields are assigned in the constructor, not declared with initializers: a base-class
// field initializer runs for every subclass (arrays, functions, wrappers …), and its defines
// go megamorphic — it was a tenth of the time of a JScript firing.
export class JsObject {
  /** Own properties; read freely, write through `writableProps()`. */
  declare props: Map<string, JsValue>;
  /** Non-default attributes only; most properties have none. */
  declare flags: Map<string, number> | null;
  /** [[Value]] of Boolean/Number/String/Date wrappers. */
  declare primitive: JsValue;
  /**
   * Built-in members not created yet: every event builds a realm, and most scripts touch a
   * few of its hundreds of methods, so a prototype gets its family on first use
   * (`Realm.lazyFamily`, a function here) and then each method when first read
   * (`Realm.methods`, `LazyMembers`).
   */
  declare lazy: ((o: JsObject) => void) | LazyMembers | null;
  declare proto: JsObject | null;
  /** [[Class]]: "Object", "Array", "Function", "Date" … */
  declare cls: string;

  constructor(proto: JsObject | null, cls = 'Object') {
    this.proto = proto;
    this.cls = cls;
    this.props = NO_PROPS;
    this.flags = null;
    this.primitive = undefined;
    this.lazy = null;
  }

  /** The own property map, for writing (created on the first property). */
  writableProps(): Map<string, JsValue> {
    const p = this.props;
    return p !== NO_PROPS ? p : (this.props = new Map());
  }

  /** Creates the pending built-in members (see `lazy`). */
  ready(): void {
    // An installer may leave more pending (a lazily installed family adds its methods).
    let install = this.lazy;
    while (install !== null) {
      this.lazy = null;
      if (typeof install === 'function') install(this);
      else install.all(this);
      install = this.lazy;
    }
  }

  /** Creates what is pending for reading `key`: whole installers, then that one member. */
  readyFor(key: string): void {
    let install = this.lazy;
    while (typeof install === 'function') {
      this.lazy = null;
      install(this);
      install = this.lazy;
    }
    if (install !== null) install.one(this, key);
  }

  getOwn(key: string): JsValue | Absent {
    if (this.lazy !== null) this.readyFor(key);
    const v = this.props.get(key);
    if (v === undefined && !this.props.has(key)) return ABSENT;
    return v;
  }

  get(key: string): JsValue {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let o: JsObject | null = this;
    do {
      const v = o.getOwn(key);
      if (v !== ABSENT) return v;
      o = o.proto;
    } while (o !== null);
    return undefined;
  }

  hasOwn(key: string): boolean {
    return this.getOwn(key) !== ABSENT;
  }

  has(key: string): boolean {
    for (let o: JsObject | null = this; o !== null; o = o.proto) if (o.hasOwn(key)) return true;
    return false;
  }

  attributes(key: string): number {
    if (this.lazy !== null) this.readyFor(key);
    return this.flags === null ? 0 : this.flags.get(key) ?? 0;
  }

  /** [[CanPut]]: a ReadOnly property here or on the prototype chain refuses writes silently. */
  canPut(key: string): boolean {
    for (let o: JsObject | null = this; o !== null; o = o.proto) {
      if (o.hasOwn(key)) return (o.attributes(key) & READONLY) === 0;
    }
    return true;
  }

  /** [[Put]]. */
  put(key: string, v: JsValue): void {
    if (this.lazy !== null) this.ready();
    if (this.props.has(key)) {
      if (this.flags !== null && ((this.flags.get(key) ?? 0) & READONLY) !== 0) return;
      this.props.set(key, v);
      return;
    }
    for (let o = this.proto; o !== null; o = o.proto) {
      if (o.hasOwn(key)) {
        if ((o.attributes(key) & READONLY) !== 0) return;
        break;
      }
    }
    this.writableProps().set(key, v);
  }

  /** Defines (or redefines) an own property with attributes, bypassing ReadOnly. */
  define(key: string, v: JsValue, attrs = 0): void {
    if (this.lazy !== null) this.ready();
    this.writableProps().set(key, v);
    if (attrs !== 0) (this.flags ??= new Map()).set(key, attrs);
    else if (this.flags !== null) this.flags.delete(key);
  }

  /** [[Delete]]: false for DontDelete properties. */
  deleteOwn(key: string): boolean {
    if (this.lazy !== null) this.ready();
    if (!this.hasOwn(key)) return true;
    if (this.attributes(key) & DONTDELETE) return false;
    this.writableProps().delete(key);
    this.flags?.delete(key);
    return true;
  }

  /** Own property names in insertion order (for-in filters by DontEnum). */
  ownKeys(): string[] {
    if (this.lazy !== null) this.ready();
    return [...this.props.keys()];
  }

  isEnumerable(key: string): boolean {
    return this.hasOwn(key) && (this.attributes(key) & DONTENUM) === 0;
  }
}

/**
 * Built-in members created one by one as they are read (`Realm.methods`): reading
 * `"abc".substr` creates `substr`, not the 20 other String methods. Anything that writes,
 * deletes or lists an object's properties creates them all first (`all`), so scripts only ever
 * see the complete set.
 */
export interface LazyMembers {
  /** Creates the member `key` if it is pending (without creating the others). */
  one(o: JsObject, key: string): void;
  /** Creates every member still pending. */
  all(o: JsObject): void;
}

/** Canonical array index of a property name, or -1 (ES3 15.4: ToString(ToUint32(P)) === P, below 2^32-1). */
export function arrayIndexOf(key: string): number {
  const n = key.length;
  if (n === 0 || n > 10) return -1;
  const c0 = key.charCodeAt(0);
  if (c0 < 48 || c0 > 57 || (c0 === 48 && n > 1)) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v < 4294967295 ? v : -1;
}

/**
 * Arrays: elements live in `props` like any property (so for-in order and sparse arrays
 * behave as jscript.dll's hash-table arrays); `length` is kept alongside (ES3 15.4.5).
 */
export class JsArray extends JsObject {
  length = 0;

  constructor(proto: JsObject | null) {
    super(proto, 'Array');
  }

  override getOwn(key: string): JsValue | Absent {
    if (key === 'length') return this.length;
    return super.getOwn(key);
  }

  override put(key: string, v: JsValue): void {
    if (key === 'length') {
      this.setLength(v);
      return;
    }
    if (this.lazy !== null) this.ready();
    const index = arrayIndexOf(key);
    this.writableProps().set(key, v);
    if (index >= this.length) this.length = index + 1;
  }

  override define(key: string, v: JsValue, attrs = 0): void {
    if (key === 'length') {
      this.setLength(v);
      return;
    }
    this.put(key, v);
    if (attrs !== 0) super.define(key, v, attrs);
  }

  /** Fast paths for `a[i]` with a numeric index. */
  getIndex(i: number): JsValue {
    const v = this.props.get(String(i));
    if (v !== undefined) return v;
    return this.get(String(i));
  }

  putIndex(i: number, v: JsValue): void {
    this.writableProps().set(String(i), v);
    if (i >= this.length) this.length = i + 1;
  }

  push(v: JsValue): void {
    this.writableProps().set(String(this.length), v);
    this.length++;
  }

  setLength(v: JsValue): void {
    const n = typeof v === 'number' ? v : Number(v);
    if (!(n >= 0) || n !== Math.floor(n) || n > 4294967295) {
      throw new LengthError();
    }
    if (n < this.length) {
      for (const key of [...this.props.keys()]) {
        const index = arrayIndexOf(key);
        if (index >= n) this.props.delete(key);
      }
    }
    this.length = n;
  }

  override hasOwn(key: string): boolean {
    if (this.lazy !== null) this.readyFor(key);
    return key === 'length' || this.props.has(key);
  }

  override attributes(key: string): number {
    return key === 'length' ? DONTENUM | DONTDELETE : super.attributes(key);
  }

  override canPut(key: string): boolean {
    return key === 'length' || super.canPut(key);
  }

  override deleteOwn(key: string): boolean {
    if (key === 'length') return false;
    return super.deleteOwn(key);
  }
}

/** Thrown by `length = x` with a bad x; the caller raises JScript error 5030 (kept out of this module to avoid a cycle). */
export class LengthError extends Error {}

/** The list of an array-like's elements 0..length-1 (holes as undefined). */
export function arrayItems(a: JsArray): JsValue[] {
  const out = new Array<JsValue>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a.getIndex(i);
  return out;
}
