/**
 * How coercion reaches an object's value: VBScript evaluates an object used as a value
 * through its default member (`Field` → `Field.Value`). Objects are the core's business, so
 * the core registers the lookup here and the value library stays free of object machinery.
 */
import { raise, RuntimeError } from '../errors';
import type { Value, VbsObjectLike } from './variant';

export type DefaultValueHook = (obj: VbsObjectLike) => Value;

// Until the core registers its hook, an object has no usable value, as one without a default member.
let hook: DefaultValueHook = () => raise(RuntimeError.PropertyOrMethodNotSupported);

export function setDefaultValueHook(fn: DefaultValueHook): void {
  hook = fn;
}

/** The object's default value (never an object: the hook resolves chains of defaults). */
export function getDefaultValue(obj: VbsObjectLike): Value {
  return hook(obj);
}
