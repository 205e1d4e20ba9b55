/**
 * Date (ES3 15.9) with jscript.dll's texts (`Wed Nov 25 15:33:47 UTC 2026`), getYear/setYear
 * and getVarDate; no Date.now, toISOString or toJSON. Local time is the engine's time zone.
 */
import { VDate } from '../../values/variant.js';
import { JsErr, raiseJs } from '../errors.js';
import { toNumber, toPrimitive, toStr } from '../conversions.js';
import {
  dateToDateString,
  dateToLocaleDateString,
  dateToLocaleString,
  dateToLocaleTimeString,
  dateToString,
  dateToTimeString,
  dateToUTCString,
  localOffset,
  localTime,
  makeTime,
  oleToTime,
  parseDate,
  timeClip,
  timeToOle,
  utcFromLocal,
} from '../dateMath.js';
import type { NativeImpl } from '../functions.js';
import type { Realm } from '../realm.js';
import { JsObject, type JsValue } from '../values.js';
import { arg, makeConstructor } from './helpers.js';
import { E } from './helpers.js';

type Fields = [number, number, number, number, number, number, number];

function fieldsOf(t: number): Fields {
  const d = new Date(t);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()];
}

export function newDate(realm: Realm, t: number): JsObject {
  const o = new JsObject(realm.dateProto, 'Date');
  o.primitive = timeClip(t);
  return o;
}

/** Year arguments 0..99 mean 1900..1999 (ES3 15.9.3.1). */
function fullYear(y: number): number {
  const i = Math.trunc(y);
  return !Number.isNaN(y) && i >= 0 && i <= 99 ? 1900 + i : y;
}

export function installDate(realm: Realm): void {
  const now = (): number => realm.services.clock();
  const create = (args: JsValue[]): JsValue => {
    if (args.length === 0) return newDate(realm, now());
    if (args.length === 1) {
      const v = args[0];
      if (v instanceof VDate) return newDate(realm, oleToTime(v.value));
      if (v instanceof JsObject && v.cls === 'Date') return newDate(realm, v.primitive as number);
      const p = toPrimitive(v);
      return newDate(realm, typeof p === 'string' ? parseDate(p) : toNumber(p));
    }
    const n = args.map(toNumber);
    const local = makeTime(fullYear(n[0]), n[1], n.length > 2 ? n[2] : 1, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0, n[6] ?? 0);
    return newDate(realm, utcFromLocal(local));
  };
  const ctor = makeConstructor(realm, 'Date', 7, realm.dateProto, () => dateToString(now()), create);
  realm.methods(ctor, {
    parse: [1, (_t, args) => parseDate(toStr(arg(args, 0)))],
    UTC: [7, (_t, args) => {
      const n = args.map(toNumber);
      return timeClip(makeTime(fullYear(n[0]), n[1], n.length > 2 ? n[2] : 1, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0, n[6] ?? 0));
    }],
  });

  const time = (t: JsValue): number => {
    if (t instanceof JsObject && t.cls === 'Date') return t.primitive as number;
    return raiseJs(JsErr.DateExpected);
  };
  const text = (fn: (t: number) => string): [number, NativeImpl] => [0, (t) => fn(time(t))];
  const getter = (index: number, utc: boolean): [number, NativeImpl] => [
    0,
    (t) => {
      const v = time(t);
      if (Number.isNaN(v)) return NaN;
      return fieldsOf(utc ? v : localTime(v))[index];
    },
  ];
  const day = (utc: boolean): [number, NativeImpl] => [
    0,
    (t) => {
      const v = time(t);
      return Number.isNaN(v) ? NaN : new Date(utc ? v : localTime(v)).getUTCDay();
    },
  ];
  /** setX(args…): replaces fields from `first` on with the arguments given (ES3 15.9.5.28–41). */
  const setter = (first: number, count: number, utc: boolean): [number, NativeImpl] => [
    count,
    (t, args) => {
      const o = t as JsObject;
      const v = time(t);
      const base = Number.isNaN(v) ? (first === 0 ? 0 : NaN) : utc ? v : localTime(v);
      const f = fieldsOf(Number.isNaN(base) ? 0 : base);
      if (Number.isNaN(base)) {
        o.primitive = NaN;
        return NaN;
      }
      const n = Math.max(1, Math.min(count, args.length));
      for (let i = 0; i < n; i++) f[first + i] = toNumber(args[i]);
      if (args.length === 0) f[first] = NaN;
      const local = makeTime(...f);
      const result = timeClip(utc ? local : utcFromLocal(local));
      o.primitive = result;
      return result;
    },
  ];
  realm.methods(
    realm.dateProto,
    {
      toString: text(dateToString),
      toDateString: text(dateToDateString),
      toTimeString: text(dateToTimeString),
      toLocaleString: text(dateToLocaleString),
      toLocaleDateString: text(dateToLocaleDateString),
      toLocaleTimeString: text(dateToLocaleTimeString),
      toUTCString: text(dateToUTCString),
      toGMTString: text(dateToUTCString),
      valueOf: E(0, (t) => time(t)),
      getTime: [0, (t) => time(t)],
      getFullYear: getter(0, false),
      getUTCFullYear: getter(0, true),
      getMonth: getter(1, false),
      getUTCMonth: getter(1, true),
      getDate: getter(2, false),
      getUTCDate: getter(2, true),
      getDay: day(false),
      getUTCDay: day(true),
      getHours: getter(3, false),
      getUTCHours: getter(3, true),
      getMinutes: getter(4, false),
      getUTCMinutes: getter(4, true),
      getSeconds: getter(5, false),
      getUTCSeconds: getter(5, true),
      getMilliseconds: getter(6, false),
      getUTCMilliseconds: getter(6, true),
      getTimezoneOffset: [0, (t) => {
        const v = time(t);
        return Number.isNaN(v) ? NaN : -localOffset(v) / 60000;
      }],
      // JScript: two digits for 1900–1999, the full year otherwise.
      getYear: [0, (t) => {
        const v = time(t);
        if (Number.isNaN(v)) return NaN;
        const y = fieldsOf(localTime(v))[0];
        return y >= 1900 && y <= 1999 ? y - 1900 : y;
      }],
      getVarDate: [0, (t) => new VDate(timeToOle(time(t)))],
      setTime: [1, (t, args) => {
        time(t);
        const v = timeClip(toNumber(arg(args, 0)));
        (t as JsObject).primitive = v;
        return v;
      }],
      setMilliseconds: setter(6, 1, false),
      setUTCMilliseconds: setter(6, 1, true),
      setSeconds: setter(5, 2, false),
      setUTCSeconds: setter(5, 2, true),
      setMinutes: setter(4, 3, false),
      setUTCMinutes: setter(4, 3, true),
      setHours: setter(3, 4, false),
      setUTCHours: setter(3, 4, true),
      setDate: setter(2, 1, false),
      setUTCDate: setter(2, 1, true),
      setMonth: setter(1, 2, false),
      setUTCMonth: setter(1, 2, true),
      setFullYear: setter(0, 3, false),
      setUTCFullYear: setter(0, 3, true),
      setYear: [1, (t, args) => {
        const o = t as JsObject;
        const v = time(t);
        const y = toNumber(arg(args, 0));
        if (Number.isNaN(y)) {
          o.primitive = NaN;
          return NaN;
        }
        const f = fieldsOf(Number.isNaN(v) ? 0 : localTime(v));
        f[0] = fullYear(y);
        const result = timeClip(utcFromLocal(makeTime(...f)));
        o.primitive = result;
        return result;
      }],
    },
    ['setTime', 'setMilliseconds', 'setUTCMilliseconds', 'setSeconds', 'setUTCSeconds', 'setMinutes', 'setUTCMinutes', 'setHours', 'setUTCHours', 'setDate', 'setUTCDate', 'setMonth', 'setUTCMonth', 'setFullYear', 'setUTCFullYear', 'setYear'],
  );
}
