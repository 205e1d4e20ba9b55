/**
 * Building blocks of the Message, Attachments, Recipients and MessageHeaders objects beyond the
 * ones every hMailServer object shares (`members.ts`): collection indexes and Long values.
 */
import { toLong } from '../../runtime/values/coerce';
import { makeLong, type Value } from '../../runtime/values/variant';
import { subscriptOutOfRange } from './members';

/** A zero-based collection index as the server takes it (`long`; negative never matches). */
export function indexArg(v: Value, count: number): number {
  const i = toLong(v);
  if (i < 0 || i >= count) subscriptOutOfRange();
  return i;
}

/** A VBScript Long (what IDL `long` properties give `TypeName`). */
export function long(n: number): Value {
  return makeLong(n | 0);
}
