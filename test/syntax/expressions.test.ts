import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse, parseExpression } from '../../simulator/src/syntax/parser';
import { sexpr } from './sexpr';
import { tree } from './helpers';

const expr = (source: string): string => {
  const result = parseExpression(source);
  assert.deepEqual(result.diagnostics, [], `diagnostics for ${source}`);
  return sexpr(result.ast);
};

describe('parser: operator precedence', () => {
  const cases: [string, string][] = [
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['(1 + 2) * 3', '(* (paren (+ 1 2)) 3)'],
    ['2 ^ 3 ^ 2', '(^ (^ 2 3) 2)'],
    ['-2 ^ 2', '(^ (neg 2) 2)'],
    ['-x ^ 2 * 3', '(* (^ (neg x) 2) 3)'],
    ['2 ^ -1', '(^ 2 (neg 1))'],
    ['a * -b', '(* a (neg b))'],
    ['7 \\ 2 * 3', '(\\ 7 (* 2 3))'],
    ['10 Mod 4 \\ 2', '(Mod 10 (\\ 4 2))'],
    ['a + b Mod c', '(+ a (Mod b c))'],
    ['"a" & 1 + 2', '(& "a" (+ 1 2))'],
    ['a & b = c', '(= (& a b) c)'],
    ['a = b = c', '(= (= a b) c)'],
    ['Not a = b', '(Not (= a b))'],
    ['Not a And b', '(And (Not a) b)'],
    ['a And Not b', '(And a (Not b))'],
    ['a Or b And c', '(Or a (And b c))'],
    ['a Xor b Or c', '(Xor a (Or b c))'],
    ['a Eqv b Xor c', '(Eqv a (Xor b c))'],
    ['a Imp b Eqv c', '(Imp a (Eqv b c))'],
    ['x Is Nothing', '(Is x Nothing)'],
    ['Not x Is Nothing', '(Not (Is x Nothing))'],
    ['a <> b Or c <= d And e >= f', '(Or (<> a b) (And (<= c d) (>= e f)))'],
    ['a < b', '(< a b)'],
    ['a > b', '(> a b)'],
    ['- - a', '(neg (neg a))'],
    ['+a', '(pos a)'],
    ['x = Not y', '(= x (Not y))'],
  ];
  for (const [source, expected] of cases) {
    test(source, () => assert.equal(expr(source), expected));
  }
});

describe('parser: primaries and postfix', () => {
  const cases: [string, string][] = [
    ['oMessage.Recipients(0).Address', '(. (call (. oMessage Recipients) 0) Address)'],
    ['oMessage.Recipients.Item(0)', '(call (. (. oMessage Recipients) Item) 0)'],
    ['f()', '(call f)'],
    ['f(a, , c)', '(call f a _missing c)'],
    ['f(a, )', '(call f a _missing)'],
    ['a(1)(2)', '(call (call a 1) 2)'],
    ['New Foo', '(new Foo)'],
    ['Me.x', '(. Me x)'],
    ['Nothing', 'Nothing'],
    ['Empty', 'Empty'],
    ['Null', 'Null'],
    ['True And False', '(And True False)'],
    ['"say ""hi"""', '"say \\"hi\\""'],
    ['#2020-01-02 10:00#', '#2020-01-02 10:00#'],
    ['x.5', '(. x 5)'],
  ];
  for (const [source, expected] of cases) {
    test(source, () => {
      const result = parseExpression(source);
      if (source === 'x.5') {
        // `.5` after a name is not a number; VBScript reports the missing member name.
        assert.equal(result.diagnostics[0]?.code, 1010);
        return;
      }
      assert.deepEqual(result.diagnostics, []);
      assert.equal(sexpr(result.ast), expected);
    });
  }
});

describe('parser: number literals and their VBScript subtypes', () => {
  const kinds: [string, number, string][] = [
    ['1', 1, 'Integer'],
    ['32767', 32767, 'Integer'],
    ['32768', 32768, 'Long'],
    ['2147483647', 2147483647, 'Long'],
    ['2147483648', 2147483648, 'Double'],
    ['1.5', 1.5, 'Double'],
    ['.5', 0.5, 'Double'],
    ['1e3', 1000, 'Double'],
    ['2.5E-2', 0.025, 'Double'],
    ['&HFF', 255, 'Integer'],
    ['&HFFFF', -1, 'Integer'],
    ['&H8000', -32768, 'Integer'],
    ['&HFFFF&', 65535, 'Long'],
    ['&H10000', 65536, 'Long'],
    ['&HFFFFFFFF', -1, 'Long'],
    ['&O17', 15, 'Integer'],
    ['&h1f', 31, 'Integer'],
  ];
  for (const [source, value, kind] of kinds) {
    test(`${source} is ${kind} ${value}`, () => {
      const node = parseExpression(source).ast;
      assert.equal(node?.kind, 'NumberLiteral');
      if (node?.kind !== 'NumberLiteral') return;
      assert.equal(node.value, value);
      assert.equal(node.numberKind, kind);
    });
  }
});

describe('parser: the call-statement hazards', () => {
  test('Foo (x) * y, z passes (x) * y as the first argument', () => {
    assert.equal(tree('Foo (x) * y, z'), '(Foo (* (paren x) y) z)');
  });
  test('x = Foo (x) * y calls Foo in an expression', () => {
    assert.equal(tree('x = Foo (x) * y'), '(= x (* (call Foo x) y))');
  });
  test('Foo (x) passes a parenthesised (ByVal) argument', () => {
    assert.equal(tree('Foo (x)'), '(Foo (paren x))');
  });
  test('Foo(x) without a space is the same hazard', () => {
    assert.equal(tree('Foo(x)'), '(Foo (paren x))');
  });
  test('Call Foo(x) passes x itself (ByRef)', () => {
    assert.equal(tree('Call Foo(x)'), '(Call Foo x)');
  });
  test('Foo (a), b: the group starts the first argument', () => {
    assert.equal(tree('Foo (a), b'), '(Foo (paren a) b)');
  });
  test('obj.Method (1) + 2 passes one expression argument', () => {
    assert.equal(tree('obj.Method (1) + 2'), '((. obj Method) (+ (paren 1) 2))');
  });
  test('a method call on an indexed result is a chain, not an argument', () => {
    assert.equal(tree('oMessage.Recipients(0).Delete'), '((. (call (. oMessage Recipients) 0) Delete))');
  });
  test('Foo(1)(2) calls the result with a ByVal argument', () => {
    assert.equal(tree('Foo(1)(2)'), '((call Foo 1) (paren 2))');
  });
  test('Foo(a, b) is "Cannot use parentheses when calling a Sub"', () => {
    const result = parse('Foo(a, b)');
    assert.deepEqual(
      result.diagnostics.map((d) => [d.code, d.message, d.range.start.character, d.range.end.character]),
      [[1044, 'Cannot use parentheses when calling a Sub', 3, 9]],
    );
    assert.equal(sexpr(result.ast), '(Foo a b)');
  });
});
