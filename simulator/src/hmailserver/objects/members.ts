/**
 * Building blocks for implementation tables: typed fields (a COM property backed by a row
 * field), argument checks, and the errors the server's COM layer raises.
 *
 * Values cross as hMailServer's IDL types do: Long properties read back as VBScript Long
 * (`TypeName(oClient.Port)` is "Long"), Boolean as Boolean, Single as Single, dates as Date;
 * writes coerce like VariantChangeType would (CLng/CBool/CStr/CDate, with their errors).
 */
import { raise, RuntimeError } from '../../runtime/errors';
import { HostError, isComObject, type MemberDefinition } from '../../runtime/objects/comObject';
import { toBool, toDateNumber, toLong, toNumber, toStr } from '../../runtime/values/coerce';
import { dateToParts, partsToDate } from '../../runtime/values/dateText';
import { makeLong, VDate, VSingle, type Value } from '../../runtime/values/variant';
import { E_NOTIMPL, type Implementation } from '../apiObject';
import type { Scalar } from '../server/types';

/** Where a field member reads and writes: the object's row (or snapshot). */
export interface FieldHost {
  readField(name: string): Scalar;
  writeField(name: string, value: Scalar): void;
}

/**
 * `string`, `long`, `bool`, `single` as their IDL types; `date` is a VT_DATE property whose
 * row holds the server's text form "YYYY-MM-DD hh:mm:ss".
 */
export type FieldKind = 'string' | 'long' | 'bool' | 'single' | 'date';

/** A field spec: its kind, read-only with `'read'`. */
export type FieldSpec = FieldKind | readonly [FieldKind, 'read'];

export function toScriptValue(kind: FieldKind, v: Scalar): Value {
  const CONVERT: Record<FieldKind, (x: Scalar) => Value> = {
    string: (x) => String(x),
    long: (x) => makeLong(Number(x) | 0),
    bool: (x) => x === true,
    single: (x) => new VSingle(Math.fround(Number(x))),
    date: (x) => new VDate(textToOleDate(String(x))),
  };
  return CONVERT[kind](v);
}

export function fromScriptValue(kind: FieldKind, v: Value): Scalar {
  const CONVERT: Record<FieldKind, (x: Value) => Scalar> = {
    string: toStr,
    long: toLong,
    bool: toBool,
    single: (x) => Math.fround(toNumber(x)),
    date: (x) => oleDateToText(toDateNumber(x)),
  };
  return CONVERT[kind](v);
}

/** Members for a table of fields: property name (= row field name) → kind. */
export function fieldMembers<T extends FieldHost>(specs: Readonly<Record<string, FieldSpec>>): Implementation<T> {
  const out: Implementation<T> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const [kind, access] = typeof spec === 'string' ? [spec, 'readwrite'] : spec;
    const member: MemberDefinition<T> = { get: (self, args) => (expectArgs(args, 0), toScriptValue(kind, self.readField(name))) };
    if (access !== 'read') member.set = (self, args, value) => (expectArgs(args, 0), self.writeField(name, fromScriptValue(kind, value)));
    out[name] = member;
  }
  return out;
}

/**
 * A read-only property computed from the object. Arguments given anyway go to the default
 * member of the object it returns, as OLE Automation's ITypeInfo::Invoke does: that is what
 * makes `oApp.Domains(0)` and `oDomain.Accounts(i)` work like `oMessage.Recipients(0)`.
 */
export function getter<T>(fn: (self: T) => Value): MemberDefinition<T> {
  return {
    get: (self, args) => {
      const v = fn(self);
      if (args.length === 0) return v;
      if (isComObject(v)) return v.getDefault(args);
      return raise(RuntimeError.WrongNumberOfArguments);
    },
  };
}

/** A method taking exactly `arity` arguments; the result is Empty unless `fn` returns one. */
export function method<T>(arity: number, fn: (self: T, args: Value[]) => Value | void): MemberDefinition<T> {
  return {
    call: (self, args) => {
      expectArgs(args, arity);
      const r = fn(self, args);
      return r === undefined ? undefined : r;
    },
  };
}

/** COM's DISP_E_BADPARAMCOUNT, which VBScript reports as 450. */
export function expectArgs(args: readonly Value[], count: number): void {
  if (args.length !== count) raise(RuntimeError.WrongNumberOfArguments);
}

/** DISP_E_BADINDEX from a collection (bad index, ItemByName miss): VBScript error 9. */
export function subscriptOutOfRange(): never {
  return raise(RuntimeError.SubscriptOutOfRange);
}

/** What COMError::GenerateError returns: MAKE_HRESULT(1, FACILITY_ITF, 1001), Err.Number -2147220503. */
export const HMAILSERVER_COM_ERROR = 0x800403e9 | 0;
export const HMAILSERVER_COM_SOURCE = 'hMailServer COM library';

export const ACCESS_DENIED_TEXT =
  'You do not have access to this property / method. Ensure that hMailServer.Application.Authenticate() is called with proper login credentials.';

/** COMAuthentication::GetAccessDenied. */
export function accessDenied(): never {
  throw new HostError(HMAILSERVER_COM_ERROR, ACCESS_DENIED_TEXT, HMAILSERVER_COM_SOURCE);
}

/** A server-side failure worded as the COM layer words it (e.g. "Failed to save object. …"). */
export function comError(text: string): never {
  throw new HostError(HMAILSERVER_COM_ERROR, text, HMAILSERVER_COM_SOURCE);
}

/** The error of a declared member hmailsim does not model, for members that need a check first. */
export function notSimulated(interfaceName: string, memberName: string, why?: string): never {
  const reason = why ? ` (${why})` : ' (hmailsim does not model this member)';
  throw new HostError(E_NOTIMPL, `Not simulated: ${interfaceName}.${memberName}${reason}`, 'hMailServer');
}

/**
 * Members that exist in a table only to check rights (or to serve one direction) before they
 * raise "Not simulated": the coverage report lists them as partial, not as simulated.
 */
const partialMembers = new WeakSet<object>();

export function partial<T>(member: MemberDefinition<T>): MemberDefinition<T> {
  partialMembers.add(member);
  return member;
}

export function isPartial(member: object): boolean {
  return partialMembers.has(member);
}

// ------------------------------------------------------------------ dates

/** "YYYY-MM-DD hh:mm:ss" → OLE date (wall-clock, no time zone). Malformed text gives 0 (1899-12-30). */
export function textToOleDate(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!m) return 0;
  const n = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  return partsToDate(n[0], n[1], n[2], n[3], n[4], n[5]);
}

export function oleDateToText(days: number): string {
  const p = dateToParts(days);
  const two = (x: number) => String(x).padStart(2, '0');
  return `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}
