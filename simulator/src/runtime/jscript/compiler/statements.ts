/**
 * Statements → closures returning a completion (ES3 section 12). Blocks run their
 * statements in a loop that does the per-statement work: the countdown to the slow path
 * (deadline, debugger) and recording where an error happened.
 */
import type * as estree from 'acorn';
import { isComObject } from '../../objects/comObject.js';
import { toBoolean, strictEquals } from '../conversions.js';
import { JsErr, raiseJs, ScriptThrow } from '../errors.js';
import { BREAK, CONTINUE, Env, NORMAL, RETURN, type Eval, type Exec, type JsFrame, type JsStatementInfo } from '../runtime.js';
import { DONTENUM, JsObject, type JsValue } from '../values.js';
import { compileTarget } from './assign.js';
import type { CompileContext } from './context.js';
import { compileName } from './names.js';
import { CompileScope } from './scope.js';

type Node = estree.Node;

/** Nested unlabelled blocks run as part of the enclosing list (a `{` line is no statement to stop at). */
function flatten(body: readonly Node[], out: Node[] = []): Node[] {
  for (const n of body) {
    if (n.type === 'BlockStatement') flatten((n as estree.BlockStatement).body, out);
    else out.push(n);
  }
  return out;
}

export function compileStatements(ctx: CompileContext, body: readonly Node[]): Exec {
  const execs: Exec[] = [];
  const infos: JsStatementInfo[] = [];
  for (const node of flatten(body)) {
    const info = ctx.info(node);
    const exec = compileStatement(ctx, node, info, []);
    if (exec) {
      execs.push(exec);
      infos.push(info);
    }
  }
  execs.forEach((_e, index) => {
    infos[index].site = { execs, index };
    ctx.unit.statements.push(infos[index]);
  });
  const rt = ctx.rt;
  const n = execs.length;
  if (n === 0) return () => NORMAL;
  return (f) => {
    for (let i = 0; i < n; i++) {
      const info = infos[i];
      try {
        f.current = info;
        if (--rt.tick <= 0) rt.onTick(info, f, false);
        const c = execs[i](f);
        if (c !== NORMAL) return c;
      } catch (e) {
        rt.handleError(e, f, info);
      }
    }
    return NORMAL;
  };
}

/** A statement in a position that takes one (loop body, if branch): compiled as a list of one. */
function body(ctx: CompileContext, node: Node): Exec {
  return ctx.statements([node]);
}

function compileStatement(ctx: CompileContext, node: Node, info: JsStatementInfo, labels: string[]): Exec | null {
  switch (node.type) {
    case 'EmptyStatement':
    case 'FunctionDeclaration':
      return null;
    case 'ExpressionStatement': {
      const e = ctx.expr((node as estree.ExpressionStatement).expression);
      if (ctx.completionValues) {
        return (f) => {
          f.ret = e(f);
          return NORMAL;
        };
      }
      return (f) => {
        e(f);
        return NORMAL;
      };
    }
    case 'VariableDeclaration':
      return compileVar(ctx, node as estree.VariableDeclaration);
    case 'IfStatement': {
      const n = node as estree.IfStatement;
      const test = ctx.expr(n.test);
      const yes = body(ctx, n.consequent);
      const no = n.alternate ? body(ctx, n.alternate) : null;
      return (f) => (toBoolean(test(f)) ? yes(f) : no !== null ? no(f) : NORMAL);
    }
    case 'BlockStatement': {
      // Only a labelled block gets here (others are flattened).
      const inner = ctx.statements((node as estree.BlockStatement).body);
      return breakable(inner, labels, false);
    }
    case 'ReturnStatement': {
      const arg = (node as estree.ReturnStatement).argument;
      const e = arg ? ctx.expr(arg) : null;
      return (f) => {
        f.ret = e === null ? undefined : e(f);
        return RETURN;
      };
    }
    case 'BreakStatement':
    case 'ContinueStatement': {
      const label = (node as estree.BreakStatement).label?.name ?? null;
      const c = node.type === 'BreakStatement' ? BREAK : CONTINUE;
      return (f) => {
        f.label = label;
        return c;
      };
    }
    case 'ThrowStatement': {
      const e = ctx.expr((node as estree.ThrowStatement).argument);
      return (f) => {
        throw new ScriptThrow(e(f));
      };
    }
    case 'LabeledStatement': {
      const n = node as estree.LabeledStatement;
      const all = [...labels, n.label.name];
      const inner = compileStatement(ctx, n.body, info, all) ?? (() => NORMAL);
      // Loops, switches and blocks handle their labels; any other statement (`L: if (…) break L;`) ends here.
      return breakable(inner, all, false);
    }
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
      return compileLoop(ctx, node, info, labels);
    case 'ForInStatement':
      return compileForIn(ctx, node as estree.ForInStatement, info, labels);
    case 'SwitchStatement':
      return compileSwitch(ctx, node as estree.SwitchStatement, labels);
    case 'TryStatement':
      return compileTry(ctx, node as estree.TryStatement);
    case 'WithStatement':
      return compileWith(ctx, node as estree.WithStatement, labels);
    case 'DebuggerStatement': {
      const rt = ctx.rt;
      return (f) => {
        rt.stopHook?.(info, f);
        return NORMAL;
      };
    }
  }
  return raiseJs(JsErr.SyntaxError);
}

function compileVar(ctx: CompileContext, node: estree.VariableDeclaration): Exec | null {
  const inits: Array<{ set: (f: JsFrame, v: JsValue) => void; value: Eval }> = [];
  for (const d of node.declarations) {
    if (!d.init) continue;
    const access = compileName(ctx, (d.id as estree.Identifier).name);
    inits.push({ set: access.set, value: ctx.expr(d.init) });
  }
  if (inits.length === 0) return null;
  if (inits.length === 1) {
    const { set, value } = inits[0];
    return (f) => {
      set(f, value(f));
      return NORMAL;
    };
  }
  return (f) => {
    for (let i = 0; i < inits.length; i++) inits[i].set(f, inits[i].value(f));
    return NORMAL;
  };
}

/** Wraps a labelled non-loop statement: `break label` ends it. */
function breakable(inner: Exec, labels: readonly string[], consumeUnlabelled: boolean): Exec {
  if (labels.length === 0 && !consumeUnlabelled) return inner;
  return (f) => {
    const c = inner(f);
    if (c === BREAK && ((f.label === null && consumeUnlabelled) || (f.label !== null && labels.includes(f.label)))) {
      f.label = null;
      return NORMAL;
    }
    return c;
  };
}

/** What a loop does with its body's completion: 0 go on, 1 leave the loop, 2 propagate. */
function loopControl(f: JsFrame, c: number, labels: readonly string[]): number {
  if (c === BREAK) {
    if (f.label === null || labels.includes(f.label)) {
      f.label = null;
      return 1;
    }
    return 2;
  }
  if (c === CONTINUE) {
    if (f.label === null || labels.includes(f.label)) {
      f.label = null;
      return 0;
    }
    return 2;
  }
  return 2;
}

function compileLoop(ctx: CompileContext, node: Node, info: JsStatementInfo, labels: readonly string[]): Exec {
  const rt = ctx.rt;
  let init: Eval | Exec | null = null;
  let test: Eval | null = null;
  let update: Eval | null = null;
  let doWhile = false;
  let loopBody: Node;
  if (node.type === 'ForStatement') {
    const n = node as estree.ForStatement;
    if (n.init) init = n.init.type === 'VariableDeclaration' ? compileVar(ctx, n.init as estree.VariableDeclaration) : ctx.expr(n.init);
    test = n.test ? ctx.expr(n.test) : null;
    update = n.update ? ctx.expr(n.update) : null;
    loopBody = n.body;
  } else {
    const n = node as estree.WhileStatement;
    test = ctx.expr(n.test);
    loopBody = n.body;
    doWhile = node.type === 'DoWhileStatement';
  }
  const exec = body(ctx, loopBody);
  return (f) => {
    if (init !== null) init(f);
    let first = doWhile;
    for (;;) {
      if (!first && test !== null && !toBoolean(test(f))) break;
      first = false;
      const c = exec(f);
      if (c !== NORMAL) {
        const action = loopControl(f, c, labels);
        if (action === 1) break;
        if (action === 2) return c;
      }
      if (--rt.tick <= 0) rt.onTick(info, f, true);
      if (update !== null) update(f);
    }
    return NORMAL;
  };
}

/** Enumerable property names of an object and its prototypes, shadowed ones once (ES3 12.6.4). */
function enumerableKeys(o: JsObject): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let p: JsObject | null = o; p !== null; p = p.proto) {
    for (const key of p.ownKeys()) {
      if (seen.has(key)) continue;
      seen.add(key);
      if ((p.attributes(key) & DONTENUM) === 0) out.push(key);
    }
  }
  return out;
}

function compileForIn(ctx: CompileContext, node: estree.ForInStatement, info: JsStatementInfo, labels: readonly string[]): Exec {
  const rt = ctx.rt;
  let init: Exec | null = null;
  let left: Node = node.left;
  if (left.type === 'VariableDeclaration') {
    const decl = left as estree.VariableDeclaration;
    init = compileVar(ctx, decl);
    left = decl.declarations[0].id;
  }
  const target = compileTarget(ctx, left);
  const object = ctx.expr(node.right);
  const exec = body(ctx, node.body);
  return (f) => {
    if (init !== null) init(f);
    const o = object(f);
    // jscript.dll enumerates nothing for null/undefined, primitives and COM objects (no IDispatchEx).
    if (!(o instanceof JsObject)) return NORMAL;
    for (const key of enumerableKeys(o)) {
      if (!o.has(key)) continue;
      const at = target.locate(f);
      target.write(f, at, key);
      const c = exec(f);
      if (c !== NORMAL) {
        const action = loopControl(f, c, labels);
        if (action === 1) break;
        if (action === 2) return c;
      }
      if (--rt.tick <= 0) rt.onTick(info, f, true);
    }
    return NORMAL;
  };
}

function compileSwitch(ctx: CompileContext, node: estree.SwitchStatement, labels: readonly string[]): Exec {
  const discriminant = ctx.expr(node.discriminant);
  const cases = node.cases.map((c) => ({ test: c.test ? ctx.expr(c.test) : null, body: ctx.statements(c.consequent) }));
  const defaultIndex = cases.findIndex((c) => c.test === null);
  const run: Exec = (f) => {
    const v = discriminant(f);
    let start = -1;
    for (let i = 0; i < cases.length; i++) {
      const t = cases[i].test;
      if (t !== null && strictEquals(v, t(f))) {
        start = i;
        break;
      }
    }
    if (start < 0) start = defaultIndex;
    if (start < 0) return NORMAL;
    for (let i = start; i < cases.length; i++) {
      const c = cases[i].body(f);
      if (c !== NORMAL) return c;
    }
    return NORMAL;
  };
  return breakable(run, labels, true);
}

function compileTry(ctx: CompileContext, node: estree.TryStatement): Exec {
  const realm = ctx.realm;
  const rt = ctx.rt;
  const block = ctx.statements(node.block.body);
  let guarded: Exec = block;
  if (node.handler) {
    const param = (node.handler.param as estree.Identifier).name;
    const scope = new CompileScope('catch', ctx.scope);
    scope.addSlot(param);
    const handler = ctx.withScope(scope).statements(node.handler.body.body);
    guarded = (f) => {
      const env = f.env;
      rt.catchDepth++;
      let c: number;
      try {
        c = block(f);
        rt.catchDepth--;
      } catch (e) {
        rt.catchDepth--;
        f.env = env;
        const caught = realm.caughtValue(e);
        if (!caught.catchable) throw e;
        f.env = new Env([caught.value], env, scope);
        try {
          c = handler(f);
        } finally {
          f.env = env;
        }
      }
      return c;
    };
  }
  if (!node.finalizer) return guarded;
  const finalizer = ctx.statements(node.finalizer.body);
  return (f) => {
    const env = f.env;
    let c = NORMAL;
    let pending: unknown = null;
    let threw = false;
    try {
      c = guarded(f);
    } catch (e) {
      if (!realm.caughtValue(e).catchable) throw e;
      pending = e;
      threw = true;
    }
    f.env = env;
    const ret = f.ret;
    const label = f.label;
    const fc = finalizer(f);
    // An abrupt finally (return, break, throw) replaces whatever the try block did.
    if (fc !== NORMAL) return fc;
    f.ret = ret;
    f.label = label;
    if (threw) throw pending;
    return c;
  };
}

function compileWith(ctx: CompileContext, node: estree.WithStatement, labels: readonly string[]): Exec {
  const realm = ctx.realm;
  const object = ctx.expr(node.object);
  const scope = new CompileScope('with', ctx.scope);
  const inner = ctx.withScope(scope).statements([node.body]);
  return breakable((f) => {
    const v = object(f);
    const o = isComObject(v) ? v : realm.toObject(v);
    if (!(o instanceof JsObject) && !isComObject(o)) return raiseJs(JsErr.ObjectExpected);
    const env = f.env;
    f.env = new Env([], env, null, o);
    try {
      return inner(f);
    } finally {
      f.env = env;
    }
  }, labels, false);
}
