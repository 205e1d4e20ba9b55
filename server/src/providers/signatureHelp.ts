/** Signature help for COM methods, built-ins and the script's own procedures. */
import { MarkupKind, type SignatureHelp } from 'vscode-languageserver/node';
import type { Analysis } from '../../../simulator/src/editor';
import { signatureAt } from '../../../simulator/src/editor';

export function signatureHelp(a: Analysis, offset: number): SignatureHelp | null {
  const s = signatureAt(a, offset);
  if (!s) return null;
  return {
    signatures: [
      {
        label: s.label,
        parameters: s.parameters.map((p) => ({ label: p })),
        ...(s.documentation ? { documentation: { kind: MarkupKind.Markdown, value: s.documentation } } : {}),
      },
    ],
    activeSignature: 0,
    activeParameter: s.activeParameter,
  };
}
