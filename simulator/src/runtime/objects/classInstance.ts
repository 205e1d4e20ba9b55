/**
 * Instances of classes written in VBScript (`Class … End Class`).
 *
 * Fields live in a slot array like locals. Members reach the world through the
 * `VbsObject` protocol (only Public members); compiled code inside the class binds
 * private members directly. `Class_Terminate` runs when the reference count drops to zero.
 */
import { raise, RuntimeError, VbsRuntimeError } from '../errors.js';
import type { Runtime } from '../interpreter.js';
import type { UserProcedure } from '../procedures.js';
import { Ref, storeElement, storeSlot } from '../references.js';
import { VbsArray } from '../values/array.js';
import { toIntegerIndex } from '../values/coerce.js';
import type { Value } from '../values/variant.js';
import { isComObject, memberNotFound, noDefaultMember, SideEffectError, inSideEffectFreeEvaluation, type VbsObject } from './comObject.js';
import { releaseValue } from './lifetime.js';

export interface ClassField {
  readonly name: string;
  readonly isPublic: boolean;
  readonly slot: number;
}

/** The procedures behind one member name: a method, or up to three property accessors. */
export interface ClassMember {
  readonly name: string;
  isPublic: boolean;
  method?: UserProcedure;
  get?: UserProcedure;
  let?: UserProcedure;
  set?: UserProcedure;
}

export class ClassDefinition {
  readonly fields = new Map<string, ClassField>();
  readonly members = new Map<string, ClassMember>();
  /** Constants declared in the class body, folded. */
  readonly constants = new Map<string, Value>();
  defaultKey: string | undefined;
  initialize: UserProcedure | undefined;
  terminate: UserProcedure | undefined;
  /** Creates the arrays of `Dim a(5)` fields. */
  initFields: (fields: unknown[]) => void = () => {};

  constructor(
    readonly name: string,
    readonly runtime: Runtime,
  ) {}

  get fieldCount(): number {
    return this.fields.size;
  }

  addField(name: string, isPublic: boolean): ClassField {
    const key = name.toLowerCase();
    const field = { name, isPublic, slot: this.fields.size };
    this.fields.set(key, field);
    return field;
  }

  memberFor(name: string): ClassMember {
    const key = name.toLowerCase();
    let member = this.members.get(key);
    if (!member) {
      member = { name, isPublic: true };
      this.members.set(key, member);
    }
    return member;
  }

  /** `New Name`: fields initialised, then Class_Initialize. The caller owes the new instance one release. */
  instantiate(): ClassInstance {
    const instance = new ClassInstance(this);
    instance.addRef();
    this.initFields(instance.fields);
    if (this.initialize) this.runtime.callProcedure(this.initialize, instance, [], this.runtime.currentFrame);
    return instance;
  }
}

export class ClassInstance implements VbsObject {
  readonly isVbsObject = true as const;
  readonly fields: unknown[];
  private refCount = 0;
  private terminated = false;

  constructor(readonly definition: ClassDefinition) {
    this.fields = new Array<unknown>(definition.fieldCount).fill(undefined);
  }

  get typeName(): string {
    return this.definition.name;
  }

  // ------------------------------------------------------------ protocol (public members only)

  getProperty(name: string, args: Value[]): Value {
    return this.read(name, args);
  }

  callMethod(name: string, args: Value[]): Value {
    return this.read(name, args);
  }

  setProperty(name: string, args: Value[], value: Value, isSet: boolean): void {
    this.write(name, args, value, isSet, true);
  }

  getDefault(args: Value[]): Value {
    const key = this.definition.defaultKey;
    if (key === undefined) noDefaultMember();
    return this.read(key, args);
  }

  setDefault(args: Value[], value: Value, isSet: boolean): void {
    const key = this.definition.defaultKey;
    if (key === undefined) noDefaultMember();
    this.write(key, args, value, isSet, true);
  }

  hasMember(name: string): boolean {
    const key = name.toLowerCase();
    return this.definition.fields.get(key)?.isPublic === true || this.definition.members.get(key)?.isPublic === true;
  }

  inspect(): Array<{ name: string; value: Value }> {
    return [...this.definition.fields.values()].map((f) => {
      const v = this.fields[f.slot];
      return { name: f.name, value: v instanceof Ref ? v.get() : (v as Value) };
    });
  }

  // ------------------------------------------------------------ members, for compiled code too

  /**
   * Reads a member: a field (indexed when it holds an array), a Property Get, or a method.
   * `prepared` holds values or `Ref`s (ByRef arguments from compiled call sites).
   * `fromInside`: code of the class itself, which may use Private members.
   */
  read(name: string, prepared: unknown[], fromInside = false): Value {
    const key = name.toLowerCase();
    const def = this.definition;
    const field = def.fields.get(key);
    if (field && (field.isPublic || fromInside)) {
      const v = this.fields[field.slot] as Value;
      if (prepared.length === 0) return v;
      return indexValue(v, prepared.map(argValue), name);
    }
    const member = def.members.get(key);
    if (!member || !(member.isPublic || fromInside)) return memberNotFound(name);
    const proc = member.get ?? member.method;
    if (!proc) return memberNotFound(name);
    if (inSideEffectFreeEvaluation()) throw new SideEffectError(`call of ${def.name}.${member.name}`);
    return def.runtime.callProcedure(proc, this, prepared, def.runtime.currentFrame);
  }

  write(name: string, prepared: unknown[], value: Value, isSet: boolean, fromOutside: boolean): void {
    const key = name.toLowerCase();
    const def = this.definition;
    const field = def.fields.get(key);
    if (field && (field.isPublic || !fromOutside)) {
      if (prepared.length === 0) return storeSlot(this.fields, field.slot, value);
      const target = this.fields[field.slot];
      if (!(target instanceof VbsArray)) raise(RuntimeError.TypeMismatch, name);
      return storeElement(target, prepared.map((a) => toIntegerIndex(argValue(a))), value);
    }
    const member = def.members.get(key);
    if (!member || !(member.isPublic || !fromOutside)) return memberNotFound(name);
    const proc = isSet ? member.set : member.let;
    if (!proc) return memberNotFound(name);
    if (inSideEffectFreeEvaluation()) throw new SideEffectError(`assignment to ${def.name}.${member.name}`);
    def.runtime.callProcedure(proc, this, [...prepared, value], def.runtime.currentFrame);
  }

  // ------------------------------------------------------------ lifetime

  addRef(): void {
    this.refCount++;
  }

  release(): void {
    if (this.refCount > 0 && --this.refCount === 0) this.finish();
  }

  private finish(): void {
    if (this.terminated) return;
    this.terminated = true;
    const rt = this.definition.runtime;
    if (this.definition.terminate) {
      // Keep the instance alive while its terminate handler runs (it may pass `Me` around).
      this.refCount++;
      try {
        rt.callProcedure(this.definition.terminate, this, [], rt.currentFrame);
      } catch (e) {
        // vbscript.dll ignores errors raised inside Class_Terminate; interrupts (abort, timeout) still stop the script.
        if (!(e instanceof VbsRuntimeError)) throw e;
      }
      this.refCount--;
    }
    for (let i = 0; i < this.fields.length; i++) {
      const v = this.fields[i];
      this.fields[i] = undefined;
      releaseValue(v as Value);
    }
  }
}

function argValue(a: unknown): Value {
  return a instanceof Ref ? a.get() : (a as Value);
}

/** `v(args)` where `v` is a value: an array element, or the default member of an object. */
export function indexValue(v: Value, args: Value[], name: string): Value {
  if (v instanceof VbsArray) {
    if (args.length === 1) return v.get1(toIntegerIndex(args[0]));
    return v.get(args.map(toIntegerIndex));
  }
  if (isComObject(v)) return v.getDefault(args);
  return raise(RuntimeError.TypeMismatch, name || undefined);
}
