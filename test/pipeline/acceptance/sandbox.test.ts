/**
 * Acceptance: scripts are untrusted. A script that writes outside the output folder, runs a
 * process or fetches a URL gets a recorded denial (or an overlay write) — and the test checks
 * that nothing happened on disk, no process ran and no connection was made.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SideEffect } from '../../../simulator/src/sandbox/context';
import { only, simulate, tempDir, vbs } from './helpers';

const KINDS = ['file-read', 'file-write', 'file-delete', 'exec', 'http', 'sql', 'registry', 'com'];

let server: Server;
let port = 0;
let connections = 0;
let requests = 0;

before(async () => {
  server = createServer((_req, res) => {
    requests++;
    res.end('real network reached');
  });
  server.on('connection', () => void connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Files (recursively) below a folder, relative names. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string, prefix: string): void => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) visit(full, `${prefix}${name}/`);
      else out.push(prefix + name);
    }
  };
  visit(dir, '');
  return out.sort();
}

const effect = (effects: SideEffect[], kind: string, target: RegExp): SideEffect => {
  const found = effects.find((e) => e.kind === kind && target.test(e.target));
  assert.ok(found, `no ${kind} side effect for ${target}: ${JSON.stringify(effects)}`);
  return found;
};

describe('the sandbox', () => {
  test('file writes outside the output folder, a process, a URL: recorded, nothing happens for real', async () => {
    const canary = tempDir('hmailsim-canary-');
    const hostnameBefore = existsSync('/etc/hostname') ? { text: readFileSync('/etc/hostname'), mtime: statSync('/etc/hostname').mtimeMs } : undefined;
    const cwdBefore = readdirSync(process.cwd()).sort();
    const sh = (file: string) => `/bin/sh -c ""echo pwned > ${path.join(canary, file)}""`;
    const script = vbs(
      'Sub OnAcceptMessage(oClient, oMessage)',
      '  On Error Resume Next',
      '  Dim fso : Set fso = CreateObject("Scripting.FileSystemObject")',
      '  fso.CreateTextFile("C:\\Windows\\evil.txt", True).Write "evil"',
      '  EventLog.Write "evil.txt: " & Err.Number : Err.Clear',
      '  fso.CreateTextFile("C:\\etc\\hostname", True).Write "hacked"',
      '  EventLog.Write "hostname: " & Err.Number : Err.Clear',
      `  fso.CreateTextFile("${canary.replace(/\//g, '\\')}\\direct.txt", True).Write "x"`,
      '  Err.Clear',
      '  fso.CreateTextFile("C:\\..\\..\\..\\..\\tmp\\escape.txt", True).Write "x"',
      '  Err.Clear',
      '  fso.DeleteFile "C:\\Windows\\System32\\*.dll"',
      '  Err.Clear',
      '  Dim sh : Set sh = CreateObject("WScript.Shell")',
      '  EventLog.Write "run: " & sh.Run("cmd /c del *", 0, True)',
      `  sh.Run "${sh('spawned-run.txt')}", 0, True`,
      `  Set ex = sh.Exec("${sh('spawned-exec.txt')}")`,
      '  Err.Clear',
      '  Dim http : Set http = CreateObject("MSXML2.XMLHTTP")',
      `  http.Open "GET", "http://127.0.0.1:${port}/", False`,
      '  http.Send',
      '  EventLog.Write "xmlhttp: " & Err.Number',
      '  Err.Clear',
      '  Dim win : Set win = CreateObject("WinHttp.WinHttpRequest.5.1")',
      `  win.Open "POST", "http://127.0.0.1:${port}/api", False`,
      '  win.Send "data"',
      '  EventLog.Write "winhttp: " & (Err.Number <> 0)',
      '  Err.Clear',
      '  Dim srv : Set srv = CreateObject("MSXML2.ServerXMLHTTP.6.0")',
      `  srv.Open "GET", "http://localhost:${port}/x", False`,
      '  srv.Send',
      '  EventLog.Write "serverxmlhttp: " & (Err.Number <> 0)',
      'End Sub',
    );
    const { report, out, dir } = await simulate({ script });
    // Give a stray asynchronous connection time to arrive.
    await new Promise((r) => setTimeout(r, 200));

    const e = report.sideEffects;
    assert.ok(e.every((s) => KINDS.includes(s.kind)), JSON.stringify(e.map((s) => s.kind)));
    assert.ok(e.every((s) => s.event === 'OnAcceptMessage'));
    // Files: recorded, and whatever was allowed lives only in the overlay in the output folder.
    for (const target of [/^C:\\Windows\\evil\.txt$/i, /^C:\\etc\\hostname$/i]) {
      const w = effect(e, 'file-write', target);
      if (w.allowed) assert.match(w.detail ?? '', /overlay: fs\//);
    }
    const del = e.find((s) => s.kind === 'file-delete' || (s.kind === 'file-write' && /System32/i.test(s.target)));
    assert.ok(del, 'the delete attempt is recorded');
    // Processes: denied (no mocks.exec), the script sees a failure code.
    const run = effect(e, 'exec', /^cmd \/c del \*$/);
    assert.equal(run.allowed, false);
    assert.equal(effect(e, 'exec', /spawned-run/).allowed, false);
    assert.equal(effect(e, 'exec', /spawned-exec/).allowed, false);
    // HTTP: denied, with an error in the script.
    for (const target of [new RegExp(`^GET http://127\\.0\\.0\\.1:${port}/$`), new RegExp(`^POST http://127\\.0\\.0\\.1:${port}/api$`), new RegExp(`^GET http://localhost:${port}/x$`)]) {
      assert.equal(effect(e, 'http', target).allowed, false);
    }
    assert.match(report.eventLog.find((l) => l.startsWith('xmlhttp: ')) ?? '', /^xmlhttp: -?[1-9]\d*/);
    assert.ok(report.eventLog.includes('winhttp: True'));
    assert.ok(report.eventLog.includes('serverxmlhttp: True'));

    // Nothing happened for real.
    assert.equal(connections, 0, 'the local server saw a connection');
    assert.equal(requests, 0);
    assert.deepEqual(readdirSync(canary), [], 'a process ran or a real file was written');
    assert.ok(!existsSync('/tmp/escape.txt') || statSync('/tmp/escape.txt').mtimeMs < Date.now() - 60_000);
    assert.ok(!existsSync('/Windows/evil.txt'));
    if (hostnameBefore) {
      assert.deepEqual(readFileSync('/etc/hostname'), hostnameBefore.text);
      assert.equal(statSync('/etc/hostname').mtimeMs, hostnameBefore.mtime);
    }
    assert.deepEqual(readdirSync(process.cwd()).sort(), cwdBefore, 'no file named like a Windows path in the working folder');
    // In the scenario folder: only what the test wrote, and the output folder.
    assert.deepEqual(readdirSync(dir).sort(), ['EventHandlers.vbs', 'message.eml', 'out', 'test.scenario.json']);
    // The output folder: the overlay copies, messages, logs, report.
    for (const file of listing(out!)) assert.match(file, /^(fs\/|logs\/|messages\/|report\.json$)/);
    assert.deepEqual(only(report, 'OnAcceptMessage').error, undefined);
  });

  test('writes to a mapped folder go to the overlay; later reads in the run see them; the real folder is untouched', async () => {
    const { report, dir, out } = await simulate({
      script: vbs(
        'Sub OnSMTPData(oClient, oMessage)',
        '  Dim fso : Set fso = CreateObject("Scripting.FileSystemObject")',
        '  Dim f : Set f = fso.OpenTextFile("C:\\hMailServer\\Events\\list.txt", 8)',
        '  f.WriteLine oClient.IPAddress',
        '  f.Close',
        'End Sub',
        'Sub OnAcceptMessage(oClient, oMessage)',
        '  EventLog.Write Replace(CreateObject("Scripting.FileSystemObject").OpenTextFile("c:/hmailserver/EVENTS/list.txt").ReadAll, vbCrLf, "|")',
        'End Sub',
      ),
      files: { 'events/list.txt': 'first\r\n' },
      scenario: { mocks: { pathMappings: { 'C:\\hMailServer\\Events': 'events' } } },
    });
    assert.deepEqual(report.eventLog, ['first|198.51.100.7|']);
    assert.equal(readFileSync(path.join(dir, 'events', 'list.txt'), 'utf8'), 'first\r\n');
    assert.equal(readFileSync(path.join(out!, 'fs', 'C', 'hMailServer', 'Events', 'list.txt'), 'utf8'), 'first\r\n198.51.100.7\r\n');
  });

  test('without an output folder, writes stay in memory: nothing is written anywhere', async () => {
    const before = readdirSync(process.cwd()).sort();
    const { report, dir } = await simulate({
      output: false,
      script: vbs('Sub OnAcceptMessage(oClient, oMessage)', '  CreateObject("Scripting.FileSystemObject").CreateTextFile("C:\\Windows\\evil.txt").Write "x"', '  oMessage.Subject = "x" : oMessage.Save', 'End Sub'),
    });
    assert.deepEqual(report.errors, []);
    assert.deepEqual(readdirSync(dir).sort(), ['EventHandlers.vbs', 'message.eml', 'test.scenario.json']);
    assert.deepEqual(readdirSync(process.cwd()).sort(), before);
    // Message.Save never touches the user's .eml.
    assert.match(readFileSync(path.join(dir, 'message.eml'), 'utf8'), /^Subject: Hello there\r$/m);
  });

  test('mocked exec and HTTP answer the script without running or connecting', async () => {
    const canary = tempDir('hmailsim-canary-');
    const { report } = await simulate({
      script: vbs(
        'Sub OnAcceptMessage(oClient, oMessage)',
        '  Dim sh : Set sh = CreateObject("WScript.Shell")',
        `  Dim ex : Set ex = sh.Exec("/bin/sh -c ""touch ${canary}/ran""")`,
        '  EventLog.Write "exec: " & ex.StdOut.ReadAll',
        '  Dim http : Set http = CreateObject("MSXML2.ServerXMLHTTP")',
        `  http.Open "GET", "http://127.0.0.1:${port}/lookup?ip=" & oClient.IPAddress, False`,
        '  http.Send',
        '  EventLog.Write "http: " & http.Status & " " & http.ResponseText',
        'End Sub',
      ),
      scenario: { mocks: { exec: [{ match: '/bin/sh*', exitCode: 0, stdout: 'mocked out' }], http: [{ url: `http://127.0.0.1:${port}/lookup*`, status: 200, body: 'listed' }] } },
    });
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(report.eventLog, ['exec: mocked out', 'http: 200 listed']);
    assert.equal(connections, 0);
    assert.deepEqual(readdirSync(canary), []);
    assert.ok(report.sideEffects.filter((s) => s.kind === 'exec' || s.kind === 'http').every((s) => s.allowed));
  });

  test('an unknown ProgID (CreateObject, GetObject) is error 429 and recorded as a denied com effect; SQL is recorded', async () => {
    const { report } = await simulate({
      script: vbs(
        'Sub OnAcceptMessage(oClient, oMessage)',
        '  On Error Resume Next',
        '  Set o = CreateObject("Vendor.SpamFilter")',
        '  EventLog.Write "vendor: " & Err.Number',
        '  Err.Clear',
        '  Set w = GetObject("winmgmts:\\\\.\\root\\cimv2")',
        '  EventLog.Write "wmi: " & Err.Number',
        '  Err.Clear',
        '  Dim cn : Set cn = CreateObject("ADODB.Connection")',
        '  cn.Open "Driver={MySQL};Server=db.example.test;Database=mail"',
        '  cn.Execute "INSERT INTO log (ip) VALUES (\'" & oClient.IPAddress & "\')"',
        '  EventLog.Write "sql: " & Err.Number',
        'End Sub',
      ),
    });
    assert.deepEqual(report.eventLog.slice(0, 2), ['vendor: 429', 'wmi: 429']);
    assert.equal(effect(report.sideEffects, 'com', /^Vendor\.SpamFilter$/).allowed, false);
    assert.equal(effect(report.sideEffects, 'com', /^winmgmts:/).allowed, false);
    effect(report.sideEffects, 'sql', /INSERT INTO log/);
  });
});
