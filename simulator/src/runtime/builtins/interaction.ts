/**
 * MsgBox and InputBox. hMailServer runs event scripts inside a Windows service, where no
 * one can answer a dialog; like VBScript hosted in other servers (IIS/ASP), the functions
 * refuse with "Permission denied" instead of hanging the mail server, and the simulator
 * says so rather than pretending a button was pressed.
 */
import { raise, RuntimeError } from '../errors';
import { table, type BuiltinFunction } from './context';

export const interactionFunctions: Map<string, BuiltinFunction> = table([
  ['MsgBox', 1, 5, () => raise(RuntimeError.PermissionDenied, 'MsgBox'), false],
  ['InputBox', 1, 7, () => raise(RuntimeError.PermissionDenied, 'InputBox'), false],
]);
