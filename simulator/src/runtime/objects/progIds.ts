/**
 * The `CreateObject`/`GetObject` registry: ProgID → factory. Case-insensitive, and a
 * versioned ProgID (`Msxml2.XMLHTTP.3.0`) falls back to its unversioned base
 * (`Msxml2.XMLHTTP`) when only that is registered. Hosts register what their scripts may
 * create; anything else raises 429 naming the ProgID, so a script cannot instantiate
 * arbitrary things.
 */
import { raise, RuntimeError } from '../errors.js';

/** Creates the object; may return a VbsObject or a plain JS object (wrapped at the boundary). */
export type ObjectFactory = () => unknown;
/** `GetObject(pathName, progId)`. */
export type ObjectGetter = (pathName: string, progId: string | undefined) => unknown;

export class ProgIdRegistry {
  private readonly factories = new Map<string, ObjectFactory>();
  private getter: ObjectGetter | null = null;

  register(progId: string, factory: ObjectFactory): this {
    this.factories.set(progId.toLowerCase(), factory);
    return this;
  }

  unregister(progId: string): void {
    this.factories.delete(progId.toLowerCase());
  }

  /** Handles `GetObject` (none by default: 429). */
  setGetObject(getter: ObjectGetter | null): void {
    this.getter = getter;
  }

  has(progId: string): boolean {
    return this.lookup(progId) !== undefined;
  }

  lookup(progId: string): ObjectFactory | undefined {
    let key = progId.trim().toLowerCase();
    for (;;) {
      const factory = this.factories.get(key);
      if (factory) return factory;
      // Strip one trailing version component (".3.0" → ".3" → "").
      const m = /^(.*)\.\d+$/.exec(key);
      if (!m) return undefined;
      key = m[1];
    }
  }

  create(progId: string): unknown {
    const factory = this.lookup(progId);
    if (!factory) return raise(RuntimeError.CantCreateObject, progId);
    return factory();
  }

  get(pathName: string, progId: string | undefined): unknown {
    if (!this.getter) return raise(RuntimeError.CantCreateObject, progId ?? pathName);
    return this.getter(pathName, progId);
  }
}

