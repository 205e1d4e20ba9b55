/**
 * Turns "the server would fire OnX now" into a firing and a report entry: checks the version
 * has the event and the script has a handler (as found at load, §2.2), builds the named items
 * the event gets (§2.4), runs it, reads `Result` back and says what the server does with it (§5).
 */
import { getEvent, resolveResult, RULE_FUNCTION_NAME, type ServerVersion } from '../api';
import type { VbsObject } from '../runtime/objects/comObject';
import type { EventReport, ScriptErrorReport } from '../report/types';
import type { SideEffectRecorder } from '../sandbox/recorder';
import type { SimulatedServer } from '../hmailserver/server/simulatedServer';
import type { ResultObject } from '../hmailserver/objects/result';
import { PARAMETER_ESCAPING, type CallArgument } from './callText';
import { fire, type ScriptHost } from './firing';
import type { ResultDecision } from './session';
import type { HandlerNames } from './scriptLanguage';

/** An argument of an event, by the API's parameter name: an object (named item), a string, a number, or no message. */
export type EventArgument = { object: VbsObject } | { text: string } | { number: number } | { nothing: true };

export interface EventRequest {
  event: string;
  /** Procedure to call, when it differs from the event (rule functions). */
  procedure?: string;
  args: Record<string, EventArgument>;
  result?: ResultObject;
  attempt?: number;
}

/** Thrown when a handler runs past the scenario's time limit: the run stops with a clear message. */
export class HandlerTimeout extends Error {
  constructor(
    readonly event: string,
    readonly error: ScriptErrorReport,
  ) {
    super(`${event} ran past the time limit (${error.file}:${error.line})`);
    this.name = 'HandlerTimeout';
  }
}

export class EventRunner {
  readonly events: EventReport[] = [];
  readonly errors: ScriptErrorReport[] = [];

  constructor(
    private readonly host: ScriptHost,
    private readonly version: ServerVersion,
    /** The procedures the script defines (from the last successful load); undefined when the load failed. */
    private readonly handlers: HandlerNames | undefined,
    private readonly server: SimulatedServer,
    private readonly recorder: SideEffectRecorder,
    /** Told about each event as its entry is recorded. */
    private readonly onEvent?: (report: EventReport) => void,
  ) {}

  private record(entry: EventReport): void {
    this.events.push(entry);
    this.onEvent?.(entry);
  }

  /** Fires `request` if the server would; returns what the server does with the Result. */
  fire(request: EventRequest): ResultDecision | undefined {
    const isRule = request.procedure !== undefined;
    const procedure = request.procedure ?? request.event;
    const api = isRule ? undefined : getEvent(request.event);
    const reportArgs = Object.fromEntries(Object.entries(request.args).map(([k, v]) => [k, describeArgument(v)]));
    const entry: EventReport = { name: procedure, ordinal: this.events.length + 1, args: reportArgs, fired: false };
    if (request.attempt !== undefined) entry.attempt = request.attempt;

    const hasHandler = this.handlers?.has(procedure) ?? false;
    if (!isRule && (!api || !getEvent(request.event, this.version))) {
      // Only worth a line when the script has a handler the version will never call.
      if (hasHandler) this.record({ ...entry, skipped: 'version' });
      return undefined;
    }
    if (this.handlers === undefined) {
      this.record({ ...entry, skipped: 'load-failed' });
      return undefined;
    }
    // Rule functions are called without the exists check (a missing one is a script error).
    if (!isRule && !hasHandler) {
      this.record({ ...entry, skipped: 'no-handler' });
      return undefined;
    }

    const params = isRule ? [{ name: 'oMessage', namedItem: 'HMAILSERVER_MESSAGE' }] : (api?.params ?? []);
    const namedItems: Array<[string, VbsObject]> = [];
    if (request.result) namedItems.push(['Result', request.result]);
    const args: CallArgument[] = params.map((p) => {
      const value = request.args[p.name];
      if (value === undefined || 'nothing' in value) return { kind: 'nothing' };
      if ('object' in value) {
        const name = p.namedItem ?? p.name;
        namedItems.push([name, value.object]);
        return { kind: 'namedItem', name };
      }
      if ('number' in value) return { kind: 'number', value: value.number };
      return { kind: 'string', value: value.text, escaping: PARAMETER_ESCAPING[request.event]?.[p.name] ?? 'doubleQuotes' };
    });

    this.recorder.currentEvent = procedure;
    this.server.currentEvent = procedure;
    const outcome = fire(this.host, { procedure, args, namedItems });
    this.recorder.currentEvent = undefined;
    this.server.currentEvent = undefined;

    entry.fired = true;
    if (request.result) entry.result = { value: request.result.value, message: request.result.message, parameter: request.result.parameter };
    if (outcome.error) {
      entry.error = outcome.error;
      this.errors.push(outcome.error);
    }
    this.record(entry);
    if (outcome.timedOut && outcome.error) throw new HandlerTimeout(procedure, outcome.error);
    return request.result ? decide(isRule ? RULE_FUNCTION_NAME : request.event, request.result, this.version) : undefined;
  }
}

/** §5: whatever is in Result when the handler ends counts, even after a runtime error. */
function decide(event: string, result: ResultObject, version: ServerVersion): ResultDecision | undefined {
  const resolved = resolveResult(event, result.value, result.message, result.parameter);
  if (!resolved) return undefined;
  return { action: resolved.action, reply: resolved.reply, countsAsInvalidCommand: resolved.outcome.countsAsInvalidCommandIn.includes(version) };
}

function describeArgument(v: EventArgument): unknown {
  if ('object' in v) return v.object.typeName;
  if ('text' in v) return v.text;
  if ('number' in v) return v.number;
  return null;
}
