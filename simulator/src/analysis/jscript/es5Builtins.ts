/**
 * What hMailServer's JScript engine lacks: the classic `JScript` ProgID (jscript.dll) runs at ES3
 * level (reference §2.7: the 5.8 versioning request is commented out), so everything ECMAScript 5
 * and later added to the built-ins fails on the server ("Object doesn't support this property or
 * method", "'JSON' is undefined").
 *
 * This table is the single source for
 * - the ES3 library the JScript language service is given (generated at build time from
 *   TypeScript's lib.es5.d.ts by removing exactly these declarations, see `es3Lib.ts`), so
 *   completions never offer them;
 * - the `hms-js-es5-builtin` diagnostic.
 */

/** Which values a member belongs to, i.e. what the receiver of `x.name` must be for the entry to apply. */
export type Es5Receiver =
  /** A string value: `s.trim()`. */
  | 'string'
  /** An array value: `a.indexOf(x)`. */
  | 'array'
  /** A Date value: `d.toISOString()`. */
  | 'date'
  /** A function value: `f.bind(o)`. */
  | 'function'
  /** The global constructor itself: `Array.isArray`, `Object.keys`, `Date.now`. */
  | 'Array'
  | 'Object'
  | 'Date'
  /** A global name: `JSON`, `Uint8Array`. */
  | 'global';

export interface Es5Builtin {
  /** Member or global name, case-sensitive as JavaScript is. */
  readonly name: string;
  readonly receiver: Es5Receiver;
  /** How it is written in the message, e.g. `String.prototype.trim`. */
  readonly display: string;
  /** The ECMAScript edition that added it. */
  readonly since: 'ES5' | 'ES2015';
  /**
   * The lib.es5.d.ts declarations it is removed from: `Interface.member`, or `var Name` /
   * `namespace Name` for a global.
   */
  readonly lib: readonly string[];
  /**
   * Also reported when the receiver's type is unknown (`any`): names no script would give its own
   * method, so `x.trim()` is almost surely the missing built-in.
   */
  readonly distinctive?: boolean;
  /** A replacement that works in ES3, for the message. */
  readonly instead?: string;
}

const ARRAY_LIBS = (m: string) => [`Array.${m}`, `ReadonlyArray.${m}`];

const arrayMethod = (name: string, instead: string, distinctive = false): Es5Builtin => ({
  name,
  receiver: 'array',
  display: `Array.prototype.${name}`,
  since: 'ES5',
  lib: ARRAY_LIBS(name),
  distinctive,
  instead,
});

const objectStatic = (name: string, instead?: string): Es5Builtin => ({
  name,
  receiver: 'Object',
  display: `Object.${name}`,
  since: 'ES5',
  lib: [`ObjectConstructor.${name}`],
  instead,
});

const typedArray = (name: string): Es5Builtin => ({
  name,
  receiver: 'global',
  display: name,
  since: 'ES2015',
  lib: [`var ${name}`],
});

export const ES5_BUILTINS: readonly Es5Builtin[] = [
  { name: 'JSON', receiver: 'global', display: 'JSON', since: 'ES5', lib: ['var JSON'], instead: 'an ES3 JSON library (json2.js) or your own code' },
  { name: 'trim', receiver: 'string', display: 'String.prototype.trim', since: 'ES5', lib: ['String.trim'], distinctive: true, instead: 's.replace(/^\\s+|\\s+$/g, "")' },
  arrayMethod('indexOf', 'a loop over the indexes'),
  // Not distinctive: strings have indexOf and lastIndexOf in ES3.
  arrayMethod('lastIndexOf', 'a loop over the indexes'),
  arrayMethod('forEach', 'a for loop', true),
  arrayMethod('map', 'a for loop'),
  arrayMethod('filter', 'a for loop'),
  arrayMethod('reduce', 'a for loop'),
  arrayMethod('reduceRight', 'a for loop', true),
  arrayMethod('some', 'a for loop'),
  arrayMethod('every', 'a for loop'),
  { name: 'isArray', receiver: 'Array', display: 'Array.isArray', since: 'ES5', lib: ['ArrayConstructor.isArray'], instead: 'x instanceof Array' },
  objectStatic('keys', 'for (var k in o) with o.hasOwnProperty(k)'),
  objectStatic('create'),
  objectStatic('defineProperty', 'a plain assignment'),
  objectStatic('defineProperties', 'plain assignments'),
  objectStatic('getPrototypeOf'),
  objectStatic('getOwnPropertyNames', 'for (var k in o)'),
  objectStatic('getOwnPropertyDescriptor'),
  objectStatic('freeze'),
  objectStatic('isFrozen'),
  objectStatic('seal'),
  objectStatic('isSealed'),
  objectStatic('preventExtensions'),
  objectStatic('isExtensible'),
  { name: 'now', receiver: 'Date', display: 'Date.now', since: 'ES5', lib: ['DateConstructor.now'], instead: 'new Date().getTime()' },
  { name: 'toISOString', receiver: 'date', display: 'Date.prototype.toISOString', since: 'ES5', lib: ['Date.toISOString'], distinctive: true, instead: 'getUTCFullYear(), getUTCMonth() … by hand' },
  { name: 'toJSON', receiver: 'date', display: 'Date.prototype.toJSON', since: 'ES5', lib: ['Date.toJSON'], distinctive: true },
  {
    name: 'bind',
    receiver: 'function',
    display: 'Function.prototype.bind',
    since: 'ES5',
    lib: ['Function.bind', 'CallableFunction.bind', 'NewableFunction.bind'],
    instead: 'a closure: function () { return f.apply(o, arguments); }',
  },
  // ES2015 globals TypeScript's ES5 library declares all the same (typed arrays), and Intl.
  typedArray('ArrayBuffer'),
  typedArray('DataView'),
  typedArray('Int8Array'),
  typedArray('Uint8Array'),
  typedArray('Uint8ClampedArray'),
  typedArray('Int16Array'),
  typedArray('Uint16Array'),
  typedArray('Int32Array'),
  typedArray('Uint32Array'),
  typedArray('Float32Array'),
  typedArray('Float64Array'),
  { name: 'Intl', receiver: 'global', display: 'Intl', since: 'ES5', lib: ['namespace Intl'] },
];

/** The message of `hms-js-es5-builtin`. */
export function es5BuiltinMessage(b: Es5Builtin): string {
  const tail = b.instead ? ` Use ${b.instead} instead.` : '';
  return `jscript.dll (ES3) has no ${b.display}: it fails on the server.${tail}`;
}
