/**
 * String functions. VBScript strings are UTF-16 BSTRs, like JS strings, so most map
 * directly; the *B variants see the string as its UTF-16LE bytes. A JS string cannot hold
 * an odd number of bytes, so a trailing odd byte (LeftB(s, 3), ChrB(65)) becomes a whole
 * character with that code: LenB then counts 2 where Windows counts 1.
 */
import { raise, RuntimeError } from '../errors';
import { compareStrings, deref, toStr } from '../values/coerce';
import { makeLong, type Value } from '../values/variant';
import { compareArg, countArg, intArg, opt, strArg } from './args';
import { given, table, type BuiltinFunction } from './context';

// Windows-1252, the ANSI code page of the supported Western locales: Asc/Chr use it for 128..159.
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function ansiToChar(code: number): string {
  return code >= 0x80 && code <= 0x9f ? CP1252_HIGH[code - 0x80] : String.fromCharCode(code);
}

export function charToAnsi(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) return c;
  const i = CP1252_HIGH.indexOf(ch[0]);
  return i >= 0 ? 0x80 + i : 63; // not representable: '?'
}

const ASCII = /^[\x00-\x7f]*$/;

/** Case mapping one UTF-16 unit at a time: Windows never changes a string's length (ß stays ß). */
function mapCase(s: string, upper: boolean): string {
  if (ASCII.test(s)) return upper ? s.toUpperCase() : s.toLowerCase();
  let out = '';
  for (const ch of s) {
    const m = upper ? ch.toUpperCase() : ch.toLowerCase();
    out += m.length === ch.length ? m : ch;
  }
  return out;
}

export const ucase = (s: string): string => mapCase(s, true);
export const lcase = (s: string): string => mapCase(s, false);

/** Position (1-based) of `find` in `s` from `start`, 0 if absent. */
export function inStr(s: string, find: string, start: number, text: boolean): number {
  if (start > s.length) return 0;
  if (find === '') return start;
  if (text) {
    s = lcase(s);
    find = lcase(find);
  }
  return s.indexOf(find, start - 1) + 1;
}

export function inStrRev(s: string, find: string, start: number, text: boolean): number {
  if (start > s.length) return 0;
  if (find === '') return start;
  if (text) {
    s = lcase(s);
    find = lcase(find);
  }
  if (find.length > start) return 0;
  return s.lastIndexOf(find, start - find.length) + 1;
}

/** Replace as VBScript does it: the result starts at `start`; at most `count` replacements (-1: all). */
export function replaceText(s: string, find: string, by: string, start: number, count: number, text: boolean): string {
  const rest = s.slice(start - 1);
  if (find === '' || count === 0) return rest;
  const hay = text ? lcase(rest) : rest;
  const needle = text ? lcase(find) : find;
  let out = '';
  let pos = 0;
  let done = 0;
  while (count < 0 || done < count) {
    const i = hay.indexOf(needle, pos);
    if (i < 0) break;
    out += rest.slice(pos, i) + by;
    pos = i + find.length;
    done++;
  }
  return out + rest.slice(pos);
}

const trimSpaces = (s: string, left: boolean, right: boolean): string => {
  let a = 0;
  let b = s.length;
  if (left) while (a < b && s.charCodeAt(a) === 32) a++;
  if (right) while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return s.slice(a, b);
};

/** The string's UTF-16LE bytes. */
function toBytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(c & 0xff, c >> 8);
  }
  return out;
}

function fromBytes(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
  if (bytes.length % 2 === 1) out += String.fromCharCode(bytes[bytes.length - 1]);
  return out;
}

/**
 * Mid's argument checks, in the order Windows makes them: a Null length, a Null start, the
 * start's conversion and range, the length's range — and only then a Null string (Null).
 */
function midRange(args: Value[]): { start: number; len: number | undefined } {
  const hasLen = given(args, 2);
  const lenV = hasLen ? deref(args[2]) : undefined;
  if (hasLen && lenV === null) raise(RuntimeError.InvalidUseOfNull);
  const start = intArg(deref(args[1]));
  if (start < 1) raise(RuntimeError.InvalidProcedureCall);
  return { start, len: hasLen ? countArg(lenV) : undefined };
}

/** Left/Right/LeftB/RightB: the length is checked (94, 5) before a Null string gives Null. */
function sideFn(take: (s: string, n: number) => string) {
  return (_ctx: unknown, args: Value[]): Value => {
    const n = countArg(deref(args[1]));
    const v = deref(args[0]);
    return v === null ? null : take(toStr(v), n);
  };
}

const ESCAPE_SAFE = /[A-Za-z0-9@*_+\-./]/;

export function escapeText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (ESCAPE_SAFE.test(ch)) out += ch;
    else if (c < 256) out += '%' + c.toString(16).toUpperCase().padStart(2, '0');
    else out += '%u' + c.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

export function unescapeText(s: string): string {
  return s.replace(/%u([0-9a-fA-F]{4})|%([0-9a-fA-F]{2})/g, (_m, u: string | undefined, x: string | undefined) =>
    String.fromCharCode(parseInt((u ?? x)!, 16)),
  );
}

/** Null in, Null out: the string functions documented to pass Null through. */
const nullable =
  (fn: (s: string, args: Value[]) => Value) =>
  (_ctx: unknown, args: Value[]): Value => {
    const v = deref(args[0]);
    return v === null ? null : fn(toStr(v), args);
  };

function firstChar(v: Value): string {
  const s = strArg(deref(v));
  if (s === '') raise(RuntimeError.InvalidProcedureCall);
  return s;
}

function chrCode(v: Value, min: number, max: number): number {
  const n = intArg(deref(v));
  if (n < min || n > max) raise(RuntimeError.InvalidProcedureCall);
  return n;
}

function instrArgs(args: Value[]): Value {
  // InStr([start,] string1, string2[, compare]): with 3 or 4 arguments the first is the start.
  let start = 1;
  let i = 0;
  if (args.length >= 3) {
    const s = deref(args[0]);
    if (s === null) raise(RuntimeError.InvalidUseOfNull);
    start = intArg(s);
    if (start < 1) raise(RuntimeError.InvalidProcedureCall);
    i = 1;
  }
  const text = compareArg(opt(args, i + 2, undefined));
  const a = deref(args[i]);
  const b = deref(args[i + 1]);
  if (a === null || b === null) return null;
  return makeLong(inStr(toStr(a), toStr(b), start, text));
}

function instrBArgs(args: Value[]): Value {
  let start = 1;
  let i = 0;
  if (args.length >= 3) {
    start = intArg(deref(args[0]));
    if (start < 1) raise(RuntimeError.InvalidProcedureCall);
    i = 1;
  }
  const a = deref(args[i]);
  const b = deref(args[i + 1]);
  if (a === null || b === null) return null;
  const hay = toBytes(toStr(a));
  const needle = toBytes(toStr(b));
  if (start > hay.length) return makeLong(0);
  if (needle.length === 0) return makeLong(start);
  outer: for (let p = start - 1; p + needle.length <= hay.length; p++) {
    for (let k = 0; k < needle.length; k++) if (hay[p + k] !== needle[k]) continue outer;
    return makeLong(p + 1);
  }
  return makeLong(0);
}

export const stringFunctions: Map<string, BuiltinFunction> = table([
  ['Len', 1, 1, nullable((s) => makeLong(s.length))],
  ['LenB', 1, 1, nullable((s) => makeLong(s.length * 2))],
  ['LCase', 1, 1, nullable((s) => lcase(s))],
  ['UCase', 1, 1, nullable((s) => ucase(s))],
  ['Trim', 1, 1, nullable((s) => trimSpaces(s, true, true))],
  ['LTrim', 1, 1, nullable((s) => trimSpaces(s, true, false))],
  ['RTrim', 1, 1, nullable((s) => trimSpaces(s, false, true))],
  ['Left', 2, 2, sideFn((s, n) => s.slice(0, n))],
  ['Right', 2, 2, sideFn((s, n) => (n >= s.length ? s : s.slice(s.length - n)))],
  ['Mid', 2, 3, (_c, a) => {
    const { start, len } = midRange(a);
    const v = deref(a[0]);
    if (v === null) return null;
    const s = toStr(v);
    return len === undefined ? s.slice(start - 1) : s.slice(start - 1, start - 1 + len);
  }],
  ['LeftB', 2, 2, sideFn((s, n) => fromBytes(toBytes(s).slice(0, n)))],
  ['RightB', 2, 2, sideFn((s, n) => {
    const bytes = toBytes(s);
    return fromBytes(n >= bytes.length ? bytes : bytes.slice(bytes.length - n));
  })],
  ['MidB', 2, 3, (_c, a) => {
    const { start, len } = midRange(a);
    const v = deref(a[0]);
    if (v === null) return null;
    const bytes = toBytes(toStr(v));
    return fromBytes(bytes.slice(start - 1, len === undefined ? bytes.length : start - 1 + len));
  }],
  ['InStr', 2, 4, (_c, a) => instrArgs(a)],
  ['InStrB', 2, 4, (_c, a) => instrBArgs(a)],
  ['InStrRev', 2, 4, (_c, a) => {
    const text = compareArg(opt(a, 3, undefined));
    const startV = deref(opt(a, 2, -1));
    const s1 = deref(a[0]);
    const s2 = deref(a[1]);
    if (startV === null) raise(RuntimeError.InvalidUseOfNull);
    let start = intArg(startV);
    if (start === 0 || start < -1) raise(RuntimeError.InvalidProcedureCall);
    // Unlike InStr, InStrRev refuses Null strings.
    if (s1 === null || s2 === null) raise(RuntimeError.InvalidUseOfNull);
    const s = toStr(s1);
    if (start === -1) start = s.length;
    return makeLong(inStrRev(s, toStr(s2), start, text));
  }],
  ['Replace', 3, 6, (_c, a) => {
    const s = strArg(deref(a[0]));
    const find = strArg(deref(a[1]));
    const by = strArg(deref(a[2]));
    const start = intArg(deref(opt(a, 3, 1)));
    const count = intArg(deref(opt(a, 4, -1)));
    const text = compareArg(opt(a, 5, undefined));
    if (start < 1 || count < -1) raise(RuntimeError.InvalidProcedureCall);
    return replaceText(s, find, by, start, count, text);
  }],
  ['StrComp', 2, 3, (_c, a) => {
    const text = compareArg(opt(a, 2, undefined));
    const x = deref(a[0]);
    const y = deref(a[1]);
    if (x === null || y === null) return null;
    return compareStrings(toStr(x), toStr(y), text);
  }],
  ['StrReverse', 1, 1, (_c, a) => [...strArg(deref(a[0]))].reverse().join('')],
  ['Space', 1, 1, (_c, a) => ' '.repeat(countArg(deref(a[0])))],
  ['String', 2, 2, (_c, a) => {
    const n = countArg(deref(a[0]));
    const ch = deref(a[1]);
    if (ch === null) return null;
    let c: string;
    if (typeof ch === 'string') {
      if (ch === '') raise(RuntimeError.InvalidProcedureCall);
      c = ch[0];
    } else c = ansiToChar(((intArg(ch) % 256) + 256) % 256);
    return c.repeat(n);
  }],
  ['Asc', 1, 1, (_c, a) => charToAnsi(firstChar(a[0]))],
  ['AscB', 1, 1, (_c, a) => firstChar(a[0]).charCodeAt(0) & 0xff],
  ['AscW', 1, 1, (_c, a) => {
    const c = firstChar(a[0]).charCodeAt(0);
    return c > 32767 ? c - 65536 : c;
  }],
  ['Chr', 1, 1, (_c, a) => ansiToChar(chrCode(a[0], 0, 255))],
  ['ChrB', 1, 1, (_c, a) => String.fromCharCode(chrCode(a[0], 0, 255))],
  ['ChrW', 1, 1, (_c, a) => String.fromCharCode(chrCode(a[0], -32768, 65535) & 0xffff)],
  ['Escape', 1, 1, nullable((s) => escapeText(s))],
  ['Unescape', 1, 1, nullable((s) => unescapeText(s))],
]);
