import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Node } from '../../simulator/src/syntax/ast';
import { parse, parseExpression } from '../../simulator/src/syntax/parser';
import { childrenOf } from '../../simulator/src/syntax/walk';

// Random and mutated scripts: the parser must never throw and must keep every range inside the
// document. FUZZ_SEED picks another seed (a number, or "random"), FUZZ_COUNT the number of scripts.
const seedSetting = process.env.FUZZ_SEED ?? '20261125';
const seed = seedSetting === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(seedSetting);
const count = Number(process.env.FUZZ_COUNT ?? 3000);

/** mulberry32: small, fast, reproducible. */
function rng(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  'Sub ', 'Function ', 'End Sub', 'End Function', 'If ', ' Then', 'Else', 'ElseIf ', 'End If', 'For ', ' = ', ' To ', ' Step ',
  'Next', 'For Each ', ' In ', 'Do', 'Loop', ' While ', ' Until ', 'Wend', 'Select Case ', 'Case ', 'Case Else', 'End Select',
  'With ', 'End With', 'Class ', 'End Class', 'Property Get ', 'Property Let ', 'End Property', 'Dim ', 'ReDim Preserve ',
  'Const ', 'Set ', 'Call ', 'Exit ', 'On Error Resume Next', 'On Error GoTo 0', 'Option Explicit', 'Public ', 'Private ',
  'Default ', 'ByVal ', 'ByRef ', 'New ', 'Nothing', 'Me', '.', ',', '(', ')', '"str"', '"un', '#1/2/2020#', '#bad', '&HFF',
  '&H', '1.5e3', '42', '.5', ' & ', ' + ', ' - ', ' * ', ' / ', ' \\ ', ' ^ ', ' Mod ', ' And ', ' Or ', ' Not ', ' Is ',
  ' = ', ' <> ', ' <= ', ':', '\n', '\r\n', ' _\n', "' comment", 'Rem x', 'oMessage', 'oClient', 'Result.Value', 'x', 'y',
  '[br acket]', '[open', '$', '😀', '\t', ' ', 'Stop', 'Erase ', 'Execute ', '_',
];

function randomScript(next: () => number): string {
  const parts: string[] = [];
  const length = 1 + Math.floor(next() * 60);
  for (let i = 0; i < length; i++) parts.push(FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]);
  return parts.join('');
}

function mutate(source: string, next: () => number): string {
  let s = source;
  const edits = 1 + Math.floor(next() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (s.length + 1));
    const choice = next();
    if (choice < 0.3) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(next() * 20));
    else if (choice < 0.6) s = s.slice(0, at) + FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] + s.slice(at);
    else if (choice < 0.8) s = s.slice(0, at);
    else {
      const from = Math.floor(next() * s.length);
      s = s.slice(0, at) + s.slice(from, from + Math.floor(next() * 40)) + s.slice(at);
    }
  }
  return s;
}

function checkInvariants(source: string): void {
  const result = parse(source);
  const len = source.length;
  const lineCount = result.lines.lineCount;
  for (const d of result.diagnostics) {
    for (const p of [d.range.start, d.range.end]) {
      assert.ok(p.line >= 0 && p.line < lineCount, `diagnostic line ${p.line} outside 0..${lineCount - 1}`);
      assert.ok(p.character >= 0 && p.character <= result.lines.lineText(p.line).length, `diagnostic character ${p.character} past the line`);
    }
    assert.ok(d.start <= d.end && d.end <= len, 'diagnostic offsets');
    assert.equal(typeof d.code, 'number');
  }
  for (const c of result.comments) assert.ok(c.start >= 0 && c.end <= len && c.start <= c.end, 'comment range');
  const visit = (node: Node, parent: Node | null): void => {
    assert.ok(node.start >= 0 && node.end <= len && node.start <= node.end, `${node.kind} span ${node.start}..${node.end} of ${len}`);
    if (parent && parent.kind !== 'Program') {
      assert.ok(node.start >= parent.start && node.end <= parent.end, `${node.kind} outside its ${parent.kind}`);
    }
    for (const child of childrenOf(node)) visit(child, node);
  };
  visit(result.ast, null);
  parseExpression(source);
}

describe(`parser fuzz (seed ${seed}, ${count} scripts)`, () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const corpus = [
    readFileSync(path.join(root, 'examples/EventHandlers.vbs'), 'utf8'),
    readFileSync(path.join(root, 'test/syntax/statements.test.ts'), 'utf8')
      .split('\n')
      .filter((l) => l.trim().startsWith('['))
      .map((l) => l.split("', '")[1] ?? '')
      .join('\n')
      .replace(/\\n/g, '\n'),
  ];

  test('random scripts from VBScript fragments', () => {
    const next = rng(seed);
    for (let i = 0; i < count / 2; i++) {
      const source = randomScript(next);
      try {
        checkInvariants(source);
      } catch (e) {
        assert.fail(`seed ${seed}, random script #${i}: ${(e as Error).message}\n${JSON.stringify(source)}`);
      }
    }
  });

  test('mutations of real scripts', () => {
    const next = rng(seed ^ 0x5bd1e995);
    for (let i = 0; i < count / 2; i++) {
      const source = mutate(corpus[i % corpus.length], next);
      try {
        checkInvariants(source);
      } catch (e) {
        assert.fail(`seed ${seed}, mutation #${i}: ${(e as Error).message}\n${JSON.stringify(source.slice(0, 2000))}`);
      }
    }
  });
});
