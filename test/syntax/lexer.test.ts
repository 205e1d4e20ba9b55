import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lex, TokenType } from '../../simulator/src/syntax/lexer';
import { parse } from '../../simulator/src/syntax/parser';

const texts = (source: string): string[] =>
  lex(source).tokens.filter((t) => t.type !== TokenType.EOF).map((t) => (t.type === TokenType.Newline ? '\\n' : t.text));

describe('lexer', () => {
  test('keywords are case-insensitive and reported lower-cased; names keep their spelling', () => {
    const tokens = lex('DIM MyVar').tokens;
    assert.equal(tokens[0].type, TokenType.Keyword);
    assert.equal(tokens[0].text, 'dim');
    assert.equal(tokens[1].type, TokenType.Identifier);
    assert.equal(tokens[1].text, 'MyVar');
  });

  test('operators, including two-character ones', () => {
    assert.deepEqual(texts('a<>b<=c>=d<e>f\\g^h&i'), ['a', '<>', 'b', '<=', 'c', '>=', 'd', '<', 'e', '>', 'f', '\\', 'g', '^', 'h', '&', 'i']);
  });

  test('strings fold doubled quotes', () => {
    const [token] = lex('"He said ""hi"""').tokens;
    assert.equal(token.type, TokenType.String);
    assert.equal(token.text, 'He said "hi"');
  });

  test('date literals keep their text', () => {
    const [token] = lex('#1/31/2011 10:00 PM#').tokens;
    assert.equal(token.type, TokenType.Date);
    assert.equal(token.text, '1/31/2011 10:00 PM');
  });

  test('a line continuation joins lines; a separate underscore elsewhere is invalid', () => {
    assert.deepEqual(texts('a = 1 _\n + 2'), ['a', '=', '1', '+', '2']);
    assert.deepEqual(texts('a = 1 _   \r\n + 2'), ['a', '=', '1', '+', '2']);
    assert.equal(lex('a = _ b').errors[0]?.code, 1032);
  });

  test('identifiers may contain underscores and digits', () => {
    assert.deepEqual(texts('my_var2 = Class_Initialize'), ['my_var2', '=', 'Class_Initialize']);
  });

  test('colons and newlines separate statements', () => {
    const types = lex('a:b\nc').tokens.map((t) => t.type);
    assert.deepEqual(types, [TokenType.Identifier, TokenType.Colon, TokenType.Identifier, TokenType.Newline, TokenType.Identifier, TokenType.EOF]);
  });

  test('a keyword after a dot is a member name', () => {
    const tokens = lex('rs.Open').tokens;
    assert.equal(tokens[2].type, TokenType.Identifier);
    assert.equal(tokens[2].text, 'Open');
  });

  test('spaceBefore distinguishes a leading-dot argument from member access', () => {
    const tokens = lex('Foo .Bar').tokens;
    assert.equal(tokens[1].spaceBefore, true);
    assert.equal(lex('Foo.Bar').tokens[1].spaceBefore, false);
  });
});

describe('comments', () => {
  test("apostrophe and Rem comments are kept with LSP ranges", () => {
    const source = "' first\nx = 1 ' second\nRem third\ny = 2 : REM fourth";
    const { comments } = parse(source);
    assert.deepEqual(
      comments.map((c) => [c.kind, c.text, c.range.start.line, c.range.start.character, c.range.end.character]),
      [
        ['apostrophe', ' first', 0, 0, 7],
        ['apostrophe', ' second', 1, 6, 14],
        ['rem', 'third', 2, 0, 9],
        ['rem', 'fourth', 3, 8, 18],
      ],
    );
  });

  test('a quote inside a string is not a comment', () => {
    const { comments, ast } = parse(`x = "it's" ' real`);
    assert.equal(comments.length, 1);
    assert.equal(comments[0].text, ' real');
    assert.equal(ast.body.length, 1);
  });

  test('Rem as a member name is not a comment', () => {
    const { comments, diagnostics } = parse('x.Rem = 1');
    assert.equal(comments.length, 0);
    assert.deepEqual(diagnostics, []);
  });
});
