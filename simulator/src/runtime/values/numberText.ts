/**
 * Number ↔ text the way OLE Automation does it for VBScript (VarBstrFromR8, VarR8FromStr):
 * CStr gives up to 15 significant digits for a Double (7 for a Single), switching to
 * "1E-05"/"1E+15" notation below 1E-4 and from 1E+15 on, with the locale's decimal separator; parsing
 * accepts thousands separators, a leading currency symbol, signs, parentheses, exponents
 * and &H/&O prefixes, all relative to the current locale.
 */
import { currentLocale, type LocaleInfo } from './locale';

/** `%.{digits}G` as OLE Automation prints it, with the locale decimal separator. */
export function formatGeneral(n: number, digits: number, decimal = currentLocale().decimal): string {
  if (n === 0) return '0';
  if (!Number.isFinite(n)) return n > 0 ? '1.#INF' : n < 0 ? '-1.#INF' : '-1.#IND';
  // Fast path: integers that fit in the precision print as themselves.
  if (Number.isInteger(n) && Math.abs(n) < 10 ** digits) return String(n);
  const exp = n.toExponential(digits - 1); // "-d.ddddde+x", correctly rounded
  const ePos = exp.indexOf('e');
  const e = parseInt(exp.slice(ePos + 1), 10);
  const negative = exp[0] === '-';
  const mantissa = exp.slice(negative ? 1 : 0, ePos).replace('.', '');
  const sign = negative ? '-' : '';
  if (e < -4 || e >= digits) {
    let m = mantissa.replace(/0+$/, '');
    m = m.length > 1 ? m[0] + decimal + m.slice(1) : m;
    const absE = Math.abs(e);
    return `${sign}${m}E${e < 0 ? '-' : '+'}${absE < 10 ? '0' : ''}${absE}`;
  }
  let intPart: string;
  let frac: string;
  if (e >= 0) {
    intPart = mantissa.slice(0, e + 1);
    frac = mantissa.slice(e + 1);
  } else {
    intPart = '0';
    frac = '0'.repeat(-e - 1) + mantissa;
  }
  frac = frac.replace(/0+$/, '');
  return sign + intPart + (frac ? decimal + frac : '');
}

export function formatDouble(n: number): string {
  return formatGeneral(n, 15);
}

export function formatSingle(n: number): string {
  return formatGeneral(n, 7);
}

/** Currency prints with up to 4 decimals and never in exponent notation. */
export function formatCurrencyValue(n: number, decimal = currentLocale().decimal): string {
  if (Number.isInteger(n)) return String(n);
  let s = n.toFixed(4).replace(/0+$/, '');
  if (s.endsWith('.')) s = s.slice(0, -1);
  return decimal === '.' ? s : s.replace('.', decimal);
}

const WS = ' \t\r\n\v\f\u00a0';

/**
 * Parses a numeric string as VarR8FromStr does; undefined when it is not a number
 * (the caller raises Type mismatch).
 */
export function parseNumber(text: string, locale: LocaleInfo = currentLocale()): number | undefined {
  // Fast path for the overwhelmingly common plain decimal integer.
  const len = text.length;
  if (len > 0 && len < 10) {
    let ok = true;
    let v = 0;
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) {
        ok = false;
        break;
      }
      v = v * 10 + c;
    }
    if (ok) return v;
  }
  return parseNumberSlow(text, locale);
}

function parseNumberSlow(text: string, locale: LocaleInfo): number | undefined {
  let i = 0;
  const n = text.length;
  while (i < n && WS.includes(text[i])) i++;
  let end = n;
  while (end > i && WS.includes(text[end - 1])) end--;
  if (i >= end) return undefined;
  const s = text.slice(i, end);

  if (s[0] === '&') return parseHexOct(s);

  let pos = 0;
  let negative = false;
  let parens = false;
  let sawCurrency = false;
  const skipSpaces = (): void => {
    while (pos < s.length && WS.includes(s[pos])) pos++;
  };
  const takeCurrency = (): boolean => {
    const sym = locale.currencySymbol;
    if (!sawCurrency && sym && s.startsWith(sym, pos)) {
      pos += sym.length;
      sawCurrency = true;
      skipSpaces();
      return true;
    }
    return false;
  };
  takeCurrency();
  if (s[pos] === '(') {
    parens = true;
    pos++;
    skipSpaces();
  } else if (s[pos] === '-' || s[pos] === '+') {
    negative = s[pos] === '-';
    pos++;
    skipSpaces();
  }
  takeCurrency();

  let digits = '';
  let sawDigit = false;
  // Integer part: thousands separators are accepted between digits.
  while (pos < s.length) {
    const c = s[pos];
    if (c >= '0' && c <= '9') {
      digits += c;
      sawDigit = true;
      pos++;
    } else if (sawDigit && c === locale.thousands && locale.thousands !== locale.decimal) {
      pos++;
    } else break;
  }
  let frac = '';
  if (s.startsWith(locale.decimal, pos)) {
    pos += locale.decimal.length;
    while (pos < s.length && s[pos] >= '0' && s[pos] <= '9') {
      frac += s[pos];
      pos++;
    }
  }
  if (!sawDigit && frac === '') return undefined;
  let exponent = 0;
  const ec = s[pos];
  if (ec === 'e' || ec === 'E') {
    let p = pos + 1;
    let expNeg = false;
    if (s[p] === '-' || s[p] === '+') {
      expNeg = s[p] === '-';
      p++;
    }
    const start = p;
    while (p < s.length && s[p] >= '0' && s[p] <= '9') p++;
    if (p === start) return undefined;
    exponent = parseInt(s.slice(start, p), 10) * (expNeg ? -1 : 1);
    pos = p;
  }
  skipSpaces();
  takeCurrency();
  if (parens) {
    if (s[pos] !== ')') return undefined;
    pos++;
    negative = true;
  } else if (!negative && (s[pos] === '-' || s[pos] === '+') && pos === s.length - 1) {
    negative = s[pos] === '-'; // trailing sign, as "5-" in some locales
    pos++;
  }
  skipSpaces();
  takeCurrency();
  if (pos !== s.length) return undefined;
  const value = Number(`${digits || '0'}.${frac || '0'}e${exponent}`);
  if (!Number.isFinite(value)) return undefined;
  return negative ? -value : value;
}

/**
 * "&H1F" / "&O17" (also "&17", octal): up to 32 bits; a value with the top bit of 32 set is
 * negative (CLng("&HFFFFFFFF") = -1, CLng("&HFFFF") = 65535). CInt wraps 16-bit values itself.
 */
function parseHexOct(s: string): number | undefined {
  const kind = s[1];
  let body: string;
  let radix: number;
  if (kind === 'h' || kind === 'H') {
    body = s.slice(2);
    radix = 16;
    if (!/^[0-9a-fA-F]+$/.test(body)) return undefined;
  } else {
    body = kind === 'o' || kind === 'O' ? s.slice(2) : s.slice(1);
    radix = 8;
    if (!/^[0-7]+$/.test(body)) return undefined;
  }
  const v = parseInt(body, radix);
  if (v > 0xffffffff) return undefined;
  return v | 0;
}
