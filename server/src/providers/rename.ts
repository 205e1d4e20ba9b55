/** Rename: every occurrence of a symbol the script declares, whatever case it was written in. */
import { ResponseError, ErrorCodes, type PrepareRenameResult, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Analysis } from '../../../simulator/src/editor';
import { prepareRenameAt, renameAt } from '../../../simulator/src/editor';

export function prepareRename(a: Analysis, offset: number): PrepareRenameResult | ResponseError<void> {
  const check = prepareRenameAt(a, offset);
  if (!check.ok) return new ResponseError(ErrorCodes.InvalidRequest, check.reason);
  return { range: a.parse.lines.rangeOf(check.span), placeholder: check.name };
}

export function rename(a: Analysis, uri: string, offset: number, newName: string): WorkspaceEdit | ResponseError<void> {
  const result = renameAt(a, offset, newName);
  if (result.error !== undefined) return new ResponseError(ErrorCodes.InvalidRequest, result.error);
  return { changes: { [uri]: result.edits.map((s) => ({ range: a.parse.lines.rangeOf(s), newText: newName })) } };
}
