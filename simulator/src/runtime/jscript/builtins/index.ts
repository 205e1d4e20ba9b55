/** Builds a realm's built-ins: one module per family. */
import type { Realm } from '../realm.js';
import { installArray } from './array.js';
import { installDate } from './date.js';
import { installErrors } from './error.js';
import { installFunction } from './function.js';
import { installGlobals } from './global.js';
import { installJScriptExtras } from './jscriptExtras.js';
import { installMath } from './math.js';
import { installNumber } from './number.js';
import { installObject } from './object.js';
import { installRegExp } from './regexp.js';
import { installString } from './string.js';

export function installBuiltins(realm: Realm): void {
  installObject(realm);
  installFunction(realm);
  installArray(realm);
  installString(realm);
  installNumber(realm);
  installMath(realm);
  installDate(realm);
  installRegExp(realm);
  installErrors(realm);
  installGlobals(realm);
  installJScriptExtras(realm);
}
