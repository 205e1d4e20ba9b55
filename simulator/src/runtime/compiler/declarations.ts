/**
 * The declaration pass. VBScript knows every name of a script before running it:
 * procedures and classes can be called above their definition, `Dim` anywhere in a
 * procedure declares for the whole procedure, constants are folded. This pass registers
 * them in the scope (or the script globals), then procedure bodies are compiled.
 */
import type { ClassDeclaration, ConstDeclarator, Expression, ProcedureDeclaration, Statement, VariableDeclarator } from '../../syntax/ast.js';
import type { SourceUnit } from '../frame.js';
import { ClassDefinition } from '../objects/classInstance.js';
import { releaseValue } from '../objects/lifetime.js';
import { Completion, UserProcedure, type Evaluate } from '../procedures.js';
import { VbsArray } from '../values/array.js';
import { toLong } from '../values/coerce.js';
import type { Value } from '../values/variant.js';
import type { CompileContext } from './context.js';
import { Scope } from './scope.js';

/** Statements of a body, descending into blocks but not into procedures or classes. */
export function* statementsIn(body: Statement[]): Generator<Statement> {
  for (const s of body) {
    yield s;
    switch (s.kind) {
      case 'If':
        yield* statementsIn(s.body);
        for (const e of s.elseIfs) yield* statementsIn(e.body);
        if (s.elseBody) yield* statementsIn(s.elseBody);
        break;
      case 'Select':
        for (const c of s.cases) yield* statementsIn(c.body);
        break;
      case 'For':
      case 'ForEach':
      case 'Do':
      case 'While':
      case 'With':
        yield* statementsIn(s.body);
        break;
      default:
        break;
    }
  }
}

/** Names a body assigns without declaring them: VBScript's implicit variables. */
export function assignedNames(body: Statement[]): Set<string> {
  const names = new Set<string>();
  for (const s of statementsIn(body)) {
    if (s.kind === 'Assignment' && s.target.kind === 'Identifier') names.add(s.target.key);
    else if (s.kind === 'For' || s.kind === 'ForEach') names.add(s.variable.key);
    else if (s.kind === 'ReDim') for (const c of s.clauses) names.add(c.name.key);
  }
  return names;
}

/** Evaluates a constant's expression once, at compile time. */
function foldConstant(ctx: CompileContext, value: Expression): Value {
  const rt = ctx.rt;
  const frame = rt.topFrame({ displayName: '(constant)', unit: ctx.unit, start: value.start, end: value.end }, ctx.scope, ctx.scope.localCount);
  return ctx.expr(value)(frame);
}

function arrayInitializer(ctx: CompileContext, d: VariableDeclarator): Evaluate[] | null {
  if (!d.bounds) return null;
  return d.bounds.map((b) => ctx.expr(b));
}

/** `Dim a(2, 3)`: a fixed-size array; `Dim a()`: a dynamic one without elements. */
export function newDeclaredArray(bounds: Evaluate[], f: import('../frame.js').Frame): VbsArray {
  if (bounds.length === 0) return new VbsArray([], [], false);
  return VbsArray.create(
    bounds.map((b) => toLong(b(f))),
    true,
  );
}

// ---------------------------------------------------------------- script level

export interface GlobalDeclarations {
  /** Arrays declared at script level, created when the unit starts running. */
  arrays: Array<{ slot: number; bounds: Evaluate[] }>;
  /** Procedures whose bodies still need compiling, with their scope. */
  pending: Array<{ proc: UserProcedure; node: ProcedureDeclaration; classDefinition: ClassDefinition | null }>;
}

/** Registers a unit's script-level names (or, for Execute in a procedure, the procedure's). */
export function declareScriptNames(ctx: CompileContext, body: Statement[]): GlobalDeclarations {
  const rt = ctx.rt;
  const scope = ctx.scope;
  const out: GlobalDeclarations = { arrays: [], pending: [] };
  for (const s of body) {
    if (s.kind === 'Procedure') {
      const proc = newProcedure(ctx.unit, s, s.name.name);
      rt.defineGlobal(s.name.name, proc, false);
      out.pending.push({ proc, node: s, classDefinition: null });
    } else if (s.kind === 'Class') {
      declareClass(ctx, s, out);
    }
  }
  for (const s of statementsIn(body)) {
    if (s.kind === 'Const') for (const c of s.declarations) declareConstant(ctx, c);
    else if (s.kind === 'Dim') {
      for (const d of s.declarations) {
        const bounds = arrayInitializer(ctx, d);
        if (scope.isGlobal) {
          const slot = rt.declareGlobal(d.name.name);
          if (bounds) out.arrays.push({ slot, bounds });
        } else {
          const slot = scope.declareLocal(d.name.name).slot;
          if (bounds) scope.arrayDeclarations.push({ slot, bounds });
        }
      }
    }
  }
  if (!scope.explicit) {
    if (scope.isGlobal) {
      for (const name of assignedNames(body)) if (!isProvidedName(ctx, name)) rt.declareGlobal(name);
    } else {
      ctx.implicitLocals = new Set([...ctx.implicitLocals, ...assignedNames(body)]);
    }
  }
  return out;
}

/** Names a named item's global members or a built-in already give meaning to: assigning them is not declaring a variable. */
function isProvidedName(ctx: CompileContext, key: string): boolean {
  return ctx.host.globalMemberOwner(key) !== undefined || ctx.host.function(key) !== undefined || ctx.host.constant(key) !== undefined;
}

function declareConstant(ctx: CompileContext, c: ConstDeclarator): void {
  const value = foldConstant(ctx, c.value);
  if (ctx.scope.isGlobal) {
    ctx.host.globalConstants.set(c.name.key, value);
    ctx.rt.defineGlobal(c.name.name, value, true);
  } else {
    ctx.scope.constants.set(c.name.key, value);
  }
}

function newProcedure(unit: SourceUnit, node: ProcedureDeclaration, displayName: string): UserProcedure {
  return new UserProcedure(
    node.name.name,
    node.procedureKind,
    node.parameters.map((p) => ({ name: p.name.name, byVal: p.byVal })),
    displayName,
    unit,
    node.start,
    node.end,
    node.visibility !== 'Private',
  );
}

const accessorOf = { Sub: 'method', Function: 'method', PropertyGet: 'get', PropertyLet: 'let', PropertySet: 'set' } as const;

function declareClass(ctx: CompileContext, node: ClassDeclaration, out: GlobalDeclarations): void {
  const def = new ClassDefinition(node.name.name, ctx.rt);
  const arrayFields: Array<{ slot: number; bounds: Evaluate[] }> = [];
  for (const m of node.members) {
    if (m.kind === 'Dim') {
      for (const d of m.declarations) {
        const field = def.addField(d.name.name, m.visibility !== 'Private');
        const bounds = arrayInitializer(ctx, d);
        if (bounds) arrayFields.push({ slot: field.slot, bounds });
      }
    } else if (m.kind === 'Const') {
      for (const c of m.declarations) def.constants.set(c.name.key, foldConstant(ctx, c.value));
    } else {
      const proc = newProcedure(ctx.unit, m, `${def.name}.${m.name.name}`);
      const member = def.memberFor(m.name.name);
      member[accessorOf[m.procedureKind]] = proc;
      member.isPublic = m.visibility !== 'Private';
      if (m.isDefault) def.defaultKey = m.name.key;
      if (m.name.key === 'class_initialize') def.initialize = proc;
      if (m.name.key === 'class_terminate') def.terminate = proc;
      out.pending.push({ proc, node: m, classDefinition: def });
    }
  }
  if (arrayFields.length > 0) {
    const rt = ctx.rt;
    const owner = { displayName: def.name, unit: ctx.unit, start: node.start, end: node.end };
    def.initFields = (fields) => {
      const frame = rt.topFrame(owner, ctx.scope, 0);
      for (const a of arrayFields) fields[a.slot] = newDeclaredArray(a.bounds, frame);
    };
  }
  ctx.rt.classes.set(node.name.key, def);
}

// ---------------------------------------------------------------- procedures

/** Compiles a procedure's body in its own scope (after every script-level name is known). */
export function compileProcedure(outer: CompileContext, proc: UserProcedure, node: ProcedureDeclaration, classDefinition: ClassDefinition | null): void {
  if (outer.host.lazyProcedures) {
    proc.pending = () => {
      proc.pending = null;
      compileProcedureNow(outer, proc, node, classDefinition);
    };
    return;
  }
  compileProcedureNow(outer, proc, node, classDefinition);
}

function compileProcedureNow(outer: CompileContext, proc: UserProcedure, node: ProcedureDeclaration, classDefinition: ClassDefinition | null): void {
  const scope = new Scope(outer.unit, proc, classDefinition, outer.scope.explicit);
  if (classDefinition) for (const [k, v] of classDefinition.constants) scope.constants.set(k, v);
  if (proc.hasResult) scope.locals.set(node.name.key, { name: node.name.name, slot: 0, byRefParameter: false });
  for (const p of node.parameters) scope.declareLocal(p.name.name, !p.byVal);
  const ctx = outer.forScope(scope);
  declareScriptNames(ctx, node.body);
  const body = ctx.block(node.body);
  proc.scope = scope;
  proc.body = (f) => {
    body(f);
    return Completion.Normal;
  };
  proc.localCount = scope.localCount;
  const arrays = scope.arrayDeclarations;
  if (arrays.length > 0) {
    proc.initLocals = (locals, f) => {
      for (const a of arrays) locals[a.slot] = newDeclaredArray(a.bounds, f);
    };
  }
}

/** Creates the script-level arrays of a unit (before its code runs). */
export function createGlobalArrays(ctx: CompileContext, arrays: GlobalDeclarations['arrays'], f: import('../frame.js').Frame): void {
  const g = ctx.rt.globals;
  for (const a of arrays) {
    const old = g[a.slot];
    g[a.slot] = newDeclaredArray(a.bounds, f);
    releaseValue(old as Value);
  }
}
