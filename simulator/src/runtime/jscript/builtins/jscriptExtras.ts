/**
 * What jscript.dll adds to ES3 for COM: ActiveXObject, GetObject, Enumerator, VBArray,
 * ScriptEngine*, CollectGarbage. COM objects come from the engine's `ProgIdRegistry`, the
 * same one VBScript's CreateObject uses.
 */
import { VbsRuntimeError } from '../../errors.js';
import { toVariant as hostToVariant } from '../../objects/hostBridge.js';
import { isComObject } from '../../objects/comObject.js';
import { VbsArray } from '../../values/array.js';
import { comItems, safeArrayItems } from '../comBridge.js';
import { toInteger, toStr } from '../conversions.js';
import { JsErr, raiseJs } from '../errors.js';
import { fromVariant } from '../hostValues.js';
import type { Realm } from '../realm.js';
import { arrayItems, JsArray, JsObject, type JsValue } from '../values.js';
import { arg, makeConstructor } from './helpers.js';

/** jscript.dll 5.8's build number reported by ScriptEngineBuildVersion (Windows 7 SP1 / Server 2008 R2). */
const BUILD_VERSION = 18702;

class EnumeratorObject extends JsObject {
  index = 0;
  constructor(
    proto: JsObject,
    readonly items: JsValue[],
  ) {
    super(proto, 'Object');
  }
}

class VBArrayObject extends JsObject {
  constructor(
    proto: JsObject,
    readonly array: VbsArray,
  ) {
    super(proto, 'Object');
  }
}

/** A host-created object (VbsObject or plain JS object) as a script value. */
function hostObject(v: unknown): JsValue {
  return fromVariant(hostToVariant(v));
}

/** The families below, by the global names each defines (for their lazy installation). */
export const COM_GLOBALS = ['ActiveXObject', 'GetObject', 'ScriptEngine', 'ScriptEngineMajorVersion', 'ScriptEngineMinorVersion', 'ScriptEngineBuildVersion', 'CollectGarbage'];

/** ActiveXObject, GetObject, ScriptEngine*, CollectGarbage. */
export function installComGlobals(realm: Realm): void {
  const progIds = realm.services.progIds;
  const createObject = (args: JsValue[]): JsValue => {
    const progId = toStr(arg(args, 0));
    if (!progIds.has(progId)) return raiseJs(JsErr.CantCreateObject);
    return hostObject(progIds.create(progId));
  };
  const activeX = makeConstructor(realm, 'ActiveXObject', 1, new JsObject(realm.objectProto), (_t, args) => createObject(args), createObject);
  activeX.pure = false;
  realm.methods(
    realm.global,
    {
      GetObject: [2, (_t, args) => {
        const path = arg(args, 0);
        const progId = arg(args, 1);
        try {
          return hostObject(progIds.get(path === undefined ? '' : toStr(path), progId === undefined ? undefined : toStr(progId)));
        } catch (e) {
          if (e instanceof VbsRuntimeError && e.number === 429) return raiseJs(JsErr.CantCreateObject);
          throw e;
        }
      }],
      ScriptEngine: [0, () => 'JScript'],
      ScriptEngineMajorVersion: [0, () => 5],
      ScriptEngineMinorVersion: [0, () => 8],
      ScriptEngineBuildVersion: [0, () => BUILD_VERSION],
      CollectGarbage: [0, () => undefined],
    },
    ['GetObject'],
  );
}

export function installEnumerator(realm: Realm): void {
  const enumProto = new JsObject(realm.objectProto);
  const newEnumerator = (args: JsValue[]): JsValue => {
    const c = arg(args, 0);
    let items: JsValue[];
    if (c === undefined) items = [];
    else if (isComObject(c)) items = comItems(c);
    else if (c instanceof JsArray) items = arrayItems(c);
    else if (c instanceof VbsArray) items = safeArrayItems(c);
    else return raiseJs(JsErr.NotACollection);
    return new EnumeratorObject(enumProto, items);
  };
  makeConstructor(realm, 'Enumerator', 1, enumProto, (_t, args) => newEnumerator(args), newEnumerator);
  const en = (t: JsValue): EnumeratorObject => (t instanceof EnumeratorObject ? t : raiseJs(JsErr.EnumeratorExpected));
  realm.methods(
    enumProto,
    {
      atEnd: [0, (t) => {
        const e = en(t);
        return e.index >= e.items.length;
      }],
      item: [0, (t) => {
        const e = en(t);
        return e.index < e.items.length ? e.items[e.index] : undefined;
      }],
      moveFirst: [0, (t) => {
        en(t).index = 0;
        return undefined;
      }],
      moveNext: [0, (t) => {
        const e = en(t);
        if (e.index < e.items.length) e.index++;
        return undefined;
      }],
    },
    ['moveFirst', 'moveNext'],
  );
}

export function installVBArray(realm: Realm): void {
  const vbProto = new JsObject(realm.objectProto);
  const newVBArray = (args: JsValue[]): JsValue => {
    const a = arg(args, 0);
    if (a instanceof VBArrayObject) return a;
    if (!(a instanceof VbsArray)) return raiseJs(JsErr.VBArrayExpected);
    return new VBArrayObject(vbProto, a);
  };
  makeConstructor(realm, 'VBArray', 1, vbProto, (_t, args) => newVBArray(args), newVBArray);
  const vb = (t: JsValue): VbsArray => (t instanceof VBArrayObject ? t.array : raiseJs(JsErr.VBArrayExpected));
  const dimension = (a: VbsArray, d: JsValue): number => {
    const n = d === undefined ? 1 : toInteger(d);
    if (n < 1 || n > a.dimensions) return raiseJs(JsErr.SubscriptOutOfRange);
    return n;
  };
  realm.methods(vbProto, {
    toArray: [0, (t) => realm.newArray(safeArrayItems(vb(t)))],
    dimensions: [0, (t) => vb(t).dimensions],
    lbound: [1, (t, args) => {
      dimension(vb(t), arg(args, 0));
      return 0;
    }],
    ubound: [1, (t, args) => {
      const a = vb(t);
      return a.upperBounds[dimension(a, arg(args, 0)) - 1];
    }],
    getItem: [1, (t, args) => {
      const a = vb(t);
      const indices = args.map(toInteger);
      if (indices.length !== a.dimensions) return raiseJs(JsErr.SubscriptOutOfRange);
      for (let d = 0; d < indices.length; d++) if (indices[d] < 0 || indices[d] > a.upperBounds[d]) return raiseJs(JsErr.SubscriptOutOfRange);
      return fromVariant(a.get(indices));
    }],
  });
}
