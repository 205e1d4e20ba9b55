/**
 * Date and time functions on OLE Automation dates. "Now" is the engine clock (`ctx.now()`)
 * seen in the engine's time zone, so a run with a fixed clock is reproducible; everything
 * else is calendar arithmetic on day numbers (see values/dateText.ts).
 */
import { raise, RuntimeError } from '../errors';
import { deref, roundHalfEven, toDateNumber, toNumber } from '../values/coerce';
import {
  civilFromDays,
  dateToLinear,
  dateToParts,
  daysFromCivil,
  daysInMonth,
  expandYear,
  linearToDate,
  partsToDate,
  setParseYear,
  timeOfDay,
  type DateParts,
} from '../values/dateText';
import { currentLocale } from '../values/locale';
import { localParts } from '../values/timeZone';
import { makeDateValue, makeSingle } from '../values/numeric';
import { VDate, makeLong, type Value } from '../values/variant';
import { intArg, opt, strArg } from './args';
import { given, table, type BuiltinContext, type BuiltinFunction } from './context';

/** The engine clock as local wall-clock parts in the engine's time zone. */
export function localNow(ctx: BuiltinContext): { serial: number; ms: number } {
  const ms = ctx.now();
  const p = localParts(ms, ctx.timeZone);
  const serial = partsToDate(p.year, p.month, p.day, p.hour, p.minute, p.second);
  return { serial, ms: ((ms % 1000) + 1000) % 1000 };
}

/** A date argument: Dates as they are, strings parsed under the locale (the current year fills in "3/4"). */
export function dateArg(ctx: BuiltinContext, v: Value): number {
  if (v instanceof VDate) return v.value;
  if (typeof v === 'string') setParseYear(dateToParts(localNow(ctx).serial).year);
  return toDateNumber(v);
}

/** Day number of a date (its calendar day, whatever the sign convention). */
function dayNumber(d: number): number {
  const p = dateToParts(d);
  return daysFromCivil(p.year, p.month, p.day);
}

function secondsOf(d: number): number {
  const p = dateToParts(d);
  return daysFromCivil(p.year, p.month, p.day) * 86400 + p.hour * 3600 + p.minute * 60 + p.second;
}

/** vbUseSystemDayOfWeek (0) means the locale's first day: Sunday in the US, Monday in Europe. */
function firstDayArg(v: Value, ctxDefault = 0): number {
  let fd = v === undefined ? ctxDefault : intArg(deref(v));
  if (fd < 0 || fd > 7) raise(RuntimeError.InvalidProcedureCall);
  if (fd === 0) fd = currentLocale().lcid === 1033 ? 1 : 2;
  return fd;
}

function firstWeekArg(v: Value): number {
  let fw = v === undefined ? 0 : intArg(deref(v));
  if (fw < 0 || fw > 3) raise(RuntimeError.InvalidProcedureCall);
  if (fw === 0) fw = currentLocale().lcid === 1033 ? 1 : 2;
  return fw;
}

/** Weekday 1..7 counted from `firstDay` (1 = Sunday). */
export function weekdayOf(days: number, firstDay: number): number {
  const sunday1 = ((((days + 6) % 7) + 7) % 7) + 1;
  return ((sunday1 - firstDay + 7) % 7) + 1;
}

const weekStart = (days: number, fd: number): number => days - (weekdayOf(days, fd) - 1);

function firstWeekStart(year: number, fd: number, fw: number): number {
  const jan1 = daysFromCivil(year, 1, 1);
  const ws = weekStart(jan1, fd);
  if (fw === 2) return 7 - (jan1 - ws) >= 4 ? ws : ws + 7;
  if (fw === 3) return jan1 === ws ? ws : ws + 7;
  return ws;
}

function weekOfYear(days: number, fd: number, fw: number): number {
  const { year } = civilFromDays(days);
  let start = firstWeekStart(year, fd, fw);
  if (days < start) start = firstWeekStart(year - 1, fd, fw);
  return Math.floor((weekStart(days, fd) - start) / 7) + 1;
}

type Interval = 'yyyy' | 'q' | 'm' | 'y' | 'd' | 'w' | 'ww' | 'h' | 'n' | 's';
const INTERVALS = new Set(['yyyy', 'q', 'm', 'y', 'd', 'w', 'ww', 'h', 'n', 's']);

function intervalArg(v: Value): Interval {
  const s = strArg(deref(v)).toLowerCase();
  if (!INTERVALS.has(s)) raise(RuntimeError.InvalidProcedureCall);
  return s as Interval;
}

function addMonths(d: number, months: number): number {
  const p = dateToParts(d);
  const total = p.year * 12 + (p.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  if (year < 100 || year > 9999) raise(RuntimeError.InvalidProcedureCall);
  const day = Math.min(p.day, daysInMonth(year, month));
  return partsToDate(year, month, day, p.hour, p.minute, p.second);
}

export function dateAdd(interval: Interval, n: number, d: number): number {
  let r: number;
  switch (interval) {
    case 'yyyy':
      r = addMonths(d, n * 12);
      break;
    case 'q':
      r = addMonths(d, n * 3);
      break;
    case 'm':
      r = addMonths(d, n);
      break;
    case 'y':
    case 'd':
    case 'w':
      r = linearToDate(dateToLinear(d) + n);
      break;
    case 'ww':
      r = linearToDate(dateToLinear(d) + n * 7);
      break;
    case 'h':
      r = linearToDate(dateToLinear(d) + n / 24);
      break;
    case 'n':
      r = linearToDate(dateToLinear(d) + n / 1440);
      break;
    case 's':
      r = linearToDate(dateToLinear(d) + n / 86400);
      break;
  }
  if (!(r >= -657434 && r < 2958466)) raise(RuntimeError.InvalidProcedureCall);
  return r;
}

export function dateDiff(interval: Interval, d1: number, d2: number, fd: number): number {
  const p1 = dateToParts(d1);
  const p2 = dateToParts(d2);
  switch (interval) {
    case 'yyyy':
      return p2.year - p1.year;
    case 'q':
      return p2.year * 4 + Math.floor((p2.month - 1) / 3) - (p1.year * 4 + Math.floor((p1.month - 1) / 3));
    case 'm':
      return p2.year * 12 + p2.month - (p1.year * 12 + p1.month);
    case 'y':
    case 'd':
      return dayNumber(d2) - dayNumber(d1);
    case 'w':
      return Math.trunc((dayNumber(d2) - dayNumber(d1)) / 7);
    case 'ww':
      return (weekStart(dayNumber(d2), fd) - weekStart(dayNumber(d1), fd)) / 7;
    case 'h':
      return Math.floor(secondsOf(d2) / 3600) - Math.floor(secondsOf(d1) / 3600);
    case 'n':
      return Math.floor(secondsOf(d2) / 60) - Math.floor(secondsOf(d1) / 60);
    case 's':
      return secondsOf(d2) - secondsOf(d1);
  }
}

export function datePart(interval: Interval, d: number, fd: number, fw: number): number {
  const p = dateToParts(d);
  const days = daysFromCivil(p.year, p.month, p.day);
  switch (interval) {
    case 'yyyy':
      return p.year;
    case 'q':
      return Math.floor((p.month - 1) / 3) + 1;
    case 'm':
      return p.month;
    case 'y':
      return days - daysFromCivil(p.year, 1, 1) + 1;
    case 'd':
      return p.day;
    case 'w':
      return weekdayOf(days, fd);
    case 'ww':
      return weekOfYear(days, fd, fw);
    case 'h':
      return p.hour;
    case 'n':
      return p.minute;
    case 's':
      return p.second;
  }
}

/** DateSerial: months and days carry over (month 13, day 0); two-digit years use the 1950–2049 window. */
export function dateSerial(year: number, month: number, day: number): number {
  const y = year >= 0 && year < 100 ? expandYear(year, 2) : year;
  const days = daysFromCivil(y, month, 1) + day - 1;
  if (!(days >= -657434 && days < 2958466)) raise(RuntimeError.InvalidProcedureCall);
  return days;
}

export function timeSerial(h: number, m: number, s: number): number {
  const total = h * 3600 + m * 60 + s;
  const r = linearToDate(total / 86400);
  if (!(r >= -657434 && r < 2958466)) raise(RuntimeError.InvalidProcedureCall);
  return r;
}

/** A one-date-argument part function (Day, Month…): Null in, Null out. */
function part(pick: (p: DateParts) => number) {
  return (ctx: BuiltinContext, a: Value[]): Value => {
    const v = deref(a[0]);
    if (v === null) return null;
    return pick(dateToParts(dateArg(ctx, v)));
  };
}

const wholeArg = (v: Value): number => {
  const d = deref(v);
  if (d === null) raise(RuntimeError.InvalidUseOfNull);
  return roundHalfEven(toNumber(d));
};

export const dateFunctions: Map<string, BuiltinFunction> = table([
  ['Now', 0, 0, (ctx) => makeDateValue(localNow(ctx).serial)],
  ['Date', 0, 0, (ctx) => makeDateValue(Math.trunc(localNow(ctx).serial))],
  ['Time', 0, 0, (ctx) => makeDateValue(timeOfDay(localNow(ctx).serial))],
  ['Timer', 0, 0, (ctx) => {
    const { serial, ms } = localNow(ctx);
    const p = dateToParts(serial);
    // Windows' timer ticks in hundredths of a second.
    return makeSingle(p.hour * 3600 + p.minute * 60 + p.second + Math.floor(ms / 10) / 100);
  }],
  ['Year', 1, 1, part((p) => p.year)],
  ['Month', 1, 1, part((p) => p.month)],
  ['Day', 1, 1, part((p) => p.day)],
  ['Hour', 1, 1, part((p) => p.hour)],
  ['Minute', 1, 1, part((p) => p.minute)],
  ['Second', 1, 1, part((p) => p.second)],
  ['Weekday', 1, 2, (ctx, a) => {
    const v = deref(a[0]);
    const fd = firstDayArg(opt(a, 1, 1));
    if (v === null) return null;
    return weekdayOf(dayNumber(dateArg(ctx, v)), fd);
  }],
  ['DateSerial', 3, 3, (_c, a) => makeDateValue(dateSerial(wholeArg(a[0]), wholeArg(a[1]), wholeArg(a[2])))],
  ['TimeSerial', 3, 3, (_c, a) => makeDateValue(timeSerial(wholeArg(a[0]), wholeArg(a[1]), wholeArg(a[2])))],
  ['DateValue', 1, 1, (ctx, a) => {
    const v = deref(a[0]);
    if (v === null) return null;
    const d = dateArg(ctx, v);
    return makeDateValue(Math.trunc(d));
  }],
  ['TimeValue', 1, 1, (ctx, a) => {
    const v = deref(a[0]);
    if (v === null) return null;
    return makeDateValue(timeOfDay(dateArg(ctx, v)));
  }],
  ['DateAdd', 3, 3, (ctx, a) => {
    const interval = intervalArg(a[0]);
    const n = wholeArg(a[1]);
    const v = deref(a[2]);
    if (v === null) return null;
    return makeDateValue(dateAdd(interval, n, dateArg(ctx, v)));
  }],
  ['DateDiff', 3, 5, (ctx, a) => {
    const interval = intervalArg(a[0]);
    const fd = firstDayArg(opt(a, 3, 1));
    const x = deref(a[1]);
    const y = deref(a[2]);
    if (x === null || y === null) return null;
    return makeLong(dateDiff(interval, dateArg(ctx, x), dateArg(ctx, y), fd));
  }],
  ['DatePart', 2, 4, (ctx, a) => {
    const interval = intervalArg(a[0]);
    const fd = firstDayArg(opt(a, 2, 1));
    const fw = firstWeekArg(opt(a, 3, 1));
    const v = deref(a[1]);
    if (v === null) return null;
    return datePart(interval, dateArg(ctx, v), fd, fw);
  }],
  ['MonthName', 1, 2, (_c, a) => {
    const abbreviate = given(a, 1) && toNumber(deref(a[1])) !== 0; // checked first, as Windows does
    const m = intArg(deref(a[0]));
    if (m < 1 || m > 12) raise(RuntimeError.InvalidProcedureCall);
    const loc = currentLocale();
    return abbreviate ? loc.monthsShort[m - 1] : loc.months[m - 1];
  }],
  ['WeekdayName', 1, 3, (_c, a) => {
    const w = intArg(deref(a[0]));
    if (w < 1 || w > 7) raise(RuntimeError.InvalidProcedureCall);
    const abbreviate = given(a, 1) && toNumber(deref(a[1])) !== 0;
    const fd = firstDayArg(opt(a, 2, 1));
    const index = (w - 1 + fd - 1) % 7; // 0 = Sunday
    const loc = currentLocale();
    return abbreviate ? loc.daysShort[index] : loc.days[index];
  }],
]);
