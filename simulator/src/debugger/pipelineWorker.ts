/**
 * The pipeline worker: runs whole scenarios — every firing, in the server's order — with an
 * debugger on each engine the run creates (VBScript or JScript).
 *
 * Why a worker (see also `runtime/debug/debugWorker.ts`): host objects cannot cross threads,
 * so the whole pipeline must live on the thread that runs the scripts; a stopped script blocks
 * that thread in `Atomics.wait` and answers the adapter's requests read with
 * `receiveMessageOnPort`, while the adapter's thread stays free. Between runs the worker waits
 * the same way for the next `run` (a restart reuses it: no start-up cost per run); the adapter
 * ends it with `worker.terminate()`, wherever it is.
 */
import { formatReport, runScenario, ScenarioError, SimulationError, type ExceptionFilter, type ResumeCommand } from '../index';
import { BreakpointTable } from './breakpointTable';
import { DebugRun } from './debugRun';
import type { ScriptStopView } from './scriptStopView';
import { failure, flushDueOutput, flushOutput, nextRequest, output, respond, response, shared, waitForRequest } from './workerChannel';
import { ATTENTION, type RunRequest, type WorkerRequest } from './workerProtocol';

const table = new BreakpointTable();
let exceptionFilters: ExceptionFilter[] = [];
let active: DebugRun | null = null;

/** Requests that make sense at any time (running, stopped or idle). Returns false for the others. */
function handleAnytime(req: WorkerRequest): boolean {
  switch (req.type) {
    case 'setBreakpoints':
      table.setLines(req.fileName, req.breakpoints);
      active?.applyBreakpoints();
      respond(req.id, () => true);
      return true;
    case 'setFunctionBreakpoints':
      table.setProcedureEntries('function', req.breakpoints);
      active?.applyBreakpoints();
      respond(req.id, () => true);
      return true;
    case 'setExceptionFilters':
      exceptionFilters = req.filters;
      active?.applyExceptionFilters();
      respond(req.id, () => true);
      return true;
    case 'pause':
      active?.requestPause();
      respond(req.id, () => true);
      return true;
    default:
      return false;
  }
}

/** Called from the running script when the adapter signalled: drain what arrived. */
function poll(): void {
  Atomics.store(shared, ATTENTION, 0);
  for (let req = nextRequest(); req; req = nextRequest()) {
    if (!handleAnytime(req)) respond(req.id, () => failure('The script is running'));
  }
  flushDueOutput();
}

/** Stopped: answer inspection requests, sleeping between them, until told to resume. */
function serveStopped(view: ScriptStopView): ResumeCommand {
  for (;;) {
    const req = waitForRequest();
    if (handleAnytime(req)) continue;
    switch (req.type) {
      case 'resume':
        respond(req.id, () => true);
        return req.command;
      case 'stackTrace':
        respond(req.id, () => view.stackTrace());
        break;
      case 'scopes':
        respond(req.id, () => view.scopes(req.frameId));
        break;
      case 'variables':
        respond(req.id, () => view.variables(req.variablesReference, req.filter, req.start, req.count));
        break;
      case 'evaluate':
        respond(req.id, () => view.evaluate(req.expression, req.frameId, req.context));
        break;
      case 'setVariable':
        respond(req.id, () => view.setVariable(req.variablesReference, req.name, req.value));
        break;
      case 'completions':
        respond(req.id, () => view.completions?.(req.text, req.column, req.frameId) ?? []);
        break;
      default:
        respond(req.id, () => failure('A run is in progress'));
    }
  }
}

async function runOnce(request: RunRequest): Promise<boolean> {
  table.resetHits();
  table.setProcedureEntries('event', request.stopOnEvent);
  const run = new DebugRun(request, { table, exceptionFilters: () => exceptionFilters, poll, serveStopped });
  active = run;
  try {
    // Breakpoints bind in procedures compiled on first call too, so the debugger keeps lazy compilation.
    const report = await runScenario(request.scenario, { outputDir: request.outputDir, onEngine: run.onEngine, observer: run.observer, lazyProcedures: true });
    // Errors no firing reported as it happened (a script that failed to load).
    for (const line of report.errors) if (!run.printedErrors.has(line)) output('stderr', line);
    output('stdout', '\n' + formatReport(report, request.outputDir).trimEnd());
    return true;
  } catch (e) {
    // Bad input and time limits are one clear line, as `hmailsim run` prints them.
    if (e instanceof SimulationError || e instanceof ScenarioError) output('stderr', e.message);
    else output('stderr', e instanceof Error ? (e.stack ?? e.message) : String(e));
    return false;
  } finally {
    active = null;
  }
}

async function main(): Promise<void> {
  for (;;) {
    const req = waitForRequest();
    if (handleAnytime(req)) continue;
    if (req.type !== 'run') {
      respond(req.id, () => failure('The script is not stopped'));
      continue;
    }
    // Answered when the run ends (after its output): the adapter's one signal that it did.
    const ok = await runOnce(req.run);
    flushOutput(response(req.id, () => ok));
  }
}

void main();
