/**
 * Recording side effects. The pipeline owns one `SideEffectRecorder` per run, tells it which
 * event is running, and hands `recorder.record` to the `SimulationContext`; every simulated
 * object (and Message.SaveAs, Database.ExecuteSQL …) reports through `ctx.record`, so the
 * report lists everything a script tried to do, in order, with the event that did it.
 */
import { raise, RuntimeError, VbsRuntimeError } from '../runtime/errors.js';
import type { SideEffect, SideEffectKind, SimulationContext } from './context.js';

export class SideEffectRecorder {
  readonly effects: SideEffect[] = [];
  /** The event whose handler is running; `load` while the file's top-level code runs at load time. */
  currentEvent: string | undefined;

  /** Bound, so it can be passed around as `ctx.record`. */
  readonly record = (effect: SideEffect): void => {
    this.effects.push(effect.event === undefined && this.currentEvent !== undefined ? { ...effect, event: this.currentEvent } : effect);
  };

  clear(): void {
    this.effects.length = 0;
  }
}

/** Shorthand for `ctx.record` with the fields in a fixed order. */
export function recordEffect(ctx: SimulationContext, kind: SideEffectKind, target: string, allowed: boolean, detail?: string): void {
  ctx.record(detail === undefined ? { kind, target, allowed } : { kind, target, allowed, detail });
}

/**
 * Writes a file through the virtual file system and records it — for host objects outside the
 * FileSystemObject (Message.SaveAs, Attachment.SaveAs). A refusal (error 70, 52, 61…) is
 * recorded as denied and rethrown, so the caller's script sees the error the server would show.
 */
export function writeFileRecorded(ctx: SimulationContext, windowsPath: string, data: Buffer | string, detail?: string): void {
  try {
    ctx.fs.writeFile(windowsPath, data);
  } catch (e) {
    recordEffect(ctx, 'file-write', windowsPath, false, e instanceof VbsRuntimeError ? e.description : String(e));
    throw e;
  }
  const overlay = ctx.fs.overlayPath(windowsPath);
  recordEffect(ctx, 'file-write', windowsPath, true, detail ?? (overlay ? `overlay: ${overlay}` : undefined));
}

/** Reads a file through the virtual file system and records it; error 53 when it does not exist. */
export function readFileRecorded(ctx: SimulationContext, windowsPath: string): Buffer {
  const data = ctx.fs.readFile(windowsPath);
  recordEffect(ctx, 'file-read', windowsPath, data !== undefined, data === undefined ? 'not found' : `${data.length} bytes`);
  if (data === undefined) raise(RuntimeError.FileNotFound);
  return data;
}
