/**
 * The hMailServer debug adapter: DAP over stdio, driving the simulator's pipeline in a worker
 * (`pipelineWorker.ts`) through `WorkerClient`. This thread only translates: it never runs
 * script code, so it answers at once even while a handler loops.
 *
 * Life cycle: initialize → (breakpoints) → launch + configurationDone → run. A run ends with a
 * `terminated` event; `restart` runs the scenario again in the same worker (or a fresh one if
 * the old run is still going); `terminate`/`disconnect` end the worker.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import {
  Breakpoint,
  DebugSession,
  InitializedEvent,
  InvalidatedEvent,
  OutputEvent,
  Source,
  StackFrame,
  StoppedEvent,
  TerminatedEvent,
  Thread,
} from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { ExceptionFilter, ResumeCommand } from '../index';
import { consoleCompletions } from './consoleCompletions';
import { LaunchError, resolveLaunch, type Launch, type LaunchArguments } from './launch';
import { simulator } from './simulator';
import { scriptLinesOf } from './sourceLines';
import { WorkerClient, type RequestBody } from './workerClient';
import type { BreakpointSpec, EvaluateReply, WorkerEvent, WorkerFrame, WorkerScope, WorkerVariable } from './workerProtocol';

const THREAD_ID = 1;

export const EXCEPTION_FILTERS: DebugProtocol.ExceptionBreakpointsFilter[] = [
  { filter: 'all', label: 'All script errors (even under On Error Resume Next or in try … catch)', default: false },
  { filter: 'uncaught', label: 'Errors that abort a handler', default: false },
];

/** A promise settled from outside (launch and configurationDone meet here). */
class Gate<T> {
  resolve!: (v: T) => void;
  readonly promise = new Promise<T>((r) => (this.resolve = r));
}

export class HMailServerDebugSession extends DebugSession {
  private worker: WorkerClient | null = null;
  private launch: Launch | null = null;
  private readonly launched = new Gate<Launch>();
  private readonly configured = new Gate<void>();
  /** Line breakpoints by file (as sent to the worker), kept to re-send to a fresh worker. */
  private readonly lineBreakpoints = new Map<string, BreakpointSpec[]>();
  private functionBreakpoints: Array<BreakpointSpec & { fileName: string }> = [];
  private exceptionFilters: ExceptionFilter[] = [];
  private nextBreakpointId = 1;
  /**
   * Ids of line breakpoints by file and (line, condition, hit condition, log message): VS Code
   * sends a file's whole list whenever one changes, and an unchanged breakpoint keeps its id —
   * and with it its hit count.
   */
  private readonly breakpointIds = new Map<string, Map<string, number>>();
  private runInProgress = false;
  private stopped: (WorkerEvent & { type: 'stopped' }) | null = null;
  /** Frames of the current stop, for completions (file and line of a frame id). */
  private frames = new Map<number, WorkerFrame>();
  private clientSupportsInvalidated = false;
  /** Code that is no file on disk (inline includes, ExecuteGlobal of a string), served by `source` requests. */
  private readonly virtualSources = new Map<string, { reference: number; text: string }>();

  /** Where DAP messages go (stdout); none when the session runs inline. */
  private outStream: NodeJS.WritableStream | null = null;
  private writesHeld = false;

  constructor() {
    super();
    this.setDebuggerLinesStartAt1(true);
    this.setDebuggerColumnsStartAt1(true);
  }

  override start(inStream: NodeJS.ReadableStream, outStream: NodeJS.WritableStream): void {
    this.outStream = outStream;
    super.start(inStream, outStream);
  }

  /**
   * What the worker reports in one message (a run's last output, then its end; output, then a
   * stop) reaches the client in one write: each write wakes the client's process.
   */
  private holdWrites(): void {
    const out = this.outStream as Writable | null;
    if (this.writesHeld || out === null || typeof out.cork !== 'function') return;
    this.writesHeld = true;
    out.cork();
    // After this turn's callbacks and promise reactions (the `terminated` that follows a run's end).
    setImmediate(() => {
      this.writesHeld = false;
      out.uncork();
    });
  }

  // ------------------------------------------------------------ set-up

  protected override initializeRequest(response: DebugProtocol.InitializeResponse, args: DebugProtocol.InitializeRequestArguments): void {
    this.clientSupportsInvalidated = args.supportsInvalidatedEvent === true;
    response.body = {
      supportsConfigurationDoneRequest: true,
      supportsFunctionBreakpoints: true,
      supportsConditionalBreakpoints: true,
      supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true,
      supportsEvaluateForHovers: true,
      supportsSetVariable: true,
      supportsRestartRequest: true,
      supportsTerminateRequest: true,
      supportsCompletionsRequest: true,
      completionTriggerCharacters: ['.'],
      supportsExceptionInfoRequest: true,
      exceptionBreakpointFilters: EXCEPTION_FILTERS,
    };
    this.sendResponse(response);
    // The worker starts now, while the client sends its configuration.
    this.ensureWorker();
    this.sendEvent(new InitializedEvent());
  }

  private ensureWorker(): WorkerClient {
    if (this.worker?.running) return this.worker;
    const worker = new WorkerClient();
    this.worker = worker;
    worker.on('stopped', (e) => {
      this.holdWrites();
      this.stopped = e;
      this.frames.clear();
      const event = new StoppedEvent(e.reason, THREAD_ID, e.text) as DebugProtocol.StoppedEvent;
      event.body.description = e.description;
      this.sendEvent(event);
    });
    worker.on('output', (e) => {
      this.holdWrites();
      const event = new OutputEvent(e.text, e.category) as DebugProtocol.OutputEvent;
      if (e.fileName) {
        event.body.source = this.source(e.fileName);
        if (e.line !== undefined) event.body.line = this.convertDebuggerLineToClient(e.line);
      }
      this.sendEvent(event);
    });
    worker.on('exit', (error) => {
      // Only a worker that died on its own ends the session; one we replaced or terminated does not.
      if (this.worker !== worker) return;
      this.worker = null;
      if (error) this.sendEvent(new OutputEvent(`The debug worker failed: ${error}\n`, 'stderr'));
      if (this.runInProgress) {
        this.runInProgress = false;
        this.sendEvent(new TerminatedEvent());
      }
    });
    // A fresh worker knows nothing yet: send everything configured so far.
    for (const [fileName, breakpoints] of this.lineBreakpoints) this.toWorker({ type: 'setBreakpoints', fileName, breakpoints });
    if (this.functionBreakpoints.length > 0) this.toWorker({ type: 'setFunctionBreakpoints', breakpoints: this.functionBreakpoints });
    if (this.exceptionFilters.length > 0) this.toWorker({ type: 'setExceptionFilters', filters: this.exceptionFilters });
    return worker;
  }

  /** Fire-and-forget for configuration: a failure is reported, never thrown. */
  private toWorker(body: RequestBody): void {
    const worker = this.worker;
    // A worker that ended (terminate, restart) takes its pending requests with it: not worth a message.
    worker?.request(body).catch((e: Error) => worker.running && this.sendEvent(new OutputEvent(`${e.message}\n`, 'stderr')));
  }

  private source(fileName: string): Source {
    const virtual = this.virtualSources.get(fileName);
    if (virtual) return new Source(path.basename(fileName.replace(/\\/g, '/')), undefined, virtual.reference, 'hmailserver');
    return new Source(path.basename(fileName), this.convertDebuggerPathToClient(fileName));
  }

  protected override sourceRequest(response: DebugProtocol.SourceResponse, args: DebugProtocol.SourceArguments): void {
    const found = [...this.virtualSources.values()].find((v) => v.reference === args.sourceReference);
    if (!found) {
      this.sendErrorResponse(response, { id: 1007, format: 'No such source' });
      return;
    }
    response.body = { content: found.text };
    this.sendResponse(response);
  }

  protected override launchRequest(response: DebugProtocol.LaunchResponse, args: LaunchArguments): void {
    try {
      this.launch = resolveLaunch(args);
    } catch (e) {
      const message = e instanceof LaunchError ? e.message : e instanceof Error ? e.message : String(e);
      this.sendErrorResponse(response, { id: 1001, format: message, showUser: true });
      return;
    }
    this.launched.resolve(this.launch);
    this.sendResponse(response);
    // Breakpoints set before launch must hold: nothing runs before configurationDone.
    void this.configured.promise.then(() => this.startRun());
  }

  protected override configurationDoneRequest(response: DebugProtocol.ConfigurationDoneResponse): void {
    this.sendResponse(response);
    this.configured.resolve();
  }

  /**
   * Sends the run to the worker. `respond` (restart) answers the request right after: the worker
   * is already on its way while the response is written.
   */
  private startRun(respond?: () => void): void {
    const launch = this.launch;
    if (!launch) {
      respond?.();
      return;
    }
    const worker = this.ensureWorker();
    this.runInProgress = true;
    this.stopped = null;
    const missing: string[] = [];
    const stopOnEvent = this.stopOnEventEntries(launch, missing);
    worker.request<boolean>({ type: 'run', run: { scenario: launch.scenario, outputDir: launch.outputDir, stopOnEntry: launch.stopOnEntry, stopOnEvent } }).then(
      () => {
        // The run ended (its output came first); a replaced worker's run says nothing.
        if (this.worker !== worker) return;
        this.runInProgress = false;
        this.stopped = null;
        this.sendEvent(new TerminatedEvent());
      },
      // The worker was terminated or died: `exit` (or `terminate`) has spoken already.
      () => undefined,
    );
    respond?.();
    for (const text of missing) this.sendEvent(new OutputEvent(text, 'console'));
  }

  /** The `stopOnEvent` entries of the launch; the events whose handler is missing go to `missing` (as messages). */
  private stopOnEventEntries(launch: Launch, missing: string[]): Array<BreakpointSpec & { fileName: string }> {
    const out: Array<BreakpointSpec & { fileName: string }> = [];
    if (launch.stopOnEvent.length === 0) return out;
    const file = launch.scenario.scriptPath;
    const lines = scriptLinesOf(file);
    for (const name of launch.stopOnEvent) {
      const line = lines?.procedure(name)?.firstLine;
      if (line !== undefined) out.push({ id: this.nextBreakpointId++, line, fileName: file, functionName: name });
      else missing.push(`stopOnEvent: ${path.basename(file)} has no handler ${name} (or it is empty)\n`);
    }
    return out;
  }

  // ------------------------------------------------------------ breakpoints

  protected override setBreakPointsRequest(response: DebugProtocol.SetBreakpointsResponse, args: DebugProtocol.SetBreakpointsArguments): void {
    const fileName = args.source.path ? this.convertClientPathToDebugger(args.source.path) : undefined;
    const requested: DebugProtocol.SourceBreakpoint[] = args.breakpoints ?? (args.lines ?? []).map((line) => ({ line }));
    if (!fileName) {
      response.body = { breakpoints: requested.map(() => ({ verified: false, message: 'Only files on disk can have breakpoints' })) };
      this.sendResponse(response);
      return;
    }
    const lines = scriptLinesOf(fileName);
    const specs: BreakpointSpec[] = [];
    const previousIds = this.breakpointIds.get(fileName) ?? new Map<string, number>();
    const ids = new Map<string, number>();
    this.breakpointIds.set(fileName, ids);
    const breakpoints = requested.map((b) => {
      const wanted = this.convertClientLineToDebugger(b.line);
      const line = lines?.resolve(wanted);
      const key = JSON.stringify([line, b.condition, b.hitCondition, b.logMessage]);
      const id = previousIds.get(key) ?? this.nextBreakpointId++;
      ids.set(key, id);
      if (line === undefined) {
        const bp = new Breakpoint(false, b.line) as DebugProtocol.Breakpoint;
        bp.id = id;
        bp.message = lines ? 'No statement at or after this line' : 'The file cannot be read';
        return bp;
      }
      specs.push({ id, line, condition: b.condition || undefined, hitCondition: b.hitCondition || undefined, logMessage: b.logMessage });
      const bp = new Breakpoint(true, this.convertDebuggerLineToClient(line)) as DebugProtocol.Breakpoint;
      bp.id = id;
      return bp;
    });
    this.lineBreakpoints.set(fileName, specs);
    this.toWorker({ type: 'setBreakpoints', fileName, breakpoints: specs });
    response.body = { breakpoints };
    this.sendResponse(response);
  }

  protected override async setFunctionBreakPointsRequest(response: DebugProtocol.SetFunctionBreakpointsResponse, args: DebugProtocol.SetFunctionBreakpointsArguments): Promise<void> {
    // Names resolve in the launched script: wait for the launch (VS Code sends both before configurationDone).
    const launch = this.launch ?? (await Promise.race([this.launched.promise, new Promise<null>((r) => setTimeout(() => r(null), 5000))]));
    const file = launch?.scenario.scriptPath;
    const lines = file ? scriptLinesOf(file) : undefined;
    this.functionBreakpoints = [];
    const breakpoints = args.breakpoints.map((b) => {
      const id = this.nextBreakpointId++;
      const line = lines?.procedure(b.name)?.firstLine;
      if (file === undefined || line === undefined) {
        const bp = new Breakpoint(false) as DebugProtocol.Breakpoint;
        bp.id = id;
        const what = file && simulator().languageOfPath(file) === 'jscript' ? 'function' : 'Sub, Function or event handler';
        bp.message = file ? `No ${what} ${b.name} with statements in ${path.basename(file)}` : 'No script launched';
        return bp;
      }
      this.functionBreakpoints.push({ id, line, fileName: file, functionName: b.name, condition: b.condition || undefined, hitCondition: b.hitCondition || undefined });
      const bp = new Breakpoint(true, this.convertDebuggerLineToClient(line), undefined, this.source(file)) as DebugProtocol.Breakpoint;
      bp.id = id;
      return bp;
    });
    this.toWorker({ type: 'setFunctionBreakpoints', breakpoints: this.functionBreakpoints });
    response.body = { breakpoints };
    this.sendResponse(response);
  }

  protected override setExceptionBreakPointsRequest(response: DebugProtocol.SetExceptionBreakpointsResponse, args: DebugProtocol.SetExceptionBreakpointsArguments): void {
    const known = new Set(EXCEPTION_FILTERS.map((f) => f.filter));
    const requested = [...args.filters, ...(args.filterOptions ?? []).map((o) => o.filterId)];
    this.exceptionFilters = requested.filter((f): f is ExceptionFilter => known.has(f));
    this.toWorker({ type: 'setExceptionFilters', filters: this.exceptionFilters });
    this.sendResponse(response);
  }

  // ------------------------------------------------------------ execution

  protected override threadsRequest(response: DebugProtocol.ThreadsResponse): void {
    response.body = { threads: [new Thread(THREAD_ID, 'hMailServer')] };
    this.sendResponse(response);
  }

  private resume(response: DebugProtocol.Response, command: ResumeCommand): void {
    this.stopped = null;
    this.forward(response, { type: 'resume', command }, () => (command === 'continue' ? { allThreadsContinued: true } : undefined));
  }

  protected override continueRequest(response: DebugProtocol.ContinueResponse): void {
    this.resume(response, 'continue');
  }
  protected override nextRequest(response: DebugProtocol.NextResponse): void {
    this.resume(response, 'stepOver');
  }
  protected override stepInRequest(response: DebugProtocol.StepInResponse): void {
    this.resume(response, 'stepIn');
  }
  protected override stepOutRequest(response: DebugProtocol.StepOutResponse): void {
    this.resume(response, 'stepOut');
  }
  protected override pauseRequest(response: DebugProtocol.PauseResponse): void {
    this.forward(response, { type: 'pause' });
  }

  protected override async terminateRequest(response: DebugProtocol.TerminateResponse): Promise<void> {
    await this.endWorker();
    this.sendResponse(response);
    this.sendEvent(new TerminatedEvent());
  }

  protected override async disconnectRequest(response: DebugProtocol.DisconnectResponse, args: DebugProtocol.DisconnectArguments): Promise<void> {
    await this.endWorker();
    super.disconnectRequest(response, args);
  }

  protected override async restartRequest(response: DebugProtocol.RestartResponse, args: DebugProtocol.RestartArguments): Promise<void> {
    // VS Code sends the (possibly edited) launch configuration along.
    if (args.arguments) {
      try {
        this.launch = resolveLaunch(args.arguments as LaunchArguments);
      } catch (e) {
        this.sendErrorResponse(response, { id: 1001, format: e instanceof Error ? e.message : String(e), showUser: true });
        return;
      }
    }
    // A run still going (stopped or looping) cannot be rewound: its worker goes, a fresh one runs.
    if (this.runInProgress) await this.endWorker();
    this.startRun(() => this.sendResponse(response));
  }

  private async endWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.runInProgress = false;
    this.stopped = null;
    await worker?.terminate();
  }

  // ------------------------------------------------------------ inspection

  /** Sends `body` to the worker and answers `response` with what `shape` makes of the result. */
  private forward<T>(response: DebugProtocol.Response, body: RequestBody, shape: (result: T) => unknown = () => undefined): void {
    const worker = this.worker;
    if (!worker) {
      this.sendErrorResponse(response, { id: 1002, format: 'Nothing is running' });
      return;
    }
    worker.request<T>(body).then(
      (result) => {
        const shaped = shape(result);
        if (shaped !== undefined) response.body = shaped;
        this.sendResponse(response);
      },
      (e: Error) => this.sendErrorResponse(response, { id: 1003, format: e.message }),
    );
  }

  protected override stackTraceRequest(response: DebugProtocol.StackTraceResponse, args: DebugProtocol.StackTraceArguments): void {
    this.forward<WorkerFrame[]>(response, { type: 'stackTrace' }, (frames) => {
      this.frames = new Map(frames.map((f) => [f.id, f]));
      for (const f of frames) {
        if (f.sourceText !== undefined && !this.virtualSources.has(f.fileName)) this.virtualSources.set(f.fileName, { reference: this.virtualSources.size + 1, text: f.sourceText });
      }
      const start = args.startFrame ?? 0;
      const slice = args.levels ? frames.slice(start, start + args.levels) : frames.slice(start);
      return {
        totalFrames: frames.length,
        stackFrames: slice.map((f) => {
          const frame = new StackFrame(f.id, f.name, this.source(f.fileName), this.convertDebuggerLineToClient(f.line), this.convertDebuggerColumnToClient(f.column)) as DebugProtocol.StackFrame;
          frame.endLine = this.convertDebuggerLineToClient(f.endLine);
          frame.endColumn = this.convertDebuggerColumnToClient(f.endColumn);
          return frame;
        }),
      };
    });
  }

  protected override scopesRequest(response: DebugProtocol.ScopesResponse, args: DebugProtocol.ScopesArguments): void {
    this.forward<WorkerScope[]>(response, { type: 'scopes', frameId: args.frameId }, (scopes) => ({ scopes }));
  }

  protected override variablesRequest(response: DebugProtocol.VariablesResponse, args: DebugProtocol.VariablesArguments): void {
    this.forward<WorkerVariable[]>(response, { type: 'variables', variablesReference: args.variablesReference, filter: args.filter, start: args.start, count: args.count }, (variables) => ({
      variables: variables.map(({ readOnly, ...v }): DebugProtocol.Variable => (readOnly ? { ...v, presentationHint: { attributes: ['readOnly'] } } : v)),
    }));
  }

  protected override setVariableRequest(response: DebugProtocol.SetVariableResponse, args: DebugProtocol.SetVariableArguments): void {
    this.forward<WorkerVariable>(response, { type: 'setVariable', variablesReference: args.variablesReference, name: args.name, value: args.value }, (v) => ({
      value: v.value,
      type: v.type,
      variablesReference: v.variablesReference,
      indexedVariables: v.indexedVariables,
    }));
  }

  protected override evaluateRequest(response: DebugProtocol.EvaluateResponse, args: DebugProtocol.EvaluateArguments): void {
    if (!this.stopped) {
      this.sendErrorResponse(response, { id: 1004, format: this.runInProgress ? 'The script is running: pause it to evaluate' : 'Nothing is running' });
      return;
    }
    const context = args.context ?? 'repl';
    const worker = this.worker!;
    worker.request<EvaluateReply>({ type: 'evaluate', expression: args.expression, frameId: args.frameId ?? 0, context }).then(
      (r) => {
        if (!r.ok) {
          this.sendErrorResponse(response, { id: 1005, format: r.error.replace(/[{}]/g, '') });
          return;
        }
        response.body = { result: r.result, type: r.type, variablesReference: r.variablesReference, indexedVariables: r.indexedVariables };
        this.sendResponse(response);
        // A console statement may have changed anything the Variables view shows.
        if (context === 'repl' && this.clientSupportsInvalidated) this.sendEvent(new InvalidatedEvent(['variables']));
      },
      (e: Error) => this.sendErrorResponse(response, { id: 1003, format: e.message }),
    );
  }

  protected override exceptionInfoRequest(response: DebugProtocol.ExceptionInfoResponse): void {
    const stop = this.stopped;
    if (!stop || stop.reason !== 'exception') {
      this.sendErrorResponse(response, { id: 1006, format: 'Not stopped on an error' });
      return;
    }
    response.body = {
      exceptionId: stop.description,
      description: stop.text,
      breakMode: this.exceptionFilters.includes('all') ? 'always' : 'unhandled',
    };
    this.sendResponse(response);
  }

  protected override completionsRequest(response: DebugProtocol.CompletionsResponse, args: DebugProtocol.CompletionsArguments): void {
    const frame = args.frameId !== undefined ? this.frames.get(args.frameId) : [...this.frames.values()][0];
    const launch = this.launch;
    if (!frame || !launch) {
      response.body = { targets: [] };
      this.sendResponse(response);
      return;
    }
    // JScript: the stopped script answers (its live names, members of what an expression is now).
    if (simulator().languageOfPath(launch.scenario.scriptPath) === 'jscript') {
      if (!this.stopped) {
        response.body = { targets: [] };
        this.sendResponse(response);
        return;
      }
      const column = this.convertClientColumnToDebugger(args.column) - 1;
      this.forward<DebugProtocol.CompletionItem[]>(response, { type: 'completions', frameId: args.frameId, text: args.text, column }, (targets) => {
        if (this.convertDebuggerColumnToClient(1) === 1) for (const t of targets) if (t.start !== undefined) t.start += 1;
        return { targets };
      });
      return;
    }
    try {
      const source = frame.sourceText ?? simulator().decodeScript(readFileSync(frame.fileName)).source;
      const column = this.convertClientColumnToDebugger(args.column) - 1;
      const targets = consoleCompletions(source, frame.line, args.text, column, launch.scenario.version);
      // Starts are 0-based in the text; the client may count from 1.
      if (this.convertDebuggerColumnToClient(1) === 1) for (const t of targets) if (t.start !== undefined) t.start += 1;
      response.body = { targets };
    } catch {
      response.body = { targets: [] };
    }
    this.sendResponse(response);
  }
}
