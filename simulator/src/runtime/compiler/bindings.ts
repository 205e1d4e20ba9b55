/**
 * Name resolution, done once at compile time: every identifier becomes a binding (a local
 * slot, a global slot, a field of `Me`, a constant, a built-in …) and is compiled into a
 * load, a store and — for ByRef arguments — a reference maker.
 *
 * Order, as VBScript looks names up: locals (and the function's own name), local
 * constants, members of the class being compiled, script constants and globals, global
 * members of named items, built-ins; otherwise a name assigned in a procedure is an
 * implicit local, anything else a script global that may be declared later.
 */
import { raise, RuntimeError } from '../errors.js';
import type { Frame } from '../frame.js';
import { undefinedVariable, type Runtime } from '../interpreter.js';
import type { VbsObject } from '../objects/comObject.js';
import { NativeProcedure, SlotEntry, Undeclared, UserProcedure, type Evaluate } from '../procedures.js';
import { Ref, SlotRef, storeSlot } from '../references.js';
import type { Value } from '../values/variant.js';
import type { CallableFunction, CompileContext } from './context.js';

export type Binding =
  | { kind: 'local'; slot: number; byRef: boolean; name: string }
  | { kind: 'global'; slot: number; name: string }
  | { kind: 'field'; slot: number; name: string }
  | { kind: 'member'; name: string }
  | { kind: 'constant'; value: Value; name: string }
  | { kind: 'itemMember'; slot: number; name: string }
  | { kind: 'function'; fn: CallableFunction; name: string };

export function resolve(ctx: CompileContext, name: string): Binding {
  const key = name.toLowerCase();
  const scope = ctx.scope;
  const local = scope.locals.get(key);
  if (local) return { kind: 'local', slot: local.slot, byRef: local.byRefParameter, name };
  if (scope.constants.has(key)) return { kind: 'constant', value: scope.constants.get(key), name };
  const cls = scope.classDefinition;
  if (cls) {
    const field = cls.fields.get(key);
    if (field) return { kind: 'field', slot: field.slot, name };
    if (cls.members.has(key)) return { kind: 'member', name };
  }
  if (ctx.host.globalConstants.has(key)) return { kind: 'constant', value: ctx.host.globalConstants.get(key), name };
  const rt = ctx.rt;
  if (rt.isDeclaredGlobal(name)) return { kind: 'global', slot: rt.globalSlot(name), name };
  const owner = ctx.host.globalMemberOwner(key);
  if (owner !== undefined) return { kind: 'itemMember', slot: owner, name };
  const constant = ctx.host.constant(key);
  if (constant) return { kind: 'constant', value: constant.value, name };
  const fn = ctx.host.function(key);
  if (fn) return { kind: 'function', fn, name };
  if (!scope.isGlobal && !scope.explicit && ctx.implicitLocals.has(key)) {
    const binding = scope.declareLocal(name);
    return { kind: 'local', slot: binding.slot, byRef: false, name };
  }
  return { kind: 'global', slot: rt.globalSlot(name), name };
}

/** The value of a global slot holding a procedure (called without arguments) or the undeclared marker. */
export function slotEntryValue(rt: Runtime, entry: SlotEntry, f: Frame, explicit: boolean, name: string): Value {
  if (entry instanceof UserProcedure) return rt.callProcedure(entry, null, [], f);
  if (entry instanceof NativeProcedure) return entry.call([]);
  if (explicit) undefinedVariable(name);
  return undefined;
}

export function compileLoad(ctx: CompileContext, b: Binding): Evaluate {
  switch (b.kind) {
    case 'local': {
      const slot = b.slot;
      if (b.byRef) {
        return (f) => {
          const v = f.locals[slot];
          return v instanceof Ref ? v.get() : (v as Value);
        };
      }
      return (f) => f.locals[slot] as Value;
    }
    case 'global': {
      const rt = ctx.rt;
      const g = rt.globals;
      const { slot, name } = b;
      const explicit = ctx.scope.explicit;
      return (f) => {
        const v = g[slot];
        if (typeof v === 'object' && v !== null && v instanceof SlotEntry) return slotEntryValue(rt, v, f, explicit, name);
        return v as Value;
      };
    }
    case 'field': {
      const slot = b.slot;
      return (f) => f.me!.fields[slot] as Value;
    }
    case 'member': {
      const name = b.name;
      return (f) => f.me!.read(name, [], true);
    }
    case 'constant': {
      const value = b.value;
      return () => value;
    }
    case 'itemMember': {
      const g = ctx.rt.globals;
      const { slot, name } = b;
      return () => (g[slot] as VbsObject).getProperty(name, []);
    }
    case 'function': {
      const { fn, name } = b;
      return (f) => {
        if (fn.minArgs > 0) raise(RuntimeError.WrongNumberOfArguments, name);
        return fn.call([], f);
      };
    }
  }
}

/**
 * What a variable holds, without calling it: a global may hold a procedure (`SlotEntry`),
 * which `a(i) = v`, `ReDim` and ByRef element references must not invoke.
 */
export function compileContent(ctx: CompileContext, b: Binding & { kind: 'local' | 'global' | 'field' }): (f: Frame) => unknown {
  if (b.kind === 'global') {
    const g = ctx.rt.globals;
    const slot = b.slot;
    return () => g[slot];
  }
  return compileLoad(ctx, b);
}

/** Stores an already converted value (Let/Set semantics are the caller's). */
export type Store = (f: Frame, v: Value, isSet: boolean) => void;

export function compileStore(ctx: CompileContext, b: Binding): Store {
  switch (b.kind) {
    case 'local': {
      const slot = b.slot;
      if (b.byRef) {
        return (f, v) => {
          const cur = f.locals[slot];
          if (cur instanceof Ref) cur.set(v);
          else storeSlot(f.locals, slot, v);
        };
      }
      return (f, v) => storeSlot(f.locals, slot, v);
    }
    case 'global': {
      const g = ctx.rt.globals;
      const info = ctx.rt.globalInfo;
      const { slot, name } = b;
      const explicit = ctx.scope.explicit;
      return (_f, v) => {
        const old = g[slot];
        if (typeof old === 'object' && old !== null && old instanceof SlotEntry) {
          if (!(old instanceof Undeclared)) raise(RuntimeError.IllegalAssignment, name);
          if (explicit) undefinedVariable(name);
          g[slot] = undefined;
        }
        if (info[slot].readOnly) raise(RuntimeError.IllegalAssignment, name);
        storeSlot(g, slot, v);
      };
    }
    case 'field': {
      const slot = b.slot;
      return (f, v) => storeSlot(f.me!.fields, slot, v);
    }
    case 'member': {
      const name = b.name;
      return (f, v, isSet) => f.me!.write(name, [], v, isSet, false);
    }
    case 'itemMember': {
      const g = ctx.rt.globals;
      const { slot, name } = b;
      return (_f, v, isSet) => (g[slot] as VbsObject).setProperty(name, [], v, isSet);
    }
    case 'constant':
    case 'function': {
      const name = b.name;
      return () => raise(RuntimeError.IllegalAssignment, name);
    }
  }
}

/**
 * For a ByRef argument: a `Ref` to the variable, or null when the name is not a variable
 * (then the argument is passed by value).
 */
export function compileRef(ctx: CompileContext, b: Binding): ((f: Frame) => unknown) | null {
  switch (b.kind) {
    case 'local': {
      const slot = b.slot;
      return (f) => {
        const v = f.locals[slot];
        return v instanceof Ref ? v : new SlotRef(f.locals, slot);
      };
    }
    case 'global': {
      const rt = ctx.rt;
      const g = rt.globals;
      const info = rt.globalInfo;
      const { slot, name } = b;
      const explicit = ctx.scope.explicit;
      return (f) => {
        const v = g[slot];
        if (typeof v === 'object' && v !== null && v instanceof SlotEntry) {
          if (!(v instanceof Undeclared)) return slotEntryValue(rt, v, f, explicit, name);
          if (explicit) undefinedVariable(name);
          g[slot] = undefined;
        }
        if (info[slot].readOnly) return v;
        return new SlotRef(g, slot);
      };
    }
    case 'field': {
      const slot = b.slot;
      return (f) => new SlotRef(f.me!.fields, slot);
    }
    default:
      return null;
  }
}
