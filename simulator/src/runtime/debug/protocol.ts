/**
 * The script debugging interface: what a debug adapter needs from a script engine.
 *
 * Engine-neutral on purpose — the VBScript engine implements it now, a JScript engine
 * later. Everything here is plain data (it crosses a worker boundary), positions are
 * 1-based lines/columns plus an LSP range (0-based).
 *
 * Life cycle: the engine reports every statement before running it (location and call
 * depth); the debugger decides whether to stop there (breakpoint, step, pause request,
 * `Stop` statement). While stopped, the host may inspect — call stack, scopes, variables,
 * evaluation — and then resumes with continue / step in / step over / step out, or aborts.
 */
import type { Range } from '../../syntax/lineIndex.js';

export interface SourceLocation {
  fileName: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** The statement's range (0-based, LSP). */
  range: Range;
}

export type StopReason = 'breakpoint' | 'step' | 'pause' | 'stop-statement' | 'exception';

/** A run-time error the script is stopped at (reason `exception`), before it is handled. */
export interface StopError {
  number: number;
  description: string;
  source: string;
  /** Whether an `On Error Resume Next` somewhere on the call stack will catch it. */
  caught: boolean;
}

/** Which run-time errors stop the script: every one (even under `On Error Resume Next`), or those no frame catches. */
export type ExceptionFilter = 'all' | 'uncaught';

export interface StopEvent {
  reason: StopReason;
  location: SourceLocation;
  /** Call depth of the statement: 0 for top-level code. */
  depth: number;
  /** Reason `exception`: the error. */
  error?: StopError;
}

export interface StackFrameInfo {
  /** Index into the current call stack, 0 = innermost; valid until the script resumes. */
  id: number;
  /** "Foo", "MyClass.Bar", "(global code)". */
  name: string;
  /** Where this frame is: the stopped statement, or the call in progress for outer frames. */
  location: SourceLocation | null;
  /** The procedure's whole range (from `Sub` to `End Sub`). */
  procedureRange: Range;
  fileName: string;
}

export interface VariableInfo {
  name: string;
  /** Display text: `"text"` for strings, `12`, `True`, `Null`, `Empty`, `MyClass`, `Variant(0 to 2)`. */
  value: string;
  /** VBScript type name (TypeName). */
  type: string;
  /** Non-zero when the value has children (object members, array elements): pass to `variables`. */
  variablesReference: number;
}

export interface ScopeInfo {
  name: 'Locals' | 'Globals';
  variablesReference: number;
}

export interface EvaluateOptions {
  /** Refuse anything that could change state: user procedures, property setters, Dictionary auto-add, impure built-ins. */
  sideEffectFree?: boolean;
}

export type EvaluateResult = { ok: true; value: VariableInfo } | { ok: false; error: string; number?: number };

export type ResumeCommand = 'continue' | 'stepIn' | 'stepOver' | 'stepOut';

/** What a host may do while the script is stopped (synchronous: the script thread is blocked). */
export interface StoppedScript {
  stackTrace(): StackFrameInfo[];
  scopes(frameId: number): ScopeInfo[];
  variables(variablesReference: number): VariableInfo[];
  evaluate(expression: string, frameId: number, options?: EvaluateOptions): EvaluateResult;
  /** Runs statements in the frame (e.g. to change a variable). */
  execute(statements: string, frameId: number): EvaluateResult;
}

export interface Breakpoint {
  /** 1-based. */
  line: number;
}

/**
 * The debugger side of an engine, driven from the script's own thread. `onStop` is called
 * synchronously when the script stops and returns how to resume.
 */
export interface ScriptDebugger {
  /** Replaces the breakpoints of one file; returns the lines that hold a statement (verified). */
  setBreakpoints(fileName: string, lines: number[]): number[];
  /** Ask for a stop at the next statement (or loop iteration); safe to call from a hook. */
  requestPause(): void;
  detach(): void;
}

/** Thrown into the script to abort it; not catchable by `On Error Resume Next`. */
export class ScriptAborted extends Error {
  constructor() {
    super('Script aborted by the debugger');
    this.name = 'ScriptAborted';
  }
}
