/**
 * The server's local time as text. hMailServer writes times in the machine's local time zone
 * ("YYYY-MM-DD hh:mm:ss", with ".mmm" in hmailserver_events.log); the simulated clock is UTC
 * milliseconds plus the scenario's IANA time zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** `ms` (since the Unix epoch) as local "YYYY-MM-DD hh:mm:ss" in `timeZone`, optionally with ".mmm". */
export function formatLocalTime(ms: number, timeZone: string, withMilliseconds = false): string {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const text = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
  if (!withMilliseconds) return text;
  const millis = ((ms % 1000) + 1000) % 1000;
  return `${text}.${String(Math.floor(millis)).padStart(3, '0')}`;
}
