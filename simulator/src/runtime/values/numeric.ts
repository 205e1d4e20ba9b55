/**
 * Building results of a given numeric subtype with VBScript's overflow rules: an operator
 * whose result does not fit its type moves up Byte → Integer → Long → Double (and Single →
 * Double); Currency, Date and 64-bit results that overflow raise error 6.
 */
import { raise, RuntimeError } from '../errors';
import { roundHalfEven } from './coerce';
import { VByte, VCurrency, VDate, VLong, VLongLong, VSingle, VarType, makeDouble, type Value } from './variant';

export const CURRENCY_MAX = 922337203685477.5807;
export const SINGLE_MAX = 3.4028234663852886e38;
const I8_MIN = -(2n ** 63n);
const I8_MAX = 2n ** 63n - 1n;

/** Currency keeps 4 decimals, rounding half to even like VarCyFromR8. */
export function makeCurrency(n: number): VCurrency {
  if (!(n >= -CURRENCY_MAX - 0.00005 && n <= CURRENCY_MAX + 0.00005)) raise(RuntimeError.Overflow);
  const scaled = n * 10000;
  // Scaling by 10000 can leave 0.49999… for an exact decimal half; snap before rounding.
  const snapped = Math.abs(scaled - Math.round(scaled)) < 1e-7 * Math.max(1, Math.abs(scaled) / 1e8) ? Math.round(scaled) : scaled;
  return new VCurrency(roundHalfEven(snapped) / 10000 + 0);
}

export function makeSingle(n: number): VSingle {
  if (!(Math.abs(n) <= SINGLE_MAX) && Number.isFinite(n)) raise(RuntimeError.Overflow);
  if (!Number.isFinite(n)) raise(RuntimeError.Overflow);
  return new VSingle(Math.fround(n) + 0);
}

export function makeDateValue(n: number): VDate {
  if (!(n >= -657434 && n < 2958466)) raise(RuntimeError.Overflow);
  return new VDate(n + 0);
}

export function makeByte(n: number): VByte {
  if (!(n >= 0 && n <= 255)) raise(RuntimeError.Overflow);
  return new VByte(n + 0);
}

export function makeLongLong(n: bigint): VLongLong {
  if (n < I8_MIN || n > I8_MAX) raise(RuntimeError.Overflow);
  return new VLongLong(n);
}

export function checkedDouble(n: number): Value {
  if (!Number.isFinite(n)) raise(RuntimeError.Overflow);
  return makeDouble(n + 0);
}

/** `n` as subtype `type`, promoting to the next wider type when it does not fit (operators). */
export function fitPromoting(type: VarType, n: number): Value {
  switch (type) {
    case VarType.Byte:
      if (n >= 0 && n <= 255) return new VByte(n + 0);
      return fitPromoting(VarType.Integer, n);
    case VarType.Integer:
    case VarType.Boolean:
    case VarType.Empty:
      if (n >= -32768 && n <= 32767) return n + 0;
      return (n | 0) === n ? n : checkedDouble(n);
    case VarType.Long:
      if ((n | 0) === n) return n < -32768 || n > 32767 ? n : new VLong(n + 0);
      return checkedDouble(n);
    case VarType.Single:
      if (Math.abs(n) <= SINGLE_MAX) return new VSingle(Math.fround(n) + 0);
      return checkedDouble(n);
    case VarType.Currency:
      return makeCurrency(n);
    case VarType.Date:
      return makeDateValue(n);
    default:
      return checkedDouble(n);
  }
}

/** `n` as subtype `type` with no promotion: error 6 if it does not fit (conversion functions). */
export function fitStrict(type: VarType, n: number): Value {
  switch (type) {
    case VarType.Byte:
      return makeByte(n);
    case VarType.Integer:
      if (!(n >= -32768 && n <= 32767)) raise(RuntimeError.Overflow);
      return n + 0;
    case VarType.Long:
      if (!((n | 0) === n)) raise(RuntimeError.Overflow);
      return n < -32768 || n > 32767 ? n : new VLong(n + 0);
    case VarType.Single:
      return makeSingle(n);
    case VarType.Currency:
      return makeCurrency(n);
    case VarType.Date:
      return makeDateValue(n);
    default:
      return checkedDouble(n);
  }
}
