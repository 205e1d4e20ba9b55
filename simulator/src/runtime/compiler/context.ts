/**
 * What the compiler needs from the engine, and the per-scope compile state.
 */
import type { Frame, SourceUnit } from '../frame.js';
import type { Runtime } from '../interpreter.js';
import type { VbsObject } from '../objects/comObject.js';
import type { Evaluate } from '../procedures.js';
import type { Value } from '../values/variant.js';
import type { Expression, Statement } from '../../syntax/ast.js';
import type { Scope } from './scope.js';

/** A built-in function as the compiler calls it (library built-ins and engine-level ones alike). */
export interface CallableFunction {
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  call(args: Value[], frame: Frame): Value;
}

/** Engine services the compiled code is bound to. */
export interface CompilerHost {
  readonly rt: Runtime;
  function(key: string): CallableFunction | undefined;
  /** `vb*` constants and other built-in constants. */
  constant(key: string): { value: Value } | undefined;
  /** The global slot of the named item (added with `globalMembers`) that declares `key`. */
  globalMemberOwner(key: string): number | undefined;
  /** Built-in classes creatable with `New` (RegExp). */
  newObject(key: string): (() => VbsObject) | undefined;
  /** Script-level constants folded at compile time. */
  readonly globalConstants: Map<string, Value>;
  /** Compile procedure bodies on their first call (off while a debugger needs every statement up front). */
  readonly lazyProcedures?: boolean;
}

export class CompileContext {
  /** Hidden slots holding the objects of enclosing `With` blocks, innermost last. */
  readonly withSlots: number[] = [];
  /** Names assigned somewhere in the current procedure: implicit locals when not declared elsewhere. */
  implicitLocals: ReadonlySet<string> = new Set();

  constructor(
    readonly host: CompilerHost,
    readonly scope: Scope,
    readonly unit: SourceUnit,
    readonly expression: (ctx: CompileContext, e: Expression) => Evaluate,
    readonly statements: (ctx: CompileContext, body: Statement[]) => import('../procedures.js').Exec,
  ) {}

  get rt(): Runtime {
    return this.host.rt;
  }

  expr(e: Expression): Evaluate {
    return this.expression(this, e);
  }

  block(body: Statement[]): import('../procedures.js').Exec {
    return this.statements(this, body);
  }

  /** The same compiler services for another scope (procedure bodies, Execute). */
  forScope(scope: Scope): CompileContext {
    return new CompileContext(this.host, scope, scope.unit, this.expression, this.statements);
  }
}
