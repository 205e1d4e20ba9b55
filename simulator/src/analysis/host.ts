/**
 * Names the script can use without declaring them: the server's named items (with their global
 * members) and VBScript's built-in functions and constants.
 *
 * The named items come from the API declaration. The built-ins come from the runtime's tables
 * (`simulator/src/runtime/builtins`), handed in as a `BuiltinCatalog` so that the analysis does not
 * keep a second list of VBScript functions.
 */
import { getInterface, globals } from '../api/index';
import { makeScope, makeSymbol, type Scope, type VbSymbol } from './symbols';

export interface BuiltinFunctionInfo {
  name: string;
  minArgs: number;
  maxArgs: number;
  /** Parameter names, when the runtime table has them. */
  params?: readonly string[];
  doc?: string;
}

export interface BuiltinConstantInfo {
  name: string;
  doc?: string;
}

/** VBScript's built-ins as the runtime implements them (keys lower-case). */
export interface BuiltinCatalog {
  functions: ReadonlyMap<string, BuiltinFunctionInfo>;
  constants: ReadonlyMap<string, BuiltinConstantInfo>;
  /** ProgIDs the engine itself can create besides hMailServer's (`vbscript.regexp`, `scripting.dictionary`). */
  progIds?: readonly string[];
}

export const EMPTY_BUILTINS: BuiltinCatalog = { functions: new Map(), constants: new Map() };

/**
 * The host scope, the parent of the script's global scope: named items first (a script variable of
 * the same name shadows them), then their members as bare names, then built-ins.
 */
export interface HostScope {
  scope: Scope;
  /** Named items only: `Result`, `EventLog`, `HMAILSERVER_*`. */
  namedItems: Map<string, VbSymbol>;
  /** Members of the named items usable as bare names. */
  globalMembers: Map<string, VbSymbol>;
  builtins: BuiltinCatalog;
}

const hostCache = new WeakMap<BuiltinCatalog, HostScope>();

export function hostScope(builtins: BuiltinCatalog): HostScope {
  const cached = hostCache.get(builtins);
  if (cached) return cached;
  const scope = makeScope('global', undefined, { start: 0, end: 0 });
  const namedItems = new Map<string, VbSymbol>();
  const globalMembers = new Map<string, VbSymbol>();
  for (const g of globals()) {
    namedItems.set(g.name.toLowerCase(), makeSymbol(scope, 'namedItem', g.name, undefined, { apiGlobal: g }));
  }
  for (const g of globals()) {
    for (const m of getInterface(g.type)?.members ?? []) {
      const key = m.name.toLowerCase();
      if (!globalMembers.has(key) && !namedItems.has(key)) {
        globalMembers.set(key, makeSymbol(scope, 'globalMember', m.name, undefined, { apiGlobal: g, apiMember: m }));
      }
    }
  }
  for (const [key, f] of builtins.functions) scope.symbols.set(key, makeSymbol(scope, 'builtinFunction', f.name, undefined));
  for (const [key, c] of builtins.constants) scope.symbols.set(key, makeSymbol(scope, 'builtinConstant', c.name, undefined));
  const host: HostScope = { scope, namedItems, globalMembers, builtins };
  hostCache.set(builtins, host);
  return host;
}
