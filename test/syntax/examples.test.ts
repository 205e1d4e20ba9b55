import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from '../../simulator/src/syntax/parser';
import { generateHandlerFile } from '../../bench/generate';

const root = path.resolve(import.meta.dirname, '../..');

describe('example scripts', () => {
  test('examples/EventHandlers.vbs parses with no diagnostics', () => {
    const result = parse(readFileSync(path.join(root, 'examples/EventHandlers.vbs'), 'utf8'));
    assert.deepEqual(result.diagnostics, []);
    const procedures = result.ast.body.filter((s) => s.kind === 'Procedure').map((s) => (s.kind === 'Procedure' ? s.name.name : ''));
    assert.deepEqual(procedures, ['IsAllowedSender', 'ExtractDomain', 'OnClientConnect', 'OnAcceptMessage', 'OnDeliveryFailed', 'OnError']);
    assert.ok(result.ast.body.some((s) => s.kind === 'Class'));
  });

  test('the generated benchmark file parses with no diagnostics', () => {
    const source = generateHandlerFile(2000);
    const result = parse(source);
    assert.deepEqual(result.diagnostics, []);
    assert.ok(result.lines.lineCount >= 2000);
  });
});
