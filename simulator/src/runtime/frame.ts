/**
 * Run-time frames and statement locations.
 *
 * A frame is one activation of a procedure (or of a unit's top-level code). Its locals live
 * in a plain array whose indices the compiler fixed ("slots"), so a variable access is an
 * array load, not a name lookup.
 */
import type { LineIndex, Range } from '../syntax/lineIndex.js';

/** One piece of source given to the engine (`addCode`, `ExecuteGlobal`, `Eval` …). */
export interface SourceUnit {
  readonly id: number;
  readonly fileName: string;
  readonly lines: LineIndex;
  /** Every compiled statement of the unit, in compile order (where a debugger may set breakpoints). */
  readonly statements: StatementInfo[];
}

export function newSourceUnit(id: number, fileName: string, lines: LineIndex): SourceUnit {
  return { id, fileName, lines, statements: [] };
}

/**
 * Where a compiled statement sits: its block's array of statement closures and its index.
 * A debugger sets a breakpoint by replacing that closure with one that stops first, so
 * statements without breakpoints pay nothing.
 */
export interface StatementSite {
  readonly execs: Array<(f: Frame) => number>;
  readonly index: number;
}

/** Where a statement is: computed once at compile time, so the debugger hook costs nothing to build it. */
export interface StatementInfo {
  readonly unit: SourceUnit;
  readonly start: number;
  readonly end: number;
  /** 0-based. */
  readonly line: number;
  /** 0-based. */
  readonly column: number;
  /** Set for statements of a block (not for conditions): see `StatementSite`. */
  site?: StatementSite;
}

export function statementRange(info: StatementInfo): Range {
  return info.unit.lines.rangeOf(info);
}

/** What the frame belongs to, for call stacks: a procedure, or the top-level code of a unit. */
export interface FrameOwner {
  /** "Foo", "MyClass.Bar", or "(global code)". */
  readonly displayName: string;
  readonly unit: SourceUnit;
  readonly start: number;
  readonly end: number;
}

export class Frame {
  /** `On Error Resume Next` is in effect: per procedure, so it lives in the frame. */
  resumeNext = false;
  /** The statement running in this frame (for call stacks: an outer frame's is the call in progress). */
  current: StatementInfo | null = null;

  constructor(
    readonly owner: FrameOwner,
    /** The compile-time scope (`compiler/scope.ts`), for Execute/Eval and the debugger's variables view. */
    readonly scope: unknown,
    readonly me: import('./objects/classInstance.js').ClassInstance | null,
    public locals: unknown[],
    readonly caller: Frame | null,
    readonly depth: number,
  ) {}
}
