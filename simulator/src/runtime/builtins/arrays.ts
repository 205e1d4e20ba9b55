/** Array functions: Array, LBound, UBound, Split, Join, Filter. VBScript arrays are always zero-based. */
import { raise, RuntimeError } from '../errors';
import { VbsArray } from '../values/array';
import { deref, toBool, toStr } from '../values/coerce';
import { makeLong, MissingArgumentValue, type Value } from '../values/variant';
import { compareArg, intArg, opt, strArg } from './args';
import { given, table, type BuiltinFunction } from './context';
import { lcase } from './strings';

function arrayArg(v: Value): VbsArray {
  if (v instanceof VbsArray) return v;
  return raise(RuntimeError.TypeMismatch);
}

function dimArg(args: Value[]): number {
  return given(args, 1) ? intArg(deref(args[1])) : 1;
}

export function splitText(s: string, delimiter: string, count: number, text: boolean): string[] {
  if (count === 0 || s === '') return [];
  if (delimiter === '') return [s];
  const hay = text ? lcase(s) : s;
  const needle = text ? lcase(delimiter) : delimiter;
  const out: string[] = [];
  let pos = 0;
  while (count < 0 || out.length < count - 1) {
    const i = hay.indexOf(needle, pos);
    if (i < 0) break;
    out.push(s.slice(pos, i));
    pos = i + delimiter.length;
  }
  out.push(s.slice(pos));
  return out;
}

export const arrayFunctions: Map<string, BuiltinFunction> = table([
  ['Array', 0, 64, (_c, a) => VbsArray.fromList(a.map((v) => (v === MissingArgumentValue ? undefined : v)))],
  ['LBound', 1, 2, (_c, a) => {
    const arr = arrayArg(a[0]);
    arr.ubound(dimArg(a)); // validates the dimension (error 9)
    return makeLong(0);
  }],
  ['UBound', 1, 2, (_c, a) => makeLong(arrayArg(a[0]).ubound(dimArg(a)))],
  ['Split', 1, 4, (_c, a) => {
    const s = strArg(deref(a[0]));
    const delimiter = strArg(deref(opt(a, 1, ' ')));
    const count = intArg(deref(opt(a, 2, -1)));
    if (count < -1) raise(RuntimeError.InvalidProcedureCall);
    const text = compareArg(opt(a, 3, undefined));
    return VbsArray.fromList(splitText(s, delimiter, count, text));
  }],
  ['Join', 1, 2, (_c, a) => {
    const arr = arrayArg(a[0]);
    if (arr.dimensions !== 1) raise(RuntimeError.SubscriptOutOfRange);
    const delimiter = strArg(deref(opt(a, 1, ' ')));
    return arr.data.map((v) => toStr(v)).join(delimiter);
  }],
  ['Filter', 2, 4, (_c, a) => {
    const arr = arrayArg(a[0]);
    if (arr.dimensions !== 1) raise(RuntimeError.SubscriptOutOfRange);
    const find = strArg(deref(a[1]));
    const include = toBool(deref(opt(a, 2, true)));
    const text = compareArg(opt(a, 3, undefined));
    const needle = text ? lcase(find) : find;
    const out: string[] = [];
    for (const v of arr.data) {
      const s = toStr(v);
      const found = (text ? lcase(s) : s).includes(needle);
      if (found === include) out.push(s);
    }
    return VbsArray.fromList(out);
  }],
]);
