/**
 * A realm: one engine's global object and built-in prototypes, plus the helpers built-ins
 * share (object creation, errors, ToObject). Every engine builds its own, so nothing a
 * script changes (`Array.prototype.x = …`) leaks into another engine.
 */
import { VbsRuntimeError } from '../errors.js';
import type { VbsObject } from '../objects/comObject.js';
import type { ProgIdRegistry } from '../objects/progIds.js';
import { hostNumberOf, jsErrorHResult, jsErrorKind, jsErrorText, JsError, JsErr, raiseJs, ScriptThrow, type ErrorKind } from './errors.js';
import { NativeFunction, type NativeImpl } from './functions.js';
import type { JsFrame, JsRuntime } from './runtime.js';
import { DONTENUM, JsArray, JsObject, type JsValue, type LazyMembers } from './values.js';

export interface RealmServices {
  clock: () => number;
  random: () => number;
  progIds: ProgIdRegistry;
  /** Named items added with `globalMembers`: their members are global names. */
  globalMembers: VbsObject[];
  /** eval(code): `frame` for a direct call (its scope), null for global code. */
  evalCode(code: string, frame: JsFrame | null): JsValue;
  /** new Function(params, body). */
  compileFunction(params: string, body: string): JsValue;
}

export class Realm {
  readonly objectProto: JsObject;
  readonly functionProto: JsObject;
  readonly arrayProto: JsObject;
  readonly stringProto: JsObject;
  readonly numberProto: JsObject;
  readonly booleanProto: JsObject;
  readonly dateProto: JsObject;
  readonly regexpProto: JsObject;
  readonly errorProtos = new Map<ErrorKind, JsObject>();
  readonly global: GlobalObject;
  /** Installs the RegExp family if it is still pending (a match updates `RegExp.$1` …). */
  regexpFamily: (() => void) | null = null;
  /** The built-in `eval`: a call of it by name is a direct eval. */
  evalFunction: JsValue = undefined;

  constructor(
    readonly rt: JsRuntime,
    readonly services: RealmServices,
  ) {
    this.objectProto = new JsObject(null);
    // Function.prototype is itself a function (ES3 15.3.4); its own [[Prototype]] is set once it exists.
    (this as { functionProto: JsObject }).functionProto = this.objectProto;
    const fp = new NativeFunction(this, '', 0, () => undefined);
    fp.proto = this.objectProto;
    this.functionProto = fp;
    this.arrayProto = new JsArray(this.objectProto);
    this.stringProto = this.wrapper(this.objectProto, 'String', '');
    this.numberProto = this.wrapper(this.objectProto, 'Number', 0);
    this.booleanProto = this.wrapper(this.objectProto, 'Boolean', false);
    this.dateProto = this.wrapper(this.objectProto, 'Date', NaN);
    this.regexpProto = new JsObject(this.objectProto, 'Object');
    const errorProto = new JsObject(this.objectProto, 'Object');
    this.errorProtos.set('Error', errorProto);
    for (const kind of ['EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'RegExpError'] as const) {
      this.errorProtos.set(kind, new JsObject(errorProto, 'Object'));
    }
    this.global = new GlobalObject(this.objectProto);
  }

  /**
   * Installs a family of built-ins (a constructor, its prototype's members, its statics) on
   * first use: when a script looks up one of its global `names`, or anything looks up a
   * property of one of its `protos` (`"abc".length` reaches String.prototype without naming
   * String). A realm is built for every event an engine handles and most scripts use a few
   * families, so most are never built. Every script-visible object stays per realm.
   */
  lazyFamily(names: readonly string[], protos: readonly JsObject[], install: (realm: Realm) => void): () => void {
    const g = this.global;
    let done = false;
    const run = (): void => {
      if (done) return;
      done = true;
      for (const name of names) g.pending.delete(name);
      // Named first: the prototypes no longer need to trigger this, and may get their members one by one.
      for (const proto of protos) if (proto.lazy === run) proto.lazy = null;
      install(this);
    };
    for (const name of names) g.pending.set(name, run);
    for (const proto of protos) {
      const pending = proto.lazy;
      proto.lazy = pending === null ? run : (o) => {
        o.lazy = pending;
        o.ready();
        run();
      };
    }
    return run;
  }

  private wrapper(proto: JsObject, cls: string, value: JsValue): JsObject {
    const o = new JsObject(proto, cls);
    o.primitive = value;
    return o;
  }

  newObject(): JsObject {
    return new JsObject(this.objectProto);
  }

  newArray(items: readonly JsValue[] = []): JsArray {
    const a = new JsArray(this.arrayProto);
    if (items.length > 0) {
      const props = a.writableProps();
      for (let i = 0; i < items.length; i++) props.set(String(i), items[i]);
    }
    a.length = items.length;
    return a;
  }

  /** A built-in function value. `pure: false` for functions a side-effect-free evaluation must refuse. */
  fn(name: string, length: number, impl: NativeImpl, pure = true): NativeFunction {
    return new NativeFunction(this, name, length, impl, null, pure);
  }

  /**
   * Defines built-in methods (DontEnum, as ES3 section 15 specifies), each created on first
   * read (`LazyMembers`); the global object's at once (its members are read through its
   * property map directly).
   */
  methods(target: JsObject, table: Record<string, [number, NativeImpl]>, impure: readonly string[] = []): void {
    const make = (o: JsObject, name: string): void => {
      const [length, impl] = table[name];
      // Written directly: define() would create every other pending member first.
      o.writableProps().set(name, this.fn(name, length, impl, !impure.includes(name)));
      (o.flags ??= new Map()).set(name, DONTENUM);
    };
    const members: LazyMembers = {
      one(o, key) {
        if (Object.hasOwn(table, key) && !o.props.has(key)) make(o, key);
      },
      all(o) {
        for (const name in table) if (!o.props.has(name)) make(o, name);
      },
    };
    if (target === this.global) {
      members.all(target);
      return;
    }
    const pending = target.lazy;
    if (pending === null) {
      target.lazy = members;
      return;
    }
    // Another installer still pending (not the case for the built-ins as they are): all at once, in order.
    target.lazy = (o) => {
      o.lazy = pending;
      o.ready();
      members.all(o);
    };
  }

  /** An Error object with JScript's `number`, `description` and `message`. */
  makeError(kind: ErrorKind, number: number, description: string): JsObject {
    const e = new JsObject(this.errorProtos.get(kind)!, 'Error');
    e.define('number', number, DONTENUM);
    e.define('description', description, DONTENUM);
    e.define('message', description, DONTENUM);
    return e;
  }

  /** ToObject (ES3 9.9). */
  toObject(v: JsValue): JsObject | Exclude<JsValue, JsObject | undefined | null | boolean | number | string> {
    switch (typeof v) {
      case 'string': {
        const o = new StringObject(this.stringProto, v);
        return o;
      }
      case 'number':
        return Object.assign(new JsObject(this.numberProto, 'Number'), { primitive: v });
      case 'boolean':
        return Object.assign(new JsObject(this.booleanProto, 'Boolean'), { primitive: v });
      case 'undefined':
        return raiseJs(JsErr.ObjectExpected);
      default:
        if (v === null) return raiseJs(JsErr.ObjectExpected);
        return v;
    }
  }

  /**
   * The value a `catch` receives for what was thrown, or `undefined` with `catchable` false
   * for what scripts must never catch (time limit, debugger abort, side-effect refusal, bugs).
   */
  caughtValue(e: unknown): { catchable: boolean; value: JsValue } {
    if (e instanceof ScriptThrow) return { catchable: true, value: e.value as JsValue };
    if (e instanceof JsError) return { catchable: true, value: this.makeError(e.kind, e.hresult, e.description) };
    if (e instanceof VbsRuntimeError) {
      const { hresult, description } = comErrorInfo(e);
      return { catchable: true, value: this.makeError(jsErrorKind(hostNumberOf(hresult)), hresult, description) };
    }
    if (e instanceof RangeError) return { catchable: true, value: this.makeError('Error', jsErrorHResult(JsErr.OutOfStackSpace), jsErrorText(JsErr.OutOfStackSpace)) };
    return { catchable: false, value: undefined };
  }
}

/**
 * HRESULT and text of an error a COM object (or the VBScript library underneath, e.g. a
 * Dictionary) raised. Errors the runtime numbers itself get JScript's wording.
 */
export function comErrorInfo(e: VbsRuntimeError): { hresult: number; description: string } {
  const n = e.number;
  const hresult = n > 0 && n <= 0xffff ? jsErrorHResult(n) : n | 0;
  const low = hostNumberOf(hresult);
  const jsText = jsErrorText(low);
  const description = low === n && jsText !== 'Unknown runtime error' && e.source.includes('VBScript') ? jsText : e.plainDescription;
  return { hresult, description };
}

/**
 * The global object: its built-in families are created on first lookup (`Realm.lazyFamily`).
 * Compiled global reads look in `props` first, so only a miss pays for the pending check.
 */
export class GlobalObject extends JsObject {
  /** Global name → installer of the family that defines it. */
  readonly pending = new Map<string, () => void>();

  constructor(proto: JsObject) {
    super(proto, 'Object');
  }

  private materialize(key: string): void {
    const run = this.pending.get(key);
    if (run !== undefined) run();
  }

  override getOwn(key: string): JsValue | typeof import('./values.js').ABSENT {
    const v = this.props.get(key);
    if (v !== undefined) return v;
    if (this.pending.size !== 0) this.materialize(key);
    return super.getOwn(key);
  }

  override attributes(key: string): number {
    if (this.pending.size !== 0) this.materialize(key);
    return super.attributes(key);
  }

  override put(key: string, v: JsValue): void {
    if (this.pending.size !== 0 && !this.props.has(key)) this.materialize(key);
    super.put(key, v);
  }

  override define(key: string, v: JsValue, attrs = 0): void {
    if (this.pending.size !== 0) this.materialize(key);
    super.define(key, v, attrs);
  }

  override deleteOwn(key: string): boolean {
    if (this.pending.size !== 0) this.materialize(key);
    return super.deleteOwn(key);
  }

  /** Every own name: the pending families are created first. */
  override ownKeys(): string[] {
    for (const run of [...this.pending.values()]) run();
    return super.ownKeys();
  }
}

/** String objects: `length` is an own read-only property (ES3 15.5.5.1). */
export class StringObject extends JsObject {
  constructor(proto: JsObject, value: string) {
    super(proto, 'String');
    this.primitive = value;
  }

  override getOwn(key: string): JsValue | typeof import('./values.js').ABSENT {
    if (key === 'length') return (this.primitive as string).length;
    return super.getOwn(key);
  }

  override hasOwn(key: string): boolean {
    return key === 'length' || super.hasOwn(key);
  }

  override attributes(key: string): number {
    return key === 'length' ? 7 : super.attributes(key);
  }

  override put(key: string, v: JsValue): void {
    if (key !== 'length') super.put(key, v);
  }
}
