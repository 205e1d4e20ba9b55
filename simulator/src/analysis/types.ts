/**
 * The static types the analysis can know about a VBScript expression.
 *
 * VBScript itself has one type, Variant; these are what we can prove about the value inside it.
 * Anything we cannot prove is `unknown`, and an unknown object never produces member diagnostics:
 * a false "unknown member" on valid code is worse than a missed one.
 */

export type VbType =
  /** Nothing is known: a Variant. */
  | { readonly kind: 'unknown' }
  /** A scalar: String, Long, Boolean, Double, Date, Empty, Null ... */
  | { readonly kind: 'primitive'; readonly name: string }
  /** The `Nothing` literal: a valid right-hand side of `Set`, compatible with any object type. */
  | { readonly kind: 'nothing' }
  /** An hMailServer COM object of this interface (canonical spelling). */
  | { readonly kind: 'com'; readonly iface: string }
  /** Another COM object (FileSystemObject, RegExp ...): known to be an object, members unknown here. */
  | { readonly kind: 'external'; readonly progId: string }
  /** An instance of a Class declared in the script. */
  | { readonly kind: 'class'; readonly name: string; readonly key: string };

export const UNKNOWN: VbType = { kind: 'unknown' };
export const NOTHING: VbType = { kind: 'nothing' };

const primitives = new Map<string, VbType>();
export function primitive(name: string): VbType {
  let t = primitives.get(name);
  if (!t) {
    t = { kind: 'primitive', name };
    primitives.set(name, t);
  }
  return t;
}

export const comType = (iface: string): VbType => ({ kind: 'com', iface });

/** True when the value is certainly an object (so a plain `=` assignment of it is an error). */
export function isObjectType(t: VbType): boolean {
  return t.kind === 'com' || t.kind === 'external' || t.kind === 'class';
}

export function sameType(a: VbType, b: VbType): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'primitive':
      return a.name === (b as typeof a).name;
    case 'com':
      return a.iface.toLowerCase() === (b as typeof a).iface.toLowerCase();
    case 'external':
      return a.progId.toLowerCase() === (b as typeof a).progId.toLowerCase();
    case 'class':
      return a.key === (b as typeof a).key;
    default:
      return true;
  }
}

/**
 * The type of a variable given every value assigned to it: agreeing assignments keep their type,
 * `Nothing` agrees with any object type (it is how scripts release objects), anything else is unknown.
 */
export function joinTypes(types: readonly VbType[]): VbType {
  let result: VbType | undefined;
  for (const t of types) {
    if (t.kind === 'nothing') continue;
    if (t.kind === 'unknown') return UNKNOWN;
    if (!result) result = t;
    else if (!sameType(result, t)) return UNKNOWN;
  }
  return result ?? UNKNOWN;
}

/** How a type reads in hover text and completion details. */
export function typeLabel(t: VbType): string {
  switch (t.kind) {
    case 'unknown':
      return 'Variant';
    case 'primitive':
      return t.name;
    case 'nothing':
      return 'Nothing';
    case 'com':
      return t.iface;
    case 'external':
      return t.progId;
    case 'class':
      return t.name;
  }
}
