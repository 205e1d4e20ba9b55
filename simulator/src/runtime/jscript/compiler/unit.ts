/**
 * Entry points of the compiler: a program (global code), eval code run in a frame's scope
 * (direct eval, the debugger's evaluate/execute), and `new Function` bodies.
 */
import type * as estree from 'acorn';
import { UserFunction, type FunctionTemplate } from '../functions.js';
import type { Realm } from '../realm.js';
import { JsFrame, type Exec, type FrameOwner, type JsSourceUnit } from '../runtime.js';
import { DONTDELETE, type JsValue } from '../values.js';
import { analyzeBody } from './analysis.js';
import { CompileContext, type Compilers } from './context.js';
import { compileExpression } from './expressions.js';
import { compileFunctionTemplate } from './functions.js';
import { declareGlobalVar } from './names.js';
import { CompileScope } from './scope.js';
import { compileStatements } from './statements.js';

const compilers: Compilers = { expr: compileExpression, statements: compileStatements };

export interface CompiledProgram {
  readonly owner: FrameOwner;
  /** Names of the functions the program declares (as written). */
  readonly functionNames: string[];
  run(): void;
}

/** Global code: `var`s and functions become properties of the global object when it runs (ES3 10.2.1). */
export function compileProgram(realm: Realm, program: estree.Program, unit: JsSourceUnit, lazy: boolean): CompiledProgram {
  const scope = new CompileScope('global', null);
  const ctx = new CompileContext(realm, unit, scope, compilers, false, lazy);
  const analysis = analyzeBody(program.body);
  const functions = analysis.functions.map((fn) => ({ name: fn.id!.name, template: compileFunctionTemplate(ctx, fn) }));
  const body = ctx.statements(program.body);
  const owner: FrameOwner = { displayName: '(global code)', unit, start: program.start, end: program.end };
  const rt = realm.rt;
  rt.registerUnit(unit);
  return {
    owner,
    functionNames: functions.map((f) => f.name),
    run() {
      for (const name of analysis.vars) declareGlobalVar(realm, name, false);
      for (const { name, template } of functions) realm.global.define(name, new UserFunction(realm, template, null), DONTDELETE);
      const frame = new JsFrame(owner, null, realm.global, rt.currentFrame, rt.depth, null);
      runFrame(realm, frame, body);
    },
  };
}

function runFrame(realm: Realm, frame: JsFrame, body: Exec): void {
  const rt = realm.rt;
  const saved = rt.currentFrame;
  rt.currentFrame = frame;
  try {
    body(frame);
  } finally {
    rt.currentFrame = saved;
  }
}

/**
 * Eval code (ES3 10.2.2) in the scope of `caller` (null: global code). Every name is looked
 * up by walking the caller's environments; `var`s and functions land in the caller's
 * variable object. Runs in a frame of its own (its own unit for the debugger); returns the
 * completion value (the last expression statement's value).
 */
export function runEvalCode(realm: Realm, program: estree.Program, unit: JsSourceUnit, caller: JsFrame | null, register: boolean): JsValue {
  const rt = realm.rt;
  const global = new CompileScope('global', null);
  const scope = new CompileScope('eval', global);
  const ctx = new CompileContext(realm, unit, scope, compilers, true, false);
  const analysis = analyzeBody(program.body);
  const functions = analysis.functions.map((fn) => ({ name: fn.id!.name, template: compileFunctionTemplate(ctx, fn) }));
  const body = ctx.statements(program.body);
  if (register) rt.registerUnit(unit);
  const env = caller?.env ?? null;
  const varEnv = caller?.functionEnv ?? null;
  const declare = (name: string, value: JsValue, isFunction: boolean): void => {
    if (varEnv === null) {
      declareGlobalVar(realm, name, true);
      if (isFunction) realm.global.put(name, value);
      return;
    }
    const slot = varEnv.scope?.names.get(name);
    if (slot !== undefined) {
      if (isFunction) varEnv.slots[slot] = value;
      return;
    }
    const extra = (varEnv.extra ??= new Map());
    if (isFunction || !extra.has(name)) extra.set(name, isFunction ? value : extra.get(name));
  };
  for (const name of analysis.vars) declare(name, undefined, false);
  for (const { name, template } of functions) declare(name, new UserFunction(realm, template, env), true);
  const owner: FrameOwner = { displayName: 'eval code', unit, start: program.start, end: program.end };
  const depth = rt.enterCall();
  const frame = new JsFrame(owner, env, caller ? caller.thisv : realm.global, rt.currentFrame, depth, varEnv);
  try {
    runFrame(realm, frame, body);
  } finally {
    rt.depth = depth - 1;
  }
  return frame.ret;
}

/** `new Function(params, body)`: a function in the global scope (ES3 15.3.2.1). */
export function compileFunctionSource(realm: Realm, fn: estree.Function, unit: JsSourceUnit): UserFunction {
  const ctx = new CompileContext(realm, unit, new CompileScope('global', null), compilers, false, false);
  const template: FunctionTemplate = compileFunctionTemplate(ctx, fn);
  realm.rt.registerUnit(unit);
  return new UserFunction(realm, template, null);
}

