/**
 * The two languages hMailServer runs (§2.7): the file name decides (`EventHandlers.vbs` or
 * `EventHandlers.js`), and with it the parser, the engine, how the appended call is written
 * and how handler names match (VBScript ignores case; JScript does not: `OnHelo` never fires).
 * Everything else in the pipeline is the same for both.
 */
import { ScriptEngine, type ScriptEngineOptions } from '../runtime/engine/scriptEngine';
import { JScriptEngine } from '../runtime/jscript/engine';
import { parseJScript, type JsParseResult } from '../syntax/jscript/parser';
import { parse } from '../syntax/parser';
import type { ParseResult, SyntaxDiagnostic } from '../syntax/parseResult';
import type { ScriptLanguage } from '../syntax/language';

export type { ScriptLanguage };

/** An engine of either language, as the pipeline drives it. */
export type HostedEngine = ScriptEngine | JScriptEngine;

export type ParsedScript = { language: 'vbscript'; parsed: ParseResult } | { language: 'jscript'; parsed: JsParseResult };

export function parseScript(language: ScriptLanguage, text: string, fileName: string): ParsedScript {
  return language === 'jscript' ? { language, parsed: parseJScript(text, fileName) } : { language, parsed: parse(text, fileName) };
}

/** The first compile error, if any: the engine refuses the whole text then. */
export function firstSyntaxError(script: ParsedScript): SyntaxDiagnostic | undefined {
  return script.parsed.diagnostics.find((d) => d.severity === 1);
}

export const COMPILATION_ERROR_SOURCES: Record<ScriptLanguage, string> = {
  vbscript: 'Microsoft VBScript compilation error',
  jscript: 'Microsoft JScript compilation error',
};

export function createEngine(language: ScriptLanguage, options: ScriptEngineOptions): HostedEngine {
  return language === 'jscript' ? new JScriptEngine(options) : new ScriptEngine(options);
}

/** Runs a parsed text in an engine of its language (its top-level code runs now). */
export function addParsed(engine: HostedEngine, script: ParsedScript, fileName: string): void {
  if (script.language === 'jscript' && engine instanceof JScriptEngine) engine.addParsed(script.parsed, fileName);
  else if (script.language === 'vbscript' && engine instanceof ScriptEngine) engine.addParsed(script.parsed, fileName);
  else throw new Error(`A ${script.language} text cannot run in this engine`);
}

/** The procedures a script defines, looked up as its language looks names up. */
export class HandlerNames {
  private readonly names: Set<string>;

  constructor(
    private readonly language: ScriptLanguage,
    names: readonly string[],
  ) {
    this.names = new Set(language === 'vbscript' ? names.map((n) => n.toLowerCase()) : names);
  }

  has(name: string): boolean {
    return this.names.has(this.language === 'vbscript' ? name.toLowerCase() : name);
  }
}
