/**
 * Conversions between what scenarios and the sandbox hold (JSON, ms timestamps) and VBScript
 * values, shared by the object families.
 */
import { localNow } from '../runtime/builtins/dates.js';
import { VbsArray } from '../runtime/values/array.js';
import { makeDouble, makeLong, VByte, VDate, type Value } from '../runtime/values/variant.js';
import type { SimulationContext } from './context.js';

/** A timestamp as a VBScript Date in the simulated server's local time (what FSO dates show). */
export function localDate(ctx: SimulationContext, ms: number): VDate {
  const { serial, ms: fraction } = localNow({ now: () => ms, timeZone: ctx.timeZone, locale: 1033, random: () => 0, reseed: () => undefined });
  return new VDate(serial + (serial < 0 ? -1 : 1) * (fraction / 86_400_000));
}

/**
 * A JSON value from a scenario as a VBScript value: integers that fit a Long are Longs (what
 * COM servers return for 32-bit integers), other numbers Doubles, arrays VBScript arrays;
 * objects have no VBScript counterpart and arrive as their JSON text.
 */
export function jsonToValue(v: unknown): Value {
  if (v === null) return null;
  switch (typeof v) {
    case 'undefined':
      return undefined;
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 ? makeLong(v) : makeDouble(v);
  }
  if (Array.isArray(v)) return VbsArray.fromList(v.map(jsonToValue));
  return JSON.stringify(v);
}

/** A byte array as COM hands one to VBScript (ResponseBody, binary registry values). */
export function byteArray(bytes: Uint8Array): VbsArray {
  const items: Value[] = new Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) items[i] = new VByte(bytes[i]);
  return VbsArray.fromList(items);
}

/** A short, single-line rendering of a value for side-effect details. */
export function describeValue(v: Value): string {
  if (v === undefined) return 'Empty';
  if (v === null) return 'Null';
  if (typeof v === 'string') return JSON.stringify(v.length > 200 ? `${v.slice(0, 200)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof VbsArray) return `Array(${v.data.length})`;
  if (typeof v === 'object' && 'value' in v) return String((v as { value: unknown }).value);
  return 'Object';
}
