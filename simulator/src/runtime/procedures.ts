/**
 * What a script-global slot can hold besides a Variant: procedures, and the marker of a
 * name that was referenced but never declared. They share the `SlotEntry` base class, so
 * reading a global costs one `typeof` test in the common case (numbers, strings).
 */
import type { FrameOwner, SourceUnit } from './frame.js';
import type { Value } from './values/variant.js';

export abstract class SlotEntry {}

/** A global name compiled before anything declared it (Option Explicit turns a use into error 500). */
export class Undeclared extends SlotEntry {
  static readonly instance = new Undeclared();
}

/** Completion codes returned by compiled statements: how a block was left. */
export const enum Completion {
  Normal = 0,
  ExitDo = 1,
  ExitFor = 2,
  ExitProcedure = 3,
}

/** A compiled statement or block; `f` is the running `Frame`. */
export type Exec = (f: import('./frame.js').Frame) => Completion;
/** A compiled expression. */
export type Evaluate = (f: import('./frame.js').Frame) => Value;

export interface ParameterInfo {
  readonly name: string;
  readonly byVal: boolean;
}

export type UserProcedureKind = 'Sub' | 'Function' | 'PropertyGet' | 'PropertyLet' | 'PropertySet';

/** A Sub, Function or Property written in VBScript, compiled. */
export class UserProcedure extends SlotEntry implements FrameOwner {
  /** Set once the body is compiled (bodies compile after every name of the unit is known). */
  body: Exec = () => Completion.Normal;
  /** Builds the frame's initial locals (Empty, and the arrays of `Dim a(5)`). */
  initLocals: (locals: unknown[], f: import('./frame.js').Frame) => void = () => {};
  /** Number of local slots; grows if `Execute` declares new locals in this scope. */
  localCount = 0;
  /** The compile-time scope, for Execute/Eval and the debugger. */
  scope: unknown = null;
  /**
   * Compiles the body on first call when the engine compiles lazily (hMailServer runs the whole
   * file for every event but calls one handler: compiling every procedure each time dominated).
   */
  pending: (() => void) | null = null;

  constructor(
    readonly name: string,
    readonly kind: UserProcedureKind,
    readonly parameters: readonly ParameterInfo[],
    readonly displayName: string,
    readonly unit: SourceUnit,
    readonly start: number,
    readonly end: number,
    readonly isPublic: boolean,
  ) {
    super();
  }

  /** Functions and Property Get return the value of their name variable, which is local slot 0. */
  get hasResult(): boolean {
    return this.kind === 'Function' || this.kind === 'PropertyGet';
  }
}

/** A procedure implemented in JavaScript on Variants (host procedures, `Echo` in tests). */
export class NativeProcedure extends SlotEntry {
  constructor(
    readonly name: string,
    readonly call: (args: Value[]) => Value,
  ) {
    super();
  }
}
