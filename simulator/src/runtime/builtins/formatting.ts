/**
 * FormatNumber, FormatCurrency, FormatPercent and FormatDateTime under the current locale.
 * The Tristate arguments take vbTrue (-1), vbFalse (0) or vbUseDefault (-2, the locale's
 * setting). Rounding is half away from zero on the decimal digits, as Windows' number
 * formatting does (unlike Round, which rounds half to even).
 */
import { raise, RuntimeError } from '../errors';
import { deref, toNumber } from '../values/coerce';
import { formatDatePattern, formatDateValue } from '../values/dateText';
import { currentLocale, type LocaleInfo } from '../values/locale';
import { type Value } from '../values/variant';
import { intArg, opt } from './args';
import { type BuiltinContext, type BuiltinFunction, table } from './context';
import { dateArg } from './dates';

/** Fixed-point digits of |n| rounded half away from zero: [integer digits, fraction digits]. */
export function fixedDigits(n: number, decimals: number): [string, string] {
  const s = Math.abs(n).toExponential().split('e');
  const digits = s[0].replace('.', '');
  const exp = parseInt(s[1], 10);
  // Shift the shortest decimal spelling so the decimal point sits after `exp + 1` digits.
  let intDigits: string;
  let frac: string;
  if (exp >= 0) {
    intDigits = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    frac = digits.slice(exp + 1);
  } else {
    intDigits = '0';
    frac = '0'.repeat(-exp - 1) + digits;
  }
  if (frac.length > decimals) {
    const roundUp = frac.charCodeAt(decimals) >= 53; // '5'
    frac = frac.slice(0, decimals);
    if (roundUp) {
      const all = (BigInt(intDigits + frac) + 1n).toString().padStart(intDigits.length + frac.length, '0');
      intDigits = all.slice(0, all.length - decimals) || '0';
      frac = all.slice(all.length - decimals);
    }
  }
  return [intDigits.replace(/^0+(?=\d)/, ''), frac.padEnd(decimals, '0')];
}

interface NumberOptions {
  decimals: number;
  leadingZero: boolean;
  parens: boolean;
  group: boolean;
}

function tristate(v: Value, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  const n = intArg(deref(v));
  if (n === -2) return fallback;
  if (n !== 0 && n !== -1) raise(RuntimeError.InvalidProcedureCall);
  return n !== 0;
}

function options(args: Value[], loc: LocaleInfo): NumberOptions {
  const d = opt(args, 1, -1);
  const decimals = d === undefined ? 2 : intArg(deref(d));
  if (decimals < -1 || decimals > 99) raise(RuntimeError.InvalidProcedureCall);
  return {
    decimals: decimals === -1 ? 2 : decimals,
    leadingZero: tristate(opt(args, 2, undefined), loc.leadingZero),
    parens: tristate(opt(args, 3, undefined), loc.numberNegative === 0),
    group: tristate(opt(args, 4, undefined), true),
  };
}

/** The unsigned digits with grouping and decimal separator; `negative` tells the caller to add a sign. */
function body(n: number, o: NumberOptions, loc: LocaleInfo): { text: string; negative: boolean } {
  let [i, f] = fixedDigits(n, o.decimals);
  const isZero = /^0*$/.test(i + f);
  if (o.group) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, loc.thousands);
  if (i === '0' && !o.leadingZero && o.decimals > 0) i = '';
  return { text: f ? `${i}${loc.decimal}${f}` : i, negative: n < 0 && !isZero };
}

export function formatNumber(n: number, o: NumberOptions, loc: LocaleInfo = currentLocale()): string {
  const { text, negative } = body(n, o, loc);
  if (!negative) return text;
  return o.parens ? `(${text})` : `-${text}`;
}

const CURRENCY_NEGATIVE: readonly string[] = [
  '($n)', '-$n', '$-n', '$n-', '(n$)', '-n$', 'n-$', 'n$-', '-n $', '-$ n', 'n $-', '$ n-', '$ -n', 'n- $', '($ n)', '(n $)',
];
const CURRENCY_POSITIVE: readonly string[] = ['$n', 'n$', '$ n', 'n $'];
/** When parentheses are turned off, a locale's parenthesised negative pattern becomes its minus form. */
const WITHOUT_PARENS: Readonly<Record<number, number>> = { 0: 1, 4: 5, 14: 9, 15: 8 };

export function formatCurrency(n: number, o: NumberOptions, loc: LocaleInfo = currentLocale()): string {
  const { text, negative } = body(n, o, loc);
  let pattern: string;
  if (!negative) pattern = CURRENCY_POSITIVE[loc.currencyPositive];
  else if (o.parens) pattern = `(${CURRENCY_POSITIVE[loc.currencyPositive]})`;
  else pattern = CURRENCY_NEGATIVE[WITHOUT_PARENS[loc.currencyNegative] ?? loc.currencyNegative];
  return pattern.replace('n', text).replace('$', loc.currencySymbol);
}

/** The value to format; Null is a type mismatch here (not 94), as on Windows. */
function numberArg(v: Value): number {
  const d = deref(v);
  if (d === null) raise(RuntimeError.TypeMismatch);
  return toNumber(d);
}

function formatDateTime(ctx: BuiltinContext, args: Value[]): Value {
  const v = deref(args[0]);
  if (v === null) raise(RuntimeError.TypeMismatch);
  const d = dateArg(ctx, v);
  const kind = intArg(deref(opt(args, 1, 0)));
  const loc = currentLocale();
  switch (kind) {
    case 0:
      return formatDateValue(d, loc);
    case 1:
      return formatDatePattern(d, loc.longDate, loc);
    case 2:
      return formatDatePattern(d, loc.shortDate, loc);
    case 3:
      return formatDatePattern(d, loc.longTime, loc);
    case 4:
      return formatDatePattern(d, 'HH:mm', loc);
    default:
      return raise(RuntimeError.InvalidProcedureCall);
  }
}

export const formattingFunctions: Map<string, BuiltinFunction> = table([
  ['FormatNumber', 1, 5, (_c, a) => formatNumber(numberArg(a[0]), options(a, currentLocale()))],
  ['FormatCurrency', 1, 5, (_c, a) => {
    const loc = currentLocale();
    const o = options(a, loc);
    if (opt(a, 3, undefined) === undefined || intArg(deref(a[3])) === -2) o.parens = loc.currencyNegative === 0;
    return formatCurrency(numberArg(a[0]), o, loc);
  }],
  ['FormatPercent', 1, 5, (_c, a) => formatNumber(numberArg(a[0]) * 100, options(a, currentLocale())) + '%'],
  ['FormatDateTime', 1, 2, formatDateTime],
]);
