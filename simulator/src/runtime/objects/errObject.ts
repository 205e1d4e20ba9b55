/**
 * The `Err` object: the last error trapped under `On Error Resume Next`, and `Err.Raise`.
 */
import { hasRuntimeErrorText, runtimeErrorText, RUNTIME_ERROR_SOURCE, VbsRuntimeError, raise, RuntimeError } from '../errors.js';
import { toLong, toStr } from '../values/coerce.js';
import { MissingArgumentValue, type Value } from '../values/variant.js';
import { ComObject, MemberTable } from './comObject.js';

/** An error raised by `Err.Raise`, carrying the help fields the script supplied. */
export class RaisedError extends VbsRuntimeError {
  constructor(
    number: number,
    description: string,
    source: string,
    readonly helpFile: string,
    readonly helpContext: number,
  ) {
    super(number, description, source);
    this.name = 'RaisedError';
  }
}

function given(args: Value[], i: number): boolean {
  return i < args.length && args[i] !== MissingArgumentValue;
}

const table = new MemberTable<ErrObject>(
  {
    Number: {
      get: (e) => e.number,
      set: (e, _args, v) => {
        e.number = toLong(v);
      },
    },
    Description: {
      get: (e) => e.description,
      set: (e, _args, v) => {
        e.description = toStr(v);
      },
    },
    Source: {
      get: (e) => e.source,
      set: (e, _args, v) => {
        e.source = toStr(v);
      },
    },
    HelpFile: {
      get: (e) => e.helpFile,
      set: (e, _args, v) => {
        e.helpFile = toStr(v);
      },
    },
    HelpContext: {
      get: (e) => e.helpContext,
      set: (e, _args, v) => {
        e.helpContext = toLong(v);
      },
    },
    Clear: {
      call: (e) => {
        e.clear();
        return undefined;
      },
    },
    Raise: {
      call: (e, args) => e.raise(args),
    },
  },
  { defaultMember: 'Number' },
);

export class ErrObject extends ComObject {
  number = 0;
  description = '';
  source = '';
  helpFile = '';
  helpContext = 0;

  constructor() {
    super(table, 'ErrObject');
  }

  clear(): void {
    this.number = 0;
    this.description = '';
    this.source = '';
    this.helpFile = '';
    this.helpContext = 0;
  }

  /** Records a trapped error (On Error Resume Next). */
  setFrom(error: VbsRuntimeError): void {
    this.number = error.number;
    // Err.Description holds the bare text ("Object doesn't support this property or method");
    // only the host's error report names the item (Windows' own tests and Wine agree).
    this.description = error.plainDescription;
    this.source = error.source;
    this.helpFile = error instanceof RaisedError ? error.helpFile : '';
    this.helpContext = error instanceof RaisedError ? error.helpContext : 0;
  }

  /** `Err.Raise number[, source[, description[, helpfile[, helpcontext]]]]`. */
  raise(args: Value[]): never {
    if (!given(args, 0)) raise(RuntimeError.ArgumentNotOptional, 'Raise');
    if (args.length > 5) raise(RuntimeError.WrongNumberOfArguments, 'Raise');
    const number = toLong(args[0]);
    // Like vbscript.dll: omitted fields keep what Err already holds for the same number, else defaults.
    const description = given(args, 2)
      ? toStr(args[2])
      : hasRuntimeErrorText(number)
        ? runtimeErrorText(number)
        : this.number === number && this.description !== ''
          ? this.description
          : runtimeErrorText(number);
    const source = given(args, 1) ? toStr(args[1]) : RUNTIME_ERROR_SOURCE;
    const helpFile = given(args, 3) ? toStr(args[3]) : '';
    const helpContext = given(args, 4) ? toLong(args[4]) : 0;
    const error = new RaisedError(number, description, source, helpFile, helpContext);
    this.setFrom(error);
    throw error;
  }
}
