/**
 * JScript values as a debugger shows them: display text, type (`typeof`), and children
 * behind handles that stay valid while the script is stopped. COM objects list their
 * API-declared properties (their `inspect()`), as the VBScript inspection does.
 */
import { isComObject } from '../../objects/comObject.js';
import { VbsArray } from '../../values/array.js';
import { VDate } from '../../values/variant.js';
import type { VariableInfo } from '../../debug/protocol.js';
import { VariableHandles } from '../../debug/inspection.js';
import { fromVariant } from '../hostValues.js';
import { numberToString, typeOf } from '../conversions.js';
import { dateToString, oleToTime } from '../dateMath.js';
import { JsFunction } from '../functions.js';
import { DONTENUM, JsArray, JsObject, type JsValue } from '../values.js';

export { VariableHandles };

export function displayText(v: JsValue): string {
  switch (typeof v) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return numberToString(v);
    case 'boolean':
      return String(v);
  }
  if (v === null) return 'null';
  if (v instanceof JsFunction) return `function ${v.name}()`;
  if (v instanceof JsArray) return `Array(${v.length})`;
  if (v instanceof JsObject) {
    if (v.cls === 'Date') return dateToString(v.primitive as number);
    if (v.cls === 'String' || v.cls === 'Number' || v.cls === 'Boolean') return `${v.cls}(${displayText(v.primitive)})`;
    if (v.cls === 'Error') {
      const d = v.get('description');
      return `${String(v.get('name'))}: ${typeof d === 'string' ? d : ''}`;
    }
    return `[object ${v.cls}]`;
  }
  if (v instanceof VDate) return dateToString(oleToTime(v.value));
  if (v instanceof VbsArray) return `VBArray(${v.upperBounds.map((u) => `0 to ${u}`).join(', ')})`;
  if (isComObject(v)) return v.typeName;
  return String(v);
}

export function describeValue(name: string, v: JsValue, handles: VariableHandles): VariableInfo {
  let variablesReference = 0;
  if (v instanceof JsObject && !(v instanceof JsFunction)) {
    const o = v;
    variablesReference = handles.add(() => objectMembers(o, handles));
  } else if (v instanceof VbsArray && v.data.length > 0) {
    const a = v;
    variablesReference = handles.add(() => a.enumerationOrder().map((e, i) => describeValue(`[${i}]`, fromVariant(e), handles)));
  } else if (isComObject(v) && v.inspect) {
    const inspect = v.inspect.bind(v);
    variablesReference = handles.add(() => inspect().map((m) => describeValue(m.name, fromVariant(m.value), handles)));
  }
  let type = typeOf(v);
  if (v instanceof JsObject && !(v instanceof JsFunction)) type = v.cls;
  else if (isComObject(v)) type = v.typeName;
  return { name, value: displayText(v), type, variablesReference };
}

function objectMembers(o: JsObject, handles: VariableHandles): VariableInfo[] {
  const out: VariableInfo[] = [];
  for (const key of o.ownKeys()) {
    if ((o.attributes(key) & DONTENUM) !== 0 && !(o.cls === 'Error')) continue;
    out.push(describeValue(key, o.get(key), handles));
  }
  if (o instanceof JsArray) out.push(describeValue('length', o.length, handles));
  return out;
}
