/**
 * VBScript's built-ins for the analysis, taken from the runtime's own tables so that completions,
 * signature help and the Option Explicit check know exactly the functions the simulator runs.
 *
 * The seam: the analysis receives a `BuiltinCatalog`; this module is the one place that builds it
 * (the language server and the debugger's console both use it).
 * Library functions, vb* constants and the engine's own ProgIDs come from the runtime's builtins
 * tables (`runtime/builtins/index.ts`); the engine-level functions
 * (CreateObject, Eval, ExecuteGlobal, …) are read from the engine's factory, whose entries do not
 * touch the services passed in until they are called.
 */
import type { BuiltinCatalog, BuiltinConstantInfo, BuiltinFunctionInfo } from '../../analysis/host';
import { builtinConstants, builtinFunctions, builtinProgIds } from '../builtins/index';
import { constantNames } from '../builtins/constants';
import { engineBuiltins, type EngineServices } from './engineBuiltins';

/** Intrinsic objects of the VBScript engine that the runtime does not (yet) list as data. */
const INTRINSIC_OBJECTS: readonly BuiltinConstantInfo[] = [{ name: 'Err', doc: "VBScript's Err object: Number, Description, Source, Clear, Raise." }];

let catalog: BuiltinCatalog | undefined;

/** The catalog; `extraProgIds` adds what a host registers (the simulator's sandbox objects). */
export function builtinCatalog(extraProgIds: readonly string[] = []): BuiltinCatalog {
  if (catalog && extraProgIds.length === 0) return catalog;
  const functions = new Map<string, BuiltinFunctionInfo>();
  for (const [key, f] of builtinFunctions) functions.set(key, { name: f.name, minArgs: f.minArgs, maxArgs: f.maxArgs });
  for (const [key, f] of engineBuiltins({} as EngineServices)) functions.set(key, { name: f.name, minArgs: f.minArgs, maxArgs: f.maxArgs });
  const constants = new Map<string, BuiltinConstantInfo>();
  // The table's keys are lower-case; the declared spellings come from the constants module.
  const spelled = new Map(constantNames.map((n) => [n.toLowerCase(), n]));
  for (const key of builtinConstants.keys()) constants.set(key, { name: spelled.get(key) ?? key });
  for (const o of INTRINSIC_OBJECTS) constants.set(o.name.toLowerCase(), o);
  const result = { functions, constants, progIds: [...builtinProgIds.keys(), ...extraProgIds] };
  if (extraProgIds.length === 0) catalog = result;
  return result;
}
