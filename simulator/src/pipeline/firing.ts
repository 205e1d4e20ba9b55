/**
 * One firing of one event, as ScriptServer::FireEvent does it (§2.3): a new engine of the
 * script's language, the
 * named items added with their members global (a bare `Value` is `Result.Value`), the
 * whole file run (its top-level code too), then the appended `Call OnX(…)`. Nothing
 * persists between firings; the parsed file is shared, only runtime state is new.
 */
import type { VbsObject } from '../runtime/objects/comObject';
import type { ScriptEngineOptions } from '../runtime/engine/scriptEngine';
import { ScriptError } from '../runtime/engine/scriptError';
import type { ScriptErrorReport } from '../report/types';
import { appendedCall, type CallArgument } from './callText';
import { reportScriptError } from './errorLog';
import type { ScriptFile } from './scriptFile';
import { addParsed, COMPILATION_ERROR_SOURCES, createEngine, firstSyntaxError, parseScript, type HostedEngine, type ParsedScript, type ScriptLanguage } from './scriptLanguage';

/** What stays the same for every firing of a run. */
export interface ScriptHost {
  script: ScriptFile;
  engineOptions: ScriptEngineOptions;
  /** Adds the ProgIDs scripts may create (sandbox, hMailServer, mocks) to a new engine. */
  registerProgIds(engine: HostedEngine): void;
  /** The run's EventLog (every firing writes to the same log). */
  eventLog: VbsObject;
  /** Cleans up after a firing, however it ended (files a dead handler left open). */
  afterFiring(): void;
  /** Sees each new engine before any code runs (the debugger attaches here). */
  onEngine?: (engine: HostedEngine, event: string) => void;
}

export interface Firing {
  /** Event or rule-function name: the procedure the appended call calls. */
  procedure: string;
  args: readonly CallArgument[];
  /** Named items besides EventLog: Result (where the event has one) and the HMAILSERVER_* objects. */
  namedItems: ReadonlyArray<readonly [string, VbsObject]>;
}

export interface FiringOutcome {
  error?: ScriptErrorReport;
  /** The handler ran past the time limit. */
  timedOut?: boolean;
}

/** A ScriptError from the engine's time limit (not catchable by the script). */
export function isTimeout(error: ScriptError): boolean {
  return error.number === 0 && error.source === 'ScriptEngine';
}

export function fire(host: ScriptHost, firing: Firing): FiringOutcome {
  const script = host.script;
  const callText = appendedCall(script.language, firing.procedure, firing.args);
  const callUnit = `${script.path} (appended call)`;
  const call = parsedCall(script.language, callText, callUnit);
  const callError = firstSyntaxError(call);
  if (callError) {
    // A value the server embedded badly breaks the whole text: nothing runs, not even top-level code.
    const d = callError;
    const error = new ScriptError(d.code, d.message, COMPILATION_ERROR_SOURCES[script.language], script.path, 1, d.range.start.character + 1, callText, d.range);
    return { error: reportScriptError(error, script.path, script.callLine) };
  }
  const engine = createEngine(script.language, host.engineOptions);
  host.registerProgIds(engine);
  host.onEngine?.(engine, firing.procedure);
  engine.addObject('EventLog', host.eventLog, { globalMembers: true });
  for (const [name, object] of firing.namedItems) engine.addObject(name, object, { globalMembers: true });
  try {
    addParsed(engine, script, script.path);
    addParsed(engine, call, callUnit);
    return {};
  } catch (e) {
    if (!(e instanceof ScriptError)) throw e;
    if (isTimeout(e)) return { timedOut: true, error: reportScriptError(e, script.path, e.line) };
    // The call line is reported where the server puts it: two lines below the file.
    if (e.fileName === callUnit) return { error: reportScriptError(e, script.path, script.callLine) };
    return { error: reportScriptError(e, e.fileName || script.path, e.line) };
  } finally {
    // The server closes the engine after each event: objects it still holds are released (Class_Terminate runs).
    closeQuietly(engine);
    host.afterFiring();
  }
}

/**
 * Parsed appended calls, reused: a run fires the same few calls over and over (every message of
 * a replay calls `OnAcceptMessage(HMAILSERVER_CLIENT, HMAILSERVER_MESSAGE)`), and engines share a
 * parse as they share the script's. Bounded, since string arguments make some calls unique.
 */
const callCache = new Map<string, ParsedScript>();
const CALL_CACHE_SIZE = 256;

function parsedCall(language: ScriptLanguage, text: string, unit: string): ParsedScript {
  const key = `${language}\0${unit}\0${text}`;
  let parsed = callCache.get(key);
  if (!parsed) {
    parsed = parseScript(language, text, unit);
    if (callCache.size >= CALL_CACHE_SIZE) callCache.delete(callCache.keys().next().value!);
    callCache.set(key, parsed);
  }
  return parsed;
}

/** An error in a Class_Terminate while the engine closes is not reported by the server either. */
export function closeQuietly(engine: HostedEngine): void {
  try {
    engine.close();
  } catch (e) {
    if (!(e instanceof ScriptError)) throw e;
  }
}
