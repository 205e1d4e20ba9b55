/**
 * The state one engine's compiled code runs against: script-global slots, classes, the
 * call depth, the `Err` object, temporaries awaiting release, the debugger hook and the
 * deadline. Compiled closures capture their `Runtime`, so none of this is looked up by name
 * while a script runs.
 */
import { raise, RuntimeError, VbsRuntimeError } from './errors.js';
import { Frame, type FrameOwner, type SourceUnit, type StatementInfo } from './frame.js';
import { inSideEffectFreeEvaluation, SideEffectError } from './objects/comObject.js';
import { ErrObject } from './objects/errObject.js';
import { copyForStore, releaseValue, TemporaryPool } from './objects/lifetime.js';
import { SlotEntry, Undeclared, type UserProcedure } from './procedures.js';
import { Ref } from './references.js';
import type { Value } from './values/variant.js';
import type { ClassInstance } from './objects/classInstance.js';

/** Statements between two cheap checks (deadline, temporaries) when no debugger is attached. */
const TICK_INTERVAL = 1024;

/** Why a run stopped without a VBScript error: not catchable by `On Error Resume Next`. */
export class ScriptInterrupt extends Error {
  constructor(
    message: string,
    readonly reason: 'timeout' | 'abort',
  ) {
    super(message);
    this.name = 'ScriptInterrupt';
  }
}

/**
 * Called before each statement while a debugger steps or pauses (`backEdge`: a loop is about
 * to repeat, reported so that a pause request can stop even an empty `Do … Loop`).
 */
export type StatementHook = (info: StatementInfo, frame: Frame, backEdge: boolean) => void;

export interface GlobalSlotInfo {
  readonly name: string;
  /** Constants and named items refuse assignment (error 501). */
  readOnly: boolean;
}

/** Where each error happened (innermost statement first wins), for the `ScriptError` at the boundary. */
export const errorLocations = new WeakMap<object, StatementInfo>();

export interface RuntimeLimits {
  /** Maximum procedure nesting; deeper calls raise error 28 "Out of stack space". */
  maxCallDepth: number;
  /** Milliseconds a single engine call (`addCode`, `run` …) may take; `Infinity` for none. */
  timeLimitMs: number;
}

export class Runtime {
  /** Script-global slots: a `Value`, or a `SlotEntry` (procedure, undeclared marker). */
  readonly globals: unknown[] = [];
  readonly globalInfo: GlobalSlotInfo[] = [];
  private readonly globalIndex = new Map<string, number>();
  readonly classes = new Map<string, import('./objects/classInstance.js').ClassDefinition>();
  readonly err = new ErrObject();
  readonly temporaries = new TemporaryPool();

  /** Counts down to the next slow-path check; 0 forces a check before the next statement. */
  tick = TICK_INTERVAL;
  depth = 0;
  currentFrame: Frame | null = null;
  hook: StatementHook | null = null;
  /** Called on the slow path (every `TICK_INTERVAL` statements, or every statement while `hook` is set). */
  pollHook: (() => void) | null = null;
  /** Every unit compiled so far, for breakpoints; `onUnit` hears of new ones. */
  readonly units: SourceUnit[] = [];
  onUnit: ((unit: SourceUnit) => void) | null = null;
  /** The `Stop` statement: a breakpoint written in the script (ignored without a debugger). */
  stopHook: ((info: StatementInfo, frame: Frame) => void) | null = null;
  deadline = Infinity;
  private deadlineCounter = 0;

  constructor(readonly limits: RuntimeLimits) {}

  // ---------------------------------------------------------------- globals

  /** The slot of a script-global name, created (undeclared) on first mention. */
  globalSlot(name: string): number {
    const key = name.toLowerCase();
    let index = this.globalIndex.get(key);
    if (index === undefined) {
      index = this.globals.length;
      this.globals.push(Undeclared.instance);
      this.globalInfo.push({ name, readOnly: false });
      this.globalIndex.set(key, index);
    }
    return index;
  }

  findGlobal(name: string): number | undefined {
    return this.globalIndex.get(name.toLowerCase());
  }

  /** Whether the global exists and was declared (Dim, assignment, procedure, named item). */
  isDeclaredGlobal(name: string): boolean {
    const index = this.findGlobal(name);
    return index !== undefined && !(this.globals[index] instanceof Undeclared);
  }

  /** `Dim x` at script level: declares it, keeping a value it already has. */
  declareGlobal(name: string): number {
    const index = this.globalSlot(name);
    if (this.globals[index] instanceof Undeclared) this.globals[index] = undefined;
    return index;
  }

  /** Puts a procedure, constant or named item into a global slot. */
  defineGlobal(name: string, value: unknown, readOnly: boolean): number {
    const index = this.globalSlot(name);
    const old = this.globals[index];
    this.globals[index] = value instanceof SlotEntry ? value : copyForStore(value as Value);
    if (!(old instanceof SlotEntry)) releaseValue(old as Value);
    this.globalInfo[index].readOnly = readOnly;
    return index;
  }

  /** A unit finished compiling: its statements can now take breakpoints. */
  registerUnit(unit: SourceUnit): void {
    if (this.units.includes(unit)) return;
    this.units.push(unit);
    this.onUnit?.(unit);
  }

  // ---------------------------------------------------------------- statement boundary

  /** The slow path of the statement loop: temporaries, deadline, debugger. */
  onTick(info: StatementInfo, f: Frame, backEdge: boolean): void {
    // A debugger polls for requests from other threads (pause, breakpoints); it may install `hook`.
    if (this.pollHook !== null) this.pollHook();
    const hook = this.hook;
    // Stepping: nothing else to do, keep the countdown at 0.
    if (hook !== null && this.deadline === Infinity && this.temporaries.isEmpty) {
      hook(info, f, backEdge);
      return;
    }
    this.tick = TICK_INTERVAL;
    // Values owed to outer frames wait: `callProcedure` forces a check when it returns to them.
    if (!backEdge && !this.temporaries.isEmpty) this.temporaries.collect(f.depth);
    if (this.deadline !== Infinity && (this.hook === null || (++this.deadlineCounter & 255) === 0) && Date.now() > this.deadline) {
      throw new ScriptInterrupt(`The script exceeded its time limit of ${this.limits.timeLimitMs} ms`, 'timeout');
    }
    if (hook !== null) {
      this.tick = 0;
      hook(info, f, backEdge);
    }
  }

  /** `value` owes one release to the frame at `depth` (see `TemporaryPool`). */
  parkTemporary(value: Value, depth: number): void {
    this.temporaries.park(value, depth);
    this.tick = 0;
  }

  // ---------------------------------------------------------------- errors

  /**
   * A statement threw: remember where (innermost first), then either resume (On Error
   * Resume Next in this frame: the error goes to `Err`) or propagate to the caller.
   */
  handleError(e: unknown, f: Frame, info: StatementInfo): void {
    const error = toRuntimeError(e);
    if (typeof error === 'object' && error !== null && !errorLocations.has(error)) errorLocations.set(error, info);
    if (f.resumeNext && error instanceof VbsRuntimeError) {
      this.err.setFrom(error);
      return;
    }
    throw error;
  }

  // ---------------------------------------------------------------- procedures

  /**
   * Calls a compiled procedure. `prepared` holds, per parameter, a `Ref` (a ByRef
   * argument that is a variable or an element) or a value.
   */
  callProcedure(proc: UserProcedure, me: ClassInstance | null, prepared: unknown[], caller: Frame | null): Value {
    const params = proc.parameters;
    if (prepared.length !== params.length) raise(RuntimeError.WrongNumberOfArguments, proc.name);
    if (this.depth >= this.limits.maxCallDepth) raise(RuntimeError.OutOfStackSpace);
    if (inSideEffectFreeEvaluation()) throw new SideEffectError(`call of ${proc.displayName}`);
    if (proc.pending !== null) proc.pending();
    const locals = new Array<unknown>(proc.localCount).fill(undefined);
    for (let i = 0; i < params.length; i++) {
      const a = prepared[i];
      if (a instanceof Ref) locals[i + 1] = params[i].byVal ? copyForStore(a.get()) : a;
      else locals[i + 1] = copyForStore(a as Value);
    }
    const depth = this.depth + 1;
    const frame = new Frame(proc, proc.scope, me, locals, caller, depth);
    proc.initLocals(locals, frame);
    const savedFrame = this.currentFrame;
    this.depth = depth;
    this.currentFrame = frame;
    try {
      proc.body(frame);
    } finally {
      this.depth = depth - 1;
      this.currentFrame = savedFrame;
      releaseLocals(frame.locals, 1);
      if (!this.temporaries.isEmpty) this.tick = 0;
    }
    const result = frame.locals[0] as Value;
    // The result variable's count now travels with the value; the caller's frame drops it.
    if (typeof result === 'object' && result !== null) this.parkTemporary(result, depth - 1);
    return result;
  }

  /** A frame for top-level code (a unit, or Execute/Eval at script level). */
  topFrame(owner: FrameOwner, scope: unknown, localCount: number): Frame {
    return new Frame(owner, scope, null, new Array<unknown>(localCount).fill(undefined), this.currentFrame, this.depth);
  }

  /** Runs top-level code in `frame`, releasing its hidden locals afterwards. */
  runTopLevel(frame: Frame, body: (f: Frame) => unknown): void {
    const saved = this.currentFrame;
    this.currentFrame = frame;
    try {
      body(frame);
    } finally {
      this.currentFrame = saved;
      releaseLocals(frame.locals, 0);
      if (saved === null) this.temporaries.collect(0);
    }
  }
}

function releaseLocals(locals: unknown[], from: number): void {
  for (let i = from; i < locals.length; i++) {
    const v = locals[i];
    if (typeof v === 'object' && v !== null && !(v instanceof Ref)) releaseValue(v as Value);
  }
}

/**
 * Normalises what a statement threw: JavaScript's own stack overflow becomes VBScript's
 * error 28. No message test: near the stack limit even a regular expression can overflow
 * again, and the runtime raises no other RangeError.
 */
export function toRuntimeError(e: unknown): unknown {
  if (e instanceof RangeError) return new VbsRuntimeError(RuntimeError.OutOfStackSpace, 'Out of stack space');
  return e;
}

/** Raises 500 for an undeclared name under Option Explicit. */
export function undefinedVariable(name: string): never {
  raise(RuntimeError.VariableUndefined, name);
}
