/**
 * Built-ins that need the engine rather than values alone: Eval, Execute, ExecuteGlobal
 * (they re-enter the parser and compiler), GetRef, CreateObject, GetObject, IsObject.
 * Same shape as the library's table: name, argument counts, implementation.
 */
import { parse, parseExpression } from '../../syntax/parser.js';
import { Severity, type SyntaxDiagnostic } from '../../syntax/parseResult.js';
import { raise, RuntimeError, VbsRuntimeError } from '../errors.js';
import type { Frame, SourceUnit } from '../frame.js';
import type { Runtime } from '../interpreter.js';
import { CallableObject, isComObject, memberNotFound } from '../objects/comObject.js';
import { toVariant } from '../objects/hostBridge.js';
import type { ProgIdRegistry } from '../objects/progIds.js';
import { UserProcedure } from '../procedures.js';
import { toStr } from '../values/coerce.js';
import { MissingArgumentValue, type Value } from '../values/variant.js';
import type { CallableFunction, CompilerHost } from '../compiler/context.js';
import { compileUnit, evaluateInFrame, executeInFrame } from '../compiler/unit.js';
import { COMPILATION_ERROR_SOURCE } from './scriptError.js';

export interface EngineServices {
  readonly host: CompilerHost;
  readonly rt: Runtime;
  readonly progIds: ProgIdRegistry;
  newUnit(source: string, fileName: string): SourceUnit;
  /** The file a piece of code came from, when the host knows (an include read with FileSystemObject). */
  sourceName?(code: string): string | undefined;
}

/** A syntax error in code given to Eval/Execute is a run-time error of the calling statement. */
function firstError(diagnostics: SyntaxDiagnostic[]): void {
  const d = diagnostics.find((x) => x.severity === Severity.Error);
  if (d) throw new VbsRuntimeError(d.code, d.message, COMPILATION_ERROR_SOURCE);
}

export function evalIn(services: EngineServices, code: string, frame: Frame, fileName = 'eval code'): Value {
  const parsed = parseExpression(code);
  firstError(parsed.diagnostics);
  if (!parsed.ast) return raise(RuntimeError.InvalidProcedureCall, 'Eval');
  return evaluateInFrame(services.host, parsed.ast, services.newUnit(code, fileName), frame);
}

export function executeIn(services: EngineServices, code: string, frame: Frame, fileName = 'execute code'): void {
  const parsed = parse(code, fileName);
  firstError(parsed.diagnostics);
  executeInFrame(services.host, parsed.ast, services.newUnit(code, fileName), frame);
}

export function executeGlobal(services: EngineServices, code: string, fileName = 'executeglobal code'): void {
  const parsed = parse(code, fileName);
  firstError(parsed.diagnostics);
  compileUnit(services.host, parsed.ast, services.newUnit(code, fileName)).run();
}

/** `GetRef("Name")`: an object whose default member calls the procedure. */
export class ProcedureReference extends CallableObject {
  constructor(
    readonly procedure: UserProcedure,
    private readonly rt: Runtime,
  ) {
    super();
  }
  getDefault(args: Value[]): Value {
    return this.rt.callProcedure(this.procedure, null, args, this.rt.currentFrame);
  }
  override setDefault(): void {
    memberNotFound('GetRef');
  }
}

function optionalString(args: Value[], i: number): string | undefined {
  return i < args.length && args[i] !== MissingArgumentValue ? toStr(args[i]) : undefined;
}

export function engineBuiltins(services: EngineServices): Map<string, CallableFunction & { pure: boolean }> {
  const { rt, progIds } = services;
  const entries: Array<CallableFunction & { pure: boolean }> = [
    { name: 'Eval', minArgs: 1, maxArgs: 1, pure: false, call: (a, f) => evalIn(services, toStr(a[0]), f) },
    {
      name: 'Execute',
      minArgs: 1,
      maxArgs: 1,
      pure: false,
      call: (a, f) => {
        const code = toStr(a[0]);
        executeIn(services, code, f, services.sourceName?.(code));
        return undefined;
      },
    },
    {
      name: 'ExecuteGlobal',
      minArgs: 1,
      maxArgs: 1,
      pure: false,
      call: (a) => {
        const code = toStr(a[0]);
        executeGlobal(services, code, services.sourceName?.(code));
        return undefined;
      },
    },
    {
      name: 'GetRef',
      minArgs: 1,
      maxArgs: 1,
      pure: true,
      call: (a) => {
        const name = toStr(a[0]);
        const slot = rt.findGlobal(name);
        const proc = slot === undefined ? undefined : rt.globals[slot];
        if (!(proc instanceof UserProcedure)) return raise(RuntimeError.InvalidProcedureCall);
        return new ProcedureReference(proc, rt);
      },
    },
    {
      name: 'CreateObject',
      minArgs: 1,
      maxArgs: 2,
      pure: false,
      call: (a) => toVariant(progIds.create(toStr(a[0]))),
    },
    {
      name: 'GetObject',
      minArgs: 0,
      maxArgs: 2,
      pure: false,
      call: (a) => toVariant(progIds.get(optionalString(a, 0) ?? '', optionalString(a, 1))),
    },
    { name: 'IsObject', minArgs: 1, maxArgs: 1, pure: true, call: (a) => isComObject(a[0]) },
  ];
  return new Map(entries.map((e) => [e.name.toLowerCase(), e]));
}

