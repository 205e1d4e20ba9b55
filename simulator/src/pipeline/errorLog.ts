/**
 * Script errors in hMailServer's words (§2.6): the message IActiveScriptSite::OnScriptError
 * builds, and the line the Logger writes to ERROR_hmailserver_<date>.log.
 */
import type { ScriptError } from '../runtime/engine/scriptError';
import type { ScriptErrorReport } from '../report/types';

/** VBScript's own errors travel as FACILITY_CONTROL HRESULTs (800A….); host errors as their HRESULT. */
export function hresultOf(number: number): string {
  const h = number > 0 && number <= 0xffff ? (0x800a0000 | number) >>> 0 : number >>> 0;
  return h.toString(16).toUpperCase().padStart(8, '0');
}

/** `Script Error: Source: … - Error: 800A000D - Description: … - Line: 5 Column: 2 - Code: …` */
export function scriptErrorMessage(e: { source: string; number: number; description: string; line: number; column: number; code: string }): string {
  return `Script Error: Source: ${e.source} - Error: ${hresultOf(e.number)} - Description: ${e.description} - Line: ${e.line} Column: ${e.column} - Code: ${e.code}`;
}

/** A ScriptError as the report shows it; `line` already counts the appended call where the error is in it. */
export function reportScriptError(error: ScriptError, file: string, line: number): ScriptErrorReport {
  // hMailServer prints the engine's 0-based character position as the column.
  const column = Math.max(0, error.column - 1);
  const fields = { source: error.source, number: error.number, description: error.description, line, column, code: error.text.trim() };
  return {
    number: error.number,
    description: error.description,
    source: error.source,
    file,
    line,
    column,
    logLine: scriptErrorMessage(fields),
  };
}

/** `"ERROR"<TAB>thread<TAB>"time"<TAB>"message"`, CRLF in the message as `[nl]`. */
export function errorLogLine(thread: number, localTime: string, message: string): string {
  return `"ERROR"\t${thread}\t"${localTime}"\t"${message.replace(/\r\n|\r|\n/g, '[nl]')}"`;
}
