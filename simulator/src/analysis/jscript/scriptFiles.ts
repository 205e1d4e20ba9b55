/**
 * How one open EventHandlers.js is laid out for TypeScript: cut into pieces of global code, one
 * virtual file each (a top-level function with the comments before it; the code before the first
 * one), in a language service of its own over the shared ES3 library and API declarations.
 *
 * Why pieces: TypeScript re-parses and re-binds a whole file on every edit, and makes a new type
 * checker. In one 1,000-line file that cost ~10 ms per keystroke; cut up, an edit re-parses and
 * re-binds only its own function, and pieces whose text did not change keep their file and version
 * (so TypeScript reuses their trees and bindings). JScript's top-level code is one global scope,
 * as global scripts in one program are.
 *
 * Offsets: the user's text ↔ (piece, offset in that piece's virtual text), through each piece's
 * `VirtualText` (the JSDoc typing a handler's parameters is inserted into it).
 */
import ts from 'typescript';
import type { ScanResult } from './scan';
import { VirtualText, type Insertion } from './virtualText';

/** A snapshot that tells TypeScript what changed, so an edit re-parses incrementally. */
export class Snapshot implements ts.IScriptSnapshot {
  constructor(readonly text: string) {}
  getText(start: number, end: number): string {
    return this.text.slice(start, end);
  }
  getLength(): number {
    return this.text.length;
  }
  getChangeRange(old: ts.IScriptSnapshot): ts.TextChangeRange | undefined {
    if (!(old instanceof Snapshot)) return undefined;
    const a = old.text;
    const b = this.text;
    let prefix = 0;
    const max = Math.min(a.length, b.length);
    while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
    return ts.createTextChangeRange(ts.createTextSpan(prefix, a.length - prefix - suffix), b.length - prefix - suffix);
  }
}

export interface SourceEntry {
  snapshot: Snapshot;
  version: number;
}

/** One piece of the script. */
export class Piece {
  constructor(
    readonly fileName: string,
    /** Its start in the user's text. */
    readonly base: number,
    /** Its end in the user's text. */
    readonly end: number,
    readonly virtual: VirtualText,
    readonly entry: SourceEntry,
  ) {}

  toVirtual(offset: number): number {
    return this.virtual.toVirtual(offset - this.base);
  }

  toOriginal(offset: number): number {
    return this.base + this.virtual.toOriginal(offset);
  }

  /** A span of this piece's virtual text in the user's text; undefined inside inserted text. */
  originalSpan(start: number, end: number): { start: number; end: number } | undefined {
    const s = this.virtual.originalSpan(start, end);
    return s && { start: s.start + this.base, end: s.end + this.base };
  }
}

/** The pieces of `text` as `scan` cut it, reusing `previous` pieces' files where the text is the same. */
export function layOut(
  text: string,
  scan: ScanResult,
  insertions: readonly Insertion[],
  previous: readonly Piece[],
  newFileName: () => string,
): Piece[] {
  const cuts = [...new Set([0, ...scan.splitPoints.filter((p) => p > 0 && p < text.length)])].sort((a, b) => a - b);
  const texts = cuts.map((base, i) => {
    const end = i + 1 < cuts.length ? cuts[i + 1] : text.length;
    const own = insertions.filter((ins) => ins.at >= base && (ins.at < end || (i === cuts.length - 1 && ins.at === end))).map((ins) => ({ at: ins.at - base, text: ins.text }));
    return { base, end, virtual: new VirtualText(text.slice(base, end), own) };
  });
  // Same text: same file, same version, same tree. Otherwise the file at the same position, as an edit of it.
  const unused = new Map<string, Piece[]>();
  for (const p of previous) unused.set(p.virtual.text, [...(unused.get(p.virtual.text) ?? []), p]);
  const taken = new Set<string>();
  const reused: Array<Piece | undefined> = texts.map((t) => {
    const same = unused.get(t.virtual.text)?.find((p) => !taken.has(p.fileName));
    if (same) taken.add(same.fileName);
    return same;
  });
  return texts.map((t, i) => {
    const same = reused[i];
    if (same) return new Piece(same.fileName, t.base, t.end, t.virtual, same.entry);
    const at = previous[i] && !taken.has(previous[i].fileName) ? previous[i] : undefined;
    const fileName = at?.fileName ?? newFileName();
    taken.add(fileName);
    return new Piece(fileName, t.base, t.end, t.virtual, { snapshot: new Snapshot(t.virtual.text), version: (at?.entry.version ?? 0) + 1 });
  });
}

/** The piece an offset of the user's text falls in (the later one at a cut). */
export function pieceAt(pieces: readonly Piece[], offset: number): Piece {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid].base <= offset) lo = mid;
    else hi = mid - 1;
  }
  return pieces[lo];
}
