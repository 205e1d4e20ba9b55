/**
 * The vb* constants. Windows types them as vbscript.dll does: the colours and
 * vbObjectError are Long, the other numeric constants Integer.
 */
import { makeLong, type Value } from '../values/variant';

const integers: Record<string, number> = {
  // Comparison
  vbBinaryCompare: 0,
  vbTextCompare: 1,
  vbDatabaseCompare: 2,
  // Days of the week and first week of the year
  vbUseSystemDayOfWeek: 0,
  vbSunday: 1,
  vbMonday: 2,
  vbTuesday: 3,
  vbWednesday: 4,
  vbThursday: 5,
  vbFriday: 6,
  vbSaturday: 7,
  vbUseSystem: 0,
  vbFirstJan1: 1,
  vbFirstFourDays: 2,
  vbFirstFullWeek: 3,
  // FormatDateTime
  vbGeneralDate: 0,
  vbLongDate: 1,
  vbShortDate: 2,
  vbLongTime: 3,
  vbShortTime: 4,
  // Tristate
  vbTrue: -1,
  vbFalse: 0,
  vbUseDefault: -2,
  // VarType
  vbEmpty: 0,
  vbNull: 1,
  vbInteger: 2,
  vbLong: 3,
  vbSingle: 4,
  vbDouble: 5,
  vbCurrency: 6,
  vbDate: 7,
  vbString: 8,
  vbObject: 9,
  vbError: 10,
  vbBoolean: 11,
  vbVariant: 12,
  vbDataObject: 13,
  vbDecimal: 14,
  vbByte: 17,
  vbArray: 8192,
  // MsgBox buttons, icons and results
  vbOKOnly: 0,
  vbOKCancel: 1,
  vbAbortRetryIgnore: 2,
  vbYesNoCancel: 3,
  vbYesNo: 4,
  vbRetryCancel: 5,
  vbCritical: 16,
  vbQuestion: 32,
  vbExclamation: 48,
  vbInformation: 64,
  vbDefaultButton1: 0,
  vbDefaultButton2: 256,
  vbDefaultButton3: 512,
  vbDefaultButton4: 768,
  vbApplicationModal: 0,
  vbSystemModal: 4096,
  vbOK: 1,
  vbCancel: 2,
  vbAbort: 3,
  vbRetry: 4,
  vbIgnore: 5,
  vbYes: 6,
  vbNo: 7,
};

const longs: Record<string, number> = {
  vbObjectError: -2147221504,
  vbBlack: 0,
  vbRed: 0xff,
  vbGreen: 0xff00,
  vbYellow: 0xffff,
  vbBlue: 0xff0000,
  vbMagenta: 0xff00ff,
  vbCyan: 0xffff00,
  vbWhite: 0xffffff,
  vbMsgBoxHelpButton: 16384,
  vbMsgBoxSetForeground: 65536,
  vbMsgBoxRight: 524288,
  vbMsgBoxRtlReading: 1048576,
};

const strings: Record<string, string> = {
  vbCr: '\r',
  vbLf: '\n',
  vbCrLf: '\r\n',
  vbNewLine: '\r\n',
  vbNullChar: '\0',
  vbNullString: '',
  vbTab: '\t',
  vbVerticalTab: '\v',
  vbFormFeed: '\f',
  vbBack: '\b',
};

function build(): Map<string, Value> {
  const map = new Map<string, Value>();
  for (const [k, v] of Object.entries(integers)) map.set(k.toLowerCase(), v);
  for (const [k, v] of Object.entries(longs)) map.set(k.toLowerCase(), makeLong(v));
  for (const [k, v] of Object.entries(strings)) map.set(k.toLowerCase(), v);
  return map;
}

/** Lower-cased name → value. */
export const constantTable: ReadonlyMap<string, Value> = build();

/** The declared spelling of each constant (for completions and the debugger). */
export const constantNames: readonly string[] = [...Object.keys(integers), ...Object.keys(longs), ...Object.keys(strings)];
