/**
 * # simulator/src/analysis/jscript — editor support for EventHandlers.js
 *
 * Two halves:
 * - this index (light, in dist/editor.js): the declaration generator and per-version host data
 *   (`jscriptHostData`), the ES5 built-in table, and the `hms-*` rules that need only the API
 *   (handler names; Result, judged from the service's facts with VBScript's `resultInfo`) with
 *   severities and suppression comments (`jscriptRuleDiagnostics`), and the `Result.Value` hints;
 * - `service.ts` (heavy: TypeScript's language service, the ES3 parser): bundled on its own as
 *   dist/jscriptService.js, which the language server loads on the first JScript document.
 *   Not exported here.
 */
export { generateApiDeclarations, jscriptHostData, tsTypeOf, type JScriptHostData, type JsEventInfo, type JsEventParam, type JsMemberFacts } from './declarations';
export { JSCRIPT_KEYWORDS } from '../../syntax/jscript/keywords';
export { ES5_BUILTINS, es5BuiltinMessage, type Es5Builtin, type Es5Receiver } from './es5Builtins';
export { JS_RULES, encodingFindings, handlerFindings, jscriptRuleDiagnostics, type JsComment, type JsFinding, type JsFunctionInfo, type JsRule } from './rules';
export { jsEventOf, jscriptResultValueHints, resultFindings, type JsResultHint } from './result';
export type { JsNamedItemUse, JsResultAssignment, JsResultFacts } from './resultFacts';
