/**
 * Argument handling shared by the sandbox's COM objects: arity checks with the errors a
 * typelib-driven IDispatch gives (450 too many, 449 a required one missing), optional
 * arguments (omitted ones arrive as `MissingArgumentValue`), and member-table builders so
 * each object declares its members in one readable table.
 */
import { raise, RuntimeError } from '../runtime/errors.js';
import { indexValue } from '../runtime/objects/classInstance.js';
import type { MemberDefinition } from '../runtime/objects/comObject.js';
import { toBool, toLong, toNumber, toStr } from '../runtime/values/coerce.js';
import { MissingArgumentValue, type Value } from '../runtime/values/variant.js';

/** Whether argument `i` was passed (and not omitted as in `f a, , c`). */
export function given(args: readonly Value[], i: number): boolean {
  return i < args.length && args[i] !== MissingArgumentValue;
}

export function optStr(args: readonly Value[], i: number, fallback: string): string {
  return given(args, i) ? toStr(args[i]) : fallback;
}

export function optLong(args: readonly Value[], i: number, fallback: number): number {
  return given(args, i) ? toLong(args[i]) : fallback;
}

export function optNum(args: readonly Value[], i: number, fallback: number): number {
  return given(args, i) ? toNumber(args[i]) : fallback;
}

export function optBool(args: readonly Value[], i: number, fallback: boolean): boolean {
  return given(args, i) ? toBool(args[i]) : fallback;
}

/**
 * A method with `min`..`max` arguments. `name` is only for error texts. The implementation
 * may rely on the required arguments being present.
 */
export function method<T>(name: string, min: number, max: number, fn: (self: T, args: Value[]) => Value, pure = false): MemberDefinition<T> {
  return {
    pure,
    call(self, args) {
      checkArity(name, args, min, max);
      return fn(self, args);
    },
  };
}

export function checkArity(name: string, args: readonly Value[], min: number, max: number): void {
  if (args.length > max) raise(RuntimeError.WrongNumberOfArguments, name);
  for (let i = 0; i < min; i++) if (!given(args, i)) raise(RuntimeError.ArgumentNotOptional, name);
}

/**
 * A property without parameters. Arguments given anyway index the result through its default
 * member, as OLE Automation does (`rs.Fields(0)`, `shell.Environment("PROCESS")("PATH")`).
 */
export function prop<T>(name: string, get: (self: T) => Value, set?: (self: T, value: Value, isSet: boolean) => void): MemberDefinition<T> {
  const member: MemberDefinition<T> = {
    get(self, args) {
      const v = get(self);
      return args.length === 0 ? v : indexValue(v, args, name);
    },
  };
  if (set) {
    member.set = (self, args, value, isSet) => {
      if (args.length > 0) raise(RuntimeError.WrongNumberOfArguments, name);
      set(self, value, isSet);
    };
  }
  return member;
}
