/**
 * Dates a message needs from the simulated clock: the RFC 5322 `Date` text `Save` inserts
 * (hMailServer's Time::GetCurrentMimeDate, local time with its UTC offset) and the VT_DATE
 * of `InternalDate` (local wall-clock time, as the server's GetVariant gives it).
 */
import { partsToDate } from '../../runtime/values/dateText';
import { localParts, utcOffsetMinutes } from '../../runtime/values/timeZone';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** `Tue, 24 Nov 2026 10:00:00 +0100` for the instant `ms` in `timeZone`. */
export function mimeDate(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  const offset = utcOffsetMinutes(ms, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const weekday = DAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()];
  return `${weekday}, ${two(p.day)} ${MONTHS[p.month - 1]} ${p.year} ${two(p.hour)}:${two(p.minute)}:${two(p.second)} ${sign}${two(Math.floor(abs / 60))}${two(abs % 60)}`;
}

/** The OLE Automation date of the instant `ms` as local time in `timeZone`. */
export function oleLocalDate(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return partsToDate(p.year, p.month, p.day, p.hour, p.minute, p.second);
}
