/**
 * The script side of a debug session: runs the synchronous interpreter in a worker thread.
 *
 * Design (why a worker): the interpreter is synchronous and fast; a debugger must stop it
 * at any statement — even inside an endless loop — while the host (the debug adapter, VS
 * Code) stays responsive. Running the engine in a worker lets a stopped script simply block
 * in `Atomics.wait`, reading inspection requests with `receiveMessageOnPort` (no event loop
 * needed), and lets the host abort with `worker.terminate()`. The alternative, a
 * generator-driven interpreter run in time slices, would make every statement slower.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { languageOfPath } from '../../syntax/language.js';
import { ScriptEngine, ScriptError } from '../engine/scriptEngine.js';
import { JScriptEngine } from '../jscript/engine.js';
import { JsEngineDebugger } from '../jscript/debug/jsDebugger.js';
import { EngineDebugger } from './engineDebugger.js';
import { ScriptAborted, type ResumeCommand, type ScriptDebugger, type StoppedScript, type StopEvent } from './protocol.js';
import { ATTENTION, WAKE, type DebugEvent, type DebugRequest, type DebugWorkerData, type WorkerSetup } from './workerMessages.js';

const data = workerData as DebugWorkerData;
const shared = new Int32Array(data.shared);
const port = data.port;

function post(event: DebugEvent): void {
  parentPort!.postMessage(event);
}

function respond(id: number, fn: () => unknown): void {
  try {
    post({ type: 'response', id, result: fn() });
  } catch (e) {
    post({ type: 'response', id, error: e instanceof Error ? e.message : String(e) });
  }
}

let debuggerRef: ScriptDebugger | null = null;

/** Requests that make sense while running: breakpoints and pause. Returns the others. */
function handleRunningRequest(req: DebugRequest): boolean {
  if (req.type === 'setBreakpoints') {
    respond(req.id, () => debuggerRef!.setBreakpoints(req.fileName, req.lines));
    return true;
  }
  if (req.type === 'pause') {
    debuggerRef!.requestPause();
    respond(req.id, () => true);
    return true;
  }
  return false;
}

function nextRequest(): DebugRequest | undefined {
  return receiveMessageOnPort(port)?.message as DebugRequest | undefined;
}

/** Called from the statement hook when the host signalled: drain what arrived. */
function poll(): void {
  Atomics.store(shared, ATTENTION, 0);
  for (let req = nextRequest(); req; req = nextRequest()) {
    if (!handleRunningRequest(req) && req.type !== 'resume') respond(req.id, () => undefined);
  }
}

/** Stopped: serve inspection requests, sleeping between them, until told to resume. */
function whileStopped(script: StoppedScript): ResumeCommand {
  for (;;) {
    const seen = Atomics.load(shared, WAKE);
    const req = nextRequest();
    if (!req) {
      Atomics.wait(shared, WAKE, seen);
      continue;
    }
    Atomics.store(shared, ATTENTION, 0);
    if (handleRunningRequest(req)) continue;
    switch (req.type) {
      case 'resume':
        respond(req.id, () => true);
        return req.command;
      case 'stackTrace':
        respond(req.id, () => script.stackTrace());
        break;
      case 'scopes':
        respond(req.id, () => script.scopes(req.frameId));
        break;
      case 'variables':
        respond(req.id, () => script.variables(req.variablesReference));
        break;
      case 'evaluate':
        respond(req.id, () => script.evaluate(req.expression, req.frameId, req.options));
        break;
      case 'execute':
        respond(req.id, () => script.execute(req.statements, req.frameId));
        break;
    }
  }
}

/** The engine and its debugger for the session's language (given, or by the file name: `.js` is JScript). */
function createEngine(onStop: (event: StopEvent, script: StoppedScript) => ResumeCommand | 'abort'): { engine: ScriptEngine | JScriptEngine; dbg: ScriptDebugger } {
  const options = { attention: shared, poll };
  if ((data.language ?? languageOfPath(data.fileName)) === 'jscript') {
    const engine = new JScriptEngine(data.engineOptions);
    return { engine, dbg: new JsEngineDebugger(engine, onStop, options) };
  }
  const engine = new ScriptEngine(data.engineOptions);
  return { engine, dbg: new EngineDebugger(engine, onStop, options) };
}

async function main(): Promise<void> {
  const output = (text: string) => post({ type: 'output', text });
  const { engine, dbg } = createEngine((event, script) => {
    post({ type: 'stopped', event });
    return whileStopped(script);
  });
  if (data.setupModule) {
    // CommonJS first: the bundle is CommonJS, and tests load TypeScript through tsx's require hook.
    type SetupModule = { setup?: WorkerSetup; default?: { setup?: WorkerSetup } };
    const mod = (typeof require === 'function' ? require(data.setupModule) : await import(data.setupModule)) as SetupModule;
    const setup = mod.setup ?? mod.default?.setup;
    if (setup) await setup(engine, output);
  }
  debuggerRef = dbg;
  for (const b of data.breakpoints) dbg.setBreakpoints(b.fileName, b.lines);
  // Stop on entry: a pause requested before the first statement stops at it.
  if (data.stopOnEntry) dbg.requestPause();
  try {
    engine.addCode(data.source, data.fileName);
    if (data.entry) engine.run(data.entry.procedure, ...data.entry.args);
    engine.close();
    post({ type: 'exited' });
  } catch (e) {
    if (e instanceof ScriptError) {
      const { number, description, source, fileName, line, column } = e;
      post({ type: 'exited', error: { number, description, source, fileName, line, column } });
    } else if (e instanceof ScriptAborted) post({ type: 'exited', error: { message: e.message } });
    else post({ type: 'exited', error: { message: e instanceof Error ? e.stack ?? e.message : String(e) } });
  }
}

void main();
