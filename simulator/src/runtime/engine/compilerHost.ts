/**
 * The `CompilerHost` of one engine: how compiled code finds built-in functions (engine-level
 * ones first, then the library's, each refusing to run in a side-effect-free evaluation if it
 * is impure), constants, global members of named items, and classes creatable with `New`.
 */
import type { BuiltinContext } from '../builtins/context.js';
import { callBuiltin } from '../builtins/context.js';
import type { CallableFunction, CompilerHost } from '../compiler/context.js';
import type { Runtime } from '../interpreter.js';
import { inSideEffectFreeEvaluation, SideEffectError, type VbsObject } from '../objects/comObject.js';
import { libraryConstants, libraryFunctions, newableClasses } from './library.js';

export interface NamedItemMembers {
  readonly slot: number;
  readonly object: VbsObject;
}

/** Wraps an impure function so a side-effect-free evaluation refuses it. */
function guarded(fn: CallableFunction, pure: boolean): CallableFunction {
  if (pure) return fn;
  return {
    ...fn,
    call: (args, f) => {
      if (inSideEffectFreeEvaluation()) throw new SideEffectError(`call of ${fn.name}`);
      return fn.call(args, f);
    },
  };
}

export function createCompilerHost(
  rt: Runtime,
  context: BuiltinContext,
  /** Named items added with `globalMembers`, searched in order. */
  globalMemberItems: readonly NamedItemMembers[],
): { host: CompilerHost; setEngineFunctions(fns: ReadonlyMap<string, CallableFunction & { pure: boolean }>): void } {
  const functions = new Map<string, CallableFunction>();
  for (const [key, fn] of libraryFunctions) {
    functions.set(key, guarded({ name: fn.name, minArgs: fn.minArgs, maxArgs: fn.maxArgs, call: (args) => callBuiltin(fn, context, args) }, fn.pure !== false));
  }
  const host: CompilerHost = {
    rt,
    globalConstants: new Map(),
    function: (key) => functions.get(key),
    constant: (key) => (libraryConstants.has(key) ? { value: libraryConstants.get(key) } : undefined),
    globalMemberOwner: (key) => globalMemberItems.find((i) => i.object.hasMember(key))?.slot,
    newObject: (key) => newableClasses.get(key),
  };
  return {
    host,
    // Engine-level built-ins (Eval, CreateObject …) need the host themselves, so they arrive afterwards and take precedence.
    setEngineFunctions(fns) {
      for (const [key, fn] of fns) functions.set(key, guarded(fn, fn.pure));
    },
  };
}
