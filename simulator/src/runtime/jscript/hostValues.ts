/**
 * Variant → JScript value, as jscript.dll converts what COM hands it: numbers of every
 * subtype become numbers, Empty `undefined`, Null and Nothing `null`; VT_DATE and SAFEARRAY
 * values stay what they are (typeof "date" / "unknown") until `new Date(x)` or `VBArray`
 * converts them. A script object that went out to COM comes back as itself.
 */
import { Nothing } from '../objects/comObject.js';
import { VbsArray } from '../values/array.js';
import { BoxedNumber, VDate, VErrorValue, VLongLong, DISP_E_PARAMNOTFOUND, type Value } from '../values/variant.js';
import type { JsObject, JsValue } from './values.js';

export function fromVariant(v: Value): JsValue {
  if (typeof v !== 'object' || v === null) return v as JsValue;
  if (v instanceof VDate) return v;
  if (v instanceof VErrorValue) return v.value === DISP_E_PARAMNOTFOUND ? undefined : v.value;
  if (v instanceof BoxedNumber) return v.value;
  if (v instanceof VLongLong) return Number(v.value);
  if (v instanceof VbsArray) return v;
  if (v === Nothing) return null;
  const target = (v as { jsTarget?: JsObject }).jsTarget;
  if (target !== undefined) return target;
  return v as JsValue;
}
