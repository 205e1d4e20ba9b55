/**
 * The embedding API, modelled on the Windows Script Control:
 *
 * ```ts
 * const engine = new ScriptEngine({ locale: 1033, seed: 1 });
 * engine.addObject('Result', { Value: 0 });
 * engine.addCode('Sub OnAcceptMessage(oClient, oMessage) : Result.Value = 1 : End Sub');
 * engine.run('OnAcceptMessage', client, message);
 * ```
 *
 * Calls are synchronous. Values cross the boundary as described in `objects/hostBridge.ts`;
 * every VBScript error surfaces as a `ScriptError`.
 */
import { parse } from '../../syntax/parser.js';
import { Severity, type ParseResult } from '../../syntax/parseResult.js';
import { LineIndex } from '../../syntax/lineIndex.js';
import type { BuiltinContext } from '../builtins/context.js';
import { VbsRuntimeError } from '../errors.js';
import { newSourceUnit, type Frame, type SourceUnit } from '../frame.js';
import { Runtime, ScriptInterrupt, type RuntimeLimits } from '../interpreter.js';
import { compileUnit } from '../compiler/unit.js';
import { isComObject, type VbsObject } from '../objects/comObject.js';
import { releaseValue } from '../objects/lifetime.js';
import { fromVariant, jsFunctionProcedure, toVariant, VariantFunction } from '../objects/hostBridge.js';
import { ProgIdRegistry } from '../objects/progIds.js';
import { NativeProcedure, SlotEntry, UserProcedure } from '../procedures.js';
import { Scope } from '../compiler/scope.js';
import { setDefaultValueHook } from '../values/defaultValue.js';
import { setCurrentLocale } from '../values/locale.js';
import type { Value } from '../values/variant.js';
import { createCompilerHost, type NamedItemMembers } from './compilerHost.js';
import { engineBuiltins, evalIn, executeIn, type EngineServices } from './engineBuiltins.js';
import { standardProgIds } from './library.js';
import { scriptErrorFromDiagnostic, scriptErrorFromInterrupt, scriptErrorFromRuntime } from './scriptError.js';

export { ScriptError } from './scriptError.js';

export interface ScriptEngineOptions {
  /** Current time in ms since the Unix epoch (default `Date.now`). */
  clock?: () => number;
  /** IANA time zone for Now/Date/Time (default "UTC"). */
  timeZone?: string;
  /** LCID (default 1033, en-US). */
  locale?: number;
  /** Seed of Rnd's generator (default: from the clock). */
  seed?: number;
  limits?: Partial<RuntimeLimits>;
  /**
   * Names code run by Execute/ExecuteGlobal, so included files keep their own name and line
   * numbers in errors and the debugger (hMailServer scripts include helpers that way).
   */
  sourceName?: (code: string) => string | undefined;
  /**
   * Compile each Sub/Function on its first call instead of up front. Much faster for hosts that
   * run a whole file to call one procedure (the hMailServer pipeline); leave it off when a
   * debugger must be able to set breakpoints in any procedure before it runs.
   */
  lazyProcedures?: boolean;
}

export interface AddObjectOptions {
  /** The object's members are usable without qualification (`Value` for `Result.Value`). */
  globalMembers?: boolean;
}

/** Deep enough for real scripts, far below where the JS stack of the interpreter would overflow. */
const DEFAULT_LIMITS: RuntimeLimits = { maxCallDepth: 1000, timeLimitMs: Infinity };

// Coercion reaches objects through their default member (resolving chains of defaults).
setDefaultValueHook((obj) => {
  let v: Value = (obj as VbsObject).getDefault([]);
  for (let i = 0; i < 16 && isComObject(v); i++) v = v.getDefault([]);
  return v;
});

/** A small seeded generator (mulberry32): reproducible runs need a seedable Rnd. */
function seededRandom(seed: number): { next(): number; reseed(s: number): void } {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    reseed(s: number) {
      state = Math.floor(s * 1000003) >>> 0;
    },
  };
}

export class ScriptEngine {
  /** CreateObject/GetObject registry; hosts add their ProgIDs here. */
  readonly progIds = new ProgIdRegistry();
  /** @internal The interpreter state, for the debugger. */
  readonly runtime: Runtime;
  /** @internal */
  readonly services: EngineServices;
  private readonly builtinContext: BuiltinContext;
  private readonly globalMemberItems: NamedItemMembers[] = [];
  private unitCount = 0;
  private hostFrame: Frame | null = null;
  private activeCalls = 0;

  constructor(options: ScriptEngineOptions = {}) {
    this.runtime = new Runtime({ ...DEFAULT_LIMITS, ...options.limits });
    const clock = options.clock ?? Date.now;
    const random = seededRandom(options.seed ?? clock());
    this.builtinContext = {
      now: clock,
      timeZone: options.timeZone ?? 'UTC',
      locale: options.locale ?? 1033,
      random: random.next,
      reseed: random.reseed,
    };
    for (const [progId, factory] of standardProgIds) this.progIds.register(progId, factory);
    const rt = this.runtime;
    rt.defineGlobal('Err', rt.err, true);
    const { host, setEngineFunctions } = createCompilerHost(rt, this.builtinContext, this.globalMemberItems, options.lazyProcedures ?? false);
    this.services = {
      host,
      rt,
      progIds: this.progIds,
      newUnit: (source, fileName) => this.newUnit(source, fileName),
      sourceName: options.sourceName,
    };
    setEngineFunctions(engineBuiltins(this.services));
  }

  private newUnit(source: string, fileName: string): SourceUnit {
    return newSourceUnit(++this.unitCount, fileName, new LineIndex(source));
  }

  /** Makes a host object (or a JS function, as a procedure) available to scripts under `name`. */
  addObject(name: string, hostObject: unknown, options: AddObjectOptions = {}): void {
    let value: unknown;
    if (hostObject instanceof VariantFunction) value = new NativeProcedure(name, hostObject.fn);
    else if (typeof hostObject === 'function') value = new NativeProcedure(name, jsFunctionProcedure(hostObject as (...a: unknown[]) => unknown));
    else value = toVariant(hostObject);
    const slot = this.runtime.defineGlobal(name, value, true);
    if (options.globalMembers && isComObject(value)) this.globalMemberItems.push({ slot, object: value });
  }

  /** Compiles `source` and runs its top-level code. Procedures and classes stay defined. */
  addCode(source: string, fileName = `script${this.unitCount + 1}.vbs`): void {
    this.addParsed(parse(source, fileName), fileName);
  }

  /**
   * `addCode` for a file parsed once and run in many engines (hMailServer runs the whole
   * script in a fresh engine for every event; re-parsing each time would dominate).
   */
  addParsed(parsed: ParseResult, fileName = parsed.fileName ?? `script${this.unitCount + 1}.vbs`): void {
    const error = parsed.diagnostics.find((d) => d.severity === Severity.Error);
    if (error) throw scriptErrorFromDiagnostic(error, fileName, parsed.lines);
    const unit = newSourceUnit(++this.unitCount, fileName, parsed.lines);
    this.enter(() => compileUnit(this.services.host, parsed.ast, unit).run());
  }

  /** Calls a Sub or Function by name; returns its result as a JS value. */
  run(procName: string, ...args: unknown[]): unknown {
    const rt = this.runtime;
    const slot = rt.findGlobal(procName);
    const target = slot === undefined ? undefined : rt.globals[slot];
    return this.enter(() => {
      if (target instanceof UserProcedure) return fromVariant(rt.callProcedure(target, null, args.map(toVariant), rt.currentFrame));
      if (target instanceof NativeProcedure) return fromVariant(target.call(args.map(toVariant)));
      throw new VbsRuntimeError(35, `Sub or Function not defined: '${procName}'`);
    });
  }

  /** Evaluates an expression at script level. */
  eval(expression: string): unknown {
    return this.enter(() => fromVariant(evalIn(this.services, expression, this.globalFrame())));
  }

  /** Runs statements at script level. */
  executeStatement(code: string): void {
    this.enter(() => executeIn(this.services, code, this.globalFrame(), 'statement'));
  }

  /** Names of the Subs and Functions defined at script level (as the script spells them). */
  procedureNames(): string[] {
    const rt = this.runtime;
    return rt.globalInfo.filter((_, i) => rt.globals[i] instanceof UserProcedure).map((info) => info.name);
  }

  getGlobal(name: string): unknown {
    const slot = this.runtime.findGlobal(name);
    if (slot === undefined) return undefined;
    const v = this.runtime.globals[slot];
    return v instanceof SlotEntry ? undefined : fromVariant(v as Value);
  }

  setGlobal(name: string, value: unknown): void {
    const rt = this.runtime;
    const slot = rt.declareGlobal(name);
    rt.defineGlobal(name, toVariant(value), rt.globalInfo[slot].readOnly);
  }

  /**
   * Ends the script's life, as closing the Script Control (or cscript exiting) does: every
   * script-level variable is released, so pending `Class_Terminate`s run now.
   */
  close(): void {
    const rt = this.runtime;
    this.enter(() => {
      for (let i = 0; i < rt.globals.length; i++) {
        const v = rt.globals[i];
        if (typeof v !== 'object' || v === null || v instanceof SlotEntry || rt.globalInfo[i].readOnly) continue;
        rt.globals[i] = undefined;
        releaseValue(v as Value);
      }
    });
  }

  /**
   * The frame for code run at script level from outside (eval, executeStatement): while a
   * script runs (a host callback), the running frame; otherwise one kept for the engine.
   */
  private globalFrame(): Frame {
    const rt = this.runtime;
    if (rt.currentFrame) return rt.currentFrame;
    if (!this.hostFrame) {
      const unit = newSourceUnit(0, 'host', new LineIndex(''));
      const scope = new Scope(unit, null, null, false);
      this.hostFrame = rt.topFrame({ displayName: '(host)', unit, start: 0, end: 0 }, scope, scope.localCount);
    }
    return this.hostFrame;
  }

  /**
   * Every entry from the host goes through here: the locale becomes the engine's, the
   * deadline starts, and VBScript errors become `ScriptError`s.
   */
  private enter<T>(fn: () => T): T {
    const rt = this.runtime;
    const outermost = this.activeCalls === 0;
    if (outermost) {
      setCurrentLocale(this.builtinContext.locale);
      rt.deadline = Number.isFinite(rt.limits.timeLimitMs) ? Date.now() + rt.limits.timeLimitMs : Infinity;
    }
    this.activeCalls++;
    try {
      return fn();
    } catch (e) {
      if (e instanceof VbsRuntimeError) throw scriptErrorFromRuntime(e);
      if (e instanceof ScriptInterrupt) throw scriptErrorFromInterrupt(e);
      throw e;
    } finally {
      this.activeCalls--;
      if (outermost) {
        rt.deadline = Infinity;
        rt.temporaries.collect(0);
      }
    }
  }
}
