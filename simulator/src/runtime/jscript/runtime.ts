/**
 * Run-time state of one JScript engine: frames, environments, source units, the statement
 * countdown (deadline, debugger polling), call depth and the error hook. Compiled closures
 * capture their `JsRuntime`, so nothing here is looked up by name while a script runs.
 */
import type { LineIndex, Range } from '../../syntax/lineIndex.js';
import type { VbsObject } from '../objects/comObject.js';
import { ScriptInterrupt } from '../interpreter.js';
import { raiseJs, JsErr } from './errors.js';
import type { JsObject, JsValue } from './values.js';

export { ScriptInterrupt };

/** Statement completions (ES3 8.9), as numbers: statements return one. */
export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export const RETURN = 3;

export type Exec = (f: JsFrame) => number;
export type Eval = (f: JsFrame) => JsValue;

/** One piece of source given to the engine (a file, the appended call, eval code). */
export interface JsSourceUnit {
  readonly id: number;
  readonly fileName: string;
  readonly lines: LineIndex;
  readonly source: string;
  /** Every compiled statement, where a debugger may set breakpoints. */
  readonly statements: JsStatementInfo[];
  /** Functions of the unit still waiting for their first call (lazy compilation): a debugger compiles them to verify breakpoints. */
  readonly lazyFunctions?: Array<{ compile(): unknown }>;
}

export interface JsStatementSite {
  readonly execs: Exec[];
  readonly index: number;
}

export interface JsStatementInfo {
  readonly unit: JsSourceUnit;
  readonly start: number;
  readonly end: number;
  /** 0-based. */
  readonly line: number;
  /** 0-based. */
  readonly column: number;
  site?: JsStatementSite;
}

export function statementRange(info: JsStatementInfo): Range {
  return info.unit.lines.rangeOf(info);
}

/** A function's (or a unit's top-level code's) identity for call stacks. */
export interface FrameOwner {
  readonly displayName: string;
  readonly unit: JsSourceUnit;
  readonly start: number;
  readonly end: number;
}

/** Names of an environment's slots (compile-time knowledge kept for eval, `with` and the debugger). */
export interface ScopeInfo {
  readonly names: Map<string, number>;
  /** Slot → name, for the debugger's Locals. */
  readonly slotNames: string[];
}

/**
 * An environment record (ES3 10.1.6 activation object / catch scope / `with` object). A
 * function's variables live in `slots`, indexed as the compiler resolved them.
 */
export class Env {
  /** Variables created at run time by `eval` code in this function. */
  extra: Map<string, JsValue> | null = null;

  constructor(
    public slots: JsValue[],
    readonly parent: Env | null,
    readonly scope: ScopeInfo | null,
    /** Set for a `with` environment: names resolve to this object's properties. */
    readonly withObject: JsObject | VbsObject | null = null,
  ) {}
}

export class JsFrame {
  ret: JsValue = undefined;
  /** Label of a pending `break label` / `continue label`. */
  label: string | null = null;
  current: JsStatementInfo | null = null;

  constructor(
    readonly owner: FrameOwner,
    /** Current environment: null in global code outside `with`/`catch`. */
    public env: Env | null,
    readonly thisv: JsValue,
    readonly caller: JsFrame | null,
    readonly depth: number,
    /** The function's own environment (`env` may point at a catch/with environment inside it). */
    readonly functionEnv: Env | null,
  ) {}
}

/** Statements between two checks of the slow path (deadline, debugger poll) when no debugger steps. */
const TICK_INTERVAL = 1024;

export interface JsRuntimeLimits {
  maxCallDepth: number;
  timeLimitMs: number;
}

export type JsStatementHook = (info: JsStatementInfo, frame: JsFrame, backEdge: boolean) => void;

/** Where each error happened (innermost statement first wins), for the `ScriptError` at the boundary. */
export const jsErrorLocations = new WeakMap<object, JsStatementInfo>();

export class JsRuntime {
  tick = TICK_INTERVAL;
  depth = 0;
  currentFrame: JsFrame | null = null;
  hook: JsStatementHook | null = null;
  pollHook: (() => void) | null = null;
  /** The `debugger;` statement. */
  stopHook: ((info: JsStatementInfo, frame: JsFrame) => void) | null = null;
  deadline = Infinity;
  private deadlineCounter = 0;
  readonly units: JsSourceUnit[] = [];
  onUnit: ((unit: JsSourceUnit) => void) | null = null;
  /** try blocks with a catch clause currently running (an error raised now will be caught). */
  catchDepth = 0;

  constructor(readonly limits: JsRuntimeLimits) {}

  registerUnit(unit: JsSourceUnit): void {
    if (this.units.includes(unit)) return;
    this.units.push(unit);
    this.onUnit?.(unit);
  }

  /** The slow path of the statement loop. */
  onTick(info: JsStatementInfo, f: JsFrame, backEdge: boolean): void {
    if (this.pollHook !== null) this.pollHook();
    const hook = this.hook;
    if (hook !== null && this.deadline === Infinity) {
      hook(info, f, backEdge);
      return;
    }
    this.tick = TICK_INTERVAL;
    if (this.deadline !== Infinity && (hook === null || (++this.deadlineCounter & 255) === 0) && Date.now() > this.deadline) {
      throw new ScriptInterrupt(`The script exceeded its time limit of ${this.limits.timeLimitMs} ms`, 'timeout');
    }
    if (hook !== null) {
      this.tick = 0;
      hook(info, f, backEdge);
    }
  }

  /** A statement threw: remember where (innermost first), then propagate. The debugger wraps this. */
  handleError(e: unknown, _f: JsFrame, info: JsStatementInfo): never {
    const error = normalizeThrown(e);
    if (typeof error === 'object' && error !== null && !jsErrorLocations.has(error)) jsErrorLocations.set(error, info);
    throw error;
  }

  enterCall(): number {
    if (this.depth >= this.limits.maxCallDepth) raiseJs(JsErr.OutOfStackSpace);
    return ++this.depth;
  }
}

/** JavaScript's own stack overflow (deep expression nesting) becomes JScript's error 28. */
export function normalizeThrown(e: unknown): unknown {
  if (e instanceof RangeError) {
    try {
      raiseJs(JsErr.OutOfStackSpace);
    } catch (converted) {
      return converted;
    }
  }
  return e;
}
