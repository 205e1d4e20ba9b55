/** Folding ranges: blocks (down to the line before their closing keyword) and comment runs. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import type { Analysis } from '../../../simulator/src/editor';
import { foldingRegions } from '../../../simulator/src/editor';

export function foldingRanges(a: Analysis): FoldingRange[] {
  return foldingRegions(a).map((r) => ({
    startLine: r.startLine,
    endLine: r.endLine,
    ...(r.kind === 'comment' ? { kind: FoldingRangeKind.Comment } : {}),
  }));
}
