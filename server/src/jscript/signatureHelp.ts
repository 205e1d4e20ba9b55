/** Signature help in EventHandlers.js: COM methods and indexed properties, built-ins, the script's functions. */
import { MarkupKind, type SignatureHelp } from 'vscode-languageserver/node';
import type { JScriptService } from '../../../simulator/src/analysis/jscript/service';

export function jscriptSignatureHelp(service: JScriptService, uri: string, offset: number, triggerCharacter?: string): SignatureHelp | null {
  const s = service.signatureHelp(uri, offset, triggerCharacter);
  if (!s || s.signatures.length === 0) return null;
  return {
    signatures: s.signatures.map((sig) => ({
      label: sig.label,
      parameters: sig.parameters.map((p) => ({ label: p })),
      ...(sig.documentation ? { documentation: { kind: MarkupKind.Markdown, value: sig.documentation } } : {}),
    })),
    activeSignature: s.activeSignature,
    activeParameter: s.activeParameter,
  };
}
