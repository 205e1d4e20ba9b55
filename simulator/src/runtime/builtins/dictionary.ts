/**
 * Scripting.Dictionary (scrrun.dll), the associative array nearly every admin script uses.
 *
 * Key matching follows scrrun: strings compare exactly or — with CompareMode = vbTextCompare —
 * without regard to case; numbers of any subtype (Byte … Double, Date, Boolean) compare as
 * Singles, so 1, 1.0 and CLng(1) are one key; objects compare by identity; Empty matches an
 * existing Empty, numeric 0 or ""; 64-bit integers cannot be keys (error 5). Reading a missing
 * key through Item adds it with an Empty item, as Windows does (except during a
 * side-effect-free debugger evaluation). Stored keys and items are reference-counted through
 * the core's lifetime functions.
 */
import { raise, RuntimeError } from '../errors';
import { ComObject, MemberTable, inSideEffectFreeEvaluation, isComObject } from '../objects/comObject';
import { releaseValue, retainValue } from '../objects/lifetime';
import { VbsArray } from '../values/array';
import { deref, toStr } from '../values/coerce';
import { BoxedNumber, VLongLong, isVbsArray, makeLong, type Value } from '../values/variant';
import { intArg } from './args';
import { lcase } from './strings';

interface Entry {
  key: Value;
  item: Value;
}

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;
const scratch = new DataView(new ArrayBuffer(4));

function objectId(obj: object): number {
  let id = objectIds.get(obj);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(obj, id);
  }
  return id;
}

/** A COM method called with the wrong number of arguments (DISP_E_BADPARAMCOUNT): plain error 450. */
function arity(args: Value[], n: number): void {
  if (args.length !== n) raise(RuntimeError.WrongNumberOfArguments);
}

/** Runs a member after checking its argument count; members that return nothing give Empty. */
function withArity(n: number, fn: (args: Value[]) => Value | void): (args: Value[]) => Value {
  return (args) => {
    arity(args, n);
    const result: Value | void = fn(args);
    return result === undefined ? undefined : (result as Value);
  };
}

const table = new MemberTable<Dictionary>(
  {
    Add: { call: (d, args) => withArity(2, (a) => d.add(a[0], a[1]))(args) },
    Exists: { call: (d, args) => withArity(1, (a) => d.exists(a[0]))(args), pure: true },
    Item: {
      get: (d, args) => withArity(1, (a) => d.getItem(a[0]))(args),
      set: (d, args, value, isSet) => withArity(1, (a) => d.setItem(a[0], value, isSet))(args),
    },
    // Write-only, as in scrrun: `d.Key(old) = new`.
    Key: { set: (d, args, value) => withArity(1, (a) => d.renameKey(a[0], value))(args) },
    Items: { call: (d, args) => withArity(0, () => VbsArray.fromList(d.values().map((e) => e.item)))(args), pure: true },
    Keys: { call: (d, args) => withArity(0, () => VbsArray.fromList(d.values().map((e) => e.key)))(args), pure: true },
    Remove: { call: (d, args) => withArity(1, (a) => d.remove(a[0]))(args) },
    RemoveAll: { call: (d, args) => withArity(0, () => d.removeAll())(args) },
    Count: { get: (d) => makeLong(d.size) },
    CompareMode: {
      get: (d) => makeLong(d.compareMode),
      set: (d, _args, value) => d.setCompareMode(value),
    },
    HashVal: { call: (d, args) => withArity(1, (a) => makeLong(d.hashVal(a[0])))(args), pure: true },
  },
  { defaultMember: 'Item' },
);

export class Dictionary extends ComObject {
  private readonly entries = new Map<string, Entry>();
  compareMode = 0;

  constructor() {
    super(table, 'Dictionary');
  }

  get size(): number {
    return this.entries.size;
  }

  /** The identity of a key under the current compare mode ('e' for Empty, which matches more, see `find`). */
  private keyOf(key: Value): string {
    if (typeof key === 'string') return 's' + (this.compareMode === 0 ? key : lcase(key));
    if (typeof key === 'number') return 'n' + Math.fround(key);
    if (key === undefined) return 'e';
    if (key === null) return 'z';
    if (typeof key === 'boolean') return key ? 'n-1' : 'n0';
    if (key instanceof BoxedNumber) return 'n' + Math.fround(key.value);
    if (key instanceof VLongLong) return raise(RuntimeError.InvalidProcedureCall);
    if (isVbsArray(key)) return raise(RuntimeError.TypeMismatch);
    if (isComObject(key)) return 'o' + objectId(key);
    return raise(RuntimeError.TypeMismatch);
  }

  /** The stored identity `key` resolves to, or undefined. Empty and 0 / "" find each other. */
  private find(key: Value): string | undefined {
    const k = this.keyOf(key);
    if (this.entries.has(k)) return k;
    if (k === 'e') {
      for (const stored of this.entries.keys()) if (stored === 'n0' || stored === 's') return stored;
      return undefined;
    }
    if ((k === 'n0' || k === 's') && this.entries.has('e')) return 'e';
    return undefined;
  }

  values(): Entry[] {
    return [...this.entries.values()];
  }

  add(key: Value, item: Value): void {
    if (this.find(key) !== undefined) raise(RuntimeError.KeyAlreadyExists);
    retainValue(key);
    retainValue(item);
    this.entries.set(this.keyOf(key), { key, item });
  }

  exists(key: Value): boolean {
    return this.find(key) !== undefined;
  }

  getItem(key: Value): Value {
    const found = this.find(key);
    if (found !== undefined) return this.entries.get(found)!.item;
    if (!inSideEffectFreeEvaluation()) {
      retainValue(key);
      this.entries.set(this.keyOf(key), { key, item: undefined });
    }
    return undefined;
  }

  /** `d(k) = v` adds or replaces; without `Set` an object stands for its default value. */
  setItem(key: Value, value: Value, isSet: boolean): void {
    const v = isSet ? value : deref(value);
    const found = this.find(key);
    retainValue(v);
    if (found !== undefined) {
      const e = this.entries.get(found)!;
      const old = e.item;
      e.item = v;
      releaseValue(old);
    } else {
      retainValue(key);
      this.entries.set(this.keyOf(key), { key, item: v });
    }
  }

  /** `d.Key(old) = new`: the key must exist (32811) and the new one must not (457). */
  renameKey(oldKey: Value, newKey: Value): void {
    const oldK = this.find(oldKey);
    if (oldK === undefined) raise(RuntimeError.ElementNotFound);
    const e = this.entries.get(oldK)!;
    const existing = this.find(newKey);
    if (existing !== undefined && existing !== oldK) raise(RuntimeError.KeyAlreadyExists);
    const newK = this.keyOf(newKey);
    // Rebuild to keep the entry in its position (Keys() order is insertion order).
    const rebuilt = [...this.entries].map(([k, v]): [string, Entry] => (k === oldK ? [newK, { key: newKey, item: v.item }] : [k, v]));
    this.entries.clear();
    for (const [k, v] of rebuilt) this.entries.set(k, v);
    retainValue(newKey);
    releaseValue(e.key);
  }

  remove(key: Value): void {
    const k = this.find(key);
    if (k === undefined) raise(RuntimeError.ElementNotFound);
    const e = this.entries.get(k)!;
    this.entries.delete(k);
    releaseValue(e.key);
    releaseValue(e.item);
  }

  removeAll(): void {
    const all = this.values();
    this.entries.clear();
    for (const e of all) {
      releaseValue(e.key);
      releaseValue(e.item);
    }
  }

  setCompareMode(value: Value): void {
    const mode = intArg(deref(value));
    // scrrun refuses to change the comparison once there are keys.
    if (this.entries.size > 0) raise(RuntimeError.InvalidProcedureCall);
    this.compareMode = mode;
  }

  /** scrrun's HashVal (0…1200): strings by a shift-add hash, numbers by their Single's bits. */
  hashVal(key: Value): number {
    if (typeof key === 'string') {
      let h = 0;
      for (let i = 0; i < key.length; i++) {
        const ch = this.compareMode === 0 ? key.charCodeAt(i) : lcase(key[i]).charCodeAt(0);
        h = (h + (h << 4) + ch) >>> 0;
      }
      return h % 1201;
    }
    if (key === undefined || key === null) return 0;
    if (isComObject(key)) return objectId(key) % 1201;
    const k = this.keyOf(key); // validates (64-bit integers, arrays)
    scratch.setFloat32(0, Number(k.slice(1)));
    return scratch.getUint32(0) % 1201;
  }

  /** Live, like scrrun's enumerator: keys added during the loop are visited, removed ones skipped. */
  *enumerate(): Iterable<Value> {
    for (const e of this.entries.values()) yield e.key;
  }

  protected override finalRelease(): void {
    this.removeAll();
  }

  override inspect(): Array<{ name: string; value: Value }> {
    return this.values().map((e) => ({ name: safeKeyText(e.key), value: e.item }));
  }
}

function safeKeyText(key: Value): string {
  try {
    return isComObject(key) ? `[${key.typeName}]` : toStr(key);
  } catch {
    return '?';
  }
}

export function createDictionary(): Dictionary {
  return new Dictionary();
}
