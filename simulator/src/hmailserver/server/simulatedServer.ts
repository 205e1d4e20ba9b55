/**
 * One run's server: its state (the "database"), the event log the scripts write, and the hooks
 * and labels the pipeline sets while events fire. Every hMailServer object created in a run
 * holds the same `SimulatedServer`, so a change one handler saves is what the next one sees.
 */
import type { ScenarioServer } from '../../scenario/types';
import { EventLogSink } from './eventLog';
import type { PasswordHook } from './passwords';
import { buildServerState, type BuildOptions } from './state';
import type { ServerState } from './types';

export interface SimulatedServer {
  readonly state: ServerState;
  readonly eventLog: EventLogSink;
  /** Set by the pipeline in 5.7 runs: fires OnClientValidatePassword (see passwords.ts). */
  passwordHook?: PasswordHook;
  /** Thread id `EventLog.Write` stamps: the pipeline sets one per session / delivery / fetch. */
  threadId: number;
  /** Open sessions by eSessionType (1 SMTP, 3 POP3, 5 IMAP …), for `Status.SessionCount`; set by the pipeline. */
  sessionCounts?: Partial<Record<number, number>>;
  /** The event whose handler is running, for event-log entries (side effects are labelled by the recorder). */
  currentEvent?: string;
}

export function createSimulatedServer(server?: ScenarioServer, options?: BuildOptions): SimulatedServer {
  return { state: buildServerState(server, options), eventLog: new EventLogSink(), threadId: 1 };
}
