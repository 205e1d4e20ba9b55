/**
 * Compile-time scopes: which slot a name occupies. Procedures get a `Scope` of locals
 * (slot 0 is the result variable, parameters follow); top-level code gets one whose
 * locals are only hidden temporaries (With objects), its names live in the script globals.
 */
import type { SourceUnit } from '../frame.js';
import type { ClassDefinition } from '../objects/classInstance.js';
import type { UserProcedure } from '../procedures.js';
import type { Value } from '../values/variant.js';

export interface LocalBinding {
  /** As declared (for the debugger). */
  readonly name: string;
  readonly slot: number;
  /** A ByRef parameter: the slot may hold a `Ref` to the caller's variable. */
  readonly byRefParameter: boolean;
}

export class Scope {
  readonly locals = new Map<string, LocalBinding>();
  /** Local constants, folded at compile time. */
  readonly constants = new Map<string, Value>();
  /** Local names declared with `Dim` and their array bounds, initialised at frame entry. */
  readonly arrayDeclarations: Array<{ slot: number; bounds: import('../procedures.js').Evaluate[] }> = [];
  localCount: number;

  constructor(
    readonly unit: SourceUnit,
    /** Null for top-level code. */
    readonly procedure: UserProcedure | null,
    /** The class whose member is being compiled, for `Me` and bare field names. */
    readonly classDefinition: ClassDefinition | null,
    /** `Option Explicit` in the unit this scope's code came from. */
    public explicit: boolean,
  ) {
    // Slot 0 is the procedure's result variable; top-level frames start at 0 too (unused).
    this.localCount = 1;
  }

  get isGlobal(): boolean {
    return this.procedure === null;
  }

  declareLocal(name: string, byRefParameter = false): LocalBinding {
    const key = name.toLowerCase();
    const existing = this.locals.get(key);
    if (existing) return existing;
    const binding = { name, slot: this.localCount++, byRefParameter };
    this.locals.set(key, binding);
    return binding;
  }

  /** An unnamed slot for the compiler's own temporaries (the object of a `With`). */
  hiddenSlot(): number {
    return this.localCount++;
  }

  /** Names shown by the debugger: locals in declaration order, without hidden slots. */
  namedLocals(): Array<{ name: string; binding: LocalBinding }> {
    return [...this.locals.values()].map((binding) => ({ name: binding.name, binding }));
  }
}
