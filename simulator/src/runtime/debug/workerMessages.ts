/**
 * Messages between a `DebugWorkerSession` (host thread) and `debugWorker.ts` (script thread).
 *
 * Shared memory layout (`Int32Array` over a SharedArrayBuffer):
 *   [ATTENTION] non-zero: requests are waiting on the port; the script checks it before every statement.
 *   [WAKE]      incremented with each request; a stopped script sleeps in `Atomics.wait` on it.
 */
import type { EvaluateOptions, ResumeCommand, StopEvent } from './protocol.js';

export const ATTENTION = 0;
export const WAKE = 1;
export const SHARED_INTS = 2;

export interface DebugWorkerData {
  source: string;
  fileName: string;
  /** The script's language; by default from `fileName` (`.js` is JScript, anything else VBScript). */
  language?: 'vbscript' | 'jscript';
  /** Module (absolute path or file URL) exporting `setup(engine, output)`, to add host objects in the worker. */
  setupModule?: string;
  /** A procedure to call after the top-level code, with JSON-serialisable arguments. */
  entry?: { procedure: string; args: unknown[] };
  engineOptions?: { timeZone?: string; locale?: number; seed?: number; limits?: { maxCallDepth?: number; timeLimitMs?: number } };
  breakpoints: Array<{ fileName: string; lines: number[] }>;
  stopOnEntry: boolean;
  shared: SharedArrayBuffer;
  port: import('node:worker_threads').MessagePort;
}

export type DebugRequest =
  | { id: number; type: 'setBreakpoints'; fileName: string; lines: number[] }
  | { id: number; type: 'pause' }
  | { id: number; type: 'resume'; command: ResumeCommand }
  | { id: number; type: 'stackTrace' }
  | { id: number; type: 'scopes'; frameId: number }
  | { id: number; type: 'variables'; variablesReference: number }
  | { id: number; type: 'evaluate'; expression: string; frameId: number; options?: EvaluateOptions }
  | { id: number; type: 'execute'; statements: string; frameId: number };

export type DebugEvent =
  | { type: 'response'; id: number; result?: unknown; error?: string }
  | { type: 'stopped'; event: StopEvent }
  | { type: 'output'; text: string }
  | { type: 'exited'; error?: { number: number; description: string; source: string; fileName: string; line: number; column: number } | { message: string } };

/** What a setup module exports to prepare the engine in the worker. */
export type WorkerSetup = (
  engine: import('../engine/scriptEngine.js').ScriptEngine | import('../jscript/engine.js').JScriptEngine,
  output: (text: string) => void,
) => void | Promise<void>;
