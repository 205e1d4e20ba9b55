import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from '../../simulator/src/syntax/parser';
import { sexpr } from './sexpr';

/** Parses damaged code: the expected diagnostics (code@line) and the tree that survives. */
function recover(source: string): { errors: string[]; tree: string } {
  const result = parse(source);
  return {
    errors: result.diagnostics.map((d) => `${d.code}@${d.range.start.line}`),
    tree: sexpr(result.ast),
  };
}

describe('parser: error recovery on half-typed code', () => {
  test('an unterminated Sub ends at the next Sub, which still parses', () => {
    const r = recover('Sub A()\n  x = 1\nSub B()\n  y = 2\nEnd Sub\nz = 3');
    assert.deepEqual(r.errors, ['1014@2']);
    assert.equal(r.tree, '(Sub A () (= x 1))\n(Sub B () (= y 2))\n(= z 3)');
  });

  test('an unterminated Sub at the end of the file keeps its body', () => {
    const r = recover('Sub A()\n  x = 1\n  Foo x');
    assert.deepEqual(r.errors, ['1014@2']);
    assert.equal(r.tree, '(Sub A () (= x 1) (Foo x))');
  });

  test('a missing Then keeps the If block and its End If', () => {
    const r = recover('If x = 1\n  a = 2\nEnd If\nb = 3');
    assert.deepEqual(r.errors, ['1017@0']);
    assert.equal(r.tree, '(if Empty (then (= a 2)))\n(= b 3)');
  });

  test('a stray End If is one error and the statements around it survive', () => {
    const r = recover('a = 1\nEnd If\nb = 2');
    assert.deepEqual(r.errors, ['1024@1']);
    assert.equal(r.tree, '(= a 1)\n(= b 2)');
  });

  test('a line cut in the middle of an expression loses only that statement', () => {
    const r = recover('Sub S\n  x = oMessage.Subject &\n  y = 2\nEnd Sub');
    assert.deepEqual(r.errors, ['1023@1']);
    assert.equal(r.tree, '(Sub S () (= y 2))');
  });

  test('a member access typed up to the dot loses only that statement', () => {
    const r = recover('Sub OnAcceptMessage(oClient, oMessage)\n  oMessage.\n  Result.Value = 1\nEnd Sub');
    assert.deepEqual(r.errors, ['1010@1']);
    assert.equal(r.tree, '(Sub OnAcceptMessage (oClient, oMessage) (= (. Result Value) 1))');
  });

  test('End Sub inside an open If closes both with one error', () => {
    const r = recover('Sub A\n  If x Then\n    a = 1\nEnd Sub\nb = 1');
    assert.deepEqual(r.errors, ['1012@3']);
    assert.equal(r.tree, '(Sub A () (if x (then (= a 1))))\n(= b 1)');
  });

  test('a missing Next is reported where the enclosing block ends', () => {
    const r = recover('Sub A\n  For i = 1 To 3\n    x = i\n  If y Then z = 1\nEnd Sub\nw = 1');
    assert.deepEqual(r.errors, ['1020@4']);
    assert.equal(r.tree, '(Sub A () (for i 1 3 (= x i) (if1 y (then (= z 1)))))\n(= w 1)');
  });

  test('a missing Loop inside an If', () => {
    const r = recover('If a Then\n  Do\n    x = 1\nEnd If\ny = 2');
    assert.deepEqual(r.errors, ['1019@3']);
    assert.equal(r.tree, '(if a (then (do (= x 1))))\n(= y 2)');
  });

  test('a missing End Class ends at the next top-level procedure', () => {
    const r = recover('Class C\n  Public Sub M\n  End Sub\nSub OnClientConnect(oClient)\nEnd Sub');
    // The Sub is read as a second class member until the file ends: one error, and both procedures exist.
    assert.equal(r.errors.length, 1);
    assert.match(r.tree, /Sub M/);
    assert.match(r.tree, /Sub OnClientConnect/);
  });

  test('a bad statement in a Select keeps the other cases', () => {
    const r = recover('Select Case x\n  Case 1\n    y = = 2\n  Case 2\n    y = 3\nEnd Select');
    assert.deepEqual(r.errors, ['1023@2']);
    assert.equal(r.tree, '(select x (case (1)) (case (2) (= y 3)))');
  });

  test('one error per mistake: an unterminated string does not cascade', () => {
    const r = recover('x = "abc\ny = 1\nz = 2');
    assert.deepEqual(r.errors, ['1033@0']);
    assert.equal(r.tree, '(= x "abc")\n(= y 1)\n(= z 2)');
  });

  test('a broken procedure header still parses the body', () => {
    const r = recover('Sub (a, b)\n  x = 1\nEnd Sub\ny = 2');
    assert.deepEqual(r.errors, ['1010@0']);
    assert.match(r.tree, /\(= x 1\)/);
    assert.match(r.tree, /\(= y 2\)/);
  });

  test('an unterminated For header keeps the loop body', () => {
    const r = recover('For i = \n  x = 1\nNext\ny = 2');
    assert.deepEqual(r.errors, ['1023@0']);
    assert.equal(r.tree, '(for i Empty Empty (= x 1))\n(= y 2)');
  });
});
