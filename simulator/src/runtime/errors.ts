/**
 * VBScript runtime errors: numbers, their exact English texts (as vbscript.dll reports them)
 * and the exception type the runtime throws. The core turns a `VbsRuntimeError` into `Err`
 * state (On Error Resume Next) or into a `ScriptError` at the embedding boundary.
 */

export const RUNTIME_ERROR_SOURCE = 'Microsoft VBScript runtime error';

export class VbsRuntimeError extends Error {
  constructor(
    readonly number: number,
    /** The text as the host displays it, with the item name appended where VBScript names one. */
    readonly description: string,
    readonly source = RUNTIME_ERROR_SOURCE,
    /** The item `raise` appended (`CInt` in "Type mismatch: 'CInt'"), if any. */
    readonly itemName?: string,
  ) {
    super(description);
    this.name = 'VbsRuntimeError';
  }

  /**
   * The text without the item name. Windows' own tests show Err.Description holding the bare
   * text for built-in errors (after `UBound(a, 1, 2)` it is "Wrong number of arguments or
   * invalid property assignment"), while hosts display the named form.
   */
  get plainDescription(): string {
    const suffix = this.itemName === undefined ? '' : `: '${this.itemName}'`;
    return suffix && this.description.endsWith(suffix) ? this.description.slice(0, -suffix.length) : this.description;
  }
}

/** Symbolic names for the numbers the runtime raises, so code reads `raise(RuntimeError.TypeMismatch)`. */
export const RuntimeError = Object.freeze({
  InvalidProcedureCall: 5,
  Overflow: 6,
  OutOfMemory: 7,
  SubscriptOutOfRange: 9,
  ArrayLocked: 10,
  DivisionByZero: 11,
  TypeMismatch: 13,
  OutOfStringSpace: 14,
  CantPerformOperation: 17,
  OutOfStackSpace: 28,
  SubOrFunctionNotDefined: 35,
  ErrorLoadingDll: 48,
  InternalError: 51,
  BadFileNameOrNumber: 52,
  FileNotFound: 53,
  BadFileMode: 54,
  FileAlreadyOpen: 55,
  DeviceIoError: 57,
  FileAlreadyExists: 58,
  DiskFull: 61,
  InputPastEndOfFile: 62,
  TooManyFiles: 67,
  DeviceUnavailable: 68,
  PermissionDenied: 70,
  DiskNotReady: 71,
  CantRenameWithDifferentDrive: 74,
  PathFileAccessError: 75,
  PathNotFound: 76,
  ObjectVariableNotSet: 91,
  ForLoopNotInitialized: 92,
  InvalidPatternString: 93,
  InvalidUseOfNull: 94,
  CantCreateTempFile: 322,
  ObjectRequired: 424,
  CantCreateObject: 429,
  ClassDoesNotSupportAutomation: 430,
  AutomationFileNotFound: 432,
  PropertyOrMethodNotSupported: 438,
  AutomationError: 440,
  ActionNotSupported: 445,
  NamedArgumentsNotSupported: 446,
  LocaleSettingNotSupported: 447,
  NamedArgumentNotFound: 448,
  ArgumentNotOptional: 449,
  WrongNumberOfArguments: 450,
  NotACollection: 451,
  DllFunctionNotFound: 453,
  CodeResourceLockError: 455,
  KeyAlreadyExists: 457,
  UnsupportedAutomationType: 458,
  RemoteServerUnavailable: 462,
  InvalidPicture: 481,
  VariableUndefined: 500,
  IllegalAssignment: 501,
  NotSafeForScripting: 502,
  NotSafeForInitializing: 503,
  NotSafeForCreating: 504,
  InvalidOrUnqualifiedReference: 505,
  ClassNotDefined: 506,
  ExceptionOccurred: 507,
  IllegalAssignmentCompile: 5008,
  RegExpObjectExpected: 5016,
  RegExpSyntaxError: 5017,
  RegExpUnexpectedQuantifier: 5018,
  RegExpExpectedBracket: 5019,
  RegExpExpectedParen: 5020,
  RegExpInvalidRange: 5021,
  ElementNotFound: 32811,
}) satisfies { readonly [name: string]: number };

const TEXTS: ReadonlyMap<number, string> = new Map([
  [5, 'Invalid procedure call or argument'],
  [6, 'Overflow'],
  [7, 'Out of memory'],
  [9, 'Subscript out of range'],
  [10, 'This array is fixed or temporarily locked'],
  [11, 'Division by zero'],
  [13, 'Type mismatch'],
  [14, 'Out of string space'],
  [17, "Can't perform requested operation"],
  [28, 'Out of stack space'],
  [35, 'Sub or Function not defined'],
  [48, 'Error in loading DLL'],
  [51, 'Internal error'],
  [52, 'Bad file name or number'],
  [53, 'File not found'],
  [54, 'Bad file mode'],
  [55, 'File already open'],
  [57, 'Device I/O error'],
  [58, 'File already exists'],
  [61, 'Disk full'],
  [62, 'Input past end of file'],
  [67, 'Too many files'],
  [68, 'Device unavailable'],
  [70, 'Permission denied'],
  [71, 'Disk not ready'],
  [74, "Can't rename with different drive"],
  [75, 'Path/File access error'],
  [76, 'Path not found'],
  [91, 'Object variable not set'],
  [92, 'For loop not initialized'],
  [93, 'Invalid pattern string'],
  [94, 'Invalid use of Null'],
  [322, "Can't create necessary temporary file"],
  [424, 'Object required'],
  [429, "ActiveX component can't create object"],
  [430, "Class doesn't support Automation"],
  [432, 'File name or class name not found during Automation operation'],
  [438, "Object doesn't support this property or method"],
  [440, 'Automation error'],
  [445, "Object doesn't support this action"],
  [446, "Object doesn't support named arguments"],
  [447, "Object doesn't support current locale setting"],
  [448, 'Named argument not found'],
  [449, 'Argument not optional'],
  [450, 'Wrong number of arguments or invalid property assignment'],
  [451, 'Object not a collection'],
  [453, 'Specified DLL function not found'],
  [455, 'Code resource lock error'],
  [457, 'This key is already associated with an element of this collection'],
  [458, 'Variable uses an Automation type not supported in VBScript'],
  [462, 'The remote server machine does not exist or is unavailable'],
  [481, 'Invalid picture'],
  [500, 'Variable is undefined'],
  [501, 'Illegal assignment'],
  [502, 'Object not safe for scripting'],
  [503, 'Object not safe for initializing'],
  [504, 'Object not safe for creating'],
  [505, 'Invalid or unqualified reference'],
  [506, 'Class not defined'],
  [507, 'An exception occurred'],
  [5008, 'Illegal assignment'],
  [5016, 'Regular Expression object expected'],
  [5017, 'Syntax error in regular expression'],
  [5018, 'Unexpected quantifier'],
  [5019, "Expected ']' in regular expression"],
  [5020, "Expected ')' in regular expression"],
  [5021, 'Invalid range in character set'],
  [32811, 'Element not found'],
]);

/** What `Err.Raise n` without a description shows for a number VBScript has no text for. */
export const UNKNOWN_RUNTIME_ERROR_TEXT = 'Unknown runtime error';

/** The text vbscript.dll gives a runtime error number; "Unknown runtime error" for others. */
export function runtimeErrorText(number: number): string {
  return TEXTS.get(number) ?? UNKNOWN_RUNTIME_ERROR_TEXT;
}

/** Whether VBScript has its own text for this number (used by `Err.Raise` to fill Description). */
export function hasRuntimeErrorText(number: number): boolean {
  return TEXTS.has(number);
}

/**
 * Throws the runtime error. `name` is appended the way vbscript.dll does for errors that
 * concern a named item: `Type mismatch: 'CInt'`, `Object doesn't support this property or method: 'x.Foo'`.
 */
export function raise(number: number, name?: string): never {
  const text = runtimeErrorText(number);
  throw new VbsRuntimeError(number, name === undefined ? text : `${text}: '${name}'`, RUNTIME_ERROR_SOURCE, name);
}

/** The HRESULT a runtime error number maps to when it crosses a COM boundary (0x800A0000 | n). */
export function runtimeErrorHResult(number: number): number {
  return (0x800a0000 | (number & 0xffff)) | 0;
}
