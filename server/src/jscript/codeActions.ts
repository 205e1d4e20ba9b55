/** Quick fixes in EventHandlers.js: rename a misspelled handler, correct an unknown member. */
import type { CodeAction, CodeActionParams, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JScriptDocuments } from './documents';
import { ruleDiagnostic } from './diagnostics';
import { quickFixActions } from '../providers/codeActions';

export function jscriptCodeActions(documents: JScriptDocuments, doc: TextDocument, params: CodeActionParams): CodeAction[] {
  const positions = {
    offsetAt: (p: Position) => doc.offsetAt(p),
    rangeOf: (span: { start: number; end: number }) => ({ start: doc.positionAt(span.start), end: doc.positionAt(span.end) }),
  };
  return quickFixActions(params, doc.uri, positions, () => documents.ruleDiagnostics(doc), (d) => ruleDiagnostic(doc, d));
}
