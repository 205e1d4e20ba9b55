import { test, describe, mock } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { newRun, run } from './helpers.js';
import { DENIED_EXIT_CODE } from '../../simulator/src/sandbox/shell.js';

const require = createRequire(import.meta.url);
const childProcess = require('node:child_process') as Record<string, unknown>;
const SPAWNERS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

/** Replaces every way of starting a process with a spy for the duration of `fn`. */
function withoutProcesses<T>(fn: () => T): { result: T; calls: number } {
  const spies = SPAWNERS.map((name) => mock.method(childProcess as Record<string, (...a: unknown[]) => unknown>, name, () => {
    throw new Error(`child_process.${name} was called`);
  }));
  try {
    const result = fn();
    return { result, calls: spies.reduce((n, s) => n + s.mock.callCount(), 0) };
  } finally {
    for (const s of spies) s.mock.restore();
  }
}

describe('WScript.Shell', () => {
  test('Run is answered by mocks.exec (first match wins, * wildcard) and never executed', () => {
    const sim = newRun({
      exec: [
        { match: 'C:\\hMailServer\\Events\\Disconnect.exe *', exitCode: 0 },
        { match: 'powershell*Start-Sleep*', exitCode: 0 },
        { match: 'clamscan *', exitCode: 1 },
        { match: '*', exitCode: 99 },
      ],
    });
    const marker = path.join(sim.outputDir, 'ran-marker.txt');
    const { result: out, calls } = withoutProcesses(() =>
      run(sim, `
        Set sh = CreateObject("WScript.Shell")
        Echo TypeName(sh)
        Echo sh.Run("C:\\hMailServer\\Events\\Disconnect.exe 203.0.113.9", 0, True)
        Echo sh.Run("powershell -command Start-Sleep -s 20", 0, True)
        Echo sh.Run("clamscan  C:\\tmp\\x.eml", 0, True)
        Echo sh.Run("clamscan C:\\tmp\\x.eml", 0, False)
        Echo sh.Run("cmd /c echo x > ${marker.replace(/\\/g, '/')}", 0, True)`),
    );
    assert.deepEqual(out, ['IWshShell3', '0', '0', '1', '0', '99']);
    assert.equal(calls, 0);
    assert.ok(!existsSync(marker));
    const execs = sim.recorder.effects.filter((e) => e.kind === 'exec');
    assert.equal(execs.length, 5);
    assert.ok(execs.every((e) => e.allowed));
    assert.equal(execs[0].target, 'C:\\hMailServer\\Events\\Disconnect.exe 203.0.113.9');
    assert.match(execs[2].detail!, /exit code 1/);
  });

  test(`an unmatched command is denied: exit code ${DENIED_EXIT_CODE}, recorded with allowed false`, () => {
    const sim = newRun({ exec: [{ match: 'nslookup *', stdout: 'x' }] });
    const marker = path.join(sim.outputDir, 'marker.txt');
    const { result: out, calls } = withoutProcesses(() =>
      run(sim, `
        Set sh = CreateObject("WScript.Shell")
        Echo sh.Run("cmd /c type nul > ${marker.replace(/\\/g, '/')}", 0, True)
        Echo sh.Run("gammu-smsd-inject TEXT 123", 0, False)
        Set e = sh.Exec("format C: /q")
        Echo e.Status, e.ExitCode, e.StdOut.AtEndOfStream, e.StdErr.ReadLine`),
    );
    assert.deepEqual(out, ['5', '5', `1 5 True hmailsim: "format C: /q" was not run (no mocks.exec rule matched)`]);
    assert.equal(calls, 0);
    assert.ok(!existsSync(marker));
    const execs = sim.recorder.effects.filter((e) => e.kind === 'exec');
    assert.deepEqual(execs.map((e) => e.allowed), [false, false, false]);
    assert.match(execs[0].detail!, /no mocks\.exec rule matched; not run, exit code 5/);
  });

  test('Exec returns an IWshExec with StdOut/StdErr TextStreams, Status, ExitCode, ProcessID', () => {
    const sim = newRun({ exec: [{ match: 'nslookup -type=TXT *', exitCode: 0, stdout: 'Server: dns\r\n"v=spf1 -all"\r\n', stderr: 'warn' }] });
    const out = run(sim, `
      Set sh = CreateObject("WScript.Shell")
      Set p = sh.Exec("nslookup -type=TXT example.test")
      Echo TypeName(p), p.Status, p.ExitCode, p.ProcessID > 0
      Do While Not p.StdOut.AtEndOfStream : Echo p.StdOut.ReadLine : Loop
      Echo p.StdErr.ReadAll
      p.StdIn.WriteLine "input"
      p.Terminate
      Set q = sh.Exec("nslookup -type=TXT other.test")
      Echo q.ProcessID <> p.ProcessID`);
    assert.deepEqual(out, ['IWshExec 1 0 True', 'Server: dns', '"v=spf1 -all"', 'warn', 'True']);
    assert.ok(sim.recorder.effects.some((e) => e.kind === 'exec' && /StdIn: "input\\r\\n"/.test(e.detail ?? '')));
  });

  test('RegRead from mocks.registry; a missing value gives the WSH error', () => {
    const sim = newRun({
      registry: {
        'HKLM\\SOFTWARE\\hMailServer\\InstallLocation': 'C:\\Program Files (x86)\\hMailServer',
        'HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor\\Level': 3,
        'HKLM\\SOFTWARE\\Vendor\\Servers': ['a', 'b'],
      },
    });
    const out = run(sim, `
      Set sh = CreateObject("WScript.Shell")
      Echo sh.RegRead("HKEY_LOCAL_MACHINE\\Software\\hMailServer\\InstallLocation")
      v = sh.RegRead("HKLM\\SOFTWARE\\Vendor\\Level")
      Echo v, TypeName(v)
      Echo Join(sh.RegRead("HKLM\\SOFTWARE\\Vendor\\Servers"), ",")
      Echo "[" & sh.RegRead("HKLM\\SOFTWARE\\Vendor\\") & "]"
      On Error Resume Next
      x = sh.RegRead("HKLM\\SOFTWARE\\Nope\\Value")
      Echo Err.Number, Err.Description
      Err.Clear
      x = sh.RegRead("HKXX\\Nope")
      Echo Err.Number, Err.Description`);
    assert.deepEqual(out, [
      'C:\\Program Files (x86)\\hMailServer',
      '3 Long',
      'a,b',
      '[]',
      `-2147024894 Unable to open registry key "HKLM\\SOFTWARE\\Nope\\Value" for reading.`,
      `-2147024894 Invalid root in registry key "HKXX\\Nope".`,
    ]);
    const reg = sim.recorder.effects.filter((e) => e.kind === 'registry');
    assert.deepEqual(reg.map((e) => e.allowed), [true, true, true, true, false, false]);
  });

  test('RegWrite/RegDelete are recorded and refused (E_ACCESSDENIED); later reads do not see them', () => {
    const sim = newRun({ registry: { 'HKCU\\Software\\X\\Count': 1 } });
    const out = run(sim, `
      Set sh = CreateObject("WScript.Shell")
      On Error Resume Next
      sh.RegWrite "HKCU\\Software\\X\\Count", 2, "REG_DWORD"
      Echo Err.Number, Hex(Err.Number)
      Err.Clear
      sh.RegDelete "HKCU\\Software\\X\\Count"
      Echo Hex(Err.Number)
      Err.Clear
      Echo sh.RegRead("HKCU\\Software\\X\\Count")`);
    assert.deepEqual(out, ['-2147024891 80070005', '80070005', '1']);
    const reg = sim.recorder.effects.filter((e) => e.kind === 'registry');
    assert.equal(reg[0].allowed, false);
    assert.match(reg[0].detail!, /RegWrite: value 2 as REG_DWORD; refused/);
    assert.equal(reg[1].allowed, false);
  });

  test('ExpandEnvironmentStrings, Environment, SpecialFolders, CurrentDirectory (P10)', () => {
    const sim = newRun();
    const out = run(sim, `
      Set sh = CreateObject("WScript.Shell")
      Echo sh.ExpandEnvironmentStrings("%TEMP%\\mail-from-mt4.txt")
      Echo sh.ExpandEnvironmentStrings("%windir%|%NoSuchVar%|%ComputerName%")
      Set env = sh.Environment("PROCESS")
      Echo TypeName(env), env("USERNAME"), env.Item("processor_architecture"), env("missing") = ""
      env("MYVAR") = "hello"
      Echo sh.ExpandEnvironmentStrings("%MYVAR%"), sh.Environment("Process")("myvar")
      Echo sh.SpecialFolders("Desktop"), sh.SpecialFolders.Count > 5, sh.SpecialFolders("Nope") = ""
      Echo sh.CurrentDirectory
      sh.CurrentDirectory = "C:\\Windows"
      Echo sh.CurrentDirectory, CreateObject("Scripting.FileSystemObject").GetAbsolutePathName("x.txt")
      On Error Resume Next
      sh.Environment("SYSTEM")("PATH") = "C:\\evil"
      Echo Hex(Err.Number)`);
    assert.deepEqual(out, [
      'C:\\Windows\\TEMP\\mail-from-mt4.txt',
      'C:\\Windows|%NoSuchVar%|MAILSERVER',
      'IWshEnvironment MAILSERVER$ x86 True',
      'hello hello',
      'C:\\Windows\\system32\\config\\systemprofile\\Desktop True True',
      'C:\\Program Files (x86)\\hMailServer\\Bin',
      'C:\\Windows C:\\Windows\\x.txt',
      '80070005',
    ]);
  });

  test('a custom environment from the simulation options', () => {
    const sim = newRun({}, { machine: { environment: { COMPUTERNAME: 'MX1' } } });
    assert.deepEqual(run(sim, 'Echo CreateObject("WScript.Shell").ExpandEnvironmentStrings("%COMPUTERNAME%/%OS%")'), ['MX1/Windows_NT']);
  });

  test('Popup returns -1 at once (no desktop); LogEvent is recorded', () => {
    const sim = newRun();
    const out = run(sim, `
      Set sh = CreateObject("WScript.Shell")
      Echo sh.Popup("Hello", 5, "Title", 0)
      Echo sh.LogEvent(4, "handler ran")`);
    assert.deepEqual(out, ['-1', 'True']);
    assert.deepEqual(sim.recorder.effects.map((e) => e.target), ['WScript.Shell.Popup', 'WScript.Shell.LogEvent']);
  });

  test('unknown members raise 438', () => {
    const sim = newRun();
    const out = run(sim, `
      On Error Resume Next
      CreateObject("WScript.Shell").Sleep 100
      Echo Err.Number`);
    assert.deepEqual(out, ['438']);
  });
});
