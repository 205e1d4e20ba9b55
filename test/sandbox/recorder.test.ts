import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { newRun, run } from './helpers.js';
import { SideEffectRecorder, readFileRecorded, writeFileRecorded } from '../../simulator/src/sandbox/recorder.js';
import { isSandboxProgId, mockObjectProgIds, sandboxProgIds } from '../../simulator/src/sandbox/progIds.js';
import { VbsRuntimeError } from '../../simulator/src/runtime/errors.js';

describe('recording side effects', () => {
  test('the recorder stamps the running event', () => {
    const recorder = new SideEffectRecorder();
    const sim = newRun({ exec: [{ match: '*' }] }, { recorder });
    recorder.currentEvent = 'load';
    run(sim, 'CreateObject("WScript.Shell").Run "a"');
    recorder.currentEvent = 'OnAcceptMessage';
    run(sim, 'CreateObject("WScript.Shell").Run "b"');
    sim.ctx.record({ kind: 'com', target: 'x', allowed: true, event: 'explicit' });
    assert.deepEqual(recorder.effects.map((e) => [e.target, e.event]), [['a', 'load'], ['b', 'OnAcceptMessage'], ['x', 'explicit']]);
  });

  test('writeFileRecorded / readFileRecorded for Message.SaveAs and friends', () => {
    const sim = newRun({}, { fileSystem: { writableFolders: ['C:\\Quarantine'] } });
    sim.fs.createFolder('C:\\Quarantine');
    writeFileRecorded(sim.ctx, 'C:\\Quarantine\\att.zip', Buffer.from('PK'));
    assert.equal(readFileSync(path.join(sim.outputDir, 'fs', 'C', 'Quarantine', 'att.zip'), 'latin1'), 'PK');
    assert.throws(() => writeFileRecorded(sim.ctx, 'C:\\Windows\\att.zip', 'x'), (e: unknown) => e instanceof VbsRuntimeError && e.number === 70);
    assert.equal(readFileRecorded(sim.ctx, 'c:\\quarantine\\ATT.zip').toString(), 'PK');
    assert.throws(() => readFileRecorded(sim.ctx, 'C:\\none'), (e: unknown) => e instanceof VbsRuntimeError && e.number === 53);
    assert.deepEqual(
      sim.recorder.effects.map((e) => [e.kind, e.target, e.allowed]),
      [
        ['file-write', 'C:\\Quarantine\\att.zip', true],
        ['file-write', 'C:\\Windows\\att.zip', false],
        ['file-read', 'c:\\quarantine\\ATT.zip', true],
        ['file-read', 'C:\\none', false],
      ],
    );
    assert.match(sim.recorder.effects[0].detail!, /^overlay: /);
  });
});

describe('ProgID map', () => {
  test('the contract ProgIDs are all there', () => {
    for (const id of ['Scripting.FileSystemObject', 'WScript.Shell', 'MSXML2.XMLHTTP', 'MSXML2.ServerXMLHTTP', 'Microsoft.XMLHTTP', 'WinHttp.WinHttpRequest.5.1', 'ADODB.Connection', 'ADODB.Recordset', 'ADODB.Command', 'ADODB.Stream']) {
      assert.ok(id in sandboxProgIds, id);
    }
    assert.ok(isSandboxProgId('msxml2.xmlhttp.6.0'));
    assert.ok(!isSandboxProgId('DNSLibrary.DNSResolver'));
  });

  test('factories build objects with the TypeName vbscript.dll reports', () => {
    const sim = newRun({ objects: { 'DNSLibrary.DNSResolver': {} } });
    const names = Object.fromEntries(Object.entries(sandboxProgIds).map(([id, f]) => [id, f(sim.ctx).typeName]));
    assert.deepEqual(names, {
      'Scripting.FileSystemObject': 'FileSystemObject',
      'WScript.Shell': 'IWshShell3',
      'MSXML2.XMLHTTP': 'IXMLHTTPRequest',
      'Microsoft.XMLHTTP': 'IXMLHTTPRequest',
      'MSXML2.ServerXMLHTTP': 'IServerXMLHTTPRequest2',
      'WinHttp.WinHttpRequest.5.1': 'IWinHttpRequest',
      'ADODB.Connection': 'Connection',
      'ADODB.Recordset': 'Recordset',
      'ADODB.Command': 'Command',
      'ADODB.Stream': 'Stream',
    });
    assert.equal(mockObjectProgIds(sim.ctx)['DNSLibrary.DNSResolver'](sim.ctx).typeName, 'DNSResolver');
  });
});

describe('sandbox source: the only door to the real machine is the file system layer', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../simulator/src/sandbox');
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
  })(root);

  test('no process, network or worker modules are imported anywhere in the sandbox', () => {
    const forbidden = /from\s+['"](node:)?(child_process|net|http|https|http2|dgram|tls|dns|worker_threads|cluster|vm)['"]/;
    for (const f of files) assert.doesNotMatch(readFileSync(f, 'utf8'), forbidden, path.relative(root, f));
  });

  test('only virtualFileSystem.ts touches the real disk, and nothing reads the real environment or cwd', () => {
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      if (!f.endsWith('virtualFileSystem.ts')) assert.doesNotMatch(text, /from\s+['"](node:)?fs['"]/, path.relative(root, f));
      assert.doesNotMatch(text, /process\.(env|cwd|chdir)/, path.relative(root, f));
    }
  });
});
