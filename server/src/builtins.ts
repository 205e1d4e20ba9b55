/**
 * The built-ins the analysis knows: the runtime's catalog plus the COM objects the simulator's
 * sandbox lets scripts create, so `CreateObject("` offers exactly what a simulated run accepts.
 */
import { builtinCatalog as runtimeCatalog, sandboxProgIdNames, type BuiltinCatalog } from '../../simulator/src/editor';

let catalog: BuiltinCatalog | undefined;

export function builtinCatalog(): BuiltinCatalog {
  catalog ??= runtimeCatalog(sandboxProgIdNames());
  return catalog;
}
