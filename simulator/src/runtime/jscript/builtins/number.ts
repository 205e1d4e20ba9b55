/** Number and Boolean (ES3 15.7, 15.6). */
import { JsErr, raiseJs } from '../errors.js';
import { toBoolean, toInteger, toNumber, numberToString } from '../conversions.js';
import type { Realm } from '../realm.js';
import { JsObject, type JsValue } from '../values.js';
import { arg, CONSTANT, E, makeConstructor } from './helpers.js';

export function installNumber(realm: Realm): void {
  const ctor = makeConstructor(
    realm,
    'Number',
    1,
    realm.numberProto,
    (_t, args) => (args.length === 0 ? 0 : toNumber(args[0])),
    (args) => Object.assign(new JsObject(realm.numberProto, 'Number'), { primitive: args.length === 0 ? 0 : toNumber(args[0]) }),
  );
  ctor.define('MAX_VALUE', Number.MAX_VALUE, CONSTANT);
  ctor.define('MIN_VALUE', Number.MIN_VALUE, CONSTANT);
  ctor.define('NaN', NaN, CONSTANT);
  ctor.define('NEGATIVE_INFINITY', -Infinity, CONSTANT);
  ctor.define('POSITIVE_INFINITY', Infinity, CONSTANT);
  const num = (t: JsValue): number => {
    if (typeof t === 'number') return t;
    if (t instanceof JsObject && t.cls === 'Number') return t.primitive as number;
    return raiseJs(JsErr.NumberExpected);
  };
  realm.methods(realm.numberProto, {
    toString: E(1, (t, args) => {
      const n = num(t);
      const r = arg(args, 0);
      const radix = r === undefined ? 10 : toInteger(r);
      if (radix < 2 || radix > 36) return raiseJs(JsErr.InvalidProcedureCall);
      return radix === 10 ? numberToString(n) : n.toString(radix);
    }),
    // jscript.dll formats with the user's locale: en-US grouping and two decimals.
    toLocaleString: E(0, (t) => {
      const n = num(t);
      if (!Number.isFinite(n)) return numberToString(n);
      return n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }),
    valueOf: E(0, (t) => num(t)),
    toFixed: [1, (t, args) => {
      const n = num(t);
      const d = toInteger(arg(args, 0));
      if (d < 0 || d > 20) return raiseJs(JsErr.FractionDigitsOutOfRange);
      if (Number.isNaN(n)) return 'NaN';
      if (Math.abs(n) >= 1e21) return numberToString(n);
      return jscriptToFixed(n, d);
    }],
    toExponential: [1, (t, args) => {
      const n = num(t);
      const f = arg(args, 0);
      const d = toInteger(f);
      if (!Number.isFinite(n)) return numberToString(n);
      if (d < 0 || d > 20) return raiseJs(JsErr.FractionDigitsOutOfRange);
      return f === undefined ? n.toExponential() : n.toExponential(d);
    }],
    toPrecision: [1, (t, args) => {
      const n = num(t);
      const p = arg(args, 0);
      if (p === undefined) return numberToString(n);
      const d = toInteger(p);
      if (!Number.isFinite(n)) return numberToString(n);
      if (d < 1 || d > 21) return raiseJs(JsErr.PrecisionOutOfRange);
      return n.toPrecision(d);
    }],
  });

  makeConstructor(
    realm,
    'Boolean',
    1,
    realm.booleanProto,
    (_t, args) => toBoolean(arg(args, 0)),
    (args) => Object.assign(new JsObject(realm.booleanProto, 'Boolean'), { primitive: toBoolean(arg(args, 0)) }),
  );
  const bool = (t: JsValue): boolean => {
    if (typeof t === 'boolean') return t;
    if (t instanceof JsObject && t.cls === 'Boolean') return t.primitive as boolean;
    return raiseJs(JsErr.BooleanExpected);
  };
  realm.methods(realm.booleanProto, {
    toString: E(0, (t) => String(bool(t))),
    valueOf: E(0, (t) => bool(t)),
  });
}

/**
 * Number.prototype.toFixed as jscript.dll computes it (Wine's reimplementation as the
 * reference): the value scaled by 10^(digits+1) in floating point, truncated, then rounded
 * half up on that last digit — so 1.45 gives "1.5" and 0.595 "0.60" where exact binary
 * rounding gives "1.4" and "0.59" — plus the well-known IE 8 quirk that a number below 1
 * whose first significant digit lies beyond the requested precision rounds to zero:
 * (0.5).toFixed(0) is "0", (0.06).toFixed(1) "0.0".
 */
export function jscriptToFixed(x: number, f: number): string {
  const neg = x < 0;
  const a = Math.abs(x);
  const sign = neg && a !== 0 ? '-' : '';
  if (a === 0 || (a < 1 && a < Math.pow(10, -f))) return sign + (f === 0 ? '0' : `0.${'0'.repeat(f)}`);
  const scaled = Math.trunc(a * Math.pow(10, f + 1));
  let m: bigint;
  if (scaled < Number.MAX_SAFE_INTEGER) {
    const l = BigInt(scaled);
    m = l % 10n >= 5n ? l / 10n + 1n : l / 10n;
  } else {
    // Beyond 2^53 the scaled value has no exact digits: round the 15 significant decimal digits.
    const [mantissa, exponent] = a.toExponential(14).split('e');
    const digits = BigInt(mantissa.replace('.', ''));
    const shift = f - 14 + Number(exponent);
    if (shift >= 0) m = digits * 10n ** BigInt(shift);
    else {
      const div = 10n ** BigInt(-shift);
      m = (digits + div / 2n) / div;
    }
  }
  const text = m.toString().padStart(f + 1, '0');
  return f === 0 ? sign + text : `${sign}${text.slice(0, -f)}.${text.slice(-f)}`;
}
