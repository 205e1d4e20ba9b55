/**
 * VBScript arrays: zero-based, up to 60 dimensions, stored row-major (the last index varies
 * fastest), so `ReDim Preserve`, which may only change the last dimension, keeps each row's
 * prefix in place.
 */
import { raise, RuntimeError } from '../errors';
import type { Value, VbsArrayLike } from './variant';

export class VbsArray implements VbsArrayLike {
  readonly isVbsArray = true as const;

  constructor(
    public upperBounds: number[],
    public data: Value[],
    /** `Dim a(3)`: a fixed-size array, which ReDim and Erase-to-nothing refuse (error 10). */
    public fixed = false,
  ) {}

  /** A one-dimensional array holding `items` (Array(), Split(), Dictionary.Keys …). */
  static fromList(items: Value[]): VbsArray {
    return new VbsArray([items.length - 1], items);
  }

  /** A new array of the given bounds filled with Empty. */
  static create(upperBounds: number[], fixed = false): VbsArray {
    return new VbsArray(upperBounds.slice(), new Array<Value>(sizeOf(upperBounds)).fill(undefined), fixed);
  }

  get dimensions(): number {
    return this.upperBounds.length;
  }

  get length(): number {
    return this.data.length;
  }

  /** Offset into `data` for the given indices; error 9 for a wrong count or an index out of range. */
  offsetOf(indices: readonly number[]): number {
    const ub = this.upperBounds;
    if (indices.length !== ub.length) raise(RuntimeError.SubscriptOutOfRange);
    if (ub.length === 1) {
      const i = indices[0];
      if (!(i >= 0 && i <= ub[0])) raise(RuntimeError.SubscriptOutOfRange);
      return i;
    }
    let offset = 0;
    for (let d = 0; d < ub.length; d++) {
      const i = indices[d];
      if (!(i >= 0 && i <= ub[d])) raise(RuntimeError.SubscriptOutOfRange);
      offset = offset * (ub[d] + 1) + i;
    }
    return offset;
  }

  get(indices: readonly number[]): Value {
    return this.data[this.offsetOf(indices)];
  }

  set(indices: readonly number[], v: Value): void {
    this.data[this.offsetOf(indices)] = v;
  }

  /** One-dimensional fast path for the interpreter (`a(i)`). */
  get1(i: number): Value {
    if (this.upperBounds.length !== 1 || !(i >= 0 && i <= this.upperBounds[0])) raise(RuntimeError.SubscriptOutOfRange);
    return this.data[i];
  }

  set1(i: number, v: Value): void {
    if (this.upperBounds.length !== 1 || !(i >= 0 && i <= this.upperBounds[0])) raise(RuntimeError.SubscriptOutOfRange);
    this.data[i] = v;
  }

  /**
   * VBScript copies arrays on assignment, including arrays nested in elements. `copyElement`
   * lets the runtime account for object references it duplicates (reference counting).
   */
  clone(copyElement?: (v: Value) => Value): VbsArray {
    const src = this.data;
    const out = new Array<Value>(src.length);
    for (let i = 0; i < src.length; i++) {
      const v = src[i];
      out[i] = v instanceof VbsArray ? v.clone(copyElement) : copyElement ? copyElement(v) : v;
    }
    // A copy is always dynamic: `b = a` of a fixed array gives a resizable b.
    return new VbsArray(this.upperBounds.slice(), out, false);
  }

  /**
   * `ReDim [Preserve]`. Without Preserve the contents are discarded (the caller releases
   * them); with Preserve only the last dimension may change (error 9 otherwise).
   */
  redim(upperBounds: number[], preserve: boolean): void {
    if (this.fixed) raise(RuntimeError.ArrayLocked);
    for (const ub of upperBounds) if (!(ub >= -1) || !Number.isInteger(ub)) raise(RuntimeError.SubscriptOutOfRange);
    const size = sizeOf(upperBounds);
    if (!preserve || this.upperBounds.length === 0) {
      this.upperBounds = upperBounds.slice();
      this.data = new Array<Value>(size).fill(undefined);
      return;
    }
    const old = this.upperBounds;
    if (old.length !== upperBounds.length) raise(RuntimeError.SubscriptOutOfRange);
    for (let d = 0; d < old.length - 1; d++) if (old[d] !== upperBounds[d]) raise(RuntimeError.SubscriptOutOfRange);
    const oldRow = old[old.length - 1] + 1;
    const newRow = upperBounds[upperBounds.length - 1] + 1;
    const rows = oldRow === 0 ? 0 : this.data.length / oldRow;
    const data = new Array<Value>(size).fill(undefined);
    const keep = Math.min(oldRow, newRow);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < keep; c++) data[r * newRow + c] = this.data[r * oldRow + c];
    }
    this.upperBounds = upperBounds.slice();
    this.data = data;
  }

  /**
   * `Erase`: a fixed array keeps its size with every element reset; a dynamic one loses its
   * storage (UBound then raises error 9). Returns the discarded elements for reference counting.
   */
  erase(): Value[] {
    const old = this.data;
    if (this.fixed) {
      this.data = new Array<Value>(old.length).fill(undefined);
    } else {
      this.upperBounds = [];
      this.data = [];
    }
    return old;
  }

  /** Upper bound of dimension `dim` (1-based, as UBound takes it); error 9 if there is none. */
  ubound(dim = 1): number {
    if (!(dim >= 1 && dim <= this.upperBounds.length)) raise(RuntimeError.SubscriptOutOfRange);
    return this.upperBounds[dim - 1];
  }

  /**
   * The elements in the order `For Each` visits them: a SAFEARRAY's memory order, where the
   * FIRST index varies fastest (so a(0,0), a(1,0), a(0,1), a(1,1)).
   */
  enumerationOrder(): Value[] {
    const ub = this.upperBounds;
    if (ub.length <= 1) return this.data.slice();
    const out: Value[] = [];
    const counts = ub.map((u) => u + 1);
    const idx = new Array<number>(ub.length).fill(0);
    const total = this.data.length;
    for (let n = 0; n < total; n++) {
      let offset = 0;
      for (let d = 0; d < ub.length; d++) offset = offset * counts[d] + idx[d];
      out.push(this.data[offset]);
      for (let d = 0; d < ub.length; d++) {
        if (++idx[d] < counts[d]) break;
        idx[d] = 0;
      }
    }
    return out;
  }
}

function sizeOf(upperBounds: readonly number[]): number {
  if (upperBounds.length === 0) return 0;
  let n = 1;
  for (const ub of upperBounds) n *= ub + 1;
  return Math.max(0, n);
}
