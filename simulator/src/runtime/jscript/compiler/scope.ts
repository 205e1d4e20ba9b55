/**
 * Compile-time scopes and name resolution.
 *
 * A function's variables (parameters, `var`s, hoisted functions, `arguments`) get slots in
 * its environment; a name is resolved at compile time to (hops, slot) whenever no `with`
 * object and no `eval`-extended scope can intervene. Otherwise the lookup walks the run-time
 * environment chain by name (`lookupDynamic`), as ES3 10.1.4 describes. Global code has no
 * slots: its variables are properties of the global object.
 */
import type { ScopeInfo } from '../runtime.js';

export type ScopeKind = 'global' | 'function' | 'catch' | 'with' | 'eval';

export class CompileScope implements ScopeInfo {
  readonly names = new Map<string, number>();
  readonly slotNames: string[] = [];

  constructor(
    readonly kind: ScopeKind,
    readonly parent: CompileScope | null,
    /** A function that calls `eval` directly: eval code may add names at run time. */
    public dynamic = false,
  ) {}

  get slotCount(): number {
    return this.slotNames.length;
  }

  /** A new slot for `name` (a later declaration of the same name reuses it). */
  declare(name: string): number {
    const existing = this.names.get(name);
    if (existing !== undefined) return existing;
    return this.addSlot(name);
  }

  /** A slot even if the name exists (parameters: `function f(a, a)` has two). */
  addSlot(name: string): number {
    const slot = this.slotNames.length;
    this.slotNames.push(name);
    this.names.set(name, slot);
    return slot;
  }
}

export type Resolution = { kind: 'slot'; hops: number; slot: number } | { kind: 'global' } | { kind: 'dynamic' };

export function resolveName(scope: CompileScope, name: string): Resolution {
  let hops = 0;
  for (let s: CompileScope | null = scope; s !== null; s = s.parent) {
    if (s.kind === 'global') return { kind: 'global' };
    if (s.kind === 'with' || s.kind === 'eval') return { kind: 'dynamic' };
    const slot = s.names.get(name);
    if (slot !== undefined) return { kind: 'slot', hops, slot };
    if (s.dynamic) return { kind: 'dynamic' };
    hops++;
  }
  return { kind: 'global' };
}
