/**
 * The shape of the file: its symbols (handlers marked as events), foldable regions and the
 * inlay hints on `Result.Value = n`.
 */
import type { Node, Statement } from '../../syntax/ast';
import type { Analysis } from '../analyze';
import { eventOf } from '../rules/result';
import { numericLiteral, resultMemberOf, resultValueMeaning } from '../resultInfo';
import type { Span, VbSymbol } from '../symbols';

export type OutlineKind = 'event' | 'function' | 'property' | 'class' | 'variable' | 'constant' | 'field';

export interface OutlineItem {
  name: string;
  kind: OutlineKind;
  detail: string;
  /** The whole declaration. */
  span: Span;
  /** The name. */
  selection: Span;
  children: OutlineItem[];
}

function symbolItems(a: Analysis, symbols: Iterable<VbSymbol>, inClass: boolean): OutlineItem[] {
  const out: OutlineItem[] = [];
  for (const s of symbols) {
    if (!s.declaration || s.implicit || s.uri) continue;
    const node = s.nodes[0];
    if (!node) continue;
    const span = { start: node.start, end: s.nodes.reduce((e, n) => Math.max(e, n.end), node.end) };
    switch (s.kind) {
      case 'sub':
      case 'function':
      case 'property': {
        const role = s.procedure?.role;
        const kind: OutlineKind = role?.kind === 'event' ? 'event' : s.kind === 'property' ? 'property' : 'function';
        const detail = role?.kind === 'event' ? 'event handler' : role?.kind === 'rule' ? 'rule function' : s.kind === 'sub' ? 'Sub' : s.kind === 'function' ? 'Function' : 'Property';
        out.push({ name: s.name, kind, detail, span, selection: s.declaration, children: [] });
        break;
      }
      case 'class': {
        const children = s.classInfo ? symbolItems(a, s.classInfo.scope.symbols.values(), true) : [];
        out.push({ name: s.name, kind: 'class', detail: 'Class', span, selection: s.declaration, children });
        break;
      }
      case 'variable':
        out.push({ name: s.name, kind: inClass ? 'field' : 'variable', detail: s.visibility ?? 'Dim', span, selection: s.declaration, children: [] });
        break;
      case 'constant':
        out.push({ name: s.name, kind: 'constant', detail: 'Const', span, selection: s.declaration, children: [] });
        break;
      default:
        break;
    }
  }
  return out.sort((x, y) => x.span.start - y.span.start);
}

export function documentOutline(a: Analysis): OutlineItem[] {
  return symbolItems(a, a.binding.global.symbols.values(), false);
}

export interface FoldingRegion {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/** Blocks fold down to the line before their closing keyword, which stays visible. */
export function foldingRegions(a: Analysis): FoldingRegion[] {
  const lines = a.parse.lines;
  const out: FoldingRegion[] = [];
  const add = (start: number, closerStart: number) => {
    const s = lines.lineAt(start);
    const e = lines.lineAt(closerStart) - 1;
    if (e > s) out.push({ startLine: s, endLine: e });
  };
  const visitBody = (body: readonly Node[]) => {
    for (const n of body) visit(n);
  };
  const visit = (n: Node): void => {
    switch (n.kind) {
      case 'Procedure':
        add(n.start, n.endStart);
        visitBody(n.body);
        return;
      case 'Class':
        add(n.start, n.endStart);
        visitBody(n.members);
        return;
      case 'If': {
        if (n.singleLine) return;
        // Each branch folds on its own: If…ElseIf, ElseIf…Else, Else…End If.
        const starts = [n.start, ...n.elseIfs.map((e) => e.start)];
        const elseStart = n.elseBody ? elseKeywordStart(a, n) : undefined;
        const bounds = [...starts, ...(elseStart !== undefined ? [elseStart] : []), n.end];
        for (let i = 0; i < bounds.length - 1; i++) add(bounds[i], bounds[i + 1]);
        visitBody(n.body);
        for (const e of n.elseIfs) visitBody(e.body);
        if (n.elseBody) visitBody(n.elseBody);
        return;
      }
      case 'Select':
        add(n.start, n.end);
        for (const c of n.cases) visitBody(c.body);
        return;
      case 'For':
      case 'ForEach':
      case 'Do':
      case 'While':
      case 'With':
        add(n.start, n.end);
        visitBody(n.body);
        return;
      default:
        return;
    }
  };
  visitBody(a.parse.ast.body);
  // Runs of two or more whole-line comments.
  let runStart = -1;
  let runEnd = -1;
  for (const c of a.parse.comments) {
    const line = c.range.start.line;
    const whole = lines.lineText(line).trimStart().startsWith("'") || /^\s*rem\b/i.test(lines.lineText(line));
    if (!whole) continue;
    if (line === runEnd + 1 && runStart >= 0) runEnd = line;
    else {
      if (runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: 'comment' });
      runStart = runEnd = line;
    }
  }
  if (runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: 'comment' });
  return out.sort((x, y) => x.startLine - y.startLine);
}

/** Offset of the `Else` line of an If: the line before the first statement of the Else body. */
function elseKeywordStart(a: Analysis, n: Extract<Statement, { kind: 'If' }>): number | undefined {
  const lines = a.parse.lines;
  const after = n.elseIfs.length ? n.elseIfs[n.elseIfs.length - 1].end : n.body.length ? n.body[n.body.length - 1].end : n.test.end;
  const first = lines.lineAt(after) + 1;
  const last = n.elseBody && n.elseBody.length ? lines.lineAt(n.elseBody[0].start) : lines.lineAt(n.end);
  for (let l = first; l <= last; l++) if (/^\s*else\b/i.test(lines.lineText(l))) return lines.lineStarts[l];
  return undefined;
}

export interface InlayHint {
  offset: number;
  label: string;
  tooltip: string;
}

/** `Result.Value = 1` → `→ 554 Rejected` (or `→ ignored in OnClientConnect`) after the number. */
export function resultValueHints(a: Analysis, from = 0, to = Number.MAX_SAFE_INTEGER): InlayHint[] {
  const out: InlayHint[] = [];
  for (const { node, procedure } of a.nodes.assignments) {
    if (node.end < from || node.start > to) continue;
    const event = eventOf(procedure);
    if (!event?.result || resultMemberOf(a.types, node) !== 'value') continue;
    const value = numericLiteral(node.value);
    if (value === undefined) continue;
    const meaning = resultValueMeaning(event, value);
    if (!meaning) continue;
    out.push({ offset: node.value.end, label: `→ ${meaning.label}`, tooltip: meaning.outcome?.description ?? meaning.label });
  }
  return out;
}
