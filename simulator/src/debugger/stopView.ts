/**
 * A stopped firing as the debugger shows it: the call stack (the appended `Call OnX(…)` the
 * server adds is hidden; the handler's frame is named after the event and its place in the
 * run; the file's top-level code is its own frame), the four scopes, values, evaluation and
 * assignment. Built per stop in the worker; valid until the script resumes.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { getEvent, isComObject, parseExpression, SlotEntry, type ServerVersion, type StopError, type StoppedState, type ValueResult } from '../index';
import type { Scope } from '../runtime/compiler/scope';
import type { Frame } from '../runtime/frame';
import type { Runtime } from '../runtime/interpreter';
import { Handles, ValuePresenter } from './values';
import type { EvaluateReply, VariablesFilter, WorkerFrame, WorkerScope, WorkerVariable } from './workerProtocol';

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

const ERR_PROPERTIES = ['Number', 'Description', 'Source', 'HelpFile', 'HelpContext'];

export class StopView {
  private readonly handles = new Handles();
  private readonly values: ValuePresenter;
  /** Indices into `state.frames` of the frames shown, innermost first. */
  private readonly visible: number[];

  constructor(
    private readonly state: StoppedState,
    private readonly rt: Runtime,
    private readonly firing: FiringContext,
    private readonly error: StopError | undefined,
  ) {
    this.values = new ValuePresenter(this.handles, firing.version);
    this.visible = state.frames.map((_f, i) => i).filter((i) => state.frames[i].owner.unit.fileName !== firing.callUnit);
  }

  /** DAP frame ids are engine frame indices + 1 (0 means "no frame" to some clients). */
  private frameIndex(frameId: number | undefined): number {
    const i = (frameId ?? 0) - 1;
    return this.state.frames[i] ? i : (this.visible[0] ?? 0);
  }

  private isHandler(frame: Frame): boolean {
    return !(frame.scope as Scope).isGlobal && frame.caller?.owner.unit.fileName === this.firing.callUnit && frame.owner.displayName.toLowerCase() === this.firing.event.toLowerCase();
  }

  private frameName(frame: Frame): string {
    const f = this.firing;
    if (this.isHandler(frame)) return `${frame.owner.displayName} (event ${f.ordinal})`;
    if (!(frame.scope as Scope).isGlobal) return frame.owner.displayName;
    if (frame.owner.unit.fileName === f.scriptPath) return f.ordinal === 0 ? '(top-level code, load check)' : `(top-level code before ${f.event}, event ${f.ordinal})`;
    return `(top-level code of ${path.basename(frame.owner.unit.fileName)})`;
  }

  stackTrace(): WorkerFrame[] {
    return this.visible.map((i) => {
      const frame = this.state.frames[i];
      const range = frame.current ? frame.current.unit.lines.rangeOf(frame.current) : frame.owner.unit.lines.rangeOf(frame.owner);
      const unit = frame.current?.unit ?? frame.owner.unit;
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

  scopes(frameId: number): WorkerScope[] {
    const index = this.frameIndex(frameId);
    const frame = this.state.frames[index];
    const out: WorkerScope[] = [];
    const scope = (name: string, named: () => WorkerVariable[], hint?: WorkerScope['presentationHint']) => {
      out.push({ name, variablesReference: this.handles.add({ frameIndex: index, named }), expensive: false, ...(hint ? { presentationHint: hint } : {}) });
    };
    if (!(frame.scope as Scope).isGlobal) scope('Locals', () => this.locals(frame, index), 'locals');
    scope('Script', () => this.globals(index, false));
    if (this.firing.ordinal > 0) scope('hMailServer', () => this.hmailserver(index));
    scope('Err', () => this.errScope(index));
    return out;
  }

  variables(ref: number, filter?: VariablesFilter, start?: number, count?: number): WorkerVariable[] {
    return this.handles.children(ref, filter, start, count);
  }

  private locals(frame: Frame, index: number): WorkerVariable[] {
    const scope = frame.scope as Scope;
    const out = scope.namedLocals().map(({ name, binding }) => this.values.describe(name, frame.locals[binding.slot], index, name));
    if (frame.me) out.push(this.values.describe('Me', frame.me, index, 'Me'));
    return out;
  }

  /** Script-level variables and constants (`named`: false), or the named items the server added (`named`: true). */
  private globals(index: number, named: boolean): WorkerVariable[] {
    const out: WorkerVariable[] = [];
    this.rt.globalInfo.forEach((info, slot) => {
      const v = this.rt.globals[slot];
      if (v instanceof SlotEntry || info.name.toLowerCase() === 'err') return;
      const isNamedItem = info.readOnly && isComObject(v);
      if (isNamedItem === named) out.push(this.values.describe(info.name, v, index, info.name));
    });
    return out;
  }

  /** The event's objects: Result, its arguments by parameter name, EventLog and the HMAILSERVER_* items. */
  private hmailserver(index: number): WorkerVariable[] {
    const items = this.globals(index, true);
    const byName = new Map(items.map((v) => [v.name.toLowerCase(), v]));
    const out: WorkerVariable[] = [];
    const result = byName.get('result');
    if (result) out.push(result);
    const handler = this.state.frames.find((f) => this.isHandler(f));
    for (const p of getEvent(this.firing.event)?.params ?? []) {
      if (p.namedItem) {
        const item = byName.get(p.namedItem.toLowerCase());
        if (item) out.push({ ...item, name: p.name });
      } else if (handler) {
        const binding = (handler.scope as Scope).locals.get(p.name.toLowerCase());
        if (binding) out.push(this.values.describe(p.name, handler.locals[binding.slot], index, undefined));
      }
    }
    for (const v of items) if (v.name.toLowerCase() !== 'result') out.push(v);
    return out;
  }

  private errScope(index: number): WorkerVariable[] {
    // Stopped on an error: show it as Err will hold it once handled.
    if (this.error) {
      const e = this.error;
      return [
        this.values.describe('Number', e.number, index, 'Err.Number'),
        this.values.describe('Description', e.description, index, 'Err.Description'),
        this.values.describe('Source', e.source, index, 'Err.Source'),
      ];
    }
    const err = this.rt.err;
    return ERR_PROPERTIES.map((name) => this.values.describe(name, err.getProperty(name, []), index, `Err.${name}`));
  }

  // ------------------------------------------------------------ evaluation

  evaluate(expression: string, frameId: number | undefined, context: string): EvaluateReply {
    const index = this.frameIndex(frameId);
    const text = expression.trim();
    if (context !== 'repl') return this.reply(text, this.state.evaluateValue(text, index, { sideEffectFree: true }), index);
    // The console: `? expr` prints, an expression shows its value, anything else runs as statements (`Result.Value = 2`).
    if (text.startsWith('?')) return this.reply(text.slice(1).trim(), this.state.evaluateValue(text.slice(1), index), index);
    if (isValueExpression(text)) return this.reply(text, this.state.evaluateValue(text, index), index);
    const r = this.state.executeStatements(text, index);
    return r.ok ? { ok: true, result: '', variablesReference: 0 } : { ok: false, error: errorMessage(r) };
  }

  private reply(name: string, r: ValueResult, index: number): EvaluateReply {
    if (!r.ok) return { ok: false, error: errorMessage(r) };
    const v = this.values.describe(name, r.value, index, name);
    return { ok: true, result: v.value, type: v.type, variablesReference: v.variablesReference, ...(v.indexedVariables ? { indexedVariables: v.indexedVariables } : {}) };
  }

  setVariable(ref: number, name: string, value: string): WorkerVariable {
    const container = this.handles.get(ref);
    const child = this.handles.children(ref).find((v) => v.name === name);
    if (!container || !child?.evaluateName) throw new Error(`${name} cannot be assigned here`);
    const target = child.evaluateName;
    let r = this.state.executeStatements(`${target} = ${value}`, container.frameIndex);
    // Object values need Set (VBScript says so with "Object required" or "Wrong number of arguments").
    if (!r.ok) {
      const withSet = this.state.executeStatements(`Set ${target} = ${value}`, container.frameIndex);
      if (withSet.ok) r = withSet;
    }
    if (!r.ok) throw new Error(errorMessage(r));
    const after = this.state.evaluateValue(target, container.frameIndex, { sideEffectFree: true });
    if (!after.ok) throw new Error(errorMessage(after));
    return this.values.describe(name, after.value, container.frameIndex, target);
  }
}

function errorMessage(r: { error: string; number?: number }): string {
  return r.number !== undefined ? `Error ${r.number}: ${r.error}` : r.error;
}

/** An expression to show the value of — not an assignment, which VBScript would read as a comparison. */
function isValueExpression(text: string): boolean {
  const parsed = parseExpression(text);
  if (!parsed.ast || parsed.diagnostics.length > 0) return false;
  return !(parsed.ast.kind === 'Binary' && parsed.ast.operator === '=');
}
