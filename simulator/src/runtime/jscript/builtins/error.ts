/**
 * Error and the native error types (ES3 15.11) with JScript's `number` and `description`:
 * `new Error()`, `new Error(number)`, `new Error(number, description)`, `new Error(message)`.
 * As in jscript.dll 5.8, `Error.prototype.toString()` gives "[object Error]".
 */
import { toNumber, toStr } from '../conversions.js';
import type { ErrorKind } from '../errors.js';
import type { Realm } from '../realm.js';
import { DONTENUM, type JsValue } from '../values.js';
import { makeConstructor } from './helpers.js';
import { E } from './helpers.js';

/** RegExpError: jscript.dll's own type for regular-expression syntax errors (5017–5021). */
export const ERROR_KINDS: readonly ErrorKind[] = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'RegExpError'];

export function installErrors(realm: Realm): void {
  for (const kind of ERROR_KINDS) {
    const proto = realm.errorProtos.get(kind)!;
    const create = (args: JsValue[]): JsValue => {
      let number = 0;
      let description = '';
      if (args.length === 1) {
        if (typeof args[0] === 'number') number = args[0];
        else if (args[0] !== undefined) description = toStr(args[0]);
      } else if (args.length >= 2) {
        number = toNumber(args[0]);
        description = args[1] === undefined ? '' : toStr(args[1]);
      }
      return realm.makeError(kind, number, description);
    };
    makeConstructor(realm, kind, 1, proto, (_t, args) => create(args), create);
    proto.define('name', kind, DONTENUM);
    proto.define('message', '', DONTENUM);
    proto.define('description', '', DONTENUM);
    proto.define('number', 0, DONTENUM);
  }
  realm.methods(realm.errorProtos.get('Error')!, {
    toString: E(0, () => '[object Error]'),
  });
}
