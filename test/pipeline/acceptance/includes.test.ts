/**
 * Acceptance: include files. Real scripts `ExecuteGlobal` a helper read with FileSystemObject;
 * the file comes from `mocks.files` or a path mapping, the included Subs are callable, and an
 * error inside one names the included file and its own line number.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { only, simulate, vbs } from './helpers';

const LIB = vbs(
  "' helpers shared by several servers",
  'Sub Helper(text)',
  '  EventLog.Write "helper: " & text',
  'End Sub',
  '',
  'Sub Boom()',
  '  Dim x',
  '  x = 1 / 0',
  'End Sub',
);

const MAIN = vbs(
  'Sub Include(file)',
  '  Dim fso : Set fso = CreateObject("Scripting.FileSystemObject")',
  '  ExecuteGlobal fso.OpenTextFile(file, 1).ReadAll',
  'End Sub',
  'Include "C:\\hMailServer\\Events\\lib.vbs"',
  '',
  'Sub OnAcceptMessage(oClient, oMessage)',
  '  Helper oMessage.Subject',
  '  Boom',
  '  EventLog.Write "not reached"',
  'End Sub',
);

describe('include files', () => {
  test('through mocks.files (a file path): the Sub is callable; an error inside reports the included file and its line', async () => {
    const { report, dir } = await simulate({ script: MAIN, files: { 'lib/lib.vbs': LIB }, scenario: { mocks: { files: { 'C:\\hMailServer\\Events\\lib.vbs': 'lib/lib.vbs' } } } });
    assert.deepEqual(report.eventLog, ['helper: Hello there']);
    const e = only(report, 'OnAcceptMessage');
    assert.equal(e.error?.number, 11);
    assert.equal(e.error?.line, 8, 'the line inside lib.vbs, not in EventHandlers.vbs');
    // The real file behind the mock, so an editor can open it.
    assert.equal(e.error?.file, path.join(dir, 'lib', 'lib.vbs'));
    assert.equal(e.error?.logLine, 'Script Error: Source: Microsoft VBScript runtime error - Error: 800A000B - Description: Division by zero - Line: 8 Column: 2 - Code: x = 1 / 0');
    // The read is a recorded side effect, at load and in the firing.
    assert.deepEqual(
      report.sideEffects.filter((s) => s.kind === 'file-read').map((s) => [s.target, s.allowed, s.event]),
      [
        ['C:\\hMailServer\\Events\\lib.vbs', true, 'load'],
        ['C:\\hMailServer\\Events\\lib.vbs', true, 'OnAcceptMessage'],
      ],
    );
  });

  test('through mocks.files with inline content: the error names the Windows path', async () => {
    const { report } = await simulate({ script: MAIN, scenario: { mocks: { files: { 'c:/HMAILSERVER/events/LIB.vbs': { content: LIB } } } } });
    assert.deepEqual(report.eventLog, ['helper: Hello there']);
    const e = only(report, 'OnAcceptMessage');
    assert.equal(e.error?.line, 8);
    // No real file behind it: the Windows path (normalised: drive letter upper case, backslashes).
    assert.equal(e.error?.file, 'C:\\HMAILSERVER\\events\\LIB.vbs');
  });

  test('through mocks.pathMappings (a real folder, case-insensitive)', async () => {
    const { report, dir } = await simulate({ script: MAIN, files: { 'events/lib.vbs': LIB }, scenario: { mocks: { pathMappings: { 'C:\\HMailServer\\Events': 'events' } } } });
    assert.deepEqual(report.eventLog, ['helper: Hello there']);
    const e = only(report, 'OnAcceptMessage');
    assert.equal(e.error?.line, 8);
    assert.equal(e.error?.file, path.join(dir, 'events', 'lib.vbs'));
  });

  test('an error in the main file after an include still names the main file and its own line', async () => {
    const { report, dir } = await simulate({
      script: MAIN.replace('  Boom\r\n', '  Err.Raise 5\r\n'),
      files: { 'lib/lib.vbs': LIB },
      scenario: { mocks: { files: { 'C:\\hMailServer\\Events\\lib.vbs': 'lib/lib.vbs' } } },
    });
    const e = only(report, 'OnAcceptMessage');
    assert.equal(e.error?.file, path.join(dir, 'EventHandlers.vbs'));
    assert.equal(e.error?.line, 9);
  });

  test('an include the script wrote itself earlier in the run names its Windows path (not the output folder)', async () => {
    const { report } = await simulate({
      script: vbs(
        'Sub OnSMTPData(oClient, oMessage)',
        '  CreateObject("Scripting.FileSystemObject").CreateTextFile("C:\\hMailServer\\Events\\gen.vbs", True).Write "Sub Gen()" & vbCrLf & "  Err.Raise 5" & vbCrLf & "End Sub"',
        'End Sub',
        'Sub OnAcceptMessage(oClient, oMessage)',
        '  ExecuteGlobal CreateObject("Scripting.FileSystemObject").OpenTextFile("C:\\hMailServer\\Events\\gen.vbs").ReadAll',
        '  Gen',
        'End Sub',
      ),
      scenario: { mocks: { pathMappings: { 'C:\\hMailServer\\Events': '.' } } },
    });
    const e = only(report, 'OnAcceptMessage');
    assert.equal(e.error?.file, 'C:\\hMailServer\\Events\\gen.vbs');
    assert.equal(e.error?.line, 2);
  });

  test('a handler defined only in the included file fires (the load runs the include too)', async () => {
    const { report } = await simulate({
      script: vbs('ExecuteGlobal CreateObject("Scripting.FileSystemObject").OpenTextFile("C:\\hMailServer\\Events\\handlers.vbs").ReadAll'),
      scenario: { mocks: { files: { 'C:\\hMailServer\\Events\\handlers.vbs': { content: vbs('Sub OnAcceptMessage(oClient, oMessage)', '  Result.Value = 2', '  Result.Message = "from the include"', 'End Sub') } } } },
    });
    assert.equal(report.reply, '554 from the include');
    assert.equal(only(report, 'OnAcceptMessage').fired, true);
  });

  test('a missing include file fails the load (the folder does not exist: error 76 at the line that reads it), nothing fires', async () => {
    const { report } = await simulate({ script: MAIN });
    assert.ok(report.events.every((e) => e.skipped === 'load-failed'));
    assert.equal(report.errors.length, 1);
    assert.match(report.errors[0], /Error: 800A004C - Description: Path not found - Line: 3 Column: 2 - Code: ExecuteGlobal fso.OpenTextFile\(file, 1\).ReadAll$/);
    assert.deepEqual(report.sideEffects.map((s) => [s.kind, s.allowed, s.event]), [['file-read', false, 'load']]);
  });

  test('a compile error inside the included file is reported against the included code', async () => {
    const { report } = await simulate({ script: MAIN, scenario: { mocks: { files: { 'C:\\hMailServer\\Events\\lib.vbs': { content: vbs('Sub Helper(text)', '  If text Then', 'End Sub') } } } } });
    assert.ok(report.events.every((e) => e.skipped === 'load-failed'));
    assert.equal(report.errors.length, 1);
    assert.match(report.errors[0], /^Script Error: Source: Microsoft VBScript compilation error - Error: 800A03F[0-9A-F] - Description: .* - Line: [23] /);
  });
});
