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
import { DONTENUM, JsArray, JsObject, type JsValue } from './values.js';

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
  readonly global: JsObject;
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
    this.global = new JsObject(this.objectProto, 'Object');
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
    for (let i = 0; i < items.length; i++) a.props.set(String(i), items[i]);
    a.length = items.length;
    return a;
  }

  /** A built-in function value. `pure: false` for functions a side-effect-free evaluation must refuse. */
  fn(name: string, length: number, impl: NativeImpl, pure = true): NativeFunction {
    return new NativeFunction(this, name, length, impl, null, pure);
  }

  /** Defines built-in methods (DontEnum, as ES3 section 15 specifies). */
  methods(target: JsObject, table: Record<string, [number, NativeImpl]>, impure: readonly string[] = []): void {
    const install = (o: JsObject): void => {
      for (const name in table) {
        const [length, impl] = table[name];
        o.define(name, this.fn(name, length, impl, !impure.includes(name)), DONTENUM);
      }
    };
    // The global object's members are read through its property map directly: define those now.
    if (target === this.global) {
      install(target);
      return;
    }
    const pending = target.lazy;
    target.lazy = pending === null ? install : (o) => {
      pending(o);
      install(o);
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
