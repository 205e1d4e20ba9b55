/**
 * The binder: builds the scopes of a parsed script and resolves every name to a symbol.
 *
 * VBScript hoists declarations (a `Dim` anywhere in a procedure, or a procedure anywhere in the
 * file, is visible from its first line), so each scope is declared in full before any name in it
 * is resolved. A name nobody declared becomes an implicit variable of the innermost procedure (or
 * of the script), as VBScript does; under `Option Explicit` it is also reported as undeclared.
 */
import { getEvent } from '../api/index';
import type {
  Argument,
  ClassDeclaration,
  ConstStatement,
  DimStatement,
  Expression,
  Identifier,
  MeExpression,
  MemberExpression,
  Node,
  ProcedureDeclaration,
  Program,
  Statement,
  WithStatement,
} from '../syntax/ast';
import type { HostScope } from './host';
import type { IncludedSymbol } from './includes';
import type { Located, NodeIndex } from './nodeIndex';
import {
  makeScope,
  makeSymbol,
  type ClassInfo,
  type ProcedureInfo,
  type Scope,
  type SymbolKind,
  type VbSymbol,
} from './symbols';

export interface Binding {
  program: Program;
  host: HostScope;
  global: Scope;
  /** Every resolved identifier (expression names and declarations). */
  symbolOf: Map<Identifier, VbSymbol>;
  /** Leading-dot members (`.Subject` inside `With`) → their With statement. */
  withOf: Map<MemberExpression, WithStatement>;
  /** `Me` → the class it is in. */
  meOf: Map<MeExpression, ClassInfo>;
  procedures: ProcedureInfo[];
  procedureOfDeclaration: Map<ProcedureDeclaration, ProcedureInfo>;
  classes: ClassInfo[];
  classOfDeclaration: Map<ClassDeclaration, ClassInfo>;
  /** Identifiers that resolved to nothing under Option Explicit. */
  undeclared: Identifier[];
  /** The nodes the rules look at, filed during resolution. */
  nodes: NodeIndex;
}

const RULE_FUNCTION_ROLE = { kind: 'rule' } as const;

export function bind(program: Program, host: HostScope, includes: readonly IncludedSymbol[] = []): Binding {
  const global = makeScope('global', host.scope, { start: program.start, end: Number.MAX_SAFE_INTEGER });
  const b: Binding = {
    program,
    host,
    global,
    symbolOf: new Map(),
    withOf: new Map(),
    meOf: new Map(),
    procedures: [],
    procedureOfDeclaration: new Map(),
    classes: [],
    classOfDeclaration: new Map(),
    undeclared: [],
    nodes: { members: [], assignments: [], calls: [], forEach: [], names: [], topLevel: [] },
  };

  for (const inc of includes) {
    if (global.symbols.has(inc.name.key)) continue;
    // Declared in another file: its offsets mean nothing here, so it carries a range and URI instead.
    const s = makeSymbol(global, inc.kind, inc.name.name, undefined, { uri: inc.uri, declarationRange: inc.range });
    global.symbols.set(s.key, s);
  }
  declareBlock(b, global, program.body, undefined);
  new Resolver(b, b.nodes).program(program.body);
  assignRoles(b);
  return b;
}

// ------------------------------------------------------------------------------------ declaring

function declare(b: Binding, scope: Scope, kind: SymbolKind, id: Identifier, node: Node, extra: Partial<VbSymbol> = {}): VbSymbol {
  const existing = scope.symbols.get(id.key);
  // A Property Get/Let/Set trio, or a duplicate the parser already reported: one symbol.
  if (existing && existing.uri === undefined) {
    existing.nodes.push(node);
    if (!b.symbolOf.has(id)) existing.references.push(id);
    b.symbolOf.set(id, existing);
    return existing;
  }
  const s = makeSymbol(scope, kind, id.name, id, { nodes: [node], ...extra });
  scope.symbols.set(s.key, s);
  b.symbolOf.set(id, s);
  return s;
}

/** Declares everything a block introduces into `scope`, descending into nested blocks (Dim is hoisted). */
function declareBlock(b: Binding, scope: Scope, body: readonly Statement[], cls: ClassInfo | undefined): void {
  for (const st of body) {
    switch (st.kind) {
      case 'Dim':
        declareDim(b, scope, st);
        break;
      case 'Const':
        declareConst(b, scope, st);
        break;
      case 'ReDim':
        // ReDim of an unknown name declares it (a dynamic array).
        for (const c of st.clauses) if (!scope.symbols.has(c.name.key)) declare(b, scope, 'variable', c.name, c);
        break;
      case 'Procedure':
        declareProcedure(b, scope, st, cls);
        break;
      case 'Class':
        if (scope.kind === 'global') declareClass(b, scope, st);
        break;
      default:
        for (const child of nestedBodies(st)) declareBlock(b, scope, child, cls);
    }
  }
}

function declareDim(b: Binding, scope: Scope, st: DimStatement): void {
  for (const d of st.declarations) declare(b, scope, 'variable', d.name, d, { visibility: st.visibility });
}

function declareConst(b: Binding, scope: Scope, st: ConstStatement): void {
  for (const d of st.declarations) declare(b, scope, 'constant', d.name, d, { visibility: st.visibility, constValue: d.value });
}

function procedureKind(p: ProcedureDeclaration): SymbolKind {
  if (p.procedureKind === 'Sub') return 'sub';
  if (p.procedureKind === 'Function') return 'function';
  return 'property';
}

function declareProcedure(b: Binding, scope: Scope, p: ProcedureDeclaration, cls: ClassInfo | undefined): void {
  const symbol = declare(b, scope, procedureKind(p), p.name, p, { visibility: p.visibility });
  const pscope = makeScope('procedure', scope, p);
  const info: ProcedureInfo = { node: p, symbol, scope: pscope, classInfo: cls, role: { kind: cls ? 'method' : 'helper' }, parameters: [] };
  pscope.procedure = info;
  if (!symbol.procedure) symbol.procedure = info;
  b.procedures.push(info);
  b.procedureOfDeclaration.set(p, info);
  p.parameters.forEach((param, i) => {
    info.parameters.push(declare(b, pscope, 'parameter', param.name, param, { paramIndex: i }));
  });
  declareBlock(b, pscope, p.body, cls);
}

function declareClass(b: Binding, scope: Scope, c: ClassDeclaration): void {
  const symbol = declare(b, scope, 'class', c.name, c);
  const cscope = makeScope('class', scope, c);
  const info: ClassInfo = { node: c, symbol, scope: cscope };
  cscope.classInfo = info;
  symbol.classInfo = info;
  b.classes.push(info);
  b.classOfDeclaration.set(c, info);
  declareBlock(b, cscope, c.members, info);
}

/** The statement lists nested inside a compound statement. */
function nestedBodies(st: Statement): Statement[][] {
  switch (st.kind) {
    case 'If':
      return [st.body, ...st.elseIfs.map((e) => e.body), ...(st.elseBody ? [st.elseBody] : [])];
    case 'Select':
      return st.cases.map((c) => c.body);
    case 'For':
    case 'ForEach':
    case 'Do':
    case 'While':
    case 'With':
      return [st.body];
    default:
      return [];
  }
}

// ------------------------------------------------------------------------------------ resolving

/** Finds `key` from `scope` outwards, then among the host's names. */
export function lookup(b: Binding, scope: Scope, key: string): VbSymbol | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const found = s.symbols.get(key);
    if (found) return found;
    if (s === b.global) break;
  }
  return b.host.namedItems.get(key) ?? b.host.scope.symbols.get(key) ?? b.host.globalMembers.get(key);
}

function resolveName(b: Binding, scope: Scope, id: Identifier, proc: ProcedureInfo | undefined): VbSymbol {
  const found = lookup(b, scope, id.key);
  if (found) {
    // Host symbols are shared by every analysis: their uses live in `symbolOf` only, or each
    // analysis would grow them (and keep every old tree alive).
    if (found.scope !== b.host.scope && !b.symbolOf.has(id)) found.references.push(id);
    b.symbolOf.set(id, found);
    return found;
  }
  if (b.program.optionExplicit) b.undeclared.push(id);
  // VBScript creates the variable where it is first used: in the procedure, or at script level.
  const home = proc?.scope ?? b.global;
  const s = makeSymbol(home, 'variable', id.name, id, { implicit: true });
  home.symbols.set(s.key, s);
  b.symbolOf.set(id, s);
  return s;
}

/**
 * Resolves every name of the tree, and files the nodes the rules look at (see `NodeIndex`) in
 * the same walk: one pass over the tree instead of one per consumer.
 */
class Resolver {
  private scope: Scope;
  private withs: WithStatement[] = [];
  private proc: ProcedureInfo | undefined;
  private inClass = false;

  constructor(
    private readonly b: Binding,
    private readonly idx: NodeIndex,
  ) {
    this.scope = b.global;
  }

  program(body: readonly Statement[]): void {
    for (const st of body) {
      if (st.kind !== 'Procedure' && st.kind !== 'Class') this.idx.topLevel.push(st);
      this.statement(st);
    }
  }

  private located<T>(node: T): Located<T> {
    return { node, procedure: this.proc, inClass: this.inClass };
  }

  private name(id: Identifier): VbSymbol {
    this.idx.names.push(this.located(id));
    return resolveName(this.b, this.scope, id, this.proc);
  }

  private block(body: readonly Statement[]): void {
    for (const st of body) this.statement(st);
  }

  private statement(st: Statement): void {
    switch (st.kind) {
      case 'Procedure': {
        const info = this.b.procedureOfDeclaration.get(st);
        if (!info) return;
        const saved = { scope: this.scope, withs: this.withs, proc: this.proc };
        this.scope = info.scope;
        this.withs = [];
        this.proc = info;
        this.block(st.body);
        ({ scope: this.scope, withs: this.withs, proc: this.proc } = saved);
        return;
      }
      case 'Class': {
        const info = this.b.classOfDeclaration.get(st);
        if (!info) return;
        const savedScope = this.scope;
        this.scope = info.scope;
        this.inClass = true;
        for (const m of st.members) {
          if (m.kind === 'Procedure') this.statement(m);
          else if (m.kind === 'Const') for (const d of m.declarations) this.expr(d.value);
        }
        this.inClass = false;
        this.scope = savedScope;
        return;
      }
      case 'Dim':
        for (const d of st.declarations) for (const e of d.bounds ?? []) this.expr(e);
        return;
      case 'Const':
        for (const d of st.declarations) this.expr(d.value);
        return;
      case 'ReDim':
        for (const c of st.clauses) {
          if (!this.b.symbolOf.has(c.name)) resolveName(this.b, this.scope, c.name, this.proc);
          for (const e of c.bounds) this.expr(e);
        }
        return;
      case 'Erase':
        for (const t of st.targets) this.name(t);
        return;
      case 'Assignment': {
        this.idx.assignments.push(this.located(st));
        this.expr(st.value);
        this.expr(st.target);
        if (st.target.kind === 'Identifier') {
          const s = this.b.symbolOf.get(st.target);
          if (s && s.scope !== this.b.host.scope) s.assignments.push({ value: st.value, isSet: st.isSet, statement: st, procedure: this.proc });
        }
        return;
      }
      case 'CallStatement':
        this.idx.calls.push(this.located(st));
        this.expr(st.callee);
        this.args(st.args);
        return;
      case 'If':
        this.expr(st.test);
        this.block(st.body);
        for (const e of st.elseIfs) {
          this.expr(e.test);
          this.block(e.body);
        }
        if (st.elseBody) this.block(st.elseBody);
        return;
      case 'Select':
        this.expr(st.discriminant);
        for (const c of st.cases) {
          for (const t of c.tests) this.expr(t);
          this.block(c.body);
        }
        return;
      case 'With': {
        this.expr(st.object);
        const saved = this.withs;
        this.withs = [...saved, st];
        this.block(st.body);
        this.withs = saved;
        return;
      }
      case 'For':
        this.name(st.variable);
        this.expr(st.from);
        this.expr(st.to);
        if (st.step) this.expr(st.step);
        this.block(st.body);
        return;
      case 'ForEach':
        this.idx.forEach.push(this.located(st));
        this.name(st.variable);
        this.expr(st.collection);
        this.block(st.body);
        return;
      case 'Do':
        if (st.condition) this.expr(st.condition);
        this.block(st.body);
        return;
      case 'While':
        this.expr(st.test);
        this.block(st.body);
        return;
      case 'OptionExplicit':
      case 'Exit':
      case 'OnError':
      case 'Stop':
        return;
    }
  }

  private args(args: readonly Argument[]): void {
    for (const a of args) if (a.kind !== 'Missing') this.expr(a);
  }

  private expr(e: Expression): void {
    switch (e.kind) {
      case 'Identifier':
        this.name(e);
        return;
      case 'Member':
        this.idx.members.push(this.located(e));
        if (e.object) this.expr(e.object);
        else if (this.withs.length > 0) this.b.withOf.set(e, this.withs[this.withs.length - 1]);
        return;
      case 'Call':
        this.idx.calls.push(this.located(e));
        this.expr(e.callee);
        this.args(e.args);
        return;
      case 'Unary':
        this.expr(e.operand);
        return;
      case 'Binary':
        this.expr(e.left);
        this.expr(e.right);
        return;
      case 'Paren':
        this.expr(e.expression);
        return;
      case 'New': {
        const cls = lookup(this.b, this.scope, e.className.key);
        if (cls?.kind === 'class') {
          cls.references.push(e.className);
          this.b.symbolOf.set(e.className, cls);
        }
        return;
      }
      case 'Me': {
        const cls = this.scope.classInfo ?? this.scope.parent?.classInfo;
        if (cls) this.b.meOf.set(e, cls);
        return;
      }
      default:
        return;
    }
  }
}

// ------------------------------------------------------------------------------------ roles

/**
 * Event handlers are found by name (any version: a handler the configured version lacks is its own
 * diagnostic). A rule "Run function" is a one-parameter procedure the script never calls itself:
 * the server's rule engine calls it with the message.
 */
function assignRoles(b: Binding): void {
  for (const p of b.procedures) {
    if (p.classInfo) continue;
    const event = getEvent(p.node.name.name);
    if (event) {
      p.role = { kind: 'event', event };
    } else if (p.node.parameters.length === 1 && p.node.procedureKind !== 'PropertyGet' && p.symbol.references.length <= 1) {
      p.role = RULE_FUNCTION_ROLE;
    }
  }
}

/** The procedure whose span contains `offset`, if any (innermost: class methods win over nothing). */
export function procedureAt(b: Binding, offset: number): ProcedureInfo | undefined {
  let best: ProcedureInfo | undefined;
  for (const p of b.procedures) {
    if (p.node.start <= offset && offset <= p.node.end && (!best || p.node.start >= best.node.start)) best = p;
  }
  return best;
}

/** The innermost scope at `offset`. */
export function scopeAt(b: Binding, offset: number): Scope {
  const p = procedureAt(b, offset);
  if (p) return p.scope;
  const c = b.classes.find((k) => k.node.start <= offset && offset <= k.node.end);
  return c ? c.scope : b.global;
}
