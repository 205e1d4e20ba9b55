/**
 * The C* conversion functions. Each converts exactly (banker's rounding for the integer
 * types) and raises Overflow (6) when the value does not fit, Type mismatch (13) for text
 * that is not a number, and Invalid use of Null (94) for Null.
 */
import { raise, RuntimeError } from '../errors';
import { deref, roundHalfEven, toBool, toDateNumber, toInteger, toLong, toNumber, toStr } from '../values/coerce';
import { checkedDouble, makeByte, makeCurrency, makeDateValue, makeSingle } from '../values/numeric';
import { makeLong, type Value } from '../values/variant';
import { table, type BuiltinFunction } from './context';

/** The argument with its default value taken, and Null refused. */
function value(v: Value): Value {
  const d = deref(v);
  if (d === null) raise(RuntimeError.InvalidUseOfNull);
  return d;
}

export const conversionFunctions: Map<string, BuiltinFunction> = table([
  ['CBool', 1, 1, (_c, a) => toBool(value(a[0]))],
  // True is VARIANT_TRUE (0xFFFF), whose low byte makes CByte(True) 255.
  ['CByte', 1, 1, (_c, a) => {
    const v = value(a[0]);
    return v === true ? makeByte(255) : makeByte(roundHalfEven(toNumber(v)));
  }],
  ['CCur', 1, 1, (_c, a) => makeCurrency(toNumber(value(a[0])))],
  ['CDate', 1, 1, (_c, a) => makeDateValue(toDateNumber(value(a[0])))],
  ['CDbl', 1, 1, (_c, a) => checkedDouble(toNumber(value(a[0])))],
  ['CInt', 1, 1, (_c, a) => toInteger(value(a[0]))],
  ['CLng', 1, 1, (_c, a) => makeLong(toLong(value(a[0])))],
  ['CSng', 1, 1, (_c, a) => makeSingle(toNumber(value(a[0])))],
  ['CStr', 1, 1, (_c, a) => toStr(value(a[0]))],
]);
