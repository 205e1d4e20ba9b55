/** Math (ES3 15.8); `random` draws from the engine's (seedable) generator. */
import { toNumber } from '../conversions.js';
import type { Realm } from '../realm.js';
import { DONTENUM, JsObject, type JsValue } from '../values.js';
import { arg, CONSTANT } from './helpers.js';

export function installMath(realm: Realm): void {
  const math = new JsObject(realm.objectProto, 'Math');
  realm.global.define('Math', math, DONTENUM);
  const constants: Record<string, number> = {
    E: Math.E,
    LN10: Math.LN10,
    LN2: Math.LN2,
    LOG2E: Math.LOG2E,
    LOG10E: Math.LOG10E,
    PI: Math.PI,
    SQRT1_2: Math.SQRT1_2,
    SQRT2: Math.SQRT2,
  };
  for (const [k, v] of Object.entries(constants)) math.define(k, v, CONSTANT);
  const unary = (fn: (x: number) => number): [number, (t: JsValue, args: JsValue[]) => JsValue] => [1, (_t, args) => fn(toNumber(arg(args, 0)))];
  realm.methods(
    math,
    {
      abs: unary(Math.abs),
      acos: unary(Math.acos),
      asin: unary(Math.asin),
      atan: unary(Math.atan),
      atan2: [2, (_t, args) => Math.atan2(toNumber(arg(args, 0)), toNumber(arg(args, 1)))],
      ceil: unary(Math.ceil),
      cos: unary(Math.cos),
      exp: unary(Math.exp),
      floor: unary(Math.floor),
      log: unary(Math.log),
      max: [2, (_t, args) => Math.max(...args.map(toNumber))],
      min: [2, (_t, args) => Math.min(...args.map(toNumber))],
      pow: [2, (_t, args) => Math.pow(toNumber(arg(args, 0)), toNumber(arg(args, 1)))],
      random: [0, () => realm.services.random()],
      // ES3 15.8.2.15: floor(x + 0.5), so -2.5 rounds to -2 (as JavaScript's Math.round).
      round: unary(Math.round),
      sin: unary(Math.sin),
      sqrt: unary(Math.sqrt),
      tan: unary(Math.tan),
    },
    ['random'],
  );
}
