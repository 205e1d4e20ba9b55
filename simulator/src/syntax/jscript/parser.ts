/**
 * The one JScript parser: it decides what is a syntax error for the engine, the language
 * server and the debugger alike. jscript.dll (the engine hMailServer creates) is ECMAScript 3,
 * so this is acorn with `ecmaVersion: 3` — `let`, arrow functions, getters in literals, trailing
 * commas in object literals… are errors, as on the server — plus what jscript.dll adds:
 *
 * - call-as-lvalue: `oMessage.HeaderValue("X-Test") = "1";` assigns an indexed COM property
 *   (an `AssignmentExpression` or `UpdateExpression` whose target is a `CallExpression`);
 * - conditional compilation (`conditionalCompilation.ts`);
 * - errors with jscript.dll's numbers and texts (`errors.ts`), one per file: jscript.dll stops
 *   at the first, and so does acorn.
 *
 * Never throws; nodes carry `start`/`end` offsets and `loc`.
 */
import * as acorn from 'acorn';
import { LineIndex } from '../lineIndex';
import { Severity, type SyntaxDiagnostic } from '../parseResult';
import { applyConditionalCompilation } from './conditionalCompilation';
import { isReservedWord, JsSyntaxError, jscriptErrorFor, JS_COMPILE_ERRORS } from './errors';

export interface JsComment {
  kind: 'line' | 'block';
  text: string;
  start: number;
  end: number;
}

export interface JsParseResult {
  /** `null` when the text has a syntax error. */
  program: acorn.Program | null;
  diagnostics: SyntaxDiagnostic[];
  comments: JsComment[];
  /** Lines of the text as compiled (the file after conditional compilation: same lines). */
  lines: LineIndex;
  /** The file as given. */
  source: string;
  fileName?: string;
}

const tt = acorn.tokTypes;

/** Tokens `expect` waits for, with the error jscript.dll reports when another comes. */
const EXPECTED = new Map<acorn.TokenType, number>([
  [tt.parenL, 1005],
  [tt.parenR, 1006],
  [tt.bracketR, 1007],
  [tt.braceL, 1008],
  [tt.braceR, 1009],
  [tt.colon, 1003],
  [tt.semi, 1004],
  [tt.eq, 1011],
  [tt._while, 1024],
  [tt._catch, 1033],
]);

type ParserInternals = acorn.Parser & {
  type: acorn.TokenType;
  start: number;
  eat(type: acorn.TokenType): boolean;
  insertSemicolon(): boolean;
  options: acorn.Options;
};

/* eslint-disable @typescript-eslint/no-explicit-any -- acorn's plugin hooks are untyped internals */
const JScriptParser = acorn.Parser.extend(((Base: any) => {
  return class extends Base {
    // jscript.dll accepts a call as an assignment target (an indexed COM property).
    toAssignable(node: acorn.Node, isBinding: boolean, errors: unknown): acorn.Node {
      if (node?.type === 'CallExpression' && !isBinding) return node;
      return super.toAssignable(node, isBinding, errors);
    }

    checkLValSimple(expr: acorn.Node, bindingType?: number, checkClashes?: unknown): void {
      if (expr.type === 'CallExpression' && !bindingType) return;
      super.checkLValSimple(expr, bindingType, checkClashes);
    }

    checkLValPattern(expr: acorn.Node, bindingType?: number, checkClashes?: unknown): void {
      if (expr.type === 'CallExpression' && !bindingType) return;
      super.checkLValPattern(expr, bindingType, checkClashes);
    }

    expect(type: acorn.TokenType): void {
      const self = this as unknown as ParserInternals;
      if (self.eat(type)) return;
      const code = EXPECTED.get(type);
      if (code !== undefined) throw new JsSyntaxError(code, self.start);
      super.expect(type);
    }

    // Only an open block asks for another statement at the end of the file.
    parseStatement(context: unknown, topLevel: unknown, exports: unknown): acorn.Node {
      const self = this as unknown as ParserInternals;
      if (self.type === tt.eof) throw new JsSyntaxError(1009, self.start);
      return super.parseStatement(context, topLevel, exports);
    }

    semicolon(): void {
      const self = this as unknown as ParserInternals;
      if (!self.eat(tt.semi) && !self.insertSemicolon()) throw new JsSyntaxError(1004, self.start);
    }

    parseIdent(liberal?: boolean): acorn.Identifier {
      const self = this as unknown as ParserInternals;
      const start = self.start;
      if (self.type !== tt.name && !(liberal && self.type.keyword)) throw new JsSyntaxError(1010, start);
      const node = super.parseIdent(liberal) as acorn.Identifier;
      if (isReservedWord(node.name)) throw new JsSyntaxError(1010, start);
      return node;
    }

    // Object-literal keys: identifiers that are not reserved, strings, numbers.
    parsePropertyName(prop: acorn.Node): acorn.Node {
      const self = this as unknown as ParserInternals & { value: unknown };
      const plain = self.type === tt.string || self.type === tt.num || (self.type === tt.name && !isReservedWord(String(self.value)));
      if (!plain) throw new JsSyntaxError(1028, self.start);
      return super.parsePropertyName(prop);
    }

    raise(pos: number, message: string): never {
      const code = jscriptErrorFor(message);
      // acorn blames a catch-less `try` at its start; jscript.dll at the token where `catch` was expected.
      const at = code === 1033 ? (this as unknown as ParserInternals).start : pos;
      throw new JsSyntaxError(code, at, message);
    }

    raiseRecoverable(pos: number, message: string): never {
      throw new JsSyntaxError(jscriptErrorFor(message), pos, message);
    }
  };
}) as any) as unknown as typeof acorn.Parser;
/* eslint-enable @typescript-eslint/no-explicit-any */

export function parseJScript(source: string, fileName?: string): JsParseResult {
  const compiled = applyConditionalCompilation(source);
  const lines = new LineIndex(compiled.text);
  const comments: JsComment[] = [];
  const result: JsParseResult = { program: null, diagnostics: [], comments, lines, source, fileName };
  if (compiled.error) {
    const e = compiled.error;
    result.diagnostics.push(diagnostic(e.code, e.message, e.start, e.end, lines));
    return result;
  }
  try {
    result.program = JScriptParser.parse(compiled.text, {
      ecmaVersion: 3,
      sourceType: 'script',
      // Keywords are fine after a dot or as object keys in acorn's ES3 mode; `reservedWordError` knows jscript.dll's list.
      allowReserved: true,
      allowReturnOutsideFunction: false,
      locations: true,
      onComment: (block, text, start, end) => comments.push({ kind: block ? 'block' : 'line', text, start, end }),
    }) as acorn.Program;
  } catch (e) {
    if (!(e instanceof JsSyntaxError)) throw e;
    const end = tokenEnd(compiled.text, e.pos);
    result.diagnostics.push(diagnostic(e.code, JS_COMPILE_ERRORS[e.code] ?? 'Syntax error', e.pos, end, lines));
  }
  return result;
}

/** The end of the token at `pos` (at least one character, within the line). */
function tokenEnd(text: string, pos: number): number {
  const m = /^(?:[A-Za-z_$][\w$]*|\d[\w.]*|"(?:[^"\\\r\n]|\\.)*"?|'(?:[^'\\\r\n]|\\.)*'?|[^\s])/.exec(text.slice(pos, pos + 200));
  return pos + (m ? m[0].length : 0);
}

function diagnostic(code: number, message: string, start: number, end: number, lines: LineIndex): SyntaxDiagnostic {
  return { message, code, severity: Severity.Error, source: 'jscript', range: lines.rangeOf({ start, end }), start, end };
}
