/**
 * String (ES3 15.5) as jscript.dll 5.8 has it, HTML methods included (uppercase tags, as
 * JScript writes them) and no trim. JScript quirks kept: `substr` with a negative start
 * counts from 0, and `split` with a regular expression drops empty items and does not
 * splice in capture groups.
 */
import { JsErr, raiseJs } from '../errors.js';
import { JsFunction } from '../functions.js';
import { toInteger, toNumber, toStr, toUint16, toUint32 } from '../conversions.js';
import { StringObject, type Realm } from '../realm.js';
import type { JsValue } from '../values.js';
import { arg, makeConstructor } from './helpers.js';
import { E } from './helpers.js';
import { matchAt, regexpExec, RegExpObject, toRegExp } from './regexp.js';

export function installString(realm: Realm): void {
  const ctor = makeConstructor(
    realm,
    'String',
    1,
    realm.stringProto,
    (_t, args) => (args.length === 0 ? '' : toStr(args[0])),
    (args) => new StringObject(realm.stringProto, args.length === 0 ? '' : toStr(args[0])),
  );
  realm.methods(ctor, {
    fromCharCode: [1, (_t, args) => String.fromCharCode(...args.map(toUint16))],
  });
  const str = (t: JsValue): string => {
    if (typeof t === 'string') return t;
    if (t instanceof StringObject) return t.primitive as string;
    return toStr(t);
  };
  const own = (t: JsValue): string => {
    if (typeof t === 'string') return t;
    if (t instanceof StringObject) return t.primitive as string;
    return raiseJs(JsErr.StringExpected);
  };
  const tag = (name: string, attr?: string) => (t: JsValue, args: JsValue[]): JsValue =>
    attr === undefined ? `<${name}>${str(t)}</${name}>` : `<${name} ${attr}="${toStr(arg(args, 0))}">${str(t)}</${name === 'A' ? 'A' : name}>`;

  realm.methods(realm.stringProto, {
    toString: E(0, (t) => own(t)),
    valueOf: E(0, (t) => own(t)),
    charAt: [1, (t, args) => {
      const s = str(t);
      const i = toInteger(arg(args, 0));
      return i < 0 || i >= s.length ? '' : s.charAt(i);
    }],
    charCodeAt: [1, (t, args) => {
      const s = str(t);
      const i = toInteger(arg(args, 0));
      return i < 0 || i >= s.length ? NaN : s.charCodeAt(i);
    }],
    concat: [1, (t, args) => str(t) + args.map(toStr).join('')],
    indexOf: [1, (t, args) => {
      const s = str(t);
      const pos = Math.min(Math.max(toInteger(arg(args, 1)), 0), s.length);
      return s.indexOf(toStr(arg(args, 0)), pos);
    }],
    lastIndexOf: [1, (t, args) => {
      const s = str(t);
      const n = toNumber(arg(args, 1));
      const pos = Number.isNaN(n) ? Infinity : toInteger(n);
      return s.lastIndexOf(toStr(arg(args, 0)), Math.min(Math.max(pos, 0), s.length));
    }],
    localeCompare: [1, (t, args) => {
      const a = str(t);
      const b = toStr(arg(args, 0));
      return a === b ? 0 : a.localeCompare(b, 'en-US') < 0 ? -1 : 1;
    }],
    match: [1, (t, args) => {
      const s = str(t);
      const re = toRegExp(realm, arg(args, 0));
      if (!re.global) return regexpExec(realm, re, s);
      re.put('lastIndex', 0);
      const found: string[] = [];
      let from = 0;
      while (from <= s.length) {
        const m = matchAt(realm, re, s, from);
        if (m === null) break;
        found.push(m.groups[0]);
        from = m.end === m.index ? m.end + 1 : m.end;
      }
      re.put('lastIndex', 0);
      return found.length === 0 ? null : realm.newArray(found);
    }],
    replace: [2, (t, args) => replace(realm, str(t), arg(args, 0), arg(args, 1))],
    search: [1, (t, args) => {
      const m = matchAt(realm, toRegExp(realm, arg(args, 0)), str(t), 0);
      return m === null ? -1 : m.index;
    }],
    slice: [2, (t, args) => {
      const s = str(t);
      const len = s.length;
      const rel = (v: JsValue, d: number): number => {
        if (v === undefined) return d;
        const n = toInteger(v);
        return n < 0 ? Math.max(len + n, 0) : Math.min(n, len);
      };
      const start = rel(arg(args, 0), 0);
      const end = rel(arg(args, 1), len);
      return start < end ? s.slice(start, end) : '';
    }],
    split: [2, (t, args) => split(realm, str(t), arg(args, 0), arg(args, 1))],
    substring: [2, (t, args) => {
      const s = str(t);
      const clamp = (v: JsValue, d: number): number => (v === undefined ? d : Math.min(Math.max(toInteger(v), 0), s.length));
      const a = clamp(arg(args, 0), 0);
      const b = clamp(arg(args, 1), s.length);
      return s.slice(Math.min(a, b), Math.max(a, b));
    }],
    substr: [2, (t, args) => {
      const s = str(t);
      // jscript.dll treats a negative start as 0 (not as an offset from the end).
      const start = Math.min(Math.max(toInteger(arg(args, 0)), 0), s.length);
      const lenArg = arg(args, 1);
      const len = lenArg === undefined ? s.length - start : Math.min(Math.max(toInteger(lenArg), 0), s.length - start);
      return len <= 0 ? '' : s.substr(start, len);
    }],
    toLowerCase: [0, (t) => str(t).toLowerCase()],
    toUpperCase: [0, (t) => str(t).toUpperCase()],
    toLocaleLowerCase: [0, (t) => str(t).toLowerCase()],
    toLocaleUpperCase: [0, (t) => str(t).toUpperCase()],
    anchor: [1, tag('A', 'NAME')],
    big: [0, tag('BIG')],
    blink: [0, tag('BLINK')],
    bold: [0, tag('B')],
    fixed: [0, tag('TT')],
    fontcolor: [1, tag('FONT', 'COLOR')],
    fontsize: [1, tag('FONT', 'SIZE')],
    italics: [0, tag('I')],
    link: [1, tag('A', 'HREF')],
    small: [0, tag('SMALL')],
    strike: [0, tag('STRIKE')],
    sub: [0, tag('SUB')],
    sup: [0, tag('SUP')],
  });
}

/** `$` patterns of a replacement string (ES3 15.5.4.11): $$, $&, $`, $', $n, $nn. */
function expand(replacement: string, s: string, groups: string[], index: number): string {
  return replacement.replace(/\$(\$|&|`|'|\d{1,2})/g, (whole, code: string) => {
    if (code === '$') return '$';
    if (code === '&') return groups[0];
    if (code === '`') return s.slice(0, index);
    if (code === "'") return s.slice(index + groups[0].length);
    let n = Number(code);
    if (code.length === 2 && (n === 0 || n >= groups.length)) {
      n = Number(code[0]);
      if (n > 0 && n < groups.length) return groups[n] + code[1];
      return whole;
    }
    return n > 0 && n < groups.length ? groups[n] : whole;
  });
}

function replace(realm: Realm, s: string, search: JsValue, replacement: JsValue): string {
  const fn = replacement instanceof JsFunction ? replacement : null;
  const text = fn === null ? toStr(replacement) : '';
  const substitute = (groups: string[], index: number): string =>
    fn !== null ? toStr(fn.call(undefined, [...groups, index, s])) : expand(text, s, groups, index);
  if (!(search instanceof RegExpObject)) {
    const needle = toStr(search);
    const at = s.indexOf(needle);
    if (at < 0) return s;
    return s.slice(0, at) + substitute([needle], at) + s.slice(at + needle.length);
  }
  const re = search;
  if (!re.global) {
    const m = matchAt(realm, re, s, 0);
    if (m === null) return s;
    return s.slice(0, m.index) + substitute(m.groups, m.index) + s.slice(m.end);
  }
  let out = '';
  let last = 0;
  let from = 0;
  while (from <= s.length) {
    const m = matchAt(realm, re, s, from);
    if (m === null) break;
    out += s.slice(last, m.index) + substitute(m.groups, m.index);
    last = m.end;
    from = m.end === m.index ? m.end + 1 : m.end;
  }
  re.put('lastIndex', 0);
  return out + s.slice(last);
}

function split(realm: Realm, s: string, separator: JsValue, limitArg: JsValue): JsValue {
  const limit = limitArg === undefined ? 4294967295 : toUint32(limitArg);
  if (separator === undefined) return realm.newArray([s]);
  let parts: string[];
  if (separator instanceof RegExpObject) {
    parts = [];
    let last = 0;
    let from = 0;
    while (from < s.length) {
      const m = matchAt(realm, separator, s, from);
      if (m === null) break;
      if (m.end === m.index) {
        if (m.index >= s.length) break;
        parts.push(s.slice(last, m.index === last ? m.index + 1 : m.index));
        last = m.index === last ? m.index + 1 : m.index;
        from = last;
        continue;
      }
      parts.push(s.slice(last, m.index));
      last = m.end;
      from = m.end;
    }
    parts.push(s.slice(last));
    // jscript.dll leaves out the empty items a regular-expression separator produces.
    parts = parts.filter((p) => p !== '');
  } else {
    parts = s.split(toStr(separator));
  }
  return realm.newArray(parts.slice(0, limit));
}
