/**
 * Values as a debugger shows them: display text, type, and children (object members,
 * array elements) behind numeric handles that stay valid while the script is stopped.
 */
import { typeName } from '../builtins/inspection.js';
import { Ref } from '../references.js';
import { isComObject } from '../objects/comObject.js';
import { VbsArray } from '../values/array.js';
import { toStr } from '../values/coerce.js';
import type { Value } from '../values/variant.js';
import type { VariableInfo } from './protocol.js';

export class VariableHandles {
  private readonly children: Array<() => VariableInfo[]> = [];

  /** Registers a lazily computed child list; returns its handle (never 0). */
  add(list: () => VariableInfo[]): number {
    this.children.push(list);
    return this.children.length;
  }

  get(handle: number): VariableInfo[] {
    const list = this.children[handle - 1];
    return list ? list() : [];
  }
}

/** How a debugger shows a value in one line (strings quoted as VBScript writes them). */
export function displayText(v: Value): string {
  if (v === undefined) return 'Empty';
  if (v === null) return 'Null';
  if (typeof v === 'string') return `"${v.replace(/"/g, '""')}"`;
  if (v instanceof VbsArray) return `Variant(${v.upperBounds.map((ub) => `0 to ${ub}`).join(', ')})`;
  if (isComObject(v)) return v.typeName;
  try {
    return toStr(v);
  } catch {
    return String(v);
  }
}

export function describeValue(name: string, raw: unknown, handles: VariableHandles): VariableInfo {
  const v = (raw instanceof Ref ? raw.get() : raw) as Value;
  let variablesReference = 0;
  if (v instanceof VbsArray && v.data.length > 0) {
    variablesReference = handles.add(() => arrayElements(v, handles));
  } else if (isComObject(v) && v.inspect) {
    const inspect = v.inspect.bind(v);
    variablesReference = handles.add(() => inspect().map((m) => describeValue(m.name, m.value, handles)));
  }
  let type: string;
  try {
    type = typeName(v);
  } catch {
    type = 'Object';
  }
  return { name, value: displayText(v), type, variablesReference };
}

function arrayElements(a: VbsArray, handles: VariableHandles): VariableInfo[] {
  const ub = a.upperBounds;
  const out: VariableInfo[] = [];
  const idx = new Array<number>(ub.length).fill(0);
  // Row-major storage: the last index varies fastest.
  for (let offset = 0; offset < a.data.length; offset++) {
    out.push(describeValue(`(${idx.join(', ')})`, a.data[offset], handles));
    for (let d = ub.length - 1; d >= 0; d--) {
      if (++idx[d] <= ub[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}
