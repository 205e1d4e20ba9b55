/** Function and Function.prototype (ES3 15.3): call, apply, toString — no bind. */
import { toStr } from '../conversions.js';
import { JsErr, raiseJs } from '../errors.js';
import { JsFunction } from '../functions.js';
import type { Realm } from '../realm.js';
import { JsArray, JsObject, type JsValue } from '../values.js';
import { ArgumentsObject } from '../compiler/functions.js';
import { arg, makeConstructor } from './helpers.js';
import { E } from './helpers.js';

export function installFunction(realm: Realm): void {
  const create = (args: JsValue[]): JsValue => {
    const params = args.slice(0, -1).map(toStr).join(',');
    const body = args.length > 0 ? toStr(args[args.length - 1]) : '';
    return realm.services.compileFunction(params, body);
  };
  makeConstructor(realm, 'Function', 1, realm.functionProto, (_t, args) => create(args), create);
  const fnOf = (t: JsValue): JsFunction => (t instanceof JsFunction ? t : raiseJs(JsErr.FunctionExpected));
  realm.methods(realm.functionProto, {
    toString: E(0, (t) => fnOf(t).sourceText()),
    call: [1, (t, args) => fnOf(t).call(arg(args, 0), args.slice(1))],
    apply: [2, (t, args) => {
      const fn = fnOf(t);
      const list = arg(args, 1);
      if (list === null || list === undefined) return fn.call(arg(args, 0), []);
      if (!(list instanceof JsArray) && !(list instanceof ArgumentsObject)) return raiseJs(JsErr.ArrayOrArgumentsExpected);
      const n = Number((list as JsObject).get('length')) >>> 0;
      const values: JsValue[] = [];
      for (let i = 0; i < n; i++) values.push((list as JsObject).get(String(i)));
      return fn.call(arg(args, 0), values);
    }],
  });
}
