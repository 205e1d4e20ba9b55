/**
 * The JScript embedding API, the counterpart of the VBScript `ScriptEngine` (same options,
 * same methods), so hosts can swap engines:
 *
 * ```ts
 * const engine = new JScriptEngine({ timeZone: 'Europe/Berlin', seed: 1 });
 * engine.addObject('Result', result);
 * engine.addCode('function OnAcceptMessage(oClient, oMessage) { Result.Value = 1; }', 'EventHandlers.js');
 * engine.run('OnAcceptMessage', client, message);
 * ```
 *
 * Every JScript error surfaces as a `ScriptError` (source "Microsoft JScript runtime error"
 * or "Microsoft JScript compilation error"); an uncaught `throw` of a non-Error value is
 * 5022 "Exception thrown and not caught", of an Error object its `number` and `description`.
 */
import type { Range } from '../../syntax/lineIndex.js';
import { LineIndex } from '../../syntax/lineIndex.js';
import { parseJScript, type JsParseResult } from '../../syntax/jscript/parser.js';
import { Severity } from '../../syntax/parseResult.js';
import { VbsRuntimeError } from '../errors.js';
import { isComObject, type VbsObject } from '../objects/comObject.js';
import { fromVariant as hostFromVariant, toVariant as hostToVariant, VariantFunction } from '../objects/hostBridge.js';
import { ProgIdRegistry } from '../objects/progIds.js';
import { ScriptError } from '../engine/scriptError.js';
import { standardProgIds } from '../engine/library.js';
import type { ScriptEngineOptions, AddObjectOptions } from '../engine/scriptEngine.js';
import { VbsArray } from '../values/array.js';
import { VDate } from '../values/variant.js';
import { setPropertyKeyConversion } from './access.js';
import { installBuiltins } from './builtins/index.js';
import { argsToVariants, toVariant } from './comBridge.js';
import { compileFunctionSource, compileProgram, runEvalCode } from './compiler/unit.js';
import { toStr } from './conversions.js';
import { setJsTimeZone, timeToOle } from './dateMath.js';
import {
  hostNumberOf,
  jsErrorHResult,
  JsError,
  JS_COMPILATION_ERROR_SOURCE,
  JS_RUNTIME_ERROR_SOURCE,
  ScriptThrow,
} from './errors.js';
import { JsFunction, NativeFunction, UserFunction } from './functions.js';
import { fromVariant } from './hostValues.js';
import { comErrorInfo, Realm } from './realm.js';
import { jsErrorLocations, JsRuntime, ScriptInterrupt, type JsFrame, type JsSourceUnit, type JsStatementInfo, statementRange } from './runtime.js';
import { DONTDELETE, JsArray, JsObject, type JsValue } from './values.js';

export { ScriptError };

setPropertyKeyConversion(toStr);

const nowhere: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A small seeded generator (mulberry32), as the VBScript engine's: reproducible Math.random. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class JScriptEngine {
  readonly progIds = new ProgIdRegistry();
  /** @internal The interpreter state, for the debugger. */
  readonly runtime: JsRuntime;
  /** @internal */
  readonly realm: Realm;
  private readonly timeZone: string;
  private readonly lazy: boolean;
  private readonly sourceName: ((code: string) => string | undefined) | undefined;
  private readonly functionNames: string[] = [];
  private unitCount = 0;
  private activeCalls = 0;

  constructor(options: ScriptEngineOptions = {}) {
    this.runtime = new JsRuntime({ maxCallDepth: 1000, timeLimitMs: Infinity, ...options.limits });
    const clock = options.clock ?? Date.now;
    this.timeZone = options.timeZone ?? 'UTC';
    this.lazy = options.lazyProcedures ?? false;
    this.sourceName = options.sourceName;
    for (const [progId, factory] of standardProgIds) this.progIds.register(progId, factory);
    this.realm = new Realm(this.runtime, {
      clock,
      random: seededRandom(options.seed ?? clock()),
      progIds: this.progIds,
      globalMembers: [],
      evalCode: (code, frame) => this.evalCode(code, frame, true),
      compileFunction: (params, body) => this.compileFunction(params, body),
    });
    installBuiltins(this.realm);
  }

  /** Makes a host object (or a JS function) a global name; `globalMembers` makes its members global names too. */
  addObject(name: string, hostObject: unknown, options: AddObjectOptions = {}): void {
    const realm = this.realm;
    let value: JsValue;
    if (hostObject instanceof VariantFunction) {
      const fn = hostObject.fn;
      value = new NativeFunction(realm, name, 0, (_t, args) => fromVariant(fn(argsToVariants(args))), null, false);
    } else if (typeof hostObject === 'function') {
      const fn = hostObject as (...a: unknown[]) => unknown;
      value = new NativeFunction(realm, name, fn.length, (_t, args) => toScript(fn(...args.map(toHost))), null, false);
    } else {
      value = toScript(hostObject);
    }
    realm.global.define(name, value, DONTDELETE);
    if (options.globalMembers && isComObject(value)) realm.services.globalMembers.push(value);
  }

  addCode(source: string, fileName = `script${this.unitCount + 1}.js`): void {
    this.addParsed(parseJScript(source, fileName), fileName);
  }

  /**
   * Compiles a parsed text without running it: the statements the engine would run (where a
   * debugger can stop). For breakpoint verification before a file runs.
   */
  compileOnly(parsed: JsParseResult, fileName = parsed.fileName ?? `script${this.unitCount + 1}.js`): readonly JsStatementInfo[] {
    if (parsed.program === null) return [];
    const unit = this.newUnit(fileName, parsed.lines);
    compileProgram(this.realm, parsed.program, unit, false);
    return unit.statements;
  }

  /** The host objects added with `globalMembers` (the server's named items), in the order added. */
  namedItems(): readonly VbsObject[] {
    return this.realm.services.globalMembers;
  }

  /** Compiles and runs a parsed unit's global code; functions and variables persist for later units. */
  addParsed(parsed: JsParseResult, fileName = parsed.fileName ?? `script${this.unitCount + 1}.js`): void {
    const error = parsed.diagnostics.find((d) => d.severity === Severity.Error);
    if (error || parsed.program === null) {
      const d = error ?? parsed.diagnostics[0];
      if (!d) throw new ScriptError(1002, 'Syntax error', JS_COMPILATION_ERROR_SOURCE, fileName, 0, 0, '', nowhere);
      throw new ScriptError(d.code, d.message, JS_COMPILATION_ERROR_SOURCE, fileName, d.range.start.line + 1, d.range.start.character + 1, parsed.lines.lineText(d.range.start.line), d.range);
    }
    const unit = this.newUnit(fileName, parsed.lines);
    const program = parsed.program;
    this.enter(() => {
      const compiled = compileProgram(this.realm, program, unit, this.lazy);
      for (const name of compiled.functionNames) if (!this.functionNames.includes(name)) this.functionNames.push(name);
      compiled.run();
    });
  }

  /** Calls a global function by name (case-sensitive); returns its result as a JS value. */
  run(procName: string, ...args: unknown[]): unknown {
    return this.enter(() => {
      const fn = this.realm.global.get(procName);
      if (!(fn instanceof JsFunction)) {
        if (fn === undefined && !this.realm.global.has(procName)) throw new JsError(jsErrorHResult(5009), `'${procName}' is undefined`, 'TypeError');
        throw new JsError(jsErrorHResult(5002), 'Function expected', 'TypeError');
      }
      return toHost(fn.call(undefined, args.map(toScript)));
    });
  }

  eval(expression: string): unknown {
    return this.enter(() => toHost(this.evalCode(expression, null, false)));
  }

  executeStatement(code: string): void {
    this.enter(() => this.evalCode(code, null, false));
  }

  /** Functions declared at the top level of the units added so far (as the script spells them). */
  procedureNames(): string[] {
    return this.functionNames.filter((name) => this.realm.global.get(name) instanceof UserFunction);
  }

  getGlobal(name: string): unknown {
    return toHost(this.realm.global.get(name));
  }

  setGlobal(name: string, value: unknown): void {
    this.realm.global.put(name, toScript(value));
  }

  /** Nothing to release deterministically (JScript objects are garbage-collected); the engine refuses further work. */
  close(): void {
    this.realm.services.globalMembers.length = 0;
  }

  // ------------------------------------------------------------------ internals

  /** @internal A new source unit (files, eval code). */
  newUnit(fileName: string, lines: LineIndex): JsSourceUnit {
    return { id: ++this.unitCount, fileName, lines, source: lines.text, statements: [], lazyFunctions: [] };
  }

  /** @internal eval(code) in `frame`'s scope (null: global code); SyntaxError for bad code. */
  evalCode(code: string, frame: JsFrame | null, register: boolean, fileName?: string): JsValue {
    const name = fileName ?? this.sourceName?.(code) ?? 'eval code';
    const parsed = parseJScript(code, name);
    const d = parsed.diagnostics.find((x) => x.severity === Severity.Error);
    if (d || parsed.program === null) throw new JsError(jsErrorHResult(d?.code ?? 1002), d?.message ?? 'Syntax error', 'SyntaxError');
    const unit = this.newUnit(name, parsed.lines);
    return runEvalCode(this.realm, parsed.program, unit, frame, register);
  }

  private compileFunction(params: string, body: string): JsValue {
    const source = `function anonymous(${params}) {\n${body}\n}`;
    const parsed = parseJScript(source, 'anonymous function');
    const d = parsed.diagnostics.find((x) => x.severity === Severity.Error);
    const decl = parsed.program?.body[0];
    if (d || !decl || decl.type !== 'FunctionDeclaration' || parsed.program!.body.length !== 1) {
      throw new JsError(jsErrorHResult(d?.code ?? 1002), d?.message ?? 'Syntax error', 'SyntaxError');
    }
    return compileFunctionSource(this.realm, decl, this.newUnit('anonymous function', parsed.lines));
  }

  /** Every entry from the host: the engine's time zone, the deadline, errors as `ScriptError`. */
  private enter<T>(fn: () => T): T {
    const rt = this.runtime;
    const outermost = this.activeCalls === 0;
    if (outermost) {
      setJsTimeZone(this.timeZone);
      rt.deadline = Number.isFinite(rt.limits.timeLimitMs) ? Date.now() + rt.limits.timeLimitMs : Infinity;
    }
    this.activeCalls++;
    try {
      return fn();
    } catch (e) {
      throw toScriptError(e);
    } finally {
      this.activeCalls--;
      if (outermost) {
        rt.deadline = Infinity;
        rt.depth = 0;
        rt.catchDepth = 0;
      }
    }
  }
}

/** The number, text and source a host sees for an error that left the script. */
export function describeUncaught(e: unknown): { number: number; description: string; source: string } | null {
  if (e instanceof JsError) return { number: hostNumberOf(e.hresult), description: e.description, source: JS_RUNTIME_ERROR_SOURCE };
  if (e instanceof ScriptThrow) {
    const v = e.value;
    if (v instanceof JsObject && v.cls === 'Error') {
      const n = Number(v.get('number'));
      const description = v.get('description');
      const message = v.get('message');
      const text = typeof description === 'string' && description !== '' ? description : typeof message === 'string' ? message : '';
      return { number: n ? hostNumberOf(n) : 5022, description: n || text ? text : 'Exception thrown and not caught', source: JS_RUNTIME_ERROR_SOURCE };
    }
    return { number: 5022, description: 'Exception thrown and not caught', source: JS_RUNTIME_ERROR_SOURCE };
  }
  if (e instanceof VbsRuntimeError) {
    const { hresult, description } = comErrorInfo(e);
    const source = e.source && !e.source.includes('VBScript') ? e.source : JS_RUNTIME_ERROR_SOURCE;
    return { number: hostNumberOf(hresult), description, source };
  }
  if (e instanceof RangeError) return { number: 28, description: 'Out of stack space', source: JS_RUNTIME_ERROR_SOURCE };
  return null;
}

function toScriptError(e: unknown): unknown {
  if (e instanceof ScriptError) return e;
  const info = typeof e === 'object' && e !== null ? jsErrorLocations.get(e) : undefined;
  const located = (number: number, description: string, source: string): ScriptError =>
    info
      ? new ScriptError(number, description, source, info.unit.fileName, info.line + 1, info.column + 1, info.unit.lines.lineText(info.line), statementRange(info))
      : new ScriptError(number, description, source, '', 0, 0, '', nowhere);
  if (e instanceof ScriptInterrupt) return located(0, e.message, 'ScriptEngine');
  const d = describeUncaught(e);
  if (d === null) return e;
  return located(d.number, d.description, d.source);
}

/** A host value as a script sees it. */
export function toScript(v: unknown): JsValue {
  if (v instanceof JsObject) return v;
  return fromVariant(hostToVariant(v));
}

/** A script value as the host gets it: primitives, Date (wall-clock in UTC fields), arrays; other objects as COM-style objects. */
export function toHost(v: JsValue, depth = 0): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (v instanceof VDate || v instanceof VbsArray) return hostFromVariant(v);
  // hostBridge's convention: a host Date carries the wall-clock time in its UTC fields.
  if (v instanceof JsObject && v.cls === 'Date') return hostFromVariant(new VDate(timeToOle(v.primitive as number)));
  if (v instanceof JsArray && depth < 16) {
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) out.push(toHost(v.getIndex(i), depth + 1));
    return out;
  }
  if (v instanceof JsObject) return toVariant(v);
  return hostFromVariant(v);
}
