/**
 * Builds a realm's built-ins: one module per family. Each family is installed on first use
 * (`Realm.lazyFamily`: a lookup of one of its global names or of a property of one of its
 * prototypes); only NaN, Infinity and undefined exist from the start.
 */
import type { Realm } from '../realm.js';
import { installArray } from './array.js';
import { installDate } from './date.js';
import { ERROR_KINDS, installErrors } from './error.js';
import { installFunction } from './function.js';
import { GLOBAL_FUNCTIONS, installGlobals, installGlobalValues } from './global.js';
import { COM_GLOBALS, installComGlobals, installEnumerator, installVBArray } from './jscriptExtras.js';
import { installMath } from './math.js';
import { installNumber } from './number.js';
import { installObject } from './object.js';
import { installRegExp } from './regexp.js';
import { installString } from './string.js';

export function installBuiltins(realm: Realm): void {
  installGlobalValues(realm);
  realm.lazyFamily(['Object'], [realm.objectProto], installObject);
  realm.lazyFamily(['Function'], [realm.functionProto], installFunction);
  realm.lazyFamily(['Array'], [realm.arrayProto], installArray);
  realm.lazyFamily(['String'], [realm.stringProto], installString);
  realm.lazyFamily(['Number', 'Boolean'], [realm.numberProto, realm.booleanProto], installNumber);
  realm.lazyFamily(['Math'], [], installMath);
  realm.lazyFamily(['Date'], [realm.dateProto], installDate);
  realm.regexpFamily = realm.lazyFamily(['RegExp'], [realm.regexpProto], installRegExp);
  realm.lazyFamily(ERROR_KINDS, ERROR_KINDS.map((k) => realm.errorProtos.get(k)!), installErrors);
  realm.lazyFamily(GLOBAL_FUNCTIONS, [], installGlobals);
  realm.lazyFamily(COM_GLOBALS, [], installComGlobals);
  realm.lazyFamily(['Enumerator'], [], installEnumerator);
  realm.lazyFamily(['VBArray'], [], installVBArray);
}
