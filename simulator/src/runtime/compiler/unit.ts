/**
 * Entry points of the compiler: a whole unit (addCode, ExecuteGlobal), statements run in an
 * existing frame (Execute, the debugger), and an expression (Eval, the debugger).
 */
import type { Expression, Program } from '../../syntax/ast.js';
import type { Frame, FrameOwner, SourceUnit } from '../frame.js';
import type { Value } from '../values/variant.js';
import { compileBlock } from './statements.js';
import { CompileContext, type CompilerHost } from './context.js';
import { compileProcedure, createGlobalArrays, declareScriptNames, newDeclaredArray } from './declarations.js';
import { compileExpression } from './expressions.js';
import { Scope } from './scope.js';

function contextFor(host: CompilerHost, scope: Scope, unit: SourceUnit): CompileContext {
  return new CompileContext(host, scope, unit, compileExpression, compileBlock);
}

export interface CompiledUnit {
  readonly owner: FrameOwner;
  /** Runs the unit's top-level code in a new frame. */
  run(): void;
}

/** Compiles a script: declarations first (so everything is callable from anywhere), then code. */
export function compileUnit(host: CompilerHost, program: Program, unit: SourceUnit): CompiledUnit {
  const scope = new Scope(unit, null, null, program.optionExplicit);
  const ctx = contextFor(host, scope, unit);
  const declarations = declareScriptNames(ctx, program.body);
  for (const p of declarations.pending) compileProcedure(ctx, p.proc, p.node, p.classDefinition);
  const body = ctx.block(program.body);
  const owner: FrameOwner = { displayName: '(global code)', unit, start: program.start, end: program.end };
  const rt = host.rt;
  rt.registerUnit(unit);
  return {
    owner,
    run() {
      const frame = rt.topFrame(owner, scope, scope.localCount);
      rt.runTopLevel(frame, (f) => {
        createGlobalArrays(ctx, declarations.arrays, f);
        body(f);
      });
    },
  };
}

/** The scope a frame's code was compiled in (every frame carries one). */
function scopeOf(frame: Frame): Scope {
  return frame.scope as Scope;
}

/**
 * `Execute` (and the debugger's statement evaluation): statements compiled in the scope of
 * `frame` and run there, so they see and may create its local variables.
 */
export function executeInFrame(host: CompilerHost, program: Program, unit: SourceUnit, frame: Frame): void {
  const scope = scopeOf(frame);
  const ctx = contextFor(host, scope, unit);
  const arraysBefore = scope.arrayDeclarations.length;
  const declarations = declareScriptNames(ctx, program.body);
  for (const p of declarations.pending) compileProcedure(ctx, p.proc, p.node, p.classDefinition);
  // Not registered for breakpoints: code given to Execute has no file a debugger could show,
  // and a script may Execute in a loop.
  const body = ctx.block(program.body);
  // New locals declared by the executed code: grow this frame, and future frames of the procedure.
  while (frame.locals.length < scope.localCount) frame.locals.push(undefined);
  if (scope.procedure) scope.procedure.localCount = Math.max(scope.procedure.localCount, scope.localCount);
  createGlobalArrays(ctx, declarations.arrays, frame);
  for (const a of scope.arrayDeclarations.slice(arraysBefore)) frame.locals[a.slot] = newDeclaredArray(a.bounds, frame);
  body(frame);
}

/** `Eval` (and the debugger's watch expressions): an expression evaluated in `frame`'s scope. */
export function evaluateInFrame(host: CompilerHost, expression: Expression, unit: SourceUnit, frame: Frame): Value {
  const scope = scopeOf(frame);
  const ctx = contextFor(host, scope, unit);
  const evaluate = compileExpression(ctx, expression);
  while (frame.locals.length < scope.localCount) frame.locals.push(undefined);
  return evaluate(frame);
}
