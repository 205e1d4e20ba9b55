/**
 * The simulator's public API: what the CLI, the language server, the debug adapter and
 * outside hosts import. Modules inside simulator/src never import this file (it would
 * tie every module to every other one); they import each other directly.
 */
export type * from './syntax/ast';
export { parse, parseExpression } from './syntax/parser';
export { Severity } from './syntax/parseResult';
export type { Comment, ExpressionParseResult, ParseResult, SyntaxDiagnostic } from './syntax/parseResult';
export { LineIndex } from './syntax/lineIndex';
export type { Position, Range } from './syntax/lineIndex';
export { childrenOf, nodePathAt, walk } from './syntax/walk';
export type { Visitor } from './syntax/walk';
export { CompileError, compileErrorText } from './syntax/errors';
export { lex, TokenType, KEYWORDS, CONTEXTUAL_KEYWORDS } from './syntax/lexer';
export type { Token } from './syntax/lexer';
