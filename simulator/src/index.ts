/**
 * The simulator's public API: what the CLI, the language server, the debug adapter and
 * outside hosts import. Modules inside simulator/src never import this file (it would
 * tie every module to every other one); they import each other directly.
 */
export type * from './syntax/ast';
export { parse, parseExpression } from './syntax/parser';
export { parseJScript, type JsParseResult } from './syntax/jscript/parser';
export { Severity } from './syntax/parseResult';
export type { Comment, ExpressionParseResult, ParseResult, SyntaxDiagnostic } from './syntax/parseResult';
export { LineIndex } from './syntax/lineIndex';
export type { Position, Range } from './syntax/lineIndex';
export { childrenOf, nodePathAt, walk } from './syntax/walk';
export type { Visitor } from './syntax/walk';
export { CompileError, compileErrorText } from './syntax/errors';
export { lex, TokenType, KEYWORDS, CONTEXTUAL_KEYWORDS } from './syntax/lexer';
export type { Token } from './syntax/lexer';

// ---------------------------------------------------------------- the VBScript engine
export { ScriptEngine } from './runtime/engine/scriptEngine';
export type { ScriptEngineOptions, AddObjectOptions } from './runtime/engine/scriptEngine';
export { ScriptError } from './runtime/engine/scriptError';
export {
  Nothing,
  Empty,
  Integer,
  Long,
  Double,
  Single,
  Currency,
  Byte,
  LongLong,
  DateValue,
  ErrorValue,
  DefaultMember,
  VariantFunction,
  TypedValue,
} from './runtime/objects/hostBridge';

// ---------------------------------------------------------------- scenarios, the pipeline and reports
export { loadScenario, parseScenarioJson, resolveScenario, ScenarioError, DEFAULT_ENVIRONMENT, DEFAULT_TIMEOUT_SECONDS } from './scenario/load';
export type { ResolvedScenario, ScenarioOverrides } from './scenario/load';
export type * from './scenario/types';
export { runScenario, SimulationError } from './pipeline/run';
export type { RunObserver, RunOptions } from './pipeline/run';
export { formatReport } from './report/text';
export { checkExpectations, formatMismatch } from './report/expectations';
export type { Mismatch } from './report/expectations';
export { junitReport } from './report/junit';
export type { TestCaseResult } from './report/junit';
export type * from './report/types';

// ---------------------------------------------------------------- objects and the debugging interface (for hosts)
export { ComObject, MemberTable, HostError, isComObject, inSideEffectFreeEvaluation, withoutSideEffects } from './runtime/objects/comObject';
export type { VbsObject, MemberDefinition } from './runtime/objects/comObject';
export { retainValue, releaseValue, copyForStore } from './runtime/objects/lifetime';
export { ProgIdRegistry } from './runtime/objects/progIds';
export type { ObjectFactory, ObjectGetter } from './runtime/objects/progIds';
export { EngineDebugger } from './runtime/debug/engineDebugger';
export type { StopHandler, EngineDebuggerOptions, StoppedState, ValueResult } from './runtime/debug/engineDebugger';
export { DebugWorkerSession } from './runtime/debug/workerSession';
export type { DebugWorkerOptions } from './runtime/debug/workerSession';
export { ScriptAborted } from './runtime/debug/protocol';
export type * from './runtime/debug/protocol';
export type { WorkerSetup } from './runtime/debug/workerMessages';

// ---------------------------------------------------------------- the engine's inside, for the debug adapter
// What `simulator/src/debugger/` reads of stopped scripts and compiles breakpoint lines with, and
// the signals the engine's debug worker waits on. They come from here — not from the modules
// themselves — so the debug adapter and both debug workers use the one simulator
// (dist/simulator.js): a second copy would have its own classes (`instanceof` fails across
// copies) and its own module state.
export { ATTENTION, WAKE, SHARED_INTS } from './runtime/debug/workerMessages';
export { displayText } from './runtime/debug/inspection';
export { compileUnit } from './runtime/compiler/unit';
export { newSourceUnit } from './runtime/frame';
export { SlotEntry } from './runtime/procedures';
export { Ref } from './runtime/references';
export { VbsRuntimeError } from './runtime/errors';
export { VbsArray } from './runtime/values/array';
export { isTrue, toLong } from './runtime/values/coerce';
export { typeName } from './runtime/builtins/inspection';
export { Dictionary } from './runtime/builtins/dictionary';
export { ClassInstance } from './runtime/objects/classInstance';
export { decodeScript } from './pipeline/scriptFile';
// The JScript engine's inside (EventHandlers.js): its debugger, values and compiler.
export { JScriptEngine } from './runtime/jscript/engine';
export { JsEngineDebugger } from './runtime/jscript/debug/jsDebugger';
export type { JsStoppedState, JsValueResult, JsDebuggerOptions } from './runtime/jscript/debug/jsDebugger';
export { displayText as jsDisplayText } from './runtime/jscript/debug/inspection';
export { toBoolean as jsToBoolean, typeOf as jsTypeOf } from './runtime/jscript/conversions';
export { JsObject, JsArray, DONTENUM as JS_DONTENUM } from './runtime/jscript/values';
export type { JsValue } from './runtime/jscript/values';
export { JsFunction } from './runtime/jscript/functions';
export type { JsFrame, JsStatementInfo } from './runtime/jscript/runtime';
export type { HostedEngine } from './pipeline/scriptLanguage';

// ---------------------------------------------------------------- analysis and the API declaration (language server, debugger console)
export * from './editor';
export { sandboxProgIds } from './sandbox/progIds';
