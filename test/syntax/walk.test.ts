import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Node } from '../../simulator/src/syntax/ast';
import { parse } from '../../simulator/src/syntax/parser';
import { childrenOf, nodePathAt, walk } from '../../simulator/src/syntax/walk';

describe('walker', () => {
  const source = 'Sub OnAcceptMessage(oClient, oMessage)\n  If oMessage.Size > 100 Then Result.Value = 2\nEnd Sub';
  const { ast, lines } = parse(source);

  test('walk visits every node once, parents before children', () => {
    const kinds: string[] = [];
    walk(ast, { enter: (n) => void kinds.push(n.kind) });
    assert.deepEqual(kinds, [
      'Program', 'Procedure', 'Identifier', 'Parameter', 'Identifier', 'Parameter', 'Identifier',
      'If', 'Binary', 'Member', 'Identifier', 'Identifier', 'NumberLiteral',
      'Assignment', 'Member', 'Identifier', 'Identifier', 'NumberLiteral',
    ]);
  });

  test('enter returning false skips the subtree; leave runs after the children', () => {
    const order: string[] = [];
    walk(ast, {
      enter: (n) => {
        order.push(`+${n.kind}`);
        return n.kind !== 'If';
      },
      leave: (n) => void order.push(`-${n.kind}`),
    });
    assert.ok(!order.includes('+Binary'));
    assert.equal(order.at(-1), '-Program');
  });

  test('nodePathAt finds the innermost node under a position', () => {
    const offset = lines.offsetAt({ line: 1, character: 16 }); // inside "Size"
    const path = nodePathAt(ast, offset).map((n: Node) => n.kind);
    assert.deepEqual(path, ['Program', 'Procedure', 'If', 'Binary', 'Member', 'Identifier']);
  });

  test('every child lies inside its parent', () => {
    walk(ast, {
      enter: (n) => {
        for (const child of childrenOf(n)) assert.ok(child.start >= n.start && child.end <= n.end, `${child.kind} in ${n.kind}`);
      },
    });
  });
});
