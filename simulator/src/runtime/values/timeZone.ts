/**
 * Local wall-clock time in an IANA time zone, from a UTC instant and back. Every clock in the
 * simulation (VBScript's Now, message dates, log stamps, the scenario's start time) goes
 * through here, so the host machine's own zone never leaks into a run.
 */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone: callers report it as bad input.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

// Simulated clocks stand still, so the same instant is asked for over and over; Intl is slow.
let lastMs = NaN;
let lastZone = '';
let lastParts: LocalParts | undefined;

/** The wall-clock fields of the instant `ms` (since the Unix epoch) in `timeZone`. */
export function localParts(ms: number, timeZone: string): LocalParts {
  if (ms === lastMs && timeZone === lastZone && lastParts) return { ...lastParts };
  const p: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  lastParts = { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
  lastMs = ms;
  lastZone = timeZone;
  return { ...lastParts };
}

/** Offset of `timeZone` from UTC at the instant `ms`, in whole minutes (east positive). */
export function utcOffsetMinutes(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const localAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((localAsUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** `2026-11-24T10:00:00` (wall-clock time in `timeZone`) → ms since the Unix epoch. */
export function localTimeToEpoch(local: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/.exec(local);
  if (!m) throw new RangeError(`not a local date-time: ${local}`);
  const [, y, mo, d, h, mi, s = '0', frac = '0'] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0').slice(0, 3)));
  // Two passes settle the offset across a daylight-saving change.
  let utc = wall - utcOffsetMinutes(wall, timeZone) * 60000;
  utc = wall - utcOffsetMinutes(utc, timeZone) * 60000;
  return utc;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `ms` as local "YYYY-MM-DD hh:mm:ss" in `timeZone` (the form hMailServer writes), optionally with ".mmm". */
export function formatLocalTime(ms: number, timeZone: string, withMilliseconds = false): string {
  const p = localParts(ms, timeZone);
  const text = `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
  if (!withMilliseconds) return text;
  const millis = ((ms % 1000) + 1000) % 1000;
  return `${text}.${String(Math.floor(millis)).padStart(3, '0')}`;
}
