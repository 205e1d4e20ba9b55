/**
 * The object protocol of the VBScript runtime.
 *
 * Every object value — class instances, host objects, RegExp, Dictionary, the hMailServer
 * model — implements `VbsObject`. The interpreter only ever talks to objects through it,
 * which is what keeps JavaScript out of reach: a script can name only members an object
 * declares, never `constructor`, `__proto__`, `toString` or `valueOf`.
 *
 * Member names arrive as the script author wrote them (error texts quote them that way);
 * implementations compare them case-insensitively.
 */
import { raise, RuntimeError, VbsRuntimeError } from '../errors.js';
import type { Value, VbsObjectLike } from '../values/variant.js';

export interface VbsObject extends VbsObjectLike {
  readonly isVbsObject: true;
  /** What `TypeName` reports, e.g. "Dictionary", "IRegExp2", or a class name. */
  readonly typeName: string;
  /** A member read in a value context: a property get, or a method call whose result is used. */
  getProperty(name: string, args: Value[]): Value;
  /** `obj.Name(args) = value`, or with `Set` (`isSet`). */
  setProperty(name: string, args: Value[], value: Value, isSet: boolean): void;
  /** A member invoked as a statement (`obj.Name a, b`); the result is discarded by the caller. */
  callMethod(name: string, args: Value[]): Value;
  /** The default member (DISPID_VALUE): `obj(args)`, and coercion of `obj` to a value. Error 438 without one. */
  getDefault(args: Value[]): Value;
  /** `obj(args) = value` through the default member. */
  setDefault(args: Value[], value: Value, isSet: boolean): void;
  /** Whether the object declares `name` (global members of named items, the debugger). */
  hasMember(name: string): boolean;
  /**
   * Whether `name` is declared as a method, not a property. JScript needs it: `o.Save` read
   * without a call is the method itself, `o.Subject` the property's value.
   */
  isMethod?(name: string): boolean;
  /** The values `For Each` visits; objects without it raise 451 "Object not a collection". */
  enumerate?(): Iterable<Value>;
  /** Reference counting (see `lifetime.ts`): one count per variable, field, array element or container slot. */
  addRef(): void;
  release(): void;
  /** Property names and values for a debugger's variables view; must not have side effects. */
  inspect?(): Array<{ name: string; value: Value }>;
}

export function isComObject(v: unknown): v is VbsObject {
  return typeof v === 'object' && v !== null && (v as VbsObject).isVbsObject === true;
}

/**
 * An error a host object reports with an HRESULT; it reaches the script as `Err.Number`
 * (the HRESULT as a signed 32-bit number, or the plain number for 0x800A00xx VBScript errors).
 */
export class HostError extends VbsRuntimeError {
  constructor(hresult: number, description: string, source = '') {
    super(hresultToErrNumber(hresult), description, source);
    this.name = 'HostError';
  }
}

/** VBScript shows FACILITY_CONTROL HRESULTs (0x800Axxxx) as their low word, everything else as the signed HRESULT. */
export function hresultToErrNumber(hresult: number): number {
  const h = hresult | 0;
  return (h & 0xffff0000) === (0x800a0000 | 0) ? h & 0xffff : h;
}

// ------------------------------------------------------------ side-effect-free evaluation

let sideEffectFreeDepth = 0;

/**
 * True while the debugger evaluates an expression that must not change anything: objects
 * that would otherwise mutate on a read (Dictionary's auto-add of a missing key) check this.
 */
export function inSideEffectFreeEvaluation(): boolean {
  return sideEffectFreeDepth > 0;
}

/** Runs `fn` with side effects forbidden; nests. */
export function withoutSideEffects<T>(fn: () => T): T {
  sideEffectFreeDepth++;
  try {
    return fn();
  } finally {
    sideEffectFreeDepth--;
  }
}

/** Thrown when a side-effect-free evaluation would have had to run code that may change state. */
export class SideEffectError extends Error {
  constructor(what: string) {
    super(`Evaluation would have side effects: ${what}`);
    this.name = 'SideEffectError';
  }
}

// ------------------------------------------------------------ member tables

/**
 * One member of a host object. `self` is the receiving object, so one table serves every
 * instance. A member with only `call` is a method; one with `get`/`set` is a property (a
 * property may take arguments: `obj.HeaderValue("X") = v`).
 */
export interface MemberDefinition<T> {
  get?(self: T, args: Value[]): Value;
  set?(self: T, args: Value[], value: Value, isSet: boolean): void;
  call?(self: T, args: Value[]): Value;
  /** A method that changes nothing and may therefore run in a side-effect-free evaluation (e.g. `RegExp.Test`). */
  pure?: boolean;
}

interface TableEntry<T> {
  /** The declared spelling, for the debugger. */
  name: string;
  member: MemberDefinition<T>;
}

/**
 * Case-insensitive name → member table, built once per host class. A `Map` (not an
 * object literal lookup) so inherited JavaScript properties can never match a name.
 */
export class MemberTable<T> {
  private readonly entries = new Map<string, TableEntry<T>>();
  /** The lower-cased name of the default member, if any. */
  readonly defaultKey: string | undefined;

  constructor(members: Record<string, MemberDefinition<T>>, options: { defaultMember?: string } = {}) {
    for (const name of Object.keys(members)) {
      this.entries.set(name.toLowerCase(), { name, member: members[name] });
    }
    this.defaultKey = options.defaultMember?.toLowerCase();
    if (this.defaultKey !== undefined && !this.entries.has(this.defaultKey)) {
      throw new Error(`MemberTable: default member ${options.defaultMember} is not declared`);
    }
  }

  lookup(name: string): MemberDefinition<T> | undefined {
    return this.entries.get(name.toLowerCase())?.member;
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  get defaultMember(): MemberDefinition<T> | undefined {
    return this.defaultKey === undefined ? undefined : this.entries.get(this.defaultKey)?.member;
  }

  /** Declared names with their members, in declaration order. */
  *members(): IterableIterator<TableEntry<T>> {
    yield* this.entries.values();
  }
}

/** Error 438 naming the member, as vbscript.dll words it. */
export function memberNotFound(name: string): never {
  raise(RuntimeError.PropertyOrMethodNotSupported, name);
}

/** An object without a default member used as a value or called: 438 without a name, as vbscript.dll reports it. */
export function noDefaultMember(): never {
  raise(RuntimeError.PropertyOrMethodNotSupported);
}

/**
 * Base class for objects whose members come from a `MemberTable`. Subclasses pass their
 * (static) table and a type name; override `enumerate` for `For Each`, and `finalRelease`
 * to drop what they hold when the last reference goes away.
 */
export abstract class ComObject implements VbsObject {
  readonly isVbsObject = true as const;
  private refCount = 0;

  protected constructor(
    // `any`: a subclass's table is typed with the subclass itself; this base only forwards `this`.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    private readonly table: MemberTable<any>,
    readonly typeName: string,
  ) {}

  getProperty(name: string, args: Value[]): Value {
    const member = this.table.lookup(name) ?? memberNotFound(name);
    if (member.get) return member.get(this, args);
    if (member.call) return this.invokeMethod(member, name, args);
    return memberNotFound(name);
  }

  setProperty(name: string, args: Value[], value: Value, isSet: boolean): void {
    const member = this.table.lookup(name) ?? memberNotFound(name);
    if (!member.set) memberNotFound(name);
    if (sideEffectFreeDepth > 0) throw new SideEffectError(`assignment to ${name}`);
    member.set(this, args, value, isSet);
  }

  callMethod(name: string, args: Value[]): Value {
    const member = this.table.lookup(name) ?? memberNotFound(name);
    if (member.call) return this.invokeMethod(member, name, args);
    if (member.get) return member.get(this, args);
    return memberNotFound(name);
  }

  getDefault(args: Value[]): Value {
    const key = this.table.defaultKey;
    if (key === undefined) noDefaultMember();
    return this.getProperty(key, args);
  }

  setDefault(args: Value[], value: Value, isSet: boolean): void {
    const key = this.table.defaultKey;
    if (key === undefined) noDefaultMember();
    this.setProperty(key, args, value, isSet);
  }

  hasMember(name: string): boolean {
    return this.table.has(name);
  }

  isMethod(name: string): boolean {
    const m = this.table.lookup(name);
    return m !== undefined && m.call !== undefined && m.get === undefined;
  }

  addRef(): void {
    this.refCount++;
  }

  release(): void {
    if (this.refCount > 0 && --this.refCount === 0) this.finalRelease();
  }

  /** Called when the last counted reference is dropped; release contained values here. */
  protected finalRelease(): void {}

  /** Argument-free, getter-only properties (methods are never run for inspection). */
  inspect(): Array<{ name: string; value: Value }> {
    const out: Array<{ name: string; value: Value }> = [];
    withoutSideEffects(() => {
      for (const { name, member } of this.table.members()) {
        if (!member.get || member.call) continue;
        try {
          out.push({ name, value: member.get(this, []) });
        } catch {
          // Properties that need arguments or fail without them are simply not shown.
        }
      }
    });
    return out;
  }

  private invokeMethod(member: MemberDefinition<this>, name: string, args: Value[]): Value {
    if (sideEffectFreeDepth > 0 && !member.pure) throw new SideEffectError(`call of ${name}`);
    return member.call!(this, args);
  }
}

// ------------------------------------------------------------ Nothing

/** `Nothing`: an object reference to no object. Any member access raises 91 "Object variable not set". */
class NothingReference implements VbsObject {
  readonly isVbsObject = true as const;
  readonly typeName = 'Nothing';
  getProperty(): Value {
    return raise(RuntimeError.ObjectVariableNotSet);
  }
  setProperty(): void {
    raise(RuntimeError.ObjectVariableNotSet);
  }
  callMethod(): Value {
    return raise(RuntimeError.ObjectVariableNotSet);
  }
  getDefault(): Value {
    return raise(RuntimeError.ObjectVariableNotSet);
  }
  setDefault(): void {
    raise(RuntimeError.ObjectVariableNotSet);
  }
  hasMember(): boolean {
    return false;
  }
  addRef(): void {}
  release(): void {}
}

/**
 * An object whose only member is its default one: `ref(args)` calls something (a `GetRef`
 * procedure, a host function handed over as a value). Every named member is error 438.
 */
export abstract class CallableObject implements VbsObject {
  readonly isVbsObject = true as const;
  readonly typeName: string = 'Object';
  abstract getDefault(args: Value[]): Value;
  getProperty(name: string): Value {
    return memberNotFound(name);
  }
  callMethod(name: string): Value {
    return memberNotFound(name);
  }
  setProperty(name: string): void {
    memberNotFound(name);
  }
  setDefault(): void {
    noDefaultMember();
  }
  hasMember(): boolean {
    return false;
  }
  addRef(): void {}
  release(): void {}
}

export const Nothing: VbsObject = Object.freeze(new NothingReference());
