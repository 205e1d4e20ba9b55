/**
 * Deterministic object lifetimes: VBScript runs `Class_Terminate` the moment the last
 * reference to an instance goes away, so the runtime counts references instead of leaving
 * it to the JavaScript garbage collector.
 *
 * A count is one storage location: a variable, a class field, an array element or a slot
 * of a container (a Dictionary item). Temporaries (a function's result on its way to the
 * caller, `New X` not yet stored) are not counted; `lifetime` parks objects whose count
 * fell to zero while they may still be in flight, and the interpreter finishes them at the
 * next statement boundary of the frame that holds them (`collectTemporaries`).
 *
 * Containers (Dictionary…) call `retainValue` for what they store and `releaseValue`
 * for what they drop (and for everything they hold when their own count reaches zero).
 */
import { VbsArray } from '../values/array.js';
import type { Value } from '../values/variant.js';
import { isComObject } from './comObject.js';

/** Counts a new reference to `v` (objects, and the objects inside arrays). */
export function retainValue(v: Value): void {
  if (typeof v !== 'object' || v === null) return;
  if (isComObject(v)) v.addRef();
  else if (v instanceof VbsArray) for (const e of v.data) retainValue(e);
}

/** Drops a reference to `v`; may run a `Class_Terminate`. */
export function releaseValue(v: Value): void {
  if (typeof v !== 'object' || v === null) return;
  if (isComObject(v)) v.release();
  else if (v instanceof VbsArray) for (const e of v.data) releaseValue(e);
}

/**
 * The value to put into a storage location: arrays are copied (VBScript's value
 * semantics, nested arrays included) and every object reference in it is counted.
 */
export function copyForStore(v: Value): Value {
  if (typeof v !== 'object' || v === null) return v;
  if (v instanceof VbsArray) return v.clone(countElement);
  if (isComObject(v)) v.addRef();
  return v;
}

function countElement(e: Value): Value {
  if (isComObject(e)) e.addRef();
  return e;
}

/**
 * References owed by temporaries. A function result leaves its frame still holding the
 * count its result variable had, and `New X` starts with a count of one; the pool drops
 * that count at the next statement boundary of the frame that received the value — by
 * then the value has been stored somewhere (and counted there) or it really is garbage.
 */
export class TemporaryPool {
  private owed: Array<{ value: Value; depth: number }> = [];
  /** The deepest frame anything is owed to: lets `collect` return at once for deeper frames. */
  private deepest = -1;

  get isEmpty(): boolean {
    return this.owed.length === 0;
  }

  /** `value` carries one counted reference that the frame at `depth` must drop. */
  park(value: Value, depth: number): void {
    this.owed.push({ value, depth });
    if (depth > this.deepest) this.deepest = depth;
  }

  /** Drops the references owed to frames at `depth` or deeper (deeper ones have returned by now). */
  collect(depth: number): void {
    if (depth > this.deepest) return;
    const due = this.owed.filter((o) => o.depth >= depth);
    this.owed = this.owed.filter((o) => o.depth < depth);
    this.deepest = this.owed.reduce((d, o) => Math.max(d, o.depth), -1);
    for (const o of due) releaseValue(o.value);
  }
}
