/**
 * Values as the Variables view shows them: one line of text, a type, and children behind a
 * handle — hMailServer objects by the properties the API declares (for the run's version),
 * collections by index, arrays by element (paged: VS Code asks for slices), Dictionaries as
 * key → item, class instances by field. Every child carries an `evaluateName`, so "Add to
 * Watch" and "Set Value" work. Children are computed when the parent is expanded, never
 * before, and always without side effects (no user code, no property setters, no auto-add).
 */
import {
  ClassInstance,
  Dictionary,
  displayText,
  getInterface,
  isComObject,
  membersOf,
  Ref,
  toLong,
  typeName,
  VbsArray,
  VbsRuntimeError,
  withoutSideEffects,
  type ServerVersion,
  type VbsObject,
} from '../index';
import type { Value } from '../runtime/values/variant';
import type { VariablesFilter, WorkerVariable } from './workerProtocol';

/** A container of children: named ones, and (for arrays and collections) indexed ones fetched by slice. */
export interface Container {
  /** The frame evaluations and assignments of its children run in. */
  frameIndex: number;
  named(): WorkerVariable[];
  indexed?: { count: number; slice(start: number, count: number): WorkerVariable[] };
}

/** Handles of one stop: valid until the script resumes (then the next stop starts afresh). */
export class Handles {
  private readonly containers: Container[] = [];

  add(container: Container): number {
    this.containers.push(container);
    return this.containers.length;
  }

  get(handle: number): Container | undefined {
    return this.containers[handle - 1];
  }

  children(handle: number, filter?: VariablesFilter, start = 0, count?: number): WorkerVariable[] {
    const c = this.get(handle);
    if (!c) return [];
    const named = filter === 'indexed' ? [] : c.named();
    if (!c.indexed || filter === 'named') return named;
    const n = count === undefined || count === 0 ? c.indexed.count - start : Math.min(count, c.indexed.count - start);
    return [...named, ...c.indexed.slice(start, Math.max(0, n))];
  }
}

function safeTypeName(v: Value): string {
  try {
    return typeName(v);
  } catch {
    return 'Object';
  }
}

function errorText(e: unknown): string {
  if (e instanceof VbsRuntimeError) return `<error ${e.number}: ${e.description}>`;
  return `<${e instanceof Error ? e.message : String(e)}>`;
}

/** A VBScript literal for a Dictionary key, so `d("key")` in a watch reads the same entry. */
function keyLiteral(key: Value): string | undefined {
  if (typeof key === 'string') return `"${key.replace(/"/g, '""')}"`;
  if (typeof key === 'number' || typeof key === 'boolean') return displayText(key);
  return undefined;
}

function member(parent: string | undefined, name: string): string | undefined {
  return parent === undefined ? undefined : `${parent}.${name}`;
}

function indexed(parent: string | undefined, index: string): string | undefined {
  return parent === undefined ? undefined : `${parent}(${index})`;
}

/** Builds variables for one stop; objects are read for the run's hMailServer version. */
export class ValuePresenter {
  constructor(
    readonly handles: Handles,
    private readonly version: ServerVersion,
    /** Values of another language met inside COM objects (a JScript object stored in a Dictionary): shown its way. */
    private readonly foreign?: (name: string, raw: unknown, frameIndex: number, evaluateName: string | undefined) => WorkerVariable | undefined,
  ) {}

  describe(name: string, raw: unknown, frameIndex: number, evaluateName: string | undefined): WorkerVariable {
    if (this.foreign !== undefined) {
      const shown = this.foreign(name, raw, frameIndex, evaluateName);
      if (shown !== undefined) return shown;
    }
    const v = (raw instanceof Ref ? raw.get() : raw) as Value;
    const out: WorkerVariable = { name, value: displayText(v), type: safeTypeName(v), variablesReference: 0 };
    if (evaluateName !== undefined) out.evaluateName = evaluateName;
    if (v instanceof VbsArray) {
      if (v.data.length > 0) {
        out.variablesReference = this.handles.add(this.arrayContainer(v, frameIndex, evaluateName));
        out.indexedVariables = v.data.length;
      }
    } else if (isComObject(v) && v.typeName !== 'Nothing') {
      const container = this.objectContainer(v, frameIndex, evaluateName);
      if (container) {
        out.variablesReference = this.handles.add(container);
        if (container.indexed) out.indexedVariables = container.indexed.count;
        if (v instanceof Dictionary) out.value = `Dictionary (${v.values().length} items)`;
      }
    }
    return out;
  }

  private arrayContainer(a: VbsArray, frameIndex: number, parent: string | undefined): Container {
    const ub = a.upperBounds;
    const indexAt = (offset: number): number[] => {
      // Row-major storage: the last index varies fastest.
      const idx = new Array<number>(ub.length);
      for (let d = ub.length - 1; d >= 0; d--) {
        idx[d] = offset % (ub[d] + 1);
        offset = Math.floor(offset / (ub[d] + 1));
      }
      return idx;
    };
    return {
      frameIndex,
      named: () => [],
      indexed: {
        count: a.data.length,
        slice: (start, count) => {
          const out: WorkerVariable[] = [];
          for (let i = start; i < start + count && i < a.data.length; i++) {
            const index = indexAt(i).join(', ');
            out.push(this.describe(`(${index})`, a.data[i], frameIndex, indexed(parent, index)));
          }
          return out;
        },
      },
    };
  }

  private objectContainer(o: VbsObject, frameIndex: number, parent: string | undefined): Container | undefined {
    if (o instanceof Dictionary) {
      return {
        frameIndex,
        named: () =>
          o.values().map((e) => {
            const literal = keyLiteral(e.key);
            const label = literal ?? (isComObject(e.key) ? `[${e.key.typeName}]` : displayText(e.key));
            return this.describe(label, e.item, frameIndex, literal === undefined ? undefined : indexed(parent, literal));
          }),
      };
    }
    if (o instanceof ClassInstance) {
      const fields = [...o.definition.fields.values()];
      const values = o.inspect();
      return {
        frameIndex,
        // Private fields are shown too (the debugger sees inside), but only public ones can be named from outside.
        named: () => values.map((f, i) => this.describe(f.name, f.value, frameIndex, fields[i]?.isPublic ? member(parent, f.name) : undefined)),
      };
    }
    const api = getInterface(o.typeName);
    if (api) return this.apiContainer(o, api.name, frameIndex, parent);
    if (o.inspect) {
      const inspect = o.inspect.bind(o);
      return { frameIndex, named: () => inspect().map((m) => this.describe(m.name, m.value, frameIndex, member(parent, m.name))) };
    }
    return undefined;
  }

  /** An hMailServer object: the readable, argument-free properties its interface declares; a collection's items by index. */
  private apiContainer(o: VbsObject, interfaceName: string, frameIndex: number, parent: string | undefined): Container {
    const api = getInterface(interfaceName)!;
    const read = (name: string, args: Value[]): { value?: Value; error?: string } => {
      try {
        return { value: withoutSideEffects(() => o.getProperty(name, args)) };
      } catch (e) {
        return { error: errorText(e) };
      }
    };
    const properties = membersOf(interfaceName, this.version).filter((m) => m.kind === 'property' && m.readable && !m.indexed);
    const container: Container = {
      frameIndex,
      named: () =>
        properties.map((m) => {
          const r = read(m.name, []);
          if (r.error !== undefined) return { name: m.name, value: r.error, type: m.type, variablesReference: 0 };
          const v = this.describe(m.name, r.value, frameIndex, member(parent, m.name));
          if (!m.writable) v.readOnly = true;
          return v;
        }),
    };
    const collection = api.collection;
    if (collection) {
      const count = read(collection.countMember, []);
      let n = 0;
      try {
        n = count.error === undefined ? Math.max(0, toLong(count.value)) : 0;
      } catch {
        // A count that is not a number: show no items rather than fail the whole object.
      }
      container.indexed = {
        count: n,
        slice: (start, length) => {
          const out: WorkerVariable[] = [];
          for (let i = start; i < start + length && i < n; i++) {
            const r = read('Item', [i]);
            const evaluateName = collection.itemIsDefault ? indexed(parent, String(i)) : member(parent, `Item(${i})`);
            out.push(r.error !== undefined ? { name: `(${i})`, value: r.error, type: collection.itemType, variablesReference: 0 } : this.describe(`(${i})`, r.value, frameIndex, evaluateName));
          }
          return out;
        },
      };
    }
    return container;
  }
}
