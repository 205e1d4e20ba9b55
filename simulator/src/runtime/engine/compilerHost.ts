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
  lazyProcedures = false,
): { host: CompilerHost; setEngineFunctions(fns: ReadonlyMap<string, CallableFunction & { pure: boolean }>): void } {
  // Library functions are wrapped on first use: an engine is created for every hMailServer
  // event, and wrapping all ~100 up front was most of its construction cost.
  const functions = new Map<string, CallableFunction>();
  const lookup = (key: string): CallableFunction | undefined => {
    const known = functions.get(key);
    if (known) return known;
    const fn = libraryFunctions.get(key);
    if (!fn) return undefined;
    const wrapped = guarded({ name: fn.name, minArgs: fn.minArgs, maxArgs: fn.maxArgs, call: (args) => callBuiltin(fn, context, args) }, fn.pure !== false);
    functions.set(key, wrapped);
    return wrapped;
  };
  const host: CompilerHost = {
    rt,
    globalConstants: new Map(),
    function: lookup,
    constant: (key) => (libraryConstants.has(key) ? { value: libraryConstants.get(key) } : undefined),
    globalMemberOwner: (key) => globalMemberItems.find((i) => i.object.hasMember(key))?.slot,
    newObject: (key) => newableClasses.get(key),
    lazyProcedures,
  };
  return {
    host,
    // Engine-level built-ins (Eval, CreateObject …) need the host themselves, so they arrive afterwards and take precedence.
    setEngineFunctions(fns) {
      for (const [key, fn] of fns) functions.set(key, guarded(fn, fn.pure));
    },
  };
}
