/**
 * ByRef: a reference to a storage location. VBScript passes arguments by reference unless
 * the parameter says `ByVal` or the argument is not a variable (an expression, or a
 * parenthesised variable); a ByRef parameter slot then holds a `Ref` instead of a value.
 */
import { VbsArray } from './values/array.js';
import type { Value } from './values/variant.js';
import { copyForStore, releaseValue } from './objects/lifetime.js';

export abstract class Ref {
  abstract get(): Value;
  abstract set(v: Value): void;
}

/** An element of a slot array: a frame's locals, the script globals, a class instance's fields. */
export class SlotRef extends Ref {
  constructor(
    private readonly slots: unknown[],
    private readonly index: number,
  ) {
    super();
  }
  get(): Value {
    const v = this.slots[this.index];
    return v instanceof Ref ? v.get() : (v as Value);
  }
  set(v: Value): void {
    const old = this.slots[this.index];
    if (old instanceof Ref) return old.set(v);
    this.slots[this.index] = copyForStore(v);
    releaseValue(old as Value);
  }
}

/** `Foo a(3)`: the element itself is passed ByRef. */
export class ArrayElementRef extends Ref {
  constructor(
    private readonly array: VbsArray,
    private readonly indices: number[],
  ) {
    super();
  }
  get(): Value {
    return this.array.get(this.indices);
  }
  set(v: Value): void {
    const old = this.array.get(this.indices);
    this.array.set(this.indices, copyForStore(v));
    releaseValue(old);
  }
}

/** Stores `v` into `slots[index]` with VBScript's value semantics and reference counting. */
export function storeSlot(slots: unknown[], index: number, v: Value): void {
  const old = slots[index];
  if (typeof v === 'object' && v !== null) v = copyForStore(v);
  slots[index] = v;
  if (typeof old === 'object' && old !== null) releaseValue(old as Value);
}

/** Stores into an array element, counting references. */
export function storeElement(array: VbsArray, indices: number[], v: Value): void {
  const old = array.get(indices);
  array.set(indices, typeof v === 'object' && v !== null ? copyForStore(v) : v);
  if (typeof old === 'object' && old !== null) releaseValue(old);
}
