/**
 * VBScript's built-in functions and constants, assembled from one module per family.
 * The core registers engine-level built-ins (Eval, Execute, GetRef, CreateObject, IsObject …)
 * in the same shape from its own module.
 */
import type { VbsObject } from '../objects/comObject';
import type { Value } from '../values/variant';
import { arrayFunctions } from './arrays';
import { constantTable } from './constants';
import type { BuiltinFunction } from './context';
import { conversionFunctions } from './conversions';
import { dateFunctions } from './dates';
import { createDictionary } from './dictionary';
import { engineInfoFunctions } from './engineInfo';
import { formattingFunctions } from './formatting';
import { inspectionFunctions } from './inspection';
import { interactionFunctions } from './interaction';
import { mathFunctions } from './math';
import { createRegExp } from './regexp';
import { stringFunctions } from './strings';

export type { BuiltinContext, BuiltinFunction } from './context';
export { callBuiltin } from './context';
export { createDictionary, Dictionary } from './dictionary';
export { createRegExp, RegExpObject } from './regexp';

function merge(...tables: ReadonlyMap<string, BuiltinFunction>[]): Map<string, BuiltinFunction> {
  const all = new Map<string, BuiltinFunction>();
  for (const t of tables) {
    for (const [k, v] of t) {
      if (all.has(k)) throw new Error(`builtin ${v.name} defined twice`);
      all.set(k, v);
    }
  }
  return all;
}

/** Lower-cased name → built-in function. */
export const builtinFunctions: ReadonlyMap<string, BuiltinFunction> = merge(
  stringFunctions,
  mathFunctions,
  conversionFunctions,
  dateFunctions,
  formattingFunctions,
  arrayFunctions,
  inspectionFunctions,
  engineInfoFunctions,
  interactionFunctions,
);

/** Lower-cased name → value of the vb* constants. */
export const builtinConstants: ReadonlyMap<string, Value> = constantTable;

/** Classes a script creates with `New` (lower-case name → factory). */
export const builtinClasses: ReadonlyMap<string, () => VbsObject> = new Map([['regexp', createRegExp]]);

/** ProgIDs every engine provides (ProgID as Windows spells it → factory; the registry matches case-insensitively). */
export const builtinProgIds: ReadonlyMap<string, () => VbsObject> = new Map<string, () => VbsObject>([
  ['VBScript.RegExp', createRegExp],
  ['Scripting.Dictionary', createDictionary],
]);
