/** Object and Object.prototype (ES3 15.2): no ES5 statics (keys, create, defineProperty …), as in jscript.dll. */
import { isComObject } from '../../objects/comObject.js';
import { toStr } from '../conversions.js';
import { JsFunction } from '../functions.js';
import type { Realm } from '../realm.js';
import { JsObject, type JsValue } from '../values.js';
import { arg, makeConstructor } from './helpers.js';
import { E } from './helpers.js';

export function installObject(realm: Realm): void {
  const create = (args: JsValue[]): JsValue => {
    const v = arg(args, 0);
    if (v === null || v === undefined) return realm.newObject();
    return realm.toObject(v);
  };
  makeConstructor(realm, 'Object', 1, realm.objectProto, (_t, args) => create(args), create);
  const self = (t: JsValue): JsObject | null => {
    const o = realm.toObject(t);
    return o instanceof JsObject ? o : null;
  };
  realm.methods(realm.objectProto, {
    toString: E(0, (t) => (isComObject(t) ? '[object]' : `[object ${self(t)?.cls ?? 'Object'}]`)),
    toLocaleString: E(0, (t) => {
      const o = self(t);
      const fn = o?.get('toString');
      return fn instanceof JsFunction ? fn.call(t, []) : '[object Object]';
    }),
    valueOf: E(0, (t) => realm.toObject(t)),
    hasOwnProperty: E(1, (t, args) => self(t)?.hasOwn(toStr(arg(args, 0))) ?? false),
    isPrototypeOf: E(1, (t, args) => {
      const o = self(t);
      const v = arg(args, 0);
      if (!(v instanceof JsObject) || o === null) return false;
      for (let p = v.proto; p !== null; p = p.proto) if (p === o) return true;
      return false;
    }),
    propertyIsEnumerable: E(1, (t, args) => self(t)?.isEnumerable(toStr(arg(args, 0))) ?? false),
  });
}
