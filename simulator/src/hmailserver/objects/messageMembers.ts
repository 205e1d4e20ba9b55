/**
 * Small building blocks shared by the Message, Attachments, Recipients and MessageHeaders
 * objects: argument checks and the errors hMailServer's COM layer returns.
 */
import { raise, RuntimeError } from '../../runtime/errors';
import { HostError, isComObject, type MemberDefinition } from '../../runtime/objects/comObject';
import { toLong } from '../../runtime/values/coerce';
import { makeLong, type Value } from '../../runtime/values/variant';

/** MAKE_HRESULT(1, FACILITY_ITF, 1001): what COMError::GenerateError returns. */
export const HM_COM_ERROR = 0x800403e9 | 0;
export const HM_COM_SOURCE = 'hMailServer COM library';

/** COMError::GenerateError(text): Err.Number -2147220503, Err.Source "hMailServer COM library". */
export function comError(description: string): never {
  throw new HostError(HM_COM_ERROR, description, HM_COM_SOURCE);
}

/** What every member of a wrapper around no object returns (InterfaceMessage::GetAccessDenied). */
export function accessDenied(): never {
  return comError('You do not have access to this property / method. Ensure that hMailServer.Application.Authenticate() is called with proper login credentials.');
}

/** DISP_E_BADINDEX: VBScript reports it as error 9 "Subscript out of range". */
export function badIndex(): never {
  return raise(RuntimeError.SubscriptOutOfRange);
}

/** COM's DISP_E_BADPARAMCOUNT, which VBScript reports as 450. */
export function expectArgs(args: readonly Value[], count: number): void {
  if (args.length !== count) raise(RuntimeError.WrongNumberOfArguments);
}

/** A zero-based collection index as the server takes it (`long`; negative never matches). */
export function indexArg(v: Value, count: number): number {
  const i = toLong(v);
  if (i < 0 || i >= count) badIndex();
  return i;
}

/**
 * A read-only property without parameters. Arguments given anyway go to the default member of
 * the object it returns, as OLE Automation's ITypeInfo::Invoke does: that is what makes
 * `oMessage.Recipients(0)` and `oMessage.Attachments(i)` work on the server.
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

/** A VBScript Long (what IDL `long` properties give `TypeName`). */
export function long(n: number): Value {
  return makeLong(n | 0);
}
