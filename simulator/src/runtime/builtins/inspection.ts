/**
 * Functions that report what a value is. TypeName and VarType are complete here for
 * non-objects; for objects they use the object's own `typeName` (the core may register
 * engine-level versions that know more, e.g. about default members).
 */
import { isNumericValue, typeNameOf } from '../values/coerce';
import { parseDate } from '../values/dateText';
import type { VbsObject } from '../objects/comObject';
import { VDate, VarType, isVbsArray, isVbsObject, subtypeOf, type Value } from '../values/variant';
import { table, type BuiltinFunction } from './context';

export function isDateValue(v: Value): boolean {
  if (v instanceof VDate) return true;
  if (typeof v === 'string') return parseDate(v) !== undefined;
  return false;
}

export function typeName(v: Value): string {
  if (isVbsObject(v)) return (v as VbsObject).typeName ?? 'Object';
  return typeNameOf(v);
}

export function varType(v: Value): number {
  if (isVbsArray(v)) return VarType.Array | VarType.Variant;
  return subtypeOf(v);
}

export const inspectionFunctions: Map<string, BuiltinFunction> = table([
  ['IsArray', 1, 1, (_c, a) => isVbsArray(a[0])],
  ['IsDate', 1, 1, (_c, a) => isDateValue(a[0])],
  ['IsEmpty', 1, 1, (_c, a) => a[0] === undefined],
  ['IsNull', 1, 1, (_c, a) => a[0] === null],
  ['IsNumeric', 1, 1, (_c, a) => isNumericValue(a[0])],
  ['TypeName', 1, 1, (_c, a) => typeName(a[0])],
  ['VarType', 1, 1, (_c, a) => varType(a[0])],
]);
