/**
 * The shape of VBScript's built-in functions and what they may ask of the engine. Anything
 * that differs between machines — the clock, the time zone, the locale, the random seed —
 * comes from the `BuiltinContext`, so a run can be made reproducible.
 */
import { raise, RuntimeError } from '../errors';
import { MissingArgumentValue, type Value } from '../values/variant';

export interface BuiltinContext {
  /** ms since the Unix epoch, from the engine's clock option. */
  now(): number;
  /** IANA name, e.g. "Europe/Berlin". */
  timeZone: string;
  /** LCID, default 1033; SetLocale changes it. */
  locale: number;
  /** Seeded PRNG, [0,1). `Randomize` without an argument draws its seed from here. */
  random(): number;
  reseed(seed: number): void;
}

export interface BuiltinFunction {
  name: string;
  minArgs: number;
  maxArgs: number;
  call(ctx: BuiltinContext, args: Value[]): Value;
  /** Changes nothing observable (safe for side-effect-free evaluation in the debugger). Default true. */
  pure?: boolean;
}

/** Whether argument `i` was given (an omitted middle argument arrives as MissingArgumentValue). */
export function given(args: readonly Value[], i: number): boolean {
  return i < args.length && args[i] !== MissingArgumentValue;
}

/** Builds a name → function map from a table of [name, minArgs, maxArgs, implementation]. */
export function table(
  entries: ReadonlyArray<readonly [name: string, minArgs: number, maxArgs: number, call: (ctx: BuiltinContext, args: Value[]) => Value, pure?: boolean]>,
): Map<string, BuiltinFunction> {
  const map = new Map<string, BuiltinFunction>();
  for (const [name, minArgs, maxArgs, call, pure] of entries) {
    map.set(name.toLowerCase(), { name, minArgs, maxArgs, call, pure: pure ?? true });
  }
  return map;
}

/**
 * Calls a built-in with the arity check VBScript makes: error 450, whose Err.Description on
 * Windows is the bare text (`UBound(a, 1, 2)` → "Wrong number of arguments or invalid property assignment").
 */
export function callBuiltin(fn: BuiltinFunction, ctx: BuiltinContext, args: Value[]): Value {
  if (args.length < fn.minArgs || args.length > fn.maxArgs) raise(RuntimeError.WrongNumberOfArguments);
  for (let i = 0; i < fn.minArgs; i++) if (args[i] === MissingArgumentValue) raise(RuntimeError.ArgumentNotOptional);
  return fn.call(ctx, args);
}
