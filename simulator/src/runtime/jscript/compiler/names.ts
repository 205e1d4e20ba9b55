/**
 * Identifiers: reads, writes, `typeof`, `delete` and the `this` of a call, for the three
 * kinds of resolution (slot, global object, dynamic walk of the environment chain).
 *
 * Global lookup order, as jscript.dll with named items: the global object (and its
 * prototype), then the members of named items added with `globalMembers` (`Value` for
 * `Result.Value`), else error 5009 "'x' is undefined".
 */
import type { VbsObject } from '../../objects/comObject.js';
import { comGet, comPut } from '../comBridge.js';
import { JsErr, raiseJs } from '../errors.js';
import type { Realm } from '../realm.js';
import type { Env, Eval, JsFrame } from '../runtime.js';
import { ABSENT, DONTDELETE, JsObject, READONLY, type JsValue } from '../values.js';
import type { CompileContext } from './context.js';
import { resolveName } from './scope.js';
import { putMember } from '../access.js';

export interface NameAccess {
  get: Eval;
  /** `typeof x`: undefined instead of error 5009. */
  getOrUndefined: Eval;
  set(f: JsFrame, v: JsValue): void;
  delete: Eval;
  /** The `this` for a call through this name: a `with` object that holds it, else undefined (the global object). */
  thisOf(f: JsFrame): JsValue;
}

function undefinedName(name: string): never {
  return raiseJs(JsErr.UndefinedIdentifier, `'${name}' is undefined`);
}

function envAt(f: JsFrame, hops: number): Env {
  let e = f.env!;
  for (let i = 0; i < hops; i++) e = e.parent!;
  return e;
}

// ------------------------------------------------------------------ global object

function globalMemberOwner(realm: Realm, name: string): VbsObject | undefined {
  const items = realm.services.globalMembers;
  for (let i = 0; i < items.length; i++) if (items[i].hasMember(name)) return items[i];
  return undefined;
}

export function globalGet(realm: Realm, name: string, orUndefined: boolean): JsValue {
  const g = realm.global;
  const own = g.props.get(name);
  if (own !== undefined) return own;
  if (g.has(name)) return g.get(name);
  const item = globalMemberOwner(realm, name);
  if (item !== undefined) return comGet(realm, item, name);
  return orUndefined ? undefined : undefinedName(name);
}

export function globalSet(realm: Realm, name: string, v: JsValue): void {
  const g = realm.global;
  // The common case, an existing global variable: [[Put]] on an own property. A property
  // with attributes (a `var` is DontDelete) is found by its attributes alone.
  const props = g.props;
  const attrs = g.flags === null ? undefined : g.flags.get(name);
  if (attrs !== undefined) {
    if ((attrs & READONLY) === 0) props.set(name, v);
    return;
  }
  if (props.has(name)) {
    props.set(name, v);
    return;
  }
  if (!g.hasOwn(name)) {
    const item = globalMemberOwner(realm, name);
    if (item !== undefined) {
      comPut(item, name, [], v);
      return;
    }
  }
  g.put(name, v);
}

// ------------------------------------------------------------------ dynamic lookup

function hasBinding(obj: JsObject | VbsObject, name: string): boolean {
  return obj instanceof JsObject ? obj.has(name) : obj.hasMember(name);
}

/** The environment holding `name`, or null for the global object. */
function findEnv(f: JsFrame, name: string): Env | null {
  for (let e = f.env; e !== null; e = e.parent) {
    if (e.withObject !== null) {
      if (hasBinding(e.withObject, name)) return e;
      continue;
    }
    if (e.scope !== null && e.scope.names.has(name)) return e;
    if (e.extra !== null && e.extra.has(name)) return e;
  }
  return null;
}

function envGet(realm: Realm, e: Env, name: string): JsValue {
  if (e.withObject !== null) {
    const o = e.withObject;
    return o instanceof JsObject ? o.get(name) : comGet(realm, o, name);
  }
  const slot = e.scope?.names.get(name);
  if (slot !== undefined) return e.slots[slot];
  return e.extra!.get(name);
}

function envSet(e: Env, name: string, v: JsValue): void {
  if (e.withObject !== null) {
    putMember(e.withObject, name, v, null);
    return;
  }
  const slot = e.scope?.names.get(name);
  if (slot !== undefined) e.slots[slot] = v;
  else e.extra!.set(name, v);
}

export function dynamicGet(realm: Realm, f: JsFrame, name: string, orUndefined: boolean): JsValue {
  const e = findEnv(f, name);
  return e === null ? globalGet(realm, name, orUndefined) : envGet(realm, e, name);
}

export function dynamicSet(realm: Realm, f: JsFrame, name: string, v: JsValue): void {
  const e = findEnv(f, name);
  if (e === null) globalSet(realm, name, v);
  else envSet(e, name, v);
}

// ------------------------------------------------------------------ compile

export function compileName(ctx: CompileContext, name: string): NameAccess {
  const realm = ctx.realm;
  const r = resolveName(ctx.scope, name);
  const noThis = (): JsValue => undefined;
  if (r.kind === 'slot') {
    const { hops, slot } = r;
    const get: Eval =
      hops === 0 ? (f) => f.env!.slots[slot] : hops === 1 ? (f) => f.env!.parent!.slots[slot] : (f) => envAt(f, hops).slots[slot];
    return {
      get,
      getOrUndefined: get,
      set:
        hops === 0
          ? (f, v) => {
              f.env!.slots[slot] = v;
            }
          : (f, v) => {
              envAt(f, hops).slots[slot] = v;
            },
      // Variables are DontDelete (ES3 10.2).
      delete: () => false,
      thisOf: noThis,
    };
  }
  if (r.kind === 'global') {
    return {
      get: (_f) => globalGet(realm, name, false),
      getOrUndefined: (_f) => globalGet(realm, name, true),
      set: (_f, v) => globalSet(realm, name, v),
      delete: () => deleteGlobal(realm, name),
      thisOf: noThis,
    };
  }
  return {
    get: (f) => dynamicGet(realm, f, name, false),
    getOrUndefined: (f) => dynamicGet(realm, f, name, true),
    set: (f, v) => dynamicSet(realm, f, name, v),
    delete: (f) => {
      const e = findEnv(f, name);
      if (e === null) return deleteGlobal(realm, name);
      if (e.withObject !== null) return e.withObject instanceof JsObject ? e.withObject.deleteOwn(name) : raiseJs(JsErr.ActionNotSupported);
      if (e.extra !== null && e.extra.has(name) && !e.scope?.names.has(name)) return e.extra.delete(name);
      return false;
    },
    thisOf: (f) => {
      const e = findEnv(f, name);
      return e !== null && e.withObject !== null ? (e.withObject as JsValue) : undefined;
    },
  };
}

function deleteGlobal(realm: Realm, name: string): boolean {
  return realm.global.deleteOwn(name);
}

/** `var` at global level: a DontDelete property, keeping a value it already has (ES3 10.1.3). */
export function declareGlobalVar(realm: Realm, name: string, configurable: boolean): void {
  if (realm.global.getOwn(name) === ABSENT) realm.global.define(name, undefined, configurable ? 0 : DONTDELETE);
}
