import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';

// Runs the built CLI bundle (npm test builds dist/ first).
const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

describe('hmailsim check', () => {
  test('prints the outline of the example and exits 0', () => {
    const r = run('check', 'examples/EventHandlers.vbs');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Class SpamScorer/);
    assert.match(r.stdout, /Sub OnAcceptMessage\(oClient, oMessage\)/);
    assert.match(r.stdout, /no compile errors/);
  });

  test('reports compile errors as file:line:column with the VBScript number, exit 1', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hmailsim-check-'));
    const file = path.join(dir, 'EventHandlers.vbs');
    writeFileSync(file, 'Sub OnAcceptMessage(oClient, oMessage)\n  If x = 1\n    y = 2\n  End If\nEnd Sub\n');
    const r = run('check', file);
    assert.equal(r.status, 1);
    assert.match(r.stdout, new RegExp(`${file.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}:2:11: error 1017: Expected 'Then'`));
  });

  test('reads EventHandlers.js as JScript: its functions, and ES5 syntax as a jscript.dll compile error', () => {
    const ok = run('check', 'examples/EventHandlers.js');
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /function OnAcceptMessage\(oClient, oMessage\)  \(lines \d+-\d+\)/);
    assert.match(ok.stdout, /no compile errors/);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hmailsim-check-'));
    const file = path.join(dir, 'EventHandlers.js');
    writeFileSync(file, 'function OnHELO(oClient) {\n  let banned = 1;\n}\n');
    const bad = run('check', file);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /EventHandlers\.js:2:7: error 1004: Expected ';'/);
  });

  test('a missing file is a clear one-line error, exit 2', () => {
    const r = run('check', 'no/such/file.vbs');
    assert.equal(r.status, 2);
    assert.match(r.stdout, /no\/such\/file\.vbs: cannot read the file \(ENOENT\)/);
    assert.doesNotMatch(r.stdout + r.stderr, /at .*\.js:\d+/);
  });

  test('no arguments prints the usage, exit 2', () => {
    const r = run();
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Usage:/);
  });
});
