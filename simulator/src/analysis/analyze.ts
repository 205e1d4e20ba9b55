/**
 * The analysis of one event-handler script: parse, bind, type, check. Everything editors and the
 * debugger console ask about a script (completions, hover, navigation) is answered from this.
 */
import { DEFAULT_SERVER_VERSION, type ServerVersion } from '../api/index';
import type { ParseResult } from '../syntax/parseResult';
import { parse } from '../syntax/parser';
import { bind, type Binding } from './binder';
import { compileDiagnostics, ruleDiagnostics, type AnalysisDiagnostic } from './diagnostics';
import { EMPTY_BUILTINS, hostScope, type BuiltinCatalog } from './host';
import { findIncludeReferences, type IncludeReference, type IncludedSymbol } from './includes';
import { reparse } from './incrementalParse';
import type { NodeIndex } from './nodeIndex';
import type { EncodingInfo, RuleSeverity } from './rules/index';
import { TypeEvaluator } from './typeEvaluator';

export interface AnalyzeOptions {
  /** hMailServer line to check against (`hmailserver.version`); default 5.6. */
  version?: ServerVersion;
  fileName?: string;
  /** Severity overrides by rule code (`hmailserver.diagnostics.rules`). */
  rules?: Readonly<Record<string, RuleSeverity>>;
  /** VBScript's built-in functions and constants, from the runtime's tables. */
  builtins?: BuiltinCatalog;
  /** Declarations of the include files this script loads (see `includes.ts`). */
  includes?: readonly IncludedSymbol[];
  /** What the file on disk looks like (BOM), when the host knows. */
  encoding?: EncodingInfo;
  /**
   * The parse of this document's previous text: an edit inside one procedure then re-parses only
   * that procedure. The previous tree is taken over (see `incrementalParse.ts`).
   */
  previous?: ParseResult;
  /** A parse of exactly `source` to use as it is (re-analysing the same text with other options). */
  parsed?: ParseResult;
}

export interface Analysis {
  source: string;
  version: ServerVersion;
  parse: ParseResult;
  binding: Binding;
  types: TypeEvaluator;
  nodes: NodeIndex;
  /** Paths of include files the script loads, as written. */
  includeReferences: IncludeReference[];
  diagnostics: AnalysisDiagnostic[];
  builtins: BuiltinCatalog;
}

export function analyze(source: string, options: AnalyzeOptions = {}): Analysis {
  const version = options.version ?? DEFAULT_SERVER_VERSION;
  const builtins = options.builtins ?? EMPTY_BUILTINS;
  const parsed =
    options.parsed ?? (options.previous && reparse(options.previous, source, options.fileName)) ?? parse(source, options.fileName);
  const binding = bind(parsed.ast, hostScope(builtins), options.includes ?? []);
  const types = new TypeEvaluator(binding);
  const nodes = binding.nodes;
  const diagnostics = [
    ...compileDiagnostics(parsed),
    ...ruleDiagnostics({ source, parse: parsed, binding, types, nodes, version, encoding: options.encoding }, options.rules ?? {}),
  ];
  return {
    source,
    version,
    parse: parsed,
    binding,
    types,
    nodes,
    includeReferences: findIncludeReferences(source, nodes),
    diagnostics,
    builtins,
  };
}
