/**
 * What a simulated run reports: `hmailsim run --json` prints this, `report.json` stores it,
 * the debugger shows it, and `hmailsim test` compares it with a scenario's `expect`.
 * `schemaVersion` changes whenever a field changes meaning.
 */
import type { SideEffect } from '../sandbox/context';

/** What happened to the SMTP transaction (a script that fails to load changes nothing: its events are skipped "load-failed"). */
export type Outcome = 'accepted' | 'rejected' | 'tempfail' | 'disconnected' | 'deleted';

export interface TranscriptLine {
  from: 'client' | 'server';
  line: string;
}

export interface ScriptErrorReport {
  number: number;
  description: string;
  source: string;
  file: string;
  /** 1-based, as hMailServer prints it (appended call lines count). */
  line: number;
  column: number;
  /** The line as hMailServer logs it (§2.6). */
  logLine: string;
}

export interface EventReport {
  name: string;
  /** 1-based position among all firings of the run. */
  ordinal: number;
  /**
   * Arguments by the API's parameter names: objects by their type (`"Client"`, `"Message"`),
   * `null` for Nothing, strings and numbers as the server had them (before the escaping of §2.5).
   */
  args: Record<string, unknown>;
  fired: boolean;
  skipped?: 'no-handler' | 'version' | 'load-failed';
  result?: { value: unknown; message: string; parameter: unknown };
  error?: ScriptErrorReport;
  /** Delivery attempt (1-based) for delivery events. */
  attempt?: number;
}

export interface FailedRecipient {
  recipient: string;
  error: string;
}

export interface MessageReport {
  subject: string;
  /** Header name → value (first occurrence), as queued or delivered. */
  headers: Record<string, string>;
  /** The message as queued/delivered, relative to the run's output folder. */
  file?: string;
  /** Headers the scripts (and rules) added, changed or removed, against the .eml as sent. */
  changes?: HeaderChange[];
}

export interface HeaderChange {
  header: string;
  /** `null`: the header was added. */
  before: string | null;
  /** `null`: the header was removed. */
  after: string | null;
}

export interface RunReport {
  schemaVersion: 1;
  scenario: string;
  script: string;
  hmailserver: string;
  outcome: Outcome;
  /** The server line that decided the transaction (never the closing 221). */
  reply: string;
  transcript: TranscriptLine[];
  events: EventReport[];
  delivered: string[];
  failed: FailedRecipient[];
  message?: MessageReport;
  /** EventLog.Write texts, in order. */
  eventLog: string[];
  /** Script errors in hMailServer's log format. */
  errors: string[];
  sideEffects: SideEffect[];
  /** What rules did that the simulator only describes (IMAP folders, forwards). */
  notes?: string[];
}
