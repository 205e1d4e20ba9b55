/**
 * Messages between the debug adapter (`session.ts`, main thread) and the pipeline worker
 * (`pipelineWorker.ts`), which runs whole scenarios with a debugger on every engine.
 *
 * Requests go over a MessagePort the worker reads synchronously (`receiveMessageOnPort`),
 * so it can answer while a script is stopped or spinning; the shared-memory signals are the
 * engine debugger's (`ATTENTION`: requests are waiting, `WAKE`: a sleeping worker wakes up).
 */
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { ExceptionFilter, ResolvedScenario, ResumeCommand } from '../index';

export { ATTENTION, SHARED_INTS, WAKE } from '../index';

export interface PipelineWorkerData {
  shared: SharedArrayBuffer;
  port: import('node:worker_threads').MessagePort;
}

/** A breakpoint as the worker applies it: the adapter already moved it to an executable line. */
export interface BreakpointSpec {
  /** The adapter's breakpoint id (for hit-count state and messages). */
  id: number;
  line: number;
  condition?: string;
  hitCondition?: string;
  logMessage?: string;
  /** A function breakpoint: stops with reason "function breakpoint". */
  functionName?: string;
}

export interface RunRequest {
  scenario: ResolvedScenario;
  outputDir: string;
  stopOnEntry: boolean;
  /** `stopOnEvent`: each handler's first statement (`functionName` is the event). */
  stopOnEvent: Array<BreakpointSpec & { fileName: string }>;
}

export type VariablesFilter = 'indexed' | 'named';

export type WorkerRequest =
  /** Answered when the run has ended (true: it ran to the end; false: bad input, a time limit, an abort). */
  | { id: number; type: 'run'; run: RunRequest }
  | { id: number; type: 'setBreakpoints'; fileName: string; breakpoints: BreakpointSpec[] }
  /** Replaces every function breakpoint (each carries its file and line). */
  | { id: number; type: 'setFunctionBreakpoints'; breakpoints: Array<BreakpointSpec & { fileName: string }> }
  | { id: number; type: 'setExceptionFilters'; filters: ExceptionFilter[] }
  | { id: number; type: 'pause' }
  | { id: number; type: 'resume'; command: ResumeCommand }
  | { id: number; type: 'stackTrace' }
  | { id: number; type: 'scopes'; frameId: number }
  | { id: number; type: 'variables'; variablesReference: number; filter?: VariablesFilter; start?: number; count?: number }
  | { id: number; type: 'evaluate'; expression: string; frameId: number; context: string }
  | { id: number; type: 'setVariable'; variablesReference: number; name: string; value: string }
  /** Console completions from the stopped script (JScript); `column` is 0-based in `text`. */
  | { id: number; type: 'completions'; frameId?: number; text: string; column: number };

/** A debug-console completion (`start` is 0-based in the console text). */
export type CompletionTarget = DebugProtocol.CompletionItem;

/** A DAP variable as the worker describes it. */
export interface WorkerVariable {
  name: string;
  value: string;
  type: string;
  variablesReference: number;
  evaluateName?: string;
  indexedVariables?: number;
  namedVariables?: number;
  /** A property the API declares read-only: VS Code offers no "Set Value". */
  readOnly?: boolean;
}

export interface WorkerFrame {
  id: number;
  name: string;
  fileName: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The code, when `fileName` is no file on this machine (an include given inline in the scenario, ExecuteGlobal of a string). */
  sourceText?: string;
}

export interface WorkerScope {
  name: string;
  variablesReference: number;
  expensive: boolean;
  presentationHint?: 'arguments' | 'locals' | 'registers';
}

export type EvaluateReply = { ok: true; result: string; type?: string; variablesReference: number; indexedVariables?: number } | { ok: false; error: string };

export type OutputCategory = 'console' | 'stdout' | 'stderr' | 'important';

export type WorkerEvent =
  | { type: 'response'; id: number; result?: unknown; error?: string }
  | { type: 'stopped'; reason: string; description: string; text?: string }
  | { type: 'output'; category: OutputCategory; text: string; fileName?: string; line?: number };

/** What the worker posts: one event, or several in order (output followed by a stop or an answer). */
export type WorkerMessage = WorkerEvent | WorkerEvent[];
