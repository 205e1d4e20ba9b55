/**
 * Math functions. Abs, Int, Fix and Round keep their argument's subtype (Currency stays
 * Currency, an Integer -32768 grows into a Long); the transcendental ones return Double.
 * Rnd is VB's 24-bit linear congruential generator, bit for bit, so seeded sequences match
 * Windows: x' = (x * 0x43FD43FD + 0xC39EC3) mod 2^24, starting from 0x50000.
 */
import { raise, RuntimeError } from '../errors';
import { deref, roundHalfEven, toNumber } from '../values/coerce';
import { checkedDouble, fitPromoting, fitStrict, makeSingle } from '../values/numeric';
import { VLongLong, VarType, subtypeOf, type Value } from '../values/variant';
import { given, table, type BuiltinContext, type BuiltinFunction } from './context';
import { intArg } from './args';

/** The subtype a math function computes in: strings become Double, Boolean and Empty Integer. */
function numericKind(v: Value): VarType {
  const t = subtypeOf(v);
  switch (t) {
    case VarType.String:
      return VarType.Double;
    case VarType.Boolean:
    case VarType.Empty:
      return VarType.Integer;
    case VarType.Array | VarType.Variant:
    case VarType.Error:
    case VarType.Object:
      return raise(RuntimeError.TypeMismatch);
    default:
      return t;
  }
}

/** Applies `f` keeping the subtype (Null passes through). */
function sameType(f: (n: number) => number, bigF?: (n: bigint) => bigint) {
  return (_ctx: BuiltinContext, args: Value[]): Value => {
    const v = deref(args[0]);
    if (v === null) return null;
    if (v instanceof VLongLong) return new VLongLong(bigF ? bigF(v.value) : v.value);
    const k = numericKind(v);
    return fitPromoting(k, f(toNumber(v)));
  };
}

/** A Double-valued function of a Double; `domain` rejects arguments with error 5. */
function real(f: (n: number) => number, domain?: (n: number) => boolean) {
  return (_ctx: BuiltinContext, args: Value[]): Value => {
    const v = deref(args[0]);
    if (v === null) raise(RuntimeError.InvalidUseOfNull);
    const n = toNumber(v);
    if (domain && !domain(n)) raise(RuntimeError.InvalidProcedureCall);
    return checkedDouble(f(n));
  };
}

/**
 * Round half to even at `decimals` places, on the number's shortest decimal spelling (what the
 * script author wrote), so Round(0.125, 2) is 0.12 and Round(2.675, 2) is 2.68 despite binary noise.
 */
export function roundDecimal(x: number, decimals: number): number {
  if (decimals === 0) return roundHalfEven(x);
  if (!Number.isFinite(x)) return x;
  const s = Math.abs(x).toExponential().split('e'); // shortest round-trip mantissa
  const digits = s[0].replace('.', '');
  const exp = parseInt(s[1], 10);
  // Position of the first dropped digit, counted from the start of `digits`.
  const keep = exp + 1 + decimals;
  if (keep >= digits.length) return x;
  if (keep < 0) return 0;
  const kept = digits.slice(0, keep) || '0';
  const rest = digits.slice(keep);
  let n = BigInt(kept);
  const first = rest.charCodeAt(0) - 48;
  const tail = /[1-9]/.test(rest.slice(1));
  if (first > 5 || (first === 5 && (tail || n % 2n === 1n))) n += 1n;
  const r = Number(`${n}e${exp + 1 - keep}`);
  return x < 0 ? -r : r;
}

function roundFn(_ctx: BuiltinContext, args: Value[]): Value {
  const v = deref(args[0]);
  if (v === null) return null;
  const d = given(args, 1) ? intArg(deref(args[1])) : 0;
  if (d < 0) raise(RuntimeError.InvalidProcedureCall);
  if (v instanceof VLongLong || typeof v === 'boolean') return v; // Round(True) is True
  const k = numericKind(v);
  return fitStrict(k, roundDecimal(toNumber(v), d));
}

function sgnFn(_ctx: BuiltinContext, args: Value[]): Value {
  const v = deref(args[0]);
  if (v === null) raise(RuntimeError.InvalidUseOfNull);
  if (v instanceof VLongLong) return v.value > 0n ? 1 : v.value < 0n ? -1 : 0;
  const n = toNumber(v);
  return n > 0 ? 1 : n < 0 ? -1 : 0;
}

/** Hex/Oct: two's complement at the argument's width (Integer and Byte: 16 bits, else 32). */
function radixFn(radix: number) {
  return (_ctx: BuiltinContext, args: Value[]): Value => {
    const v = deref(args[0]);
    if (v === null) return null;
    if (v === undefined) return '0';
    if (v instanceof VLongLong) return BigInt.asUintN(64, v.value).toString(radix).toUpperCase();
    const t = subtypeOf(v);
    const n = roundHalfEven(toNumber(v));
    if (!(n >= -2147483648 && n <= 2147483647)) raise(RuntimeError.Overflow);
    const narrow = t === VarType.Integer || t === VarType.Byte || t === VarType.Boolean;
    const u = n < 0 ? (narrow && n >= -32768 ? n + 0x10000 : n + 0x100000000) : n;
    return u.toString(radix).toUpperCase();
  };
}

// ---- Rnd / Randomize ------------------------------------------------------------------

interface RndState {
  seed: number;
  last: number;
}
const rndStates = new WeakMap<BuiltinContext, RndState>();

function rndState(ctx: BuiltinContext): RndState {
  let s = rndStates.get(ctx);
  if (!s) {
    s = { seed: 0x50000, last: 0x50000 };
    rndStates.set(ctx, s);
  }
  return s;
}

const lcg = (x: number): number => (Math.imul(x, 0x43fd43fd) + 0xc39ec3) & 0xffffff;
const scratch = new DataView(new ArrayBuffer(8));

/** Rnd: < 0 reseeds from the Single's bits (same number, same result), 0 repeats, else the next value. */
function rndFn(ctx: BuiltinContext, args: Value[]): Value {
  const st = rndState(ctx);
  if (given(args, 0)) {
    const v = deref(args[0]);
    if (v === null) raise(RuntimeError.InvalidUseOfNull);
    const n = Math.fround(toNumber(v));
    if (n === 0) return makeSingle(st.seed / 16777216);
    if (n < 0) {
      scratch.setFloat32(0, n);
      const bits = scratch.getUint32(0);
      st.seed = (bits + (bits >>> 24)) & 0xffffff;
    }
  }
  st.seed = lcg(st.seed);
  return makeSingle(st.seed / 16777216);
}

/**
 * Randomize n replaces the middle 16 bits of the seed with the XOR of the two halves of the
 * high word of n as a Double. Without n Windows uses Timer; we draw it from the engine's
 * seeded PRNG instead, so a run with a fixed seed stays reproducible.
 */
function randomizeFn(ctx: BuiltinContext, args: Value[]): Value {
  const st = rndState(ctx);
  let n: number;
  if (given(args, 0)) {
    const v = deref(args[0]);
    if (v === null) raise(RuntimeError.InvalidUseOfNull);
    n = toNumber(v);
  } else {
    n = Math.fround(ctx.random() * 86400);
  }
  scratch.setFloat64(0, n);
  const hi = scratch.getUint32(0);
  const mid = ((hi & 0xffff) ^ (hi >>> 16)) & 0xffff;
  st.seed = (st.seed & 0xff) | (mid << 8);
  return undefined;
}

export const mathFunctions: Map<string, BuiltinFunction> = table([
  ['Abs', 1, 1, sameType(Math.abs, (n) => (n < 0n ? -n : n))],
  ['Int', 1, 1, sameType(Math.floor)],
  ['Fix', 1, 1, sameType(Math.trunc)],
  ['Sgn', 1, 1, sgnFn],
  ['Round', 1, 2, roundFn],
  ['Sqr', 1, 1, real(Math.sqrt, (n) => n >= 0)],
  ['Log', 1, 1, real(Math.log, (n) => n > 0)],
  ['Exp', 1, 1, real(Math.exp)],
  ['Sin', 1, 1, real(Math.sin)],
  ['Cos', 1, 1, real(Math.cos)],
  ['Tan', 1, 1, real(Math.tan)],
  ['Atn', 1, 1, real(Math.atan)],
  ['Hex', 1, 1, radixFn(16)],
  ['Oct', 1, 1, radixFn(8)],
  ['Rnd', 0, 1, rndFn, false],
  ['Randomize', 0, 1, randomizeFn, false],
]);
