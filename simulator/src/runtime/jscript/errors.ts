/**
 * JScript run-time errors: the numbers and English texts jscript.dll 5.8 reports, which
 * ES3 constructor (TypeError, RangeError …) each becomes when a script catches it, and the
 * two ways a script-level exception travels through the interpreter.
 *
 * Errors are raised as lightweight `JsError`s (number + text) so built-ins need no realm;
 * `try/catch` turns them into real Error objects only when a script actually catches one.
 */

export const JS_RUNTIME_ERROR_SOURCE = 'Microsoft JScript runtime error';
export const JS_COMPILATION_ERROR_SOURCE = 'Microsoft JScript compilation error';

export type ErrorKind = 'Error' | 'EvalError' | 'RangeError' | 'ReferenceError' | 'SyntaxError' | 'TypeError' | 'URIError' | 'RegExpError';

/** JScript run-time error numbers (the low word of the 0x800Axxxx HRESULT). */
export const JsErr = Object.freeze({
  InvalidProcedureCall: 5,
  Overflow: 6,
  OutOfMemory: 7,
  SubscriptOutOfRange: 9,
  DivisionByZero: 11,
  TypeMismatch: 13,
  OutOfStackSpace: 28,
  ObjectRequired: 424,
  CantCreateObject: 429,
  PropertyOrMethodNotSupported: 438,
  ActionNotSupported: 445,
  WrongNumberOfArguments: 450,
  NotACollection: 451,
  UnsupportedAutomationType: 458,
  CannotAssignToVariable: 501,
  CannotAssignToThis: 5000,
  NumberExpected: 5001,
  FunctionExpected: 5002,
  CannotAssignToFunctionResult: 5003,
  CannotIndexObject: 5004,
  StringExpected: 5005,
  DateExpected: 5006,
  ObjectExpected: 5007,
  IllegalAssignment: 5008,
  UndefinedIdentifier: 5009,
  BooleanExpected: 5010,
  ObjectMemberExpected: 5012,
  VBArrayExpected: 5013,
  JScriptObjectExpected: 5014,
  EnumeratorExpected: 5015,
  RegExpExpected: 5016,
  RegExpSyntax: 5017,
  ExceptionNotCaught: 5022,
  InvalidPrototype: 5023,
  UriInvalidCharacter: 5024,
  UriInvalidEncoding: 5025,
  FractionDigitsOutOfRange: 5026,
  PrecisionOutOfRange: 5027,
  ArrayOrArgumentsExpected: 5028,
  ArrayLengthInteger: 5029,
  ArrayLengthAssign: 5030,
  SyntaxError: 1002,
});

/** Number → [text, constructor]. Texts as jscript.dll 5.8 (English) words them. */
const TABLE: ReadonlyMap<number, readonly [string, ErrorKind]> = new Map<number, readonly [string, ErrorKind]>([
  [5, ['Invalid procedure call or argument', 'TypeError']],
  [6, ['Overflow', 'RangeError']],
  [7, ['Out of memory', 'Error']],
  [9, ['Subscript out of range', 'RangeError']],
  [10, ['This array is fixed or temporarily locked', 'Error']],
  [11, ['Division by zero', 'Error']],
  [13, ['Type mismatch', 'TypeError']],
  [14, ['Out of string space', 'Error']],
  [17, ["Can't perform requested operation", 'Error']],
  [28, ['Out of stack space', 'Error']],
  [35, ['Sub or Function not defined', 'Error']],
  [48, ['Error in loading DLL', 'Error']],
  [51, ['Internal error', 'Error']],
  [52, ['Bad file name or number', 'Error']],
  [53, ['File not found', 'Error']],
  [54, ['Bad file mode', 'Error']],
  [55, ['File already open', 'Error']],
  [57, ['Device I/O error', 'Error']],
  [58, ['File already exists', 'Error']],
  [61, ['Disk full', 'Error']],
  [62, ['Input past end of file', 'Error']],
  [67, ['Too many files', 'Error']],
  [68, ['Device unavailable', 'Error']],
  [70, ['Permission denied', 'Error']],
  [71, ['Disk not ready', 'Error']],
  [74, ["Can't rename with different drive", 'Error']],
  [75, ['Path/File access error', 'Error']],
  [76, ['Path not found', 'Error']],
  [91, ['Object variable or With block variable not set', 'Error']],
  [92, ['For loop not initialized', 'Error']],
  [94, ['Invalid use of Null', 'TypeError']],
  [322, ["Can't create necessary temporary file", 'Error']],
  [424, ['Object required', 'TypeError']],
  [429, ["Automation server can't create object", 'Error']],
  [430, ["Class doesn't support Automation", 'Error']],
  [432, ['File name or class name not found during Automation operation', 'Error']],
  [438, ["Object doesn't support this property or method", 'TypeError']],
  [440, ['Automation error', 'Error']],
  [445, ["Object doesn't support this action", 'TypeError']],
  [446, ["Object doesn't support named arguments", 'Error']],
  [447, ["Object doesn't support current locale setting", 'Error']],
  [448, ['Named argument not found', 'Error']],
  [449, ['Argument not optional', 'TypeError']],
  [450, ['Wrong number of arguments or invalid property assignment', 'Error']],
  [451, ['Object not a collection', 'TypeError']],
  [453, ['Specified DLL function not found', 'Error']],
  [458, ['Variable uses an Automation type not supported in JScript', 'TypeError']],
  [462, ['The remote server machine does not exist or is unavailable', 'Error']],
  [501, ['Cannot assign to variable', 'ReferenceError']],
  [502, ['Object not safe for scripting', 'Error']],
  [503, ['Object not safe for initializing', 'Error']],
  [504, ['Object not safe for creating', 'Error']],
  [507, ['An exception occurred', 'Error']],
  [1002, ['Syntax error', 'SyntaxError']],
  [5000, ["Cannot assign to 'this'", 'ReferenceError']],
  [5001, ['Number expected', 'TypeError']],
  [5002, ['Function expected', 'TypeError']],
  [5003, ['Cannot assign to a function result', 'ReferenceError']],
  [5004, ['Cannot index object', 'TypeError']],
  [5005, ['String expected', 'TypeError']],
  [5006, ['Date object expected', 'TypeError']],
  [5007, ['Object expected', 'TypeError']],
  [5008, ['Illegal assignment', 'ReferenceError']],
  [5009, ['Undefined identifier', 'TypeError']],
  [5010, ['Boolean expected', 'TypeError']],
  [5011, ["Can't execute code from a freed script", 'Error']],
  [5012, ['Object member expected', 'TypeError']],
  [5013, ['VBArray expected', 'TypeError']],
  [5014, ['JScript object expected', 'TypeError']],
  [5015, ['Enumerator object expected', 'TypeError']],
  [5016, ['Regular Expression object expected', 'TypeError']],
  [5017, ['Syntax error in regular expression', 'RegExpError']],
  [5018, ['Unexpected quantifier', 'RegExpError']],
  [5019, ["Expected ']' in regular expression", 'RegExpError']],
  [5020, ["Expected ')' in regular expression", 'RegExpError']],
  [5021, ['Invalid range in character set', 'RegExpError']],
  [5022, ['Exception thrown and not caught', 'Error']],
  [5023, ['Function does not have a valid prototype object', 'TypeError']],
  [5024, ['The URI to be encoded contains an invalid character', 'URIError']],
  [5025, ['The URI to be decoded is not a valid encoding', 'URIError']],
  [5026, ['The number of fractional digits is out of range', 'RangeError']],
  [5027, ['The precision is out of range', 'RangeError']],
  [5028, ['Array or arguments object expected', 'TypeError']],
  [5029, ['Array length must be a finite positive integer', 'RangeError']],
  [5030, ['Array length must be assigned a finite positive number', 'RangeError']],
]);

export function jsErrorText(number: number): string {
  return TABLE.get(number)?.[0] ?? 'Unknown runtime error';
}

export function jsErrorKind(number: number): ErrorKind {
  return TABLE.get(number)?.[1] ?? 'Error';
}

/** The `number` property a script sees: the HRESULT 0x800A0000 | n as a signed 32-bit integer. */
export function jsErrorHResult(number: number): number {
  return (0x800a0000 | (number & 0xffff)) | 0;
}

/** What a host shows for an HRESULT: the low word for FACILITY_CONTROL (0x800Axxxx), else the signed HRESULT. */
export function hostNumberOf(hresult: number): number {
  const h = hresult | 0;
  return (h & 0xffff0000) === (0x800a0000 | 0) ? h & 0xffff : h;
}

/**
 * A run-time error raised by the engine or a built-in, not yet an Error object. `hresult` is
 * what the script's `e.number` will be; `kind` picks the constructor.
 */
export class JsError extends Error {
  constructor(
    readonly hresult: number,
    readonly description: string,
    readonly kind: ErrorKind = 'Error',
  ) {
    super(description);
    this.name = 'JsError';
  }
}

/** Raises JScript error `number` with its standard text, or `text` (e.g. "'x' is undefined"). */
export function raiseJs(number: number, text?: string): never {
  throw new JsError(jsErrorHResult(number), text ?? jsErrorText(number), jsErrorKind(number));
}

/**
 * A value thrown by script code (`throw x`, or a caught error re-thrown). Not an `Error`
 * subclass: building a JS stack trace for every script exception would be wasted work.
 */
export class ScriptThrow {
  constructor(readonly value: unknown) {}
}
