/**
 * Array (ES3 15.4) as jscript.dll 5.8 has it: concat join pop push reverse shift slice sort
 * splice unshift toString toLocaleString — no indexOf, forEach, map, filter, isArray …
 * The methods are generic (they work on any object with a `length`), as ES3 specifies.
 */
import { JsErr, raiseJs } from '../errors.js';
import { JsFunction } from '../functions.js';
import { toInteger, toNumber, toStr, toUint32 } from '../conversions.js';
import type { Realm } from '../realm.js';
import { JsArray, JsObject, type JsValue } from '../values.js';
import { arg, makeConstructor } from './helpers.js';
import { E } from './helpers.js';

function lengthOf(o: JsObject): number {
  return o instanceof JsArray ? o.length : toUint32(o.get('length'));
}

function setLength(o: JsObject, n: number): void {
  o.put('length', n);
}

function getAt(o: JsObject, i: number): JsValue {
  return o instanceof JsArray ? o.getIndex(i) : o.get(String(i));
}

function relative(v: JsValue, len: number, dflt: number): number {
  if (v === undefined) return dflt;
  const n = toInteger(v);
  return n < 0 ? Math.max(len + n, 0) : Math.min(n, len);
}

export function installArray(realm: Realm): void {
  const create = (args: JsValue[]): JsValue => {
    if (args.length === 1 && typeof args[0] === 'number') {
      const n = args[0];
      if (toUint32(n) !== n) return raiseJs(JsErr.ArrayLengthInteger);
      const a = realm.newArray();
      a.length = n;
      return a;
    }
    return realm.newArray(args);
  };
  makeConstructor(realm, 'Array', 1, realm.arrayProto, (_t, args) => create(args), create);
  const self = (t: JsValue): JsObject => {
    const o = realm.toObject(t);
    return o instanceof JsObject ? o : raiseJs(JsErr.JScriptObjectExpected);
  };
  const join = (o: JsObject, sep: string): string => {
    const n = lengthOf(o);
    const parts = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const v = getAt(o, i);
      parts[i] = v === undefined || v === null ? '' : toStr(v);
    }
    return parts.join(sep);
  };
  /** Values currently being joined: a cycle joins as "" (jscript.dll does not recurse forever). */
  const joining = new Set<JsObject>();
  const guardedJoin = (o: JsObject, sep: string): string => {
    if (joining.has(o)) return '';
    joining.add(o);
    try {
      return join(o, sep);
    } finally {
      joining.delete(o);
    }
  };
  realm.methods(
    realm.arrayProto,
    {
      toString: E(0, (t) => {
        if (!(t instanceof JsArray)) return raiseJs(JsErr.JScriptObjectExpected);
        return guardedJoin(t, ',');
      }),
      toLocaleString: E(0, (t) => {
        if (!(t instanceof JsArray)) return raiseJs(JsErr.JScriptObjectExpected);
        const n = t.length;
        const parts: string[] = [];
        for (let i = 0; i < n; i++) {
          const v = t.getIndex(i);
          if (v === undefined || v === null) parts.push('');
          else {
            const o = realm.toObject(v);
            const fn = o instanceof JsObject ? o.get('toLocaleString') : undefined;
            parts.push(fn instanceof JsFunction ? toStr(fn.call(o, [])) : toStr(v));
          }
        }
        return parts.join(', ');
      }),
      join: [1, (t, args) => {
        const sep = arg(args, 0);
        return guardedJoin(self(t), sep === undefined ? ',' : toStr(sep));
      }],
      concat: [1, (t, args) => {
        const out = realm.newArray();
        let n = 0;
        for (const item of [t, ...args]) {
          if (item instanceof JsArray) {
            for (let i = 0; i < item.length; i++) {
              if (item.hasOwn(String(i))) out.putIndex(n, item.getIndex(i));
              n++;
            }
          } else out.putIndex(n++, item);
        }
        out.length = n;
        return out;
      }],
      pop: [0, (t) => {
        const o = self(t);
        const n = lengthOf(o);
        if (n === 0) {
          setLength(o, 0);
          return undefined;
        }
        const v = getAt(o, n - 1);
        o.deleteOwn(String(n - 1));
        setLength(o, n - 1);
        return v;
      }],
      push: [1, (t, args) => {
        const o = self(t);
        let n = lengthOf(o);
        for (const v of args) o.put(String(n++), v);
        setLength(o, n);
        return n;
      }],
      reverse: [0, (t) => {
        const o = self(t);
        const n = lengthOf(o);
        for (let lo = 0, hi = n - 1; lo < hi; lo++, hi--) {
          const a = String(lo);
          const b = String(hi);
          const hasA = o.hasOwn(a);
          const hasB = o.hasOwn(b);
          const va = o.get(a);
          const vb = o.get(b);
          if (hasB) o.put(a, vb);
          else o.deleteOwn(a);
          if (hasA) o.put(b, va);
          else o.deleteOwn(b);
        }
        return o;
      }],
      shift: [0, (t) => {
        const o = self(t);
        const n = lengthOf(o);
        if (n === 0) {
          setLength(o, 0);
          return undefined;
        }
        const first = getAt(o, 0);
        for (let k = 1; k < n; k++) {
          if (o.hasOwn(String(k))) o.put(String(k - 1), o.get(String(k)));
          else o.deleteOwn(String(k - 1));
        }
        o.deleteOwn(String(n - 1));
        setLength(o, n - 1);
        return first;
      }],
      unshift: [1, (t, args) => {
        const o = self(t);
        const n = lengthOf(o);
        const m = args.length;
        for (let k = n - 1; k >= 0; k--) {
          if (o.hasOwn(String(k))) o.put(String(k + m), o.get(String(k)));
          else o.deleteOwn(String(k + m));
        }
        for (let j = 0; j < m; j++) o.put(String(j), args[j]);
        setLength(o, n + m);
        // jscript.dll 5.8 returns undefined here, not the new length (fixed only in IE9's engine).
        return undefined;
      }],
      slice: [2, (t, args) => {
        const o = self(t);
        const n = lengthOf(o);
        const start = relative(arg(args, 0), n, 0);
        const end = relative(arg(args, 1), n, n);
        const out = realm.newArray();
        let k = 0;
        for (let i = start; i < end; i++, k++) if (o.hasOwn(String(i))) out.putIndex(k, getAt(o, i));
        out.length = Math.max(0, end - start);
        return out;
      }],
      splice: [2, (t, args) => {
        const o = self(t);
        const n = lengthOf(o);
        const start = relative(arg(args, 0), n, 0);
        // ES3: deleteCount is ToInteger(undefined) = 0 when omitted (jscript.dll: `a.splice(1)` removes nothing).
        const count = Math.min(Math.max(toInteger(arg(args, 1)), 0), n - start);
        const items = args.slice(2);
        const removed = realm.newArray();
        for (let k = 0; k < count; k++) if (o.hasOwn(String(start + k))) removed.putIndex(k, getAt(o, start + k));
        removed.length = count;
        const tail: Array<{ has: boolean; v: JsValue }> = [];
        for (let k = start + count; k < n; k++) tail.push({ has: o.hasOwn(String(k)), v: getAt(o, k) });
        for (let k = start; k < n; k++) o.deleteOwn(String(k));
        let pos = start;
        for (const v of items) o.put(String(pos++), v);
        for (const e of tail) {
          if (e.has) o.put(String(pos), e.v);
          pos++;
        }
        setLength(o, n - count + items.length);
        return removed;
      }],
      sort: [1, (t, args) => {
        const o = self(t);
        const cmp = arg(args, 0);
        if (cmp !== undefined && !(cmp instanceof JsFunction)) return raiseJs(JsErr.FunctionExpected);
        const n = lengthOf(o);
        const present: JsValue[] = [];
        let undefinedCount = 0;
        for (let i = 0; i < n; i++) {
          if (!o.hasOwn(String(i))) continue;
          const v = getAt(o, i);
          if (v === undefined) undefinedCount++;
          else present.push(v);
        }
        const compare = (a: JsValue, b: JsValue): number => {
          if (cmp instanceof JsFunction) {
            const r = toNumber(cmp.call(undefined, [a, b]));
            return Number.isNaN(r) ? 0 : r;
          }
          const sa = toStr(a);
          const sb = toStr(b);
          return sa < sb ? -1 : sa > sb ? 1 : 0;
        };
        const sorted = mergeSort(present, compare);
        let i = 0;
        for (const v of sorted) o.put(String(i++), v);
        for (let k = 0; k < undefinedCount; k++) o.put(String(i++), undefined);
        for (; i < n; i++) o.deleteOwn(String(i));
        return o;
      }],
    },
    ['pop', 'push', 'reverse', 'shift', 'unshift', 'splice', 'sort'],
  );
}

/** A stable merge sort calling the comparator as few times as practical. */
function mergeSort(a: JsValue[], cmp: (x: JsValue, y: JsValue) => number): JsValue[] {
  if (a.length <= 1) return a;
  const mid = a.length >> 1;
  const left = mergeSort(a.slice(0, mid), cmp);
  const right = mergeSort(a.slice(mid), cmp);
  const out: JsValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) out.push(cmp(left[i], right[j]) <= 0 ? left[i++] : right[j++]);
  while (i < left.length) out.push(left[i++]);
  while (j < right.length) out.push(right[j++]);
  return out;
}

