/** The global functions and values (ES3 15.1). */
import { JsErr, raiseJs } from '../errors.js';
import { toNumber, toStr } from '../conversions.js';
import type { Realm } from '../realm.js';
import { DONTDELETE, DONTENUM, type JsValue } from '../values.js';
import { arg } from './helpers.js';

/** parseInt (ES3 15.1.2.2): a leading "0" means octal when no radix is given, as in ES3 and jscript.dll. */
function parseIntJs(input: string, radixArg: JsValue): number {
  let s = input.replace(/^[\s\u00a0\ufeff]+/, '');
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  let radix = radixArg === undefined ? 0 : toNumber(radixArg) | 0;
  if (radix !== 0 && (radix < 2 || radix > 36)) return NaN;
  if ((radix === 0 || radix === 16) && /^0[xX]/.test(s)) {
    s = s.slice(2);
    radix = 16;
  } else if (radix === 0) radix = s[0] === '0' && s.length > 1 ? 8 : 10;
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, radix);
  let end = 0;
  while (end < s.length && digits.includes(s[end].toLowerCase())) end++;
  if (end === 0) return NaN;
  const text = s.slice(0, end);
  const value = radix === 10 ? Number(text) : [...text].reduce((acc, c) => acc * radix + digits.indexOf(c.toLowerCase()), 0);
  return sign * value;
}

function parseFloatJs(input: string): number {
  const s = input.replace(/^[\s\u00a0\ufeff]+/, '');
  const m = /^[+-]?(?:Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(s);
  return m ? Number(m[0]) : NaN;
}

function uri(fn: (s: string) => string, s: string, error: number): string {
  try {
    return fn(s);
  } catch {
    return raiseJs(error);
  }
}

/** NaN, Infinity and undefined: read by most scripts, created with the realm. */
export function installGlobalValues(realm: Realm): void {
  const g = realm.global;
  g.define('NaN', NaN, DONTENUM | DONTDELETE);
  g.define('Infinity', Infinity, DONTENUM | DONTDELETE);
  g.define('undefined', undefined, DONTENUM | DONTDELETE);
}

/** The global functions' names, for their lazy installation. */
export const GLOBAL_FUNCTIONS = ['eval', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'escape', 'unescape', 'encodeURI', 'encodeURIComponent', 'decodeURI', 'decodeURIComponent'];

export function installGlobals(realm: Realm): void {
  const g = realm.global;
  realm.methods(
    g,
    {
      eval: [1, (_t, args) => {
        const code = arg(args, 0);
        // Called other than by its name (an indirect eval): global code.
        return typeof code === 'string' ? realm.services.evalCode(code, null) : code;
      }],
      parseInt: [2, (_t, args) => parseIntJs(toStr(arg(args, 0)), arg(args, 1))],
      parseFloat: [1, (_t, args) => parseFloatJs(toStr(arg(args, 0)))],
      isNaN: [1, (_t, args) => Number.isNaN(toNumber(arg(args, 0)))],
      isFinite: [1, (_t, args) => Number.isFinite(toNumber(arg(args, 0)))],
      escape: [1, (_t, args) => escape(toStr(arg(args, 0)))],
      unescape: [1, (_t, args) => unescape(toStr(arg(args, 0)))],
      encodeURI: [1, (_t, args) => uri(encodeURI, toStr(arg(args, 0)), JsErr.UriInvalidCharacter)],
      encodeURIComponent: [1, (_t, args) => uri(encodeURIComponent, toStr(arg(args, 0)), JsErr.UriInvalidCharacter)],
      decodeURI: [1, (_t, args) => uri(decodeURI, toStr(arg(args, 0)), JsErr.UriInvalidEncoding)],
      decodeURIComponent: [1, (_t, args) => uri(decodeURIComponent, toStr(arg(args, 0)), JsErr.UriInvalidEncoding)],
    },
    ['eval'],
  );
  realm.evalFunction = g.get('eval');
}
