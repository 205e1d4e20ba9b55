/**
 * Re-parsing only what an edit touched. While the user types inside one procedure (or class) of a
 * long handler file, everything else parses exactly as before, so the new tree reuses the other
 * top-level declarations of the previous one and parses the edited declaration on its own.
 *
 * It only applies when that gives the full parse's result: the edit lies strictly inside one
 * top-level Procedure or Class that starts and ends on whole lines, the previous parse had no error
 * outside it, and the edited text parses alone into one declaration of the same kind and name,
 * closed by its own `End …` (so no block runs across its boundary, and the file-level name checks
 * see the same names). Errors inside the declaration are fine: they are its own, and typing passes
 * through them all the time. Anything else returns undefined and the caller parses the file.
 * test/server/analysis.test.ts compares the result with a full parse over chains of random edits.
 *
 * The previous tree is taken over: nodes after the edit are shifted in place. The caller must
 * not use the previous ParseResult afterwards.
 */
import type { Node, Program, Statement } from '../syntax/ast';
import { LineIndex } from '../syntax/lineIndex';
import type { Comment, ParseResult } from '../syntax/parseResult';
import { parse } from '../syntax/parser';

/** Moves every offset of `node` and its descendants by `delta`. */
function shift(node: Node, delta: number): void {
  node.start += delta;
  node.end += delta;
  switch (node.kind) {
    case 'Call':
      node.argsStart += delta;
      node.argsEnd += delta;
      break;
    case 'Procedure':
    case 'Class':
      node.endStart += delta;
      break;
    default:
      break;
  }
  // Every child node is an own property holding a node or an array of nodes (see walk.ts); going
  // through the properties directly avoids an array per node on this hot path.
  const record = node as unknown as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object' && 'kind' in item) shift(item as Node, delta);
    } else if ('kind' in value) {
      shift(value as Node, delta);
    }
  }
}

/**
 * Length of the common prefix, by binary search over native string comparison: a long file and a
 * one-character edit take about twenty comparisons instead of a loop over every character.
 */
function commonPrefix(a: string, b: string): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Length of the common suffix, at most `limit` (so it never overlaps the common prefix). */
function commonSuffix(a: string, b: string, limit: number): number {
  let lo = 0;
  let hi = limit;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(a.length - mid, a.length - lo) === b.slice(b.length - mid, b.length - lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function isLineBreak(text: string, i: number): boolean {
  return i >= text.length || text[i] === '\n' || text[i] === '\r';
}

/** Only blanks between the start of the line and `offset`. */
function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

export function reparse(previous: ParseResult, text: string, fileName?: string): ParseResult | undefined {
  const old = previous.lines.text;
  // A change event that changed nothing (undo to the same text, a save): the tree stands.
  if (old === text) return previous;
  const start = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - start);
  const endOld = old.length - suffix;
  const endNew = text.length - suffix;
  const delta = endNew - endOld;

  const body = previous.ast.body;
  const index = body.findIndex((s) => s.start < start && endOld < s.end);
  if (index < 0) return undefined;
  const target = body[index];
  if (target.kind !== 'Procedure' && target.kind !== 'Class') return undefined;
  // Errors elsewhere may have changed how the rest of the file was read: only errors inside the
  // declaration being re-parsed are allowed (they are about to be replaced).
  if (previous.diagnostics.some((d) => d.start < target.start || d.end > target.end)) return undefined;
  const segStart = target.start;
  const segEnd = target.end + delta;
  if (!startsLine(text, segStart) || !isLineBreak(text, segEnd) || !isLineBreak(old, target.end)) return undefined;

  const segment = parse(text.slice(segStart, segEnd), fileName);
  const replacement = segment.ast.body;
  if (replacement.length !== 1) return undefined;
  const fresh: Statement = replacement[0];
  if (fresh.kind !== target.kind || fresh.start !== 0 || fresh.end !== segEnd - segStart || fresh.name.key !== target.name.key) return undefined;
  // Its own `End Sub`/`End Class` must close it: one missing would, in the whole file, run on into
  // the declarations that follow.
  if (fresh.endStart >= fresh.end) return undefined;
  if (fresh.kind === 'Procedure' && target.kind === 'Procedure' && fresh.procedureKind !== target.procedureKind) return undefined;

  shift(fresh, segStart);
  for (let i = index + 1; i < body.length; i++) shift(body[i], delta);
  const newBody = body.slice();
  newBody[index] = fresh;
  const ast: Program = { ...previous.ast, body: newBody, end: previous.ast.end + delta };

  const lines = new LineIndex(text);
  const relocate = (c: Comment, by: number): Comment => {
    const span = { start: c.start + by, end: c.end + by };
    return { ...c, ...span, range: lines.rangeOf(span) };
  };
  const comments: Comment[] = [
    ...previous.comments.filter((c) => c.end <= target.start),
    ...segment.comments.map((c) => relocate(c, segStart)),
    ...previous.comments.filter((c) => c.start >= target.end).map((c) => relocate(c, delta)),
  ];
  const diagnostics = segment.diagnostics.map((d) => {
    const span = { start: d.start + segStart, end: d.end + segStart };
    return { ...d, ...span, range: lines.rangeOf(span) };
  });
  return { ast, diagnostics, comments, lines, ...(fileName !== undefined ? { fileName } : {}) };
}
