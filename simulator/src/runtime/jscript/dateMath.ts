/**
 * Date arithmetic of ES3 15.9.1 in the engine's time zone, and JScript's date texts.
 *
 * The engine's zone is module state set on every entry from the host (`setJsTimeZone`), as
 * the VBScript engine does with its locale: dates are computed everywhere (conversions, the
 * COM bridge, Date methods) and threading a zone through all of them would cost more than
 * it clarifies. The host machine's own zone never matters.
 */
import { utcOffsetMinutes } from '../values/timeZone.js';

let zone = 'UTC';

export function setJsTimeZone(timeZone: string): void {
  zone = timeZone;
}

export function jsTimeZone(): string {
  return zone;
}

export const MS_PER_DAY = 86_400_000;
const OLE_EPOCH_OFFSET_DAYS = 25_569;

/** LocalTZA + DaylightSavingTA at UTC instant `t`, in ms. */
export function localOffset(t: number): number {
  if (zone === 'UTC' || !Number.isFinite(t)) return 0;
  // Intl only covers years 1..9999 reliably; clamp the instant for the offset lookup.
  const clamped = Math.max(-62135596800000, Math.min(t, 253402300799000));
  return utcOffsetMinutes(clamped, zone) * 60000;
}

export function localTime(t: number): number {
  return t + localOffset(t);
}

/** UTC(t) of ES3 15.9.1.9: local wall-clock ms → UTC instant (two passes settle DST edges). */
export function utcFromLocal(local: number): number {
  if (!Number.isFinite(local)) return NaN;
  let utc = local - localOffset(local);
  utc = local - localOffset(utc);
  return utc;
}

/** TimeClip (ES3 15.9.1.14). */
export function timeClip(t: number): number {
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) return NaN;
  return Math.trunc(t) + 0;
}

/** A VT_DATE (OLE days, local wall-clock) → time value. */
export function oleToTime(days: number): number {
  const whole = Math.trunc(days);
  const fraction = Math.abs(days - whole);
  const localMs = Math.round((whole - OLE_EPOCH_OFFSET_DAYS + (days < 0 ? -fraction : fraction)) * MS_PER_DAY);
  return utcFromLocal(localMs);
}

/** Time value → VT_DATE (OLE days of the local wall-clock time), as `getVarDate` and the COM bridge give. */
export function timeToOle(t: number): number {
  const local = localTime(t);
  const days = local / MS_PER_DAY + OLE_EPOCH_OFFSET_DAYS;
  if (days >= 0) return days;
  // Negative OLE dates count the time of day forward from the (negative) day.
  const whole = Math.floor(days);
  const fraction = days - whole;
  return fraction === 0 ? whole : whole - fraction + 0;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const two = (n: number): string => String(n).padStart(2, '0');

/** Fields of a (local or UTC) time value, read with the UTC getters of a JS Date. */
function fields(t: number): { y: number; mo: number; d: number; wd: number; h: number; mi: number; s: number } {
  const d = new Date(t);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: d.getUTCDate(), wd: d.getUTCDay(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
}

/** JScript writes years before 1 as "<n> B.C.". */
function yearText(y: number): string {
  return y > 0 ? String(y) : `${1 - y} B.C.`;
}

function zoneText(t: number): string {
  const off = localOffset(t) / 60000;
  if (off === 0) return 'UTC';
  const a = Math.abs(off);
  return `UTC${off < 0 ? '-' : '+'}${two(Math.floor(a / 60))}${two(a % 60)}`;
}

/** `Wed Nov 25 15:33:47 UTC+0100 2026` (jscript.dll's Date.prototype.toString). */
export function dateToString(t: number): string {
  if (Number.isNaN(t)) return 'NaN';
  const f = fields(localTime(t));
  return `${DAYS[f.wd]} ${MONTHS[f.mo]} ${f.d} ${two(f.h)}:${two(f.mi)}:${two(f.s)} ${zoneText(t)} ${yearText(f.y)}`;
}

export function dateToDateString(t: number): string {
  if (Number.isNaN(t)) return 'NaN';
  const f = fields(localTime(t));
  return `${DAYS[f.wd]} ${MONTHS[f.mo]} ${f.d} ${yearText(f.y)}`;
}

export function dateToTimeString(t: number): string {
  if (Number.isNaN(t)) return 'NaN';
  const f = fields(localTime(t));
  return `${two(f.h)}:${two(f.mi)}:${two(f.s)} ${zoneText(t)}`;
}

/** `Wed, 25 Nov 2026 15:33:47 UTC`. */
export function dateToUTCString(t: number): string {
  if (Number.isNaN(t)) return 'NaN';
  const f = fields(t);
  return `${DAYS[f.wd]}, ${f.d} ${MONTHS[f.mo]} ${yearText(f.y)} ${two(f.h)}:${two(f.mi)}:${two(f.s)} UTC`;
}

/** en-US long date, as jscript.dll 5.8 formats it with the user's locale: `Wednesday, November 25, 2026`. */
export function dateToLocaleDateString(t: number): string {
  if (Number.isNaN(t)) return 'NaN';
  const f = fields(localTime(t));
  return `${LONG_DAYS[f.wd]}, ${LONG_MONTHS[f.mo]} ${f.d}, ${f.y}`;
}

export function dateToLocaleTimeString(t: number): string {
  if (Number.isNaN(t)) return 'NaN';
  const f = fields(localTime(t));
  const h12 = f.h % 12 === 0 ? 12 : f.h % 12;
  return `${h12}:${two(f.mi)}:${two(f.s)} ${f.h < 12 ? 'AM' : 'PM'}`;
}

export function dateToLocaleString(t: number): string {
  if (Number.isNaN(t)) return 'NaN';
  return `${dateToLocaleDateString(t)} ${dateToLocaleTimeString(t)}`;
}

const MONTH_INDEX = new Map(LONG_MONTHS.map((m, i) => [m.toLowerCase(), i]));

/**
 * Date.parse as jscript.dll reads dates: month names or `m/d/y`, an optional weekday, times
 * `h:m[:s]` with AM/PM, `UTC`/`GMT` with an optional `+hhmm` offset, `B.C.`; local time when
 * no zone is given. ISO 8601 (`2026-11-25`) is not a JScript 5.8 format: NaN.
 */
export function parseDate(text: string): number {
  const s = text.trim();
  let year = NaN;
  let month = NaN;
  let day = NaN;
  let h = 0;
  let mi = 0;
  let sec = 0;
  let offsetMin: number | null = null;
  let pm: boolean | null = null;
  let bc = false;
  const numbers: number[] = [];
  const re = /(\d+)\/(\d+)\/(\d+)|(\d+):(\d+)(?::(\d+))?|(UTC|GMT|UT|Z)\s*(?:([+-])(\d{1,2}):?(\d{2})?)?|([+-])(\d{3,4})|B\.?C\.?|A\.?M\.?|P\.?M\.?|([A-Za-z]+)\.?|(\d+)|([,\s()-]+)/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < s.length) {
    re.lastIndex = pos;
    m = re.exec(s);
    if (!m) return NaN;
    pos = re.lastIndex;
    const tok = m[0];
    if (m[1] !== undefined) {
      month = Number(m[1]) - 1;
      day = Number(m[2]);
      year = Number(m[3]);
    } else if (m[4] !== undefined) {
      h = Number(m[4]);
      mi = Number(m[5]);
      sec = m[6] !== undefined ? Number(m[6]) : 0;
    } else if (m[7] !== undefined) {
      offsetMin = 0;
      if (m[8] !== undefined) {
        const hh = Number(m[9]);
        const mm = m[10] !== undefined ? Number(m[10]) : 0;
        offsetMin = (m[8] === '-' ? -1 : 1) * (m[10] === undefined && m[9].length > 2 ? Math.floor(hh / 100) * 60 + (hh % 100) : hh * 60 + mm);
      }
    } else if (m[11] !== undefined) {
      const v = Number(m[12]);
      offsetMin = (m[11] === '-' ? -1 : 1) * (Math.floor(v / 100) * 60 + (v % 100));
    } else if (/^B/i.test(tok)) bc = true;
    else if (/^A/i.test(tok) && m[13] === undefined) pm = false;
    else if (/^P/i.test(tok) && m[13] === undefined) pm = true;
    else if (m[13] !== undefined) {
      const word = m[13].toLowerCase();
      if (word === 'am') pm = false;
      else if (word === 'pm') pm = true;
      else if (word.length >= 3) {
        const mIdx = [...MONTH_INDEX.entries()].find(([name]) => name.startsWith(word));
        const dIdx = LONG_DAYS.find((d) => d.toLowerCase().startsWith(word));
        if (mIdx) month = mIdx[1];
        else if (!dIdx) return NaN;
      } else return NaN;
    } else if (m[14] !== undefined) numbers.push(Number(m[14]));
  }
  // Loose numbers: with a month name, the day then the year (`Nov 25 2026`, `25 Nov 2026`).
  for (const n of numbers) {
    if (Number.isNaN(day) && n <= 31 && !Number.isNaN(month)) day = n;
    else if (Number.isNaN(year)) year = n;
    else return NaN;
  }
  if (Number.isNaN(year) || Number.isNaN(month) || Number.isNaN(day)) return NaN;
  if (bc) year = 1 - year;
  else if (year < 100 && numbers.length + 0 >= 0 && year >= 0 && !bc) year += 1900;
  if (pm !== null) {
    if (h > 12) return NaN;
    if (pm && h < 12) h += 12;
    if (!pm && h === 12) h = 0;
  }
  const wall = makeTime(year, month, day, h, mi, sec, 0);
  if (offsetMin === null) return utcFromLocal(wall);
  return wall - offsetMin * 60000;
}

/** MakeDate(MakeDay(y, m, d), MakeTime(h, mi, s, ms)) without a zone. */
export function makeTime(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  if (![y, mo, d, h, mi, s, ms].every(Number.isFinite)) return NaN;
  const ym = y + Math.floor(mo / 12);
  const mn = ((mo % 12) + 12) % 12;
  const date = new Date(0);
  date.setUTCFullYear(Math.trunc(ym), mn, 1);
  date.setUTCHours(0, 0, 0, 0);
  const dayStart = date.getTime() + (Math.trunc(d) - 1) * MS_PER_DAY;
  return dayStart + Math.trunc(h) * 3600000 + Math.trunc(mi) * 60000 + Math.trunc(s) * 1000 + Math.trunc(ms);
}
