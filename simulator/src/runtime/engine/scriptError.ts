/**
 * The error the embedding API throws: a VBScript error (compile or run time) with its
 * number, texts and position, as the Windows Script Control's `Error` object reports it.
 */
import type { Range } from '../../syntax/lineIndex.js';
import type { SyntaxDiagnostic } from '../../syntax/parseResult.js';
import { VbsRuntimeError } from '../errors.js';
import { statementRange, type StatementInfo } from '../frame.js';
import { errorLocations } from '../interpreter.js';

export const COMPILATION_ERROR_SOURCE = 'Microsoft VBScript compilation error';

export class ScriptError extends Error {
  constructor(
    /** VBScript error number (13, 1002 …) or, for host errors, the signed HRESULT. */
    readonly number: number,
    readonly description: string,
    /** "Microsoft VBScript runtime error", "Microsoft VBScript compilation error", or what the raiser set. */
    readonly source: string,
    readonly fileName: string,
    /** 1-based; 0 when unknown. */
    readonly line: number,
    /** 1-based; 0 when unknown. */
    readonly column: number,
    /** The source line the error is on. */
    readonly text: string,
    /** LSP range (0-based) of the failing statement or the syntax problem. */
    readonly range: Range,
  ) {
    super(`${source}: ${description}${fileName ? ` (${fileName}:${line}:${column})` : ''}`);
    this.name = 'ScriptError';
  }
}

const nowhere: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function scriptErrorFromRuntime(error: VbsRuntimeError): ScriptError {
  return located(error.number, error.description, error.source, error);
}

/** A run stopped by the engine itself (time limit): number 0, source "ScriptEngine", with the statement it stopped at. */
export function scriptErrorFromInterrupt(interrupt: Error): ScriptError {
  return located(0, interrupt.message, 'ScriptEngine', interrupt);
}

function located(number: number, description: string, source: string, thrown: object): ScriptError {
  const info: StatementInfo | undefined = errorLocations.get(thrown);
  if (!info) return new ScriptError(number, description, source, '', 0, 0, '', nowhere);
  return new ScriptError(
    number,
    description,
    source,
    info.unit.fileName,
    info.line + 1,
    info.column + 1,
    info.unit.lines.lineText(info.line),
    statementRange(info),
  );
}

export function scriptErrorFromDiagnostic(d: SyntaxDiagnostic, fileName: string, lines: import('../../syntax/lineIndex.js').LineIndex): ScriptError {
  return new ScriptError(
    d.code,
    d.message,
    COMPILATION_ERROR_SOURCE,
    fileName,
    d.range.start.line + 1,
    d.range.start.character + 1,
    lines.lineText(d.range.start.line),
    d.range,
  );
}
