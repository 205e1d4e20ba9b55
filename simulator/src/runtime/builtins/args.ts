/**
 * Argument conversions shared by the built-in families, each raising the error VBScript
 * raises for a bad argument (5 for a value out of range, 94 for Null where none is allowed).
 */
import { raise, RuntimeError } from '../errors';
import { deref, toIntegerIndex, toStr } from '../values/coerce';
import { MissingArgumentValue, type Value } from '../values/variant';

/** A string argument; Null is error 94. */
export function strArg(v: Value): string {
  return typeof v === 'string' ? v : toStr(v);
}

/** A whole-number argument (banker's rounding); Null is error 94. */
export function intArg(v: Value): number {
  if (typeof v === 'number' && (v | 0) === v) return v;
  if (v === null) raise(RuntimeError.InvalidUseOfNull);
  return toIntegerIndex(v);
}

/** A count or length that must not be negative (error 5). */
export function countArg(v: Value): number {
  const n = intArg(v);
  if (n < 0) raise(RuntimeError.InvalidProcedureCall);
  return n;
}

/** An optional argument, or `fallback` when omitted. */
export function opt(args: readonly Value[], i: number, fallback: Value): Value {
  return i < args.length && args[i] !== MissingArgumentValue ? args[i] : fallback;
}

/**
 * A compare-mode argument: 0 binary, 1 text; returns true for text. vbDatabaseCompare (2)
 * has no meaning in VBScript and is refused with error 5, like any other value.
 */
export function compareArg(v: Value): boolean {
  if (v === undefined) return false;
  const n = intArg(deref(v));
  if (n !== 0 && n !== 1) raise(RuntimeError.InvalidProcedureCall);
  return n === 1;
}
