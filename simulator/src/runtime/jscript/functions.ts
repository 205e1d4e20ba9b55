/**
 * Function objects: built-ins (`NativeFunction`) and script functions (`UserFunction`,
 * a compiled template closed over its environment).
 */
import { inSideEffectFreeEvaluation, SideEffectError } from '../objects/comObject.js';
import { JsErr, raiseJs } from './errors.js';
import type { Realm } from './realm.js';
import { Env, JsFrame, RETURN, type Exec, type FrameOwner, type ScopeInfo } from './runtime.js';
import { ABSENT, DONTDELETE, DONTENUM, JsObject, READONLY, type Absent, type JsValue } from './values.js';

export abstract class JsFunction extends JsObject {
  constructor(
    readonly realm: Realm,
    public name: string,
  ) {
    super(realm.functionProto, 'Function');
  }

  abstract call(thisv: JsValue, args: JsValue[]): JsValue;

  /** [[Construct]] (ES3 13.2.2). */
  construct(args: JsValue[]): JsValue {
    const p = this.get('prototype');
    const obj = new JsObject(p instanceof JsObject ? p : this.realm.objectProto);
    const r = this.call(obj, args);
    return r instanceof JsObject ? r : obj;
  }

  /** What `fn.toString()` returns. */
  abstract sourceText(): string;
}

export type NativeImpl = (thisv: JsValue, args: JsValue[]) => JsValue;

export class NativeFunction extends JsFunction {
  constructor(
    realm: Realm,
    name: string,
    length: number,
    private readonly impl: NativeImpl,
    private readonly ctor: ((args: JsValue[]) => JsValue) | null = null,
    /** Changes nothing: may run in a side-effect-free debugger evaluation. */
    public pure = true,
  ) {
    super(realm, name);
    this.fnLength = length;
  }

  /** `length` is virtual (ReadOnly, DontEnum, DontDelete): a realm has hundreds of built-ins, built for every engine. */
  private readonly fnLength: number;

  override getOwn(key: string): JsValue | Absent {
    if (key === 'length') return this.fnLength;
    return super.getOwn(key);
  }

  override hasOwn(key: string): boolean {
    return key === 'length' || super.hasOwn(key);
  }

  override attributes(key: string): number {
    return key === 'length' ? READONLY | DONTENUM | DONTDELETE : super.attributes(key);
  }

  override put(key: string, v: JsValue): void {
    if (key !== 'length') super.put(key, v);
  }

  override deleteOwn(key: string): boolean {
    return key === 'length' ? false : super.deleteOwn(key);
  }

  override ownKeys(): string[] {
    return ['length', ...super.ownKeys()];
  }

  call(thisv: JsValue, args: JsValue[]): JsValue {
    if (!this.pure && inSideEffectFreeEvaluation()) throw new SideEffectError(`call of ${this.name}`);
    return this.impl(thisv, args);
  }

  override construct(args: JsValue[]): JsValue {
    if (!this.pure && inSideEffectFreeEvaluation()) throw new SideEffectError(`new ${this.name}`);
    if (this.ctor !== null) return this.ctor(args);
    // Built-in methods are not constructors (ES3 15: no [[Construct]] unless stated).
    return raiseJs(JsErr.ActionNotSupported);
  }

  sourceText(): string {
    return `\nfunction ${this.name}() {\n    [native code]\n}\n`;
  }
}

/** What the compiler produces for a function literal, shared by every closure made from it. */
export interface FunctionTemplate {
  readonly name: string;
  readonly paramCount: number;
  readonly owner: FrameOwner;
  readonly scope: ScopeInfo;
  slotCount: number;
  /** The source text from `function` to the closing brace. */
  readonly source: string;
  /** Compiled on first call. */
  body: Exec | null;
  compile(): Exec;
  /** Fills a new activation: `arguments`, hoisted function declarations. */
  setup(env: Env, fn: UserFunction, args: JsValue[]): void;
}

export class UserFunction extends JsFunction {
  private prototypeMade = false;

  constructor(
    realm: Realm,
    readonly template: FunctionTemplate,
    readonly env: Env | null,
  ) {
    super(realm, template.name);
  }

  /** `prototype` is created on first use: most functions never need one. */
  private materialize(): void {
    if (this.prototypeMade) return;
    this.prototypeMade = true;
    const proto = new JsObject(this.realm.objectProto);
    proto.define('constructor', this, DONTENUM);
    this.define('prototype', proto, DONTDELETE);
    this.define('length', this.template.paramCount, READONLY | DONTENUM | DONTDELETE);
  }

  override getOwn(key: string): JsValue | Absent {
    if (!this.prototypeMade) {
      if (key === 'length') return this.template.paramCount;
      if (key === 'prototype') this.materialize();
      else {
        const v = this.props.get(key);
        return v === undefined && !this.props.has(key) ? ABSENT : v;
      }
    }
    return super.getOwn(key);
  }

  override put(key: string, v: JsValue): void {
    this.materialize();
    super.put(key, v);
  }

  override define(key: string, v: JsValue, attrs = 0): void {
    if (key !== 'prototype' && key !== 'length') this.materialize();
    super.define(key, v, attrs);
  }

  override deleteOwn(key: string): boolean {
    this.materialize();
    return super.deleteOwn(key);
  }

  override ownKeys(): string[] {
    this.materialize();
    return super.ownKeys();
  }

  override attributes(key: string): number {
    this.materialize();
    return super.attributes(key);
  }

  call(thisv: JsValue, args: JsValue[]): JsValue {
    if (inSideEffectFreeEvaluation()) throw new SideEffectError(`call of ${this.template.owner.displayName}`);
    const realm = this.realm;
    const rt = realm.rt;
    const t = this.template;
    const body = t.body ?? t.compile();
    const depth = rt.enterCall();
    const slots = new Array<JsValue>(t.slotCount);
    const n = Math.min(args.length, t.paramCount);
    for (let i = 0; i < n; i++) slots[i] = args[i];
    const env = new Env(slots, this.env, t.scope);
    t.setup(env, this, args);
    const frame = new JsFrame(t.owner, env, thisv === null || thisv === undefined ? realm.global : thisv, rt.currentFrame, depth, env);
    const saved = rt.currentFrame;
    rt.currentFrame = frame;
    try {
      return body(frame) === RETURN ? frame.ret : undefined;
    } finally {
      rt.depth = depth - 1;
      rt.currentFrame = saved;
    }
  }

  sourceText(): string {
    return this.template.source;
  }
}

export function isCallable(v: unknown): v is JsFunction {
  return v instanceof JsFunction;
}
