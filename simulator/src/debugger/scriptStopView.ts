/**
 * What the worker does with a stop, whatever the language: the interface both stop views
 * (`stopView.ts` for VBScript, `jsStopView.ts` for JScript) implement, and `BaseStopView`, what
 * they share — the frames shown (the appended call hidden), their locations and names, scope
 * handles, evaluation replies.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { getEvent, type LineIndex, type ServerVersion, type StopError } from '../index';
import { Handles } from './values';
import type { CompletionTarget, EvaluateReply, VariablesFilter, WorkerFrame, WorkerScope, WorkerVariable } from './workerProtocol';

/** Which firing a stop is in. */
export interface FiringContext {
  /** The procedure the firing calls (event or rule function), or "load" for the load check. */
  event: string;
  /** 1-based place among the run's events (as the report numbers them); 0 for the load check. */
  ordinal: number;
  scriptPath: string;
  /** The unit of the call the server appends (`<script> (appended call)`): never shown. */
  callUnit: string;
  version: ServerVersion;
}

/** A stopped firing as the debugger shows it; valid until the script resumes. */
export interface ScriptStopView {
  stackTrace(): WorkerFrame[];
  scopes(frameId: number): WorkerScope[];
  variables(ref: number, filter?: VariablesFilter, start?: number, count?: number): WorkerVariable[];
  /** `context` is DAP's: "repl" runs code, anything else (hover, watch) is side-effect free. */
  evaluate(expression: string, frameId: number | undefined, context: string): EvaluateReply;
  setVariable(ref: number, name: string, value: string): WorkerVariable;
  /** Console completions from the stopped script itself (languages the adapter cannot analyse on its own). */
  completions?(text: string, column: number, frameId: number | undefined): CompletionTarget[];
}

/** The frame of the handler: `OnAcceptMessage (event 3)`. */
export function handlerFrameName(name: string, firing: FiringContext): string {
  return `${name} (event ${firing.ordinal})`;
}

/** The frame of a file's top-level code. */
export function topLevelFrameName(fileName: string, firing: FiringContext): string {
  if (fileName === firing.scriptPath) return firing.ordinal === 0 ? '(top-level code, load check)' : `(top-level code before ${firing.event}, event ${firing.ordinal})`;
  return `(top-level code of ${path.basename(fileName)})`;
}

export function errorMessage(r: { error: string; number?: number }): string {
  return r.number !== undefined ? `Error ${r.number}: ${r.error}` : r.error;
}

/** A frame of either engine, as far as the call stack needs it. */
export interface ViewFrame {
  readonly owner: { readonly displayName: string; readonly unit: ViewUnit; readonly start: number; readonly end: number };
  readonly current: { readonly unit: ViewUnit; readonly start: number; readonly end: number } | null;
}

interface ViewUnit {
  readonly fileName: string;
  readonly lines: LineIndex;
}

/** Builds the Variables view's entries of one language. */
export interface ValueDescriber {
  describe(name: string, raw: unknown, frameIndex: number, evaluateName: string | undefined): WorkerVariable;
}

export type ValueReply = { ok: true; value: unknown } | { ok: false; error: string; number?: number };

/** What both stop views share; `frames` are the engine's, innermost first (frame ids are their indices + 1). */
export abstract class BaseStopView<F extends ViewFrame> implements ScriptStopView {
  protected readonly handles = new Handles();
  protected abstract readonly values: ValueDescriber;
  /** Indices into `frames` of the frames shown, innermost first: the call the server appends is not. */
  protected readonly visible: number[];

  constructor(
    protected readonly frames: readonly F[],
    protected readonly firing: FiringContext,
    protected readonly error: StopError | undefined,
  ) {
    this.visible = frames.map((_f, i) => i).filter((i) => frames[i].owner.unit.fileName !== firing.callUnit);
  }

  protected abstract frameName(frame: F): string;
  abstract scopes(frameId: number): WorkerScope[];
  abstract evaluate(expression: string, frameId: number | undefined, context: string): EvaluateReply;
  abstract setVariable(ref: number, name: string, value: string): WorkerVariable;

  /** DAP frame ids are engine frame indices + 1 (0 means "no frame" to some clients). */
  protected frameIndex(frameId: number | undefined): number {
    const i = (frameId ?? 0) - 1;
    return this.frames[i] ? i : (this.visible[0] ?? 0);
  }

  stackTrace(): WorkerFrame[] {
    return this.visible.map((i) => {
      const frame = this.frames[i];
      const unit = frame.current?.unit ?? frame.owner.unit;
      const range = unit.lines.rangeOf(frame.current ?? frame.owner);
      return {
        id: i + 1,
        name: this.frameName(frame),
        fileName: unit.fileName,
        ...(existsSync(unit.fileName) ? {} : { sourceText: unit.lines.text }),
        line: range.start.line + 1,
        column: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      };
    });
  }

  /** A scope whose variables are computed when it is expanded. */
  protected scope(name: string, frameIndex: number, named: () => WorkerVariable[], hint?: WorkerScope['presentationHint']): WorkerScope {
    return { name, variablesReference: this.handles.add({ frameIndex, named }), expensive: false, ...(hint ? { presentationHint: hint } : {}) };
  }

  variables(ref: number, filter?: VariablesFilter, start?: number, count?: number): WorkerVariable[] {
    return this.handles.children(ref, filter, start, count);
  }

  protected reply(name: string, r: ValueReply, index: number): EvaluateReply {
    if (!r.ok) return { ok: false, error: errorMessage(r) };
    const v = this.values.describe(name, r.value, index, name);
    return { ok: true, result: v.value, type: v.type, variablesReference: v.variablesReference, ...(v.indexedVariables ? { indexedVariables: v.indexedVariables } : {}) };
  }

  /**
   * The hMailServer scope: Result, the event's arguments by parameter name (a named item under
   * the parameter's name, a string or number from the handler's parameter), then the other named
   * items (EventLog, HMAILSERVER_*). `key` folds names as the language compares them.
   */
  protected eventObjects(namedItems: WorkerVariable[], key: (name: string) => string, argument: (parameter: string) => { value: unknown } | undefined, index: number): WorkerVariable[] {
    const byName = new Map(namedItems.map((v) => [key(v.name), v]));
    const out: WorkerVariable[] = [];
    const result = byName.get(key('Result'));
    if (result) out.push(result);
    for (const p of getEvent(this.firing.event)?.params ?? []) {
      if (p.namedItem) {
        const item = byName.get(key(p.namedItem));
        if (item) out.push({ ...item, name: p.name });
        continue;
      }
      const arg = argument(p.name);
      if (arg) out.push(this.values.describe(p.name, arg.value, index, undefined));
    }
    for (const v of namedItems) if (v !== result) out.push(v);
    return out;
  }

  /** The child `name` of container `ref` that can be assigned (it has an `evaluateName`), and the frame to do it in. */
  protected assignable(ref: number, name: string): { target: string; frameIndex: number } {
    const container = this.handles.get(ref);
    const child = this.handles.children(ref).find((v) => v.name === name);
    if (!container || !child?.evaluateName) throw new Error(`${name} cannot be assigned here`);
    return { target: child.evaluateName, frameIndex: container.frameIndex };
  }
}
