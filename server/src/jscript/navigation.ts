/** References, rename and formatting in EventHandlers.js: TypeScript's answers over the virtual text, in the user's offsets. */
import { ErrorCodes, ResponseError, type FormattingOptions, type Location, type PrepareRenameResult, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { JScriptService } from '../../../simulator/src/analysis/jscript/service';

const rangeOf = (doc: TextDocument, s: { start: number; end: number }) => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) });

export function jscriptReferences(service: JScriptService, doc: TextDocument, offset: number, includeDeclaration: boolean): Location[] {
  return service.references(doc.uri, offset, includeDeclaration).map((s) => ({ uri: doc.uri, range: rangeOf(doc, s) }));
}

export function jscriptPrepareRename(service: JScriptService, doc: TextDocument, offset: number): PrepareRenameResult | ResponseError<void> {
  const check = service.prepareRename(doc.uri, offset);
  if (!check.ok) return new ResponseError(ErrorCodes.InvalidRequest, check.reason);
  return { range: rangeOf(doc, check), placeholder: check.name };
}

export function jscriptRename(service: JScriptService, doc: TextDocument, offset: number, newName: string): WorkspaceEdit | ResponseError<void> {
  const result = service.renameLocations(doc.uri, offset, newName);
  if ('error' in result) return new ResponseError(ErrorCodes.InvalidRequest, result.error);
  return { changes: { [doc.uri]: result.edits.map((s) => ({ range: rangeOf(doc, s), newText: newName })) } };
}

export function jscriptFormatting(service: JScriptService, doc: TextDocument, options: FormattingOptions): TextEdit[] {
  return service.format(doc.uri, { tabSize: options.tabSize, insertSpaces: options.insertSpaces }).map((e) => ({ range: rangeOf(doc, e), newText: e.newText }));
}
