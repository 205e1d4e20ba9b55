/**
 * JScript values as the Variables view shows them: primitives as JScript writes them, objects
 * by their own enumerable properties, arrays by element (paged), functions without children.
 * COM objects (oMessage, Result, a Dictionary …) are shown exactly as in a VBScript session —
 * through `ValuePresenter` — and a script object that went out to COM and came back (a JScript
 * object stored in a Dictionary) as the script object it is. Every child carries a JScript
 * `evaluateName` (`o.name`, `o["odd key"]`, `a[3]`) for "Add to Watch" and "Set Value".
 */
import { JS_DONTENUM, JsArray, jsDisplayText, JsFunction, JsObject, jsTypeOf, withoutSideEffects, type JsValue, type ServerVersion } from '../index';
import { Handles, ValuePresenter, type Container } from './values';
import type { WorkerVariable } from './workerProtocol';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `parent.key`, or `parent["key"]` when the key is no identifier. */
export function jsMember(parent: string | undefined, key: string): string | undefined {
  if (parent === undefined) return undefined;
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

function isIndexKey(key: string, length: number): boolean {
  const n = Number(key);
  return Number.isInteger(n) && n >= 0 && n < length && String(n) === key;
}

/** The script object behind a COM wrapper of one (`JsDispatch`), if `v` is one. */
function scriptObjectBehind(v: unknown): JsObject | undefined {
  const target = typeof v === 'object' && v !== null ? (v as { jsTarget?: unknown }).jsTarget : undefined;
  return target instanceof JsObject ? target : undefined;
}

/** Reads a property without running anything the user wrote. */
function read(o: JsObject, key: string): { value?: JsValue; error?: string } {
  try {
    return { value: withoutSideEffects(() => o.get(key)) };
  } catch (e) {
    return { error: `<${e instanceof Error ? e.message : String(e)}>` };
  }
}

export class JsValuePresenter {
  private readonly com: ValuePresenter;

  constructor(
    readonly handles: Handles,
    version: ServerVersion,
  ) {
    this.com = new ValuePresenter(handles, version, (name, raw, frameIndex, evaluateName) => {
      const target = scriptObjectBehind(raw);
      return target === undefined ? undefined : this.describe(name, target, frameIndex, evaluateName);
    });
  }

  describe(name: string, v: JsValue, frameIndex: number, evaluateName: string | undefined): WorkerVariable {
    if (v instanceof JsObject) return this.object(name, v, frameIndex, evaluateName);
    // COM objects, VT_DATE and SAFEARRAY values: as VBScript shows them.
    if (typeof v === 'object' && v !== null) {
      const target = scriptObjectBehind(v);
      if (target !== undefined) return this.object(name, target, frameIndex, evaluateName);
      return this.com.describe(name, v, frameIndex, evaluateName);
    }
    const out: WorkerVariable = { name, value: jsDisplayText(v), type: jsTypeOf(v), variablesReference: 0 };
    if (evaluateName !== undefined) out.evaluateName = evaluateName;
    return out;
  }

  private object(name: string, o: JsObject, frameIndex: number, evaluateName: string | undefined): WorkerVariable {
    const out: WorkerVariable = { name, value: safeDisplay(o), type: o instanceof JsFunction ? 'function' : o.cls, variablesReference: 0 };
    if (evaluateName !== undefined) out.evaluateName = evaluateName;
    if (o instanceof JsFunction) return out;
    // Error objects keep their description and number in non-enumerable properties: shown all the same.
    const keys = o.ownKeys().filter((k) => o.cls === 'Error' || (o.attributes(k) & JS_DONTENUM) === 0);
    const length = o instanceof JsArray ? o.length : 0;
    const named = length > 0 ? keys.filter((k) => !isIndexKey(k, length)) : keys;
    if (named.length === 0 && length === 0) return out;
    const container: Container = { frameIndex, named: () => named.map((k) => this.property(o, k, frameIndex, evaluateName)) };
    if (o instanceof JsArray && length > 0) {
      container.indexed = {
        count: length,
        slice: (start, count) => {
          const items: WorkerVariable[] = [];
          for (let i = start; i < start + count && i < length; i++) {
            items.push(this.describe(`[${i}]`, o.getIndex(i), frameIndex, evaluateName === undefined ? undefined : `${evaluateName}[${i}]`));
          }
          return items;
        },
      };
      out.indexedVariables = length;
    }
    out.variablesReference = this.handles.add(container);
    return out;
  }

  private property(o: JsObject, key: string, frameIndex: number, parent: string | undefined): WorkerVariable {
    const r = read(o, key);
    if (r.error !== undefined) return { name: key, value: r.error, type: '', variablesReference: 0 };
    return this.describe(key, r.value, frameIndex, jsMember(parent, key));
  }
}

function safeDisplay(v: JsValue): string {
  try {
    return jsDisplayText(v);
  } catch {
    return '[object]';
  }
}
