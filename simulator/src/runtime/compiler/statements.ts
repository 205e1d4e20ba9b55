/**
 * Statements → closures returning a `Completion`. Blocks run their statements in a loop
 * that does the per-statement work: the cheap countdown to the slow path (debugger hook,
 * deadline, temporaries) and error handling (`On Error Resume Next` continues with the
 * next statement of the block that failed).
 */
import type { NodeOfKind, Statement } from '../../syntax/ast.js';
import { raise, RuntimeError } from '../errors.js';
import type { StatementInfo } from '../frame.js';
import { copyForStore, releaseValue, retainValue } from '../objects/lifetime.js';
import { Completion, type Exec } from '../procedures.js';
import { Ref } from '../references.js';
import { VbsArray } from '../values/array.js';
import { toLong } from '../values/coerce.js';
import { binaryOperators } from '../values/operators.js';
import type { Value } from '../values/variant.js';
import { compileAssignment, compileTarget } from './assignments.js';
import { compileContent, compileLoad, resolve } from './bindings.js';
import { compileCondition } from './conditions.js';
import { compileInvocation } from './calls.js';
import type { CompileContext } from './context.js';
import { compileDoLoop, compileForEach, compileForLoop, compileWhileLoop } from './loops.js';

type StatementCompiler<K extends Statement['kind']> = (ctx: CompileContext, node: NodeOfKind<K>, info: StatementInfo) => Exec | null;

/** Declarations compile to nothing here: the declaration pass (`declarations.ts`) handled them. */
const declaration = (): null => null;

const statementCompilers: { [K in Statement['kind']]: StatementCompiler<K> } = {
  OptionExplicit: declaration,
  Dim: declaration,
  Const: declaration,
  Procedure: declaration,
  Class: declaration,
  Assignment: (ctx, node) => compileAssignment(ctx, node),
  CallStatement: (ctx, node) => {
    const call = compileInvocation(ctx, node.callee, node.args, false);
    return (f) => {
      call(f);
      return Completion.Normal;
    };
  },
  If: compileIf,
  Select: compileSelect,
  For: compileForLoop,
  ForEach: compileForEach,
  Do: compileDoLoop,
  While: compileWhileLoop,
  Exit: (_ctx, node) => {
    const completion = exitCompletions[node.target];
    return () => completion;
  },
  With: compileWith,
  OnError: (ctx, node) => {
    const err = ctx.rt.err;
    const resumeNext = node.mode === 'ResumeNext';
    return (f) => {
      f.resumeNext = resumeNext;
      err.clear();
      return Completion.Normal;
    };
  },
  Stop: (ctx, _node, info) => {
    const rt = ctx.rt;
    return (f) => {
      rt.stopHook?.(info, f);
      return Completion.Normal;
    };
  },
  ReDim: compileReDim,
  Erase: compileErase,
};

const exitCompletions = {
  Do: Completion.ExitDo,
  For: Completion.ExitFor,
  Function: Completion.ExitProcedure,
  Sub: Completion.ExitProcedure,
  Property: Completion.ExitProcedure,
} as const;

export function statementInfo(ctx: CompileContext, node: { start: number; end: number }): StatementInfo {
  const pos = ctx.unit.lines.positionAt(node.start);
  return { unit: ctx.unit, start: node.start, end: node.end, line: pos.line, column: pos.character };
}

export function compileBlock(ctx: CompileContext, body: Statement[]): Exec {
  const execs: Exec[] = [];
  const infos: StatementInfo[] = [];
  for (const node of body) {
    const info = statementInfo(ctx, node);
    const exec = (statementCompilers[node.kind] as StatementCompiler<Statement['kind']>)(ctx, node, info);
    if (exec) {
      execs.push(exec);
      infos.push(info);
    }
  }
  execs.forEach((_exec, index) => {
    infos[index].site = { execs, index };
    ctx.unit.statements.push(infos[index]);
  });
  const rt = ctx.rt;
  const n = execs.length;
  if (n === 0) return () => Completion.Normal;
  return (f) => {
    for (let i = 0; i < n; i++) {
      try {
        const info = infos[i];
        f.current = info;
        if (--rt.tick <= 0) rt.onTick(info, f, false);
        const c = execs[i](f);
        if (c !== Completion.Normal) return c;
      } catch (e) {
        rt.handleError(e, f, infos[i]);
      }
    }
    return Completion.Normal;
  };
}

function compileIf(ctx: CompileContext, node: NodeOfKind<'If'>, info: StatementInfo): Exec {
  const tests = [node, ...node.elseIfs].map((c) => compileCondition(ctx, ctx.expr(c.test), info));
  const bodies = [node.body, ...node.elseIfs.map((c) => c.body)].map((b) => ctx.block(b));
  const elseBody = node.elseBody ? ctx.block(node.elseBody) : null;
  if (tests.length === 1) {
    const test = tests[0];
    const body = bodies[0];
    return (f) => (test(f) ? body(f) : elseBody ? elseBody(f) : Completion.Normal);
  }
  return (f) => {
    for (let i = 0; i < tests.length; i++) if (tests[i](f)) return bodies[i](f);
    return elseBody ? elseBody(f) : Completion.Normal;
  };
}

function compileSelect(ctx: CompileContext, node: NodeOfKind<'Select'>): Exec {
  const discriminant = ctx.expr(node.discriminant);
  const equal = binaryOperators['='];
  const cases = node.cases.map((c) => ({ isElse: c.isElse, tests: c.tests.map((t) => ctx.expr(t)), body: ctx.block(c.body) }));
  return (f) => {
    const d = discriminant(f);
    for (const c of cases) {
      if (c.isElse) return c.body(f);
      for (const t of c.tests) if (equal(d, t(f)) === true) return c.body(f);
    }
    return Completion.Normal;
  };
}

function compileWith(ctx: CompileContext, node: NodeOfKind<'With'>): Exec {
  const object = ctx.expr(node.object);
  const slot = ctx.scope.hiddenSlot();
  ctx.withSlots.push(slot);
  const body = ctx.block(node.body);
  ctx.withSlots.pop();
  return (f) => {
    // The With object is held (and counted) for the whole block, as VBScript does.
    f.locals[slot] = copyForStore(object(f));
    try {
      return body(f);
    } finally {
      const held = f.locals[slot] as Value;
      f.locals[slot] = undefined;
      releaseValue(held);
    }
  };
}

function compileReDim(ctx: CompileContext, node: NodeOfKind<'ReDim'>): Exec {
  const preserve = node.preserve;
  const clauses = node.clauses.map((c) => {
    const b = resolve(ctx, c.name.name);
    return {
      load: b.kind === 'local' || b.kind === 'global' || b.kind === 'field' ? compileContent(ctx, b) : compileLoad(ctx, b),
      assign: compileTarget(ctx, c.name, false),
      bounds: c.bounds.map((e) => ctx.expr(e)),
    };
  });
  return (f) => {
    for (const c of clauses) {
      const bounds = c.bounds.map((b) => toLong(b(f)));
      let current: unknown = c.load(f);
      if (current instanceof Ref) current = current.get();
      if (current instanceof VbsArray) {
        const before = current.data;
        current.redim(bounds, preserve);
        // Counts follow the elements: the new storage holds references, the old one gives its up.
        for (const v of current.data) retainValue(v);
        for (const v of before) releaseValue(v);
      } else {
        c.assign(f, VbsArray.create(bounds));
      }
    }
    return Completion.Normal;
  };
}

function compileErase(ctx: CompileContext, node: NodeOfKind<'Erase'>): Exec {
  const loads = node.targets.map((t) => ({ name: t.name, load: compileLoad(ctx, resolve(ctx, t.name)) }));
  return (f) => {
    for (const { name, load } of loads) {
      const v = load(f);
      if (!(v instanceof VbsArray)) raise(RuntimeError.TypeMismatch, name);
      for (const old of v.erase()) releaseValue(old);
    }
    return Completion.Normal;
  };
}

