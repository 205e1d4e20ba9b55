/**
 * OLE Automation dates (days since 1899-12-30; the fraction is the time of day, and for
 * negative dates it counts forward from midnight of the day named by the integer part) and
 * their text forms under a locale. Calendar arithmetic is done on plain day numbers
 * (proleptic Gregorian), never through JS `Date`, so the host's time zone cannot leak in.
 */
import { currentLocale, type LocaleInfo } from './locale';

export interface DateParts {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 1 = Sunday … 7 = Saturday */
  weekday: number;
}

/** Valid range of a VBScript Date: 1 Jan 100 … 31 Dec 9999. */
export const MIN_DATE = -657434;
export const MAX_DATE = 2958465.999988426;

/** Day number (days since 1899-12-30) of a civil date; month may be out of 1..12 (it carries). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const carry = Math.floor((month - 1) / 12);
  let y = year + carry;
  const m = month - carry * 12;
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  // 719468 = days from 0000-03-01 to 1970-01-01; 25569 = days from 1899-12-30 to 1970-01-01.
  return era * 146097 + doe - 719468 + 25569;
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days - 25569 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Splits an OLE date, rounding the time to the nearest second as VBScript's Hour/Minute/Second do. */
export function dateToParts(d: number): DateParts {
  let dayPart = Math.trunc(d);
  let secs = Math.round(Math.abs(d - dayPart) * 86400);
  if (secs >= 86400) {
    secs -= 86400;
    dayPart += d < 0 ? -1 : 1;
  }
  const { year, month, day } = civilFromDays(dayPart);
  const weekday = ((((dayPart + 6) % 7) + 7) % 7) + 1; // day 0 (1899-12-30) was a Saturday
  return { year, month, day, hour: Math.floor(secs / 3600), minute: Math.floor((secs % 3600) / 60), second: secs % 60, weekday };
}

/** Combines a day number and a time (fraction of a day, ≥ 0) into an OLE date. */
export function combineDayAndTime(days: number, time: number): number {
  return days >= 0 ? days + time : days - time;
}

/** The serial as a linear time value (days), undoing the negative-date convention, for arithmetic. */
export function dateToLinear(d: number): number {
  if (d >= 0) return d;
  const dayPart = Math.trunc(d);
  return dayPart - (d - dayPart); // -1.25 (1899-12-29 06:00) → -0.75
}

export function linearToDate(x: number): number {
  if (x >= 0) return x;
  const dayPart = Math.floor(x);
  const time = x - dayPart;
  return time === 0 ? dayPart : dayPart - time;
}

export function partsToDate(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const days = daysFromCivil(year, month, 1) + day - 1;
  const time = (hour * 3600 + minute * 60 + second) / 86400;
  return linearToDate(days + time);
}

/** The time-of-day fraction of a date serial. */
export function timeOfDay(d: number): number {
  return Math.abs(d - Math.trunc(d));
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Formats with a Windows date/time picture (d dd ddd dddd M MM MMM MMMM y yy yyyy h hh H HH m mm s ss t tt 'lit'). */
export function formatDatePattern(d: number, pattern: string, locale: LocaleInfo = currentLocale()): string {
  const p = dateToParts(d);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      const close = pattern.indexOf("'", i + 1);
      out += pattern.slice(i + 1, close < 0 ? pattern.length : close);
      i = close < 0 ? pattern.length : close + 1;
      continue;
    }
    let j = i;
    while (j < pattern.length && pattern[j] === c) j++;
    const n = j - i;
    i = j;
    switch (c) {
      case 'd':
        out += n === 1 ? String(p.day) : n === 2 ? pad(p.day, 2) : n === 3 ? locale.daysShort[p.weekday - 1] : locale.days[p.weekday - 1];
        break;
      case 'M':
        out += n === 1 ? String(p.month) : n === 2 ? pad(p.month, 2) : n === 3 ? locale.monthsShort[p.month - 1] : locale.months[p.month - 1];
        break;
      case 'y':
        out += n <= 2 ? pad(p.year % 100, n) : pad(p.year, 4);
        break;
      case 'h': {
        const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
        out += n === 1 ? String(h12) : pad(h12, 2);
        break;
      }
      case 'H':
        out += n === 1 ? String(p.hour) : pad(p.hour, 2);
        break;
      case 'm':
        out += n === 1 ? String(p.minute) : pad(p.minute, 2);
        break;
      case 's':
        out += n === 1 ? String(p.second) : pad(p.second, 2);
        break;
      case 't': {
        const s = p.hour < 12 ? locale.am : locale.pm;
        out += n === 1 ? s.slice(0, 1) : s;
        break;
      }
      default:
        out += c.repeat(n);
    }
  }
  // A 24-hour locale has no AM/PM designator: drop the space that preceded "tt".
  return out.trimEnd();
}

/** CStr of a Date: short date, long time, or both; the time is left out at midnight, the date on day 0 (1899-12-30). */
export function formatDateValue(d: number, locale: LocaleInfo = currentLocale()): string {
  const dayPart = Math.trunc(d);
  const hasTime = d !== dayPart;
  if (dayPart === 0) return formatDatePattern(d, locale.longTime, locale);
  if (!hasTime) return formatDatePattern(d, locale.shortDate, locale);
  return `${formatDatePattern(d, locale.shortDate, locale)} ${formatDatePattern(d, locale.longTime, locale)}`;
}

/**
 * Windows' two-digit-year window (the "TwoDigitYearMax" setting, 2049 by default on current
 * Windows): 00–49 → 2000s, 50–99 → 1900s.
 */
export function expandYear(y: number, digits: number): number {
  if (digits > 2) return y;
  return y < 50 ? 2000 + y : 1900 + y;
}

interface Token {
  kind: 'num' | 'word' | 'sep';
  text: string;
  value: number;
  digits: number;
  sep?: string;
}

function tokenize(s: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c >= '0' && c <= '9') {
      let j = i;
      while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
      out.push({ kind: 'num', text: s.slice(i, j), value: parseInt(s.slice(i, j), 10), digits: j - i });
      i = j;
    } else if (/\p{L}/u.test(c)) {
      let j = i;
      while (j < s.length && /[\p{L}.]/u.test(s[j])) j++;
      out.push({ kind: 'word', text: s.slice(i, j).toLowerCase().replace(/\.$/, ''), value: 0, digits: 0 });
      i = j;
    } else if (c === ' ' || c === '\t' || c === ',') {
      i++;
      out.push({ kind: 'sep', text: ' ', value: 0, digits: 0, sep: ' ' });
    } else if ('/-.:'.includes(c)) {
      out.push({ kind: 'sep', text: c, value: 0, digits: 0, sep: c });
      i++;
    } else {
      return undefined;
    }
  }
  return out;
}

function monthFromWord(w: string, locale: LocaleInfo): number {
  const lists = [locale.months, locale.monthsShort, EN_MONTHS_LC];
  for (const list of lists) {
    for (let m = 0; m < 12; m++) {
      const name = list[m].toLowerCase().replace(/\.$/, '');
      if (name === w || (w.length >= 3 && name.startsWith(w))) return m + 1;
    }
  }
  return 0;
}

const EN_MONTHS_LC = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function isDayName(w: string, locale: LocaleInfo): boolean {
  return [...locale.days, ...locale.daysShort].some((d) => {
    const n = d.toLowerCase().replace(/\.$/, '');
    return n === w || (w.length >= 2 && n.startsWith(w));
  });
}

/**
 * Parses a date/time string as VarDateFromStr does under the locale: numeric dates in the
 * locale's order (or year first when the first number has 4 digits), month names in either
 * position, an optional time with AM/PM. Returns the OLE date or undefined.
 */
export function parseDate(text: string, locale: LocaleInfo = currentLocale()): number | undefined {
  const tokens = tokenize(text.trim());
  if (!tokens || tokens.length === 0) return undefined;
  const dateNums: Token[] = [];
  let month = 0;
  const timeNums: number[] = [];
  let ampm: 'am' | 'pm' | '' = '';
  let i = 0;
  let sawTime = false;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.kind === 'num') {
      const next = tokens[i + 1];
      const prev = tokens[i - 1];
      const inTime = (next?.kind === 'sep' && next.sep === ':') || (prev?.kind === 'sep' && prev.sep === ':');
      if (inTime) {
        if (timeNums.length >= 3) return undefined;
        timeNums.push(t.value);
        sawTime = true;
      } else if (sawTime && timeNums.length > 0 && prev?.kind === 'sep' && prev.sep === '.' && timeNums.length < 3) {
        // fractional seconds are not part of VBScript dates; reject like Windows
        return undefined;
      } else {
        dateNums.push(t);
      }
    } else if (t.kind === 'word') {
      const w = t.text;
      if (w === 'am' || w === 'a' || (locale.am && w === locale.am.toLowerCase())) ampm = 'am';
      else if (w === 'pm' || w === 'p' || (locale.pm && w === locale.pm.toLowerCase())) ampm = 'pm';
      else if (monthFromWord(w, locale) && !month) month = monthFromWord(w, locale);
      else if (!isDayName(w, locale)) return undefined;
    }
    i++;
  }
  if (dateNums.length === 0 && !month && timeNums.length === 0) return undefined;

  let time = 0;
  if (timeNums.length > 0 || (ampm && dateNums.length === 1 && !month)) {
    if (timeNums.length === 0) timeNums.push(dateNums.pop()!.value);
    let [h, m = 0, s = 0] = timeNums;
    if (ampm) {
      if (h > 12) return undefined;
      if (ampm === 'pm' && h < 12) h += 12;
      if (ampm === 'am' && h === 12) h = 0;
    }
    if (h > 23 || m > 59 || s > 59) return undefined;
    time = (h * 3600 + m * 60 + s) / 86400;
  }

  let days: number | undefined;
  if (dateNums.length === 0 && !month) {
    return time; // time only: day 0
  }
  if (month) {
    // "January 2, 2003", "2 Jan 2003", "Jan 2003"
    const nums = dateNums;
    if (nums.length === 1) {
      const a = nums[0];
      if (a.digits > 2 || a.value > 31) days = makeDays(a.value, month, 1, a.digits);
      else days = makeDays(currentYear, month, a.value, 4);
    } else if (nums.length === 2) {
      const [a, b] = nums;
      if (a.digits > 2 || a.value > 31) days = makeDays(a.value, month, b.value, a.digits);
      else days = makeDays(b.value, month, a.value, b.digits);
    } else return undefined;
  } else {
    const nums = dateNums;
    if (nums.length === 3) {
      const [a, b, c] = nums;
      if (a.digits > 2) days = makeDays(a.value, b.value, c.value, a.digits);
      else if (locale.dateOrder === 'DMY') days = tryOrders([[c, b, a], [c, a, b]]);
      else if (locale.dateOrder === 'YMD') days = tryOrders([[a, b, c]]);
      else days = tryOrders([[c, a, b], [c, b, a]]);
    } else if (nums.length === 2) {
      const [a, b] = nums;
      // Two numbers: month and day of the current year, or month and year if one cannot be a day.
      if (a.digits > 2 || a.value > 31) days = makeDays(a.value, b.value, 1, a.digits);
      else if (b.digits > 2 || b.value > 31) days = makeDays(b.value, a.value, 1, b.digits);
      else if (locale.dateOrder === 'DMY') days = tryOrders([[yearTok(), b, a], [yearTok(), a, b]]);
      else days = tryOrders([[yearTok(), a, b], [yearTok(), b, a]]);
    } else return undefined;
  }
  if (days === undefined) return undefined;
  return combineDayAndTime(days, time);
}

/** Parsing "3/4" needs the current year; the engine sets it from its clock. */
let currentYear = 2000;
export function setParseYear(year: number): void {
  currentYear = year;
}
const yearTok = (): Token => ({ kind: 'num', text: String(currentYear), value: currentYear, digits: 4 });

function tryOrders(orders: Token[][]): number | undefined {
  for (const [y, m, d] of orders) {
    const r = makeDays(y.value, m.value, d.value, y.digits);
    if (r !== undefined) return r;
  }
  return undefined;
}

function makeDays(y: number, m: number, d: number, yDigits: number): number | undefined {
  const year = expandYear(y, yDigits);
  if (m < 1 || m > 12 || d < 1 || year < 100 || year > 9999) return undefined;
  if (d > daysInMonth(year, m)) return undefined;
  return daysFromCivil(year, m, d);
}
