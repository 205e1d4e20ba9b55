/**
 * `hmailserver_events.log`: what `EventLog.Write` produces (Logger::LogEvent / WriteData_).
 *
 * Each line is `<thread id>` TAB `"<local time with ms>"` TAB `"<text>"`, with every CRLF inside
 * the text replaced by `[nl]`; the file is UTF-16LE with a BOM (the Events log type is the one
 * the server writes as Unicode). Formatting is pure; whoever writes the file calls
 * `encodeEventLogFile`.
 */
import { formatLocalTime } from './clock';

export interface EventLogEntry {
  /** The server thread that ran the script (one per simulated session / delivery). */
  threadId: number;
  /** Local time "YYYY-MM-DD hh:mm:ss.mmm". */
  time: string;
  /** The text as the script passed it. */
  text: string;
  /** The event whose handler wrote it (for the report; not part of the line). */
  event?: string;
}

/** The lines `EventLog.Write` appended during a run, in order. */
export class EventLogSink {
  readonly entries: EventLogEntry[] = [];

  write(entry: EventLogEntry): void {
    this.entries.push(entry);
  }

  /** The file's lines, formatted, without line ends. */
  lines(): string[] {
    return this.entries.map(formatEventLogLine);
  }
}

export function formatEventLogLine(entry: EventLogEntry): string {
  return `${entry.threadId}\t"${entry.time}"\t"${entry.text.replace(/\r\n/g, '[nl]')}"`;
}

/** A log entry stamped with the simulated clock. */
export function eventLogEntry(text: string, threadId: number, nowMs: number, timeZone: string, event?: string): EventLogEntry {
  return { threadId, time: formatLocalTime(nowMs, timeZone, true), text, event };
}

const BOM = Buffer.from([0xff, 0xfe]);

/** The bytes of `hmailserver_events.log` holding `entries`: UTF-16LE with BOM, CRLF after each line. */
export function encodeEventLogFile(entries: readonly EventLogEntry[]): Buffer {
  const body = entries.map((e) => `${formatEventLogLine(e)}\r\n`).join('');
  return Buffer.concat([BOM, Buffer.from(body, 'utf16le')]);
}
