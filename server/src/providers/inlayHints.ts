/** Inlay hints after `Result.Value = n`: what the server does with n in this event. */
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver/node';
import type { Analysis } from '../../../simulator/src/editor';
import { resultValueHints } from '../../../simulator/src/editor';

export function inlayHints(a: Analysis, range: Range): InlayHint[] {
  const lines = a.parse.lines;
  return resultValueHints(a, lines.offsetAt(range.start), lines.offsetAt(range.end)).map((h) => ({
    position: lines.positionAt(h.offset),
    label: h.label,
    kind: InlayHintKind.Parameter,
    paddingLeft: true,
    tooltip: h.tooltip,
  }));
}
