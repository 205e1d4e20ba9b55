import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJScript } from '../../../simulator/src/syntax/jscript/parser';

function firstError(source: string): string {
  const r = parseJScript(source);
  const d = r.diagnostics[0];
  return d ? `${d.code} ${d.message} @${d.range.start.line + 1}:${d.range.start.character + 1}` : 'ok';
}

describe('JScript parser: what jscript.dll (ES3) accepts', () => {
  it('parses an ES3 handler file with call-as-lvalue', () => {
    const r = parseJScript('function OnAcceptMessage(oClient, oMessage) {\n  oMessage.HeaderValue("X-Test") = "1";\n  oMessage.Save();\n}\n');
    assert.deepEqual(r.diagnostics, []);
    const fn = r.program!.body[0];
    assert.equal(fn.type, 'FunctionDeclaration');
    const stmt = (fn as import('acorn').FunctionDeclaration).body.body[0] as import('acorn').ExpressionStatement;
    const assign = stmt.expression as import('acorn').AssignmentExpression;
    assert.equal(assign.type, 'AssignmentExpression');
    assert.equal(assign.left.type as string, 'CallExpression');
    assert.equal(assign.loc!.start.line, 2);
  });

  it('accepts compound assignment and ++ on a call, as jscript.dll does', () => {
    assert.equal(firstError('o.Item(1) += 2; o.Item(2)++;'), 'ok');
  });

  // Checked against Wine's jscript.dll (run-ref.sh --sc): it agrees on 1004, 1005, 1015, 1019, 1025 and
  // the columns; where it answers a generic 1002 (trailing comma, keyword as a key, a catch-less try),
  // jscript.dll's own messages are the specific ones IE 8 made well known, kept here.
  const errors: Array<[string, string, string]> = [
    ['let', 'let x = 1;', "1004 Expected ';' @1:5"],
    ['arrow function', 'var f = () => 1;', '1002 Syntax error @1:10'],
    ['getter in a literal', 'var o = { get a() { return 1; } };', '1002 Syntax error @1:15'],
    ['trailing comma in an object literal', 'var o = {a: 1,};', '1028 Expected identifier, string or number @1:15'],
    ['reserved word after a dot', 'o.class = 1;', '1010 Expected identifier @1:3'],
    ['keyword as an object key', 'var o = {default: 1};', '1028 Expected identifier, string or number @1:10'],
    ['unclosed block', 'if (x) {\n  y();\n', "1009 Expected '}' @3:1"],
    ['unterminated string', 'var s = "abc', '1015 Unterminated string constant @1:9'],
    ['missing semicolon', 'for (var i = 0; i < 3 i++) {}', "1004 Expected ';' @1:23"],
    ['missing parenthesis', 'if x) {}', "1005 Expected '(' @1:4"],
    ['return at top level', 'return 1;', "1018 'return' statement outside of function @1:1"],
    ['try without catch', 'try { }', "1033 Expected 'catch' @1:8"],
    ['throw and a line break', 'throw\nx;', "1035 'throw' must be followed by an expression on the same source line @1:6"],
    ['bad regular expression', 'x = /a(/;', '5017 Syntax error in regular expression @1:6'],
    ['break outside a loop', 'break;', "1019 Can't have 'break' outside of loop @1:1"],
    ['label redefined', 'foo: foo: x;', '1025 Label redefined @1:6'],
    ['invalid character', 'var a = 1 # 2;', '1014 Invalid character @1:11'],
    ['unterminated comment', '/* never closed', '1016 Unterminated comment @1:1'],
  ];
  for (const [what, source, expected] of errors) {
    it(`reports ${what} with jscript.dll's number and position`, () => assert.equal(firstError(source), expected));
  }

  it('keeps ES5+ built-ins a run-time matter (they parse)', () => {
    assert.equal(firstError('var s = " x ".trim(); var j = JSON.stringify({});'), 'ok');
  });

  it('collects comments with offsets', () => {
    const r = parseJScript('// one\nvar x; /* two */');
    assert.deepEqual(r.comments.map((c) => [c.kind, c.text, c.start]), [['line', ' one', 0], ['block', ' two ', 14]]);
  });

  it('never throws on arbitrary input', () => {
    for (const s of ['', '}', '@', '/*@cc_on', '/*@cc_on @if (', '"\\', 'var a = {', '((((', '/*@cc_on @*/ /*@if (1) @*/']) {
      const r = parseJScript(s);
      assert.ok(Array.isArray(r.diagnostics));
    }
  });
});

describe('JScript conditional compilation', () => {
  it('compiles the taken branch and drops the others, keeping lines', () => {
    const src = '/*@cc_on @*/\n/*@if (@_jscript_version >= 5)\nvar v = 1;\n@else @*/\nvar v = 2;\n/*@end @*/';
    const r = parseJScript(src);
    assert.deepEqual(r.diagnostics, []);
    const decls = r.program!.body.filter((n) => n.type === 'VariableDeclaration');
    assert.equal(decls.length, 1);
    assert.equal(decls[0].loc!.start.line, 3);
  });

  it('without @cc_on, /*@ … @*/ is a comment', () => {
    const r = parseJScript('/*@if (@_jscript) var x = 1; @end @*/');
    assert.equal(r.program!.body.length, 0);
  });

  it('substitutes @set variables and predefined ones', () => {
    const r = parseJScript('/*@cc_on @set @n = 2 * 3 @*/\nvar a = @n, b = @_win32;');
    assert.deepEqual(r.diagnostics, []);
    const decl = r.program!.body[0] as import('acorn').VariableDeclaration;
    assert.deepEqual(decl.declarations.map((d) => (d.init as import('acorn').Literal).value), [6, true]);
  });

  it('reports an @if without @end', () => {
    assert.equal(firstError("/*@cc_on @if (@_jscript) var x = 1; @*/"), "1029 Expected '@end' @1:10");
  });
});
