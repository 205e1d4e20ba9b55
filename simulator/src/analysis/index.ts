/**
 * # simulator/src/analysis — static analysis of event-handler scripts
 *
 * vscode-free: the language server turns these answers into LSP, the debugger's console can use
 * them as they are. Layers: this folder imports `syntax/` and `api/` only (built-ins arrive as a
 * `BuiltinCatalog` from whoever owns the runtime's tables).
 *
 * ```ts
 * const a = analyze(text, { version: '5.6', builtins, rules: { 'hms-wscript': 'hint' } });
 * a.diagnostics;                 // compile errors (vbs1002 …) and rule findings (hms-…), with quick fixes
 * completionsAt(a, offset);      // events after `Sub On`, members after `.`, ProgIDs, names, keywords
 * hoverAt(a, offset); signatureAt(a, offset); definitionAt(a, offset); referencesAt(a, offset, true);
 * ```
 */
export { analyze, type Analysis, type AnalyzeOptions } from './analyze';
export { parseRuleSeverity, suppressions, type AnalysisDiagnostic, type DiagnosticSeverity } from './diagnostics';
export { EMPTY_BUILTINS, type BuiltinCatalog, type BuiltinConstantInfo, type BuiltinFunctionInfo } from './host';
export { findIncludeReferences, includeSymbols, mapIncludePath, type IncludeReference, type IncludedSymbol } from './includes';
export { RULES, RULES_BY_CODE, type EncodingInfo, type Fix, type Rule, type RuleSeverity, type TextEdit } from './rules/index';
export { scopeAt, procedureAt, lookup, type Binding } from './binder';
export type { ProcedureInfo, ProcedureRole, Scope, SymbolKind, VbSymbol } from './symbols';
export { typeLabel, type VbType } from './types';
export { TypeEvaluator, type MemberTarget } from './typeEvaluator';
export { resultValueMeaning, effectiveValues, type ResultValueMeaning } from './resultInfo';
export { completionsAt, expressionCompletions, memberCompletions, resolveNameAt, type CompletionEntry, type CompletionKind } from './queries/completions';
export {
  definitionAt,
  hoverAt,
  prepareRenameAt,
  referencesAt,
  renameAt,
  targetAt,
  type HoverInfo,
  type Location,
  type RenameCheck,
  type Target,
} from './queries/navigation';
export { signatureAt, type SignatureInfo } from './queries/signature';
export { documentOutline, foldingRegions, resultValueHints, type FoldingRegion, type InlayHint, type OutlineItem, type OutlineKind } from './queries/outline';
export { formatDocument, type FormatOptions } from './queries/format';
