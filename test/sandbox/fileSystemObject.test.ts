import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { newRun, run, runScript } from './helpers.js';
import { releaseOpenFiles, sourceFileOf } from '../../simulator/src/sandbox/environment.js';

const LOGS = 'C:\\Program Files (x86)\\hMailServer\\Logs';

describe('FileSystemObject through the engine', () => {
  test('reading a mocked list line by line with Line/AtEndOfStream (P12 pattern)', () => {
    const sim = newRun({ files: { 'C:\\hMailServer\\Events\\block.txt': { content: 'a.test\r\nb.test\nc.test' } } });
    const out = run(sim.ctx && sim, `
      Set fso = CreateObject("Scripting.FileSystemObject")
      Echo TypeName(fso)
      Set ts = fso.OpenTextFile("C:/hmailserver/events/BLOCK.txt", 1)
      Echo TypeName(ts)
      Do While Not ts.AtEndOfStream
        Echo ts.Line & ":" & ts.ReadLine
      Loop
      ts.Close`);
    assert.deepEqual(out, ['FileSystemObject', 'TextStream', '1:a.test', '2:b.test', '3:c.test']);
    assert.deepEqual(sim.recorder.effects, [{ kind: 'file-read', target: 'C:\\hMailServer\\Events\\block.txt', allowed: true, detail: 'opened for reading' }]);
  });

  test('ReadAll, Read, Skip, SkipLine, AtEndOfLine, Column', () => {
    const sim = newRun({ files: { 'C:\\x.txt': { content: 'abc\r\ndef\r\nghi' } } });
    const out = run(sim, `
      Set fso = CreateObject("Scripting.FileSystemObject")
      Set ts = fso.OpenTextFile("C:\\x.txt")
      Echo ts.Read(2), ts.Column, ts.AtEndOfLine
      ts.Skip 1
      Echo ts.AtEndOfLine
      ts.SkipLine
      Echo ts.Line, ts.ReadAll
      Echo ts.AtEndOfStream`);
    assert.deepEqual(out, ['ab 3 False', 'True', '2 def\r\nghi', 'True']);
  });

  test('appending to a log creates it in the overlay (P15: OpenTextFile(path, 8, True))', () => {
    const sim = newRun();
    run(sim, `
      Set fso = CreateObject("Scripting.FileSystemObject")
      Set f = fso.OpenTextFile("${LOGS}\\urls.log", 8, True)
      f.WriteLine "first"
      f.Write "second"
      f.WriteBlankLines 2
      f.Close
      Set f = fso.OpenTextFile("${LOGS}\\urls.log", 8)
      f.WriteLine "third"
      f.Close`);
    const real = path.join(sim.outputDir, 'fs', 'C', 'Program Files (x86)', 'hMailServer', 'Logs', 'urls.log');
    assert.equal(readFileSync(real, 'latin1'), 'first\r\nsecond\r\n\r\nthird\r\n');
    const writes = sim.recorder.effects.filter((e) => e.kind === 'file-write');
    assert.equal(writes.length, 2);
    assert.ok(writes.every((w) => w.allowed && w.target === `${LOGS}\\urls.log`));
    assert.match(writes[0].detail!, /overlay: .*urls\.log/);
  });

  test('ForWriting truncates; CreateTextFile overwrite flag gives 58', () => {
    const sim = newRun({ files: { 'C:\\data\\x.txt': { content: 'old content' } } });
    const out = run(sim, `
      Set fso = CreateObject("Scripting.FileSystemObject")
      Set f = fso.OpenTextFile("C:\\data\\x.txt", 2)
      f.Write "new"
      f.Close
      Echo fso.OpenTextFile("C:\\data\\x.txt").ReadAll
      On Error Resume Next
      fso.CreateTextFile "C:\\data\\x.txt", False
      Echo Err.Number, Err.Description
      Err.Clear
      Set f = fso.CreateTextFile("C:\\data\\x.txt", True)
      Echo Err.Number
      f.Close
      Echo fso.GetFile("C:\\data\\x.txt").Size`);
    assert.deepEqual(out, ['new', '58 File already exists', '0', '0']);
  });

  test('ANSI by default, Unicode (UTF-16LE with BOM) when asked', () => {
    const sim = newRun();
    const out = run(sim, `
      Set fso = CreateObject("Scripting.FileSystemObject")
      Set f = fso.CreateTextFile("C:\\u.txt", True, True)
      f.Write "Grüße €"
      f.Close
      Set f = fso.CreateTextFile("C:\\a.txt")
      f.Write "Grüße €"
      f.Close
      Echo fso.GetFile("C:\\u.txt").Size, fso.GetFile("C:\\a.txt").Size
      Echo fso.OpenTextFile("C:\\u.txt", 1, False, -1).ReadAll
      Echo fso.OpenTextFile("C:\\u.txt", 1, False, -2).ReadAll
      Echo fso.OpenTextFile("C:\\a.txt").ReadAll
      Set f = fso.OpenTextFile("C:\\u.txt", 8, False, -2)
      f.Write "!"
      f.Close
      Echo fso.OpenTextFile("C:\\u.txt", 1, False, -1).ReadAll`);
    assert.deepEqual(out, ['16 7', 'Grüße €', 'Grüße €', 'Grüße €', 'Grüße €!']);
    const bytes = readFileSync(path.join(sim.outputDir, 'fs', 'C', 'a.txt'));
    assert.deepEqual([...bytes], [0x47, 0x72, 0xfc, 0xdf, 0x65, 0x20, 0x80]);
    assert.deepEqual([...readFileSync(path.join(sim.outputDir, 'fs', 'C', 'u.txt')).subarray(0, 2)], [0xff, 0xfe]);
  });

  test('errors: 53 file not found, 76 path not found, 62 input past end, 54 bad file mode, 5 bad mode', () => {
    const sim = newRun({ files: { 'C:\\empty.txt': { content: '' }, 'C:\\one.txt': { content: 'x' } } });
    const out = run(sim, `
      Set fso = CreateObject("Scripting.FileSystemObject")
      On Error Resume Next
      fso.OpenTextFile "C:\\missing.txt" : Echo Err.Number : Err.Clear
      fso.OpenTextFile "C:\\nofolder\\x.txt", 8, True : Echo Err.Number : Err.Clear
      fso.OpenTextFile "C:\\missing.txt", 2, False : Echo Err.Number : Err.Clear
      fso.GetFile "C:\\missing.txt" : Echo Err.Number : Err.Clear
      fso.GetFolder "C:\\missing" : Echo Err.Number : Err.Clear
      fso.DeleteFile "C:\\missing.txt" : Echo Err.Number : Err.Clear
      fso.DeleteFolder "C:\\missing" : Echo Err.Number : Err.Clear
      fso.OpenTextFile "C:\\one.txt", 3 : Echo Err.Number : Err.Clear
      Set ts = fso.OpenTextFile("C:\\empty.txt")
      x = ts.ReadAll : Echo Err.Number, Err.Description : Err.Clear
      x = ts.ReadLine : Echo Err.Number : Err.Clear
      ts.Write "x" : Echo Err.Number, Err.Description : Err.Clear
      Set w = fso.OpenTextFile("C:\\one.txt", 8)
      x = w.ReadLine : Echo Err.Number : Err.Clear
      w.Close
      w.Write "x" : Echo Err.Number : Err.Clear
      fso.CreateFolder "C:\\Windows" : Echo Err.Number : Err.Clear
      fso.CreateFolder "C:\\a\\b" : Echo Err.Number : Err.Clear`);
    assert.deepEqual(out, ['53', '76', '53', '53', '76', '53', '76', '5', '62 Input past end of file', '62', '54 Bad file mode', '54', '52', '58', '76']);
    assert.ok(sim.recorder.effects.some((e) => e.kind === 'file-read' && !e.allowed && e.detail === 'File not found'));
    assert.ok(sim.recorder.effects.some((e) => e.kind === 'file-delete' && !e.allowed));
  });

  test('a file open for writing is locked: a second open fails with 70 (P1 lock file)', () => {
    const sim = newRun();
    const out = run(sim, `
      Set fso = CreateObject("Scripting.FileSystemObject")
      Set lock = fso.OpenTextFile("C:\\lock.txt", 8, True, -1)
      On Error Resume Next
      Set again = fso.OpenTextFile("C:\\lock.txt", 8, True, -1)
      Echo Err.Number, Err.Description : Err.Clear
      fso.DeleteFile "C:\\lock.txt"
      Echo Err.Number : Err.Clear
      lock.Close
      Set again = fso.OpenTextFile("C:\\lock.txt", 8, True, -1)
      Echo Err.Number
      Set leaked = fso.OpenTextFile("C:\\leak.txt", 2, True)`);
    assert.deepEqual(out, ['70 Permission denied', '70', '0']);
    // A handler that ended without Close: the pipeline releases its files after the event.
    releaseOpenFiles(sim.ctx);
    assert.deepEqual(run(sim, `
      Set fso = CreateObject("Scripting.FileSystemObject")
      Set f = fso.OpenTextFile("C:\\leak.txt", 2, True) : f.Close : Echo "reopened"`), ['reopened']);
  });

  test('File and Folder objects', () => {
    const sim = newRun({ files: { 'C:\\hMailServer\\Events\\a.txt': { content: '12345' }, 'C:\\hMailServer\\Events\\sub\\b.log': { content: 'xy' } } });
    const out = run(sim, `
      Set fso = CreateObject("Scripting.FileSystemObject")
      Set f = fso.GetFile("c:\\hmailserver\\events\\A.TXT")
      Echo TypeName(f), f.Name, f.Path, f.Size, f.Type, f.Attributes, f
      Echo f.DateLastModified, f.DateCreated
      Echo f.ParentFolder.Path, TypeName(f.ParentFolder), f.Drive.DriveLetter
      Set d = fso.GetFolder("C:\\hMailServer\\Events")
      Echo d.Name, d.Files.Count, d.SubFolders.Count, d.Size, d.IsRootFolder, d.Type
      For Each x In d.Files : Echo "file", x.Name : Next
      For Each x In d.SubFolders : Echo "folder", x.Name, x.Files.Item("B.LOG").Size : Next
      Set t = d.CreateTextFile("new.txt")
      t.WriteLine "hi"
      t.Close
      Echo d.Files.Count, fso.FileExists("C:\\hMailServer\\Events\\new.txt")
      Set s = d.SubFolders.Add("made")
      Echo s.Path, fso.FolderExists("C:\\hMailServer\\Events\\made")
      Echo fso.GetFolder("C:\\").IsRootFolder, fso.GetFolder("C:\\").ParentFolder Is Nothing`);
    assert.deepEqual(out, [
      'File a.txt C:\\hMailServer\\Events\\a.txt 5 Text Document 32 C:\\hMailServer\\Events\\a.txt',
      '11/24/2026 10:00:00 AM 11/24/2026 10:00:00 AM',
      'C:\\hMailServer\\Events Folder C',
      'Events 1 1 7 False File folder',
      'file a.txt',
      'folder sub 2',
      '2 True',
      'C:\\hMailServer\\Events\\made True',
      'True True',
    ]);
  });

  test('File.Copy/Move/Delete, Name assignment renames, OpenAsTextStream', () => {
    const sim = newRun({ files: { 'C:\\in\\a.txt': { content: 'data' } } });
    const out = run(sim, `
      Set fso = CreateObject("Scripting.FileSystemObject")
      fso.CreateFolder "C:\\out"
      Set f = fso.GetFile("C:\\in\\a.txt")
      f.Copy "C:\\out\\copy.txt"
      f.Move "C:\\out\\"
      Echo f.Path, fso.FileExists("C:\\in\\a.txt"), fso.FileExists("C:\\out\\a.txt")
      f.Name = "renamed.txt"
      Echo f.Path, fso.FileExists("C:\\out\\a.txt")
      Set ts = f.OpenAsTextStream(8)
      ts.Write "+more" : ts.Close
      Echo f.OpenAsTextStream().ReadAll, f.Size
      fso.GetFile("C:\\out\\copy.txt").Delete
      Echo fso.FileExists("C:\\out\\copy.txt")`);
    assert.deepEqual(out, ['C:\\out\\a.txt False True', 'C:\\out\\renamed.txt False', 'data+more 9', 'False']);
    const kinds = sim.recorder.effects.map((e) => `${e.kind}:${e.target}`);
    assert.ok(kinds.includes('file-write:C:\\out\\copy.txt'));
    assert.ok(kinds.includes('file-delete:C:\\in\\a.txt'));
    assert.ok(kinds.includes('file-delete:C:\\out\\copy.txt'));
  });

  test('CopyFile/MoveFile/DeleteFile with wildcards and overwrite', () => {
    const sim = newRun({ files: { 'C:\\q\\1.eml': { content: '1' }, 'C:\\q\\2.eml': { content: '2' }, 'C:\\q\\keep.txt': { content: 'k' } } });
    const out = run(sim, `
      Set fso = CreateObject("Scripting.FileSystemObject")
      fso.CreateFolder "C:\\archive"
      fso.CopyFile "C:\\q\\*.eml", "C:\\archive"
      Echo fso.GetFolder("C:\\archive").Files.Count
      On Error Resume Next
      fso.CopyFile "C:\\q\\1.eml", "C:\\archive\\2.eml", False
      Echo Err.Number : Err.Clear
      fso.CopyFile "C:\\q\\1.eml", "C:\\archive\\2.eml"
      Echo Err.Number, fso.OpenTextFile("C:\\archive\\2.eml").ReadAll
      fso.MoveFile "C:\\q\\1.eml", "C:\\archive\\2.eml"
      Echo Err.Number : Err.Clear
      fso.DeleteFile "C:\\q\\*.eml"
      Echo fso.GetFolder("C:\\q").Files.Count
      fso.DeleteFile "C:\\q\\*.eml"
      Echo Err.Number : Err.Clear
      fso.MoveFolder "C:\\archive", "C:\\moved"
      Echo fso.FolderExists("C:\\archive"), fso.GetFolder("C:\\moved").Files.Count
      fso.CopyFolder "C:\\moved", "C:\\copied"
      fso.DeleteFolder "C:\\moved"
      Echo fso.FolderExists("C:\\moved"), fso.GetFolder("C:\\copied").Files.Count`);
    assert.deepEqual(out, ['2', '58', '0 1', '58', '1', '53', 'False 2', 'False 2']);
  });

  test('name functions, BuildPath, GetAbsolutePathName, GetTempName, drives, special folders', () => {
    const sim = newRun();
    const out = run(sim, `
      Set fso = CreateObject("Scripting.FileSystemObject")
      Echo fso.GetFileName("C:\\a\\b.txt"), fso.GetBaseName("C:\\a\\b.txt"), fso.GetExtensionName("C:\\a\\b.txt"), fso.GetParentFolderName("C:\\a\\b.txt")
      Echo fso.BuildPath("C:\\Logs", "x.log"), fso.GetAbsolutePathName("..\\Events\\x.vbs"), fso.GetAbsolutePathName("")
      Echo fso.GetTempName(), fso.GetTempName()
      Echo fso.DriveExists("C:"), fso.DriveExists("Q"), fso.GetDrive("C").FileSystem, fso.Drives.Count
      For Each d In fso.Drives : Echo d.Path, d.DriveType, d.IsReady : Next
      Echo fso.GetSpecialFolder(0).Path, fso.GetSpecialFolder(2).Path
      Echo fso.FileExists("C:\\bad|name"), fso.FolderExists("C:\\Windows\\System32")`);
    assert.deepEqual(out, [
      'b.txt b txt C:\\a',
      'C:\\Logs\\x.log C:\\Program Files (x86)\\hMailServer\\Events\\x.vbs C:\\Program Files (x86)\\hMailServer\\Bin',
      'rad9E377.tmp rad3C6EF.tmp',
      'True False NTFS 1',
      'C: 2 True',
      'C:\\Windows C:\\Windows\\Temp',
      'False True',
    ]);
  });

  test('ExecuteGlobal include through FileSystemObject and a path mapping', () => {
    const sim = newRun({ files: { 'C:\\Program Files (x86)\\hMailServer\\Events\\VbsJson.vbs': { content: 'Function Greet(n) : Greet = "hi " & n : End Function' } } });
    const out = run(sim, `
      Sub Include(sFilename)
        Dim fso, f
        Set fso = CreateObject("Scripting.FileSystemObject")
        If fso.FileExists(sFilename) Then
          Set f = fso.OpenTextFile(sFilename)
          ExecuteGlobal f.ReadAll()
          f.Close
        End If
      End Sub
      Include "..\\Events\\VbsJson.vbs"
      Echo Greet("bob")`);
    assert.deepEqual(out, ['hi bob']);
    // The pipeline's ExecuteGlobal hook can name the included file.
    const code = 'Function Greet(n) : Greet = "hi " & n : End Function';
    assert.equal(sourceFileOf(sim.ctx, code), 'C:\\Program Files (x86)\\hMailServer\\Events\\VbsJson.vbs');
    assert.equal(sourceFileOf(sim.ctx, 'other code'), undefined);
  });

  test('writing outside the output folder: sandboxed into the overlay, the real path untouched', () => {
    const sim = newRun();
    const r = runScript(sim, `
      Set fso = CreateObject("Scripting.FileSystemObject")
      Set f = fso.CreateTextFile("C:\\Windows\\System32\\drivers\\etc\\hosts", True)
      f.WriteLine "127.0.0.1 evil"
      f.Close
      fso.CreateFolder "/tmp"
      Set f = fso.CreateTextFile("/tmp/hmailsim-escape-probe.txt", True)
      f.Close
      fso.DeleteFile "C:\\Windows\\System32\\*.dll"`);
    assert.equal(r.error?.number, 53);
    assert.ok(!existsSync('/tmp/hmailsim-escape-probe.txt'));
    assert.ok(existsSync(path.join(sim.outputDir, 'fs', 'C', 'tmp', 'hmailsim-escape-probe.txt')));
    assert.equal(
      readFileSync(path.join(sim.outputDir, 'fs', 'C', 'Windows', 'System32', 'drivers', 'etc', 'hosts'), 'latin1'),
      '127.0.0.1 evil\r\n',
    );
  });

  test('a refused write is recorded as denied and raises 70', () => {
    const sim = newRun({}, { fileSystem: { writableFolders: [LOGS] } });
    const out = run(sim, `
      Set fso = CreateObject("Scripting.FileSystemObject")
      On Error Resume Next
      fso.CreateTextFile "C:\\Windows\\evil.txt"
      Echo Err.Number, Err.Description
      Err.Clear
      fso.CreateTextFile("${LOGS}\\ok.log").Close
      Echo Err.Number`);
    assert.deepEqual(out, ['70 Permission denied', '0']);
    assert.deepEqual(sim.recorder.effects[0], { kind: 'file-write', target: 'C:\\Windows\\evil.txt', allowed: false, detail: 'Permission denied' });
    assert.equal(sim.recorder.effects[1].allowed, true);
  });
});

describe('File details', () => {
  test('ShortName/ShortPath, Attributes kept per file for the run', () => {
    const sim = newRun({ files: { 'C:\\Program Files (x86)\\hMailServer\\Events\\EventHandlers.vbs': { content: '' } } });
    const out = run(sim, `
      Set fso = CreateObject("Scripting.FileSystemObject")
      Set f = fso.GetFile("..\\Events\\EventHandlers.vbs")
      Echo f.ShortName, f.ShortPath
      f.Attributes = 1
      Echo fso.GetFile("..\\Events\\EventHandlers.vbs").Attributes, fso.GetFolder("C:\\Windows").Attributes`);
    assert.deepEqual(out, ['EVENTH~1.VBS C:\\PROGRA~2\\HMAILS~1\\Events\\EVENTH~1.VBS', '1 16']);
  });
});
