import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createVirtualFileSystem, SandboxConfigError } from '../../simulator/src/sandbox/fileSystem/virtualFileSystem.js';
import { decodeAnsi, encodeAnsi } from '../../simulator/src/sandbox/fileSystem/encoding.js';
import { VbsRuntimeError } from '../../simulator/src/runtime/errors.js';
import { tempDir, FIXED_NOW } from './helpers.js';

function setup(extra: { files?: Record<string, string | { content: string }>; pathMappings?: Record<string, string> } = {}) {
  const root = tempDir();
  const scenarioDir = path.join(root, 'scenario');
  const outputDir = path.join(root, 'out');
  mkdirSync(path.join(scenarioDir, 'events', 'lists'), { recursive: true });
  writeFileSync(path.join(scenarioDir, 'events', 'lists', 'Block.txt'), 'spam.test\r\n');
  writeFileSync(path.join(scenarioDir, 'events', 'include.vbs'), 'Const X = 1\r\n');
  writeFileSync(path.join(scenarioDir, 'ips.txt'), '203.0.113.9');
  const fs = createVirtualFileSystem({
    scenarioDir,
    outputDir,
    clock: () => FIXED_NOW,
    mocks: {
      files: { 'C:\\Data\\ips.txt': 'ips.txt', 'C:\\Data\\inline.txt': { content: 'Müller €' }, ...extra.files },
      pathMappings: { 'C:\\Program Files (x86)\\hMailServer\\Events': 'events', ...extra.pathMappings },
    },
  });
  return { fs, root, scenarioDir, outputDir };
}

const errorNumber = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof VbsRuntimeError ? e.number : -1;
  }
  return 0;
};

describe('virtual file system: reading', () => {
  test('mock files by path or inline content, case-insensitive, / = \\', () => {
    const { fs } = setup();
    assert.equal(fs.readFile('c:/data/IPS.TXT')?.toString(), '203.0.113.9');
    assert.equal(decodeAnsi(fs.readFile('C:\\Data\\inline.txt')!), 'Müller €');
    assert.deepEqual([...fs.readFile('C:\\Data\\inline.txt')!], [...encodeAnsi('Müller €')]);
    assert.ok(fs.folderExists('C:\\DATA'));
    assert.ok(fs.fileExists('C:\\Data\\ips.txt'));
    assert.ok(!fs.fileExists('C:\\Data'));
  });

  test('path mappings: case-insensitive below the mapped folder, read-only', () => {
    const { fs } = setup();
    assert.equal(fs.readFile('C:\\Program Files (x86)\\hMailServer\\Events\\LISTS\\block.TXT')?.toString(), 'spam.test\r\n');
    assert.ok(fs.folderExists('..\\Events\\Lists'));
    assert.equal(fs.stat('..\\events\\lists\\block.txt')?.path, 'C:\\Program Files (x86)\\hMailServer\\Events\\lists\\Block.txt');
    assert.deepEqual(
      fs.list('C:\\Program Files (x86)\\hMailServer\\Events').map((e) => e.name),
      ['include.vbs', 'lists'],
    );
  });

  test('realSourceOf names the real file behind a mapped, mocked or written path', () => {
    const { fs, scenarioDir } = setup();
    assert.equal(fs.realSourceOf('..\\Events\\INCLUDE.vbs'), path.join(scenarioDir, 'events', 'include.vbs'));
    assert.equal(fs.realSourceOf('C:\\Data\\ips.txt'), path.join(scenarioDir, 'ips.txt'));
    assert.equal(fs.realSourceOf('C:\\Data\\inline.txt'), undefined);
    fs.writeFile('C:\\Data\\new.txt', 'x');
    assert.equal(fs.realSourceOf('C:\\Data\\new.txt'), fs.overlayPath('C:\\Data\\new.txt'));
  });

  test('relative paths resolve against the Bin folder; the current directory can change', () => {
    const { fs } = setup();
    assert.equal(fs.currentDirectory, 'C:\\Program Files (x86)\\hMailServer\\Bin');
    assert.ok(fs.fileExists('..\\Events\\include.vbs'));
    fs.currentDirectory = 'C:\\Data';
    assert.ok(fs.fileExists('ips.txt'));
    assert.equal(errorNumber(() => (fs.currentDirectory = 'C:\\Nowhere')), 76);
  });

  test('standard folders of a Windows server exist; other drives do not', () => {
    const { fs } = setup();
    for (const f of ['C:\\', 'C:\\Windows\\Temp', 'C:\\Program Files (x86)\\hMailServer\\Logs', 'C:\\ProgramData']) assert.ok(fs.folderExists(f), f);
    assert.ok(!fs.folderExists('D:\\'));
  });

  test('a missing mock file is a configuration error naming it', () => {
    const root = tempDir();
    assert.throws(
      () => createVirtualFileSystem({ scenarioDir: root, mocks: { files: { 'C:\\x.txt': 'missing.txt' } } }),
      (e: unknown) => e instanceof SandboxConfigError && /missing\.txt/.test(e.message),
    );
    assert.throws(() => createVirtualFileSystem({ scenarioDir: root, mocks: { pathMappings: { 'C:\\x': 'nope' } } }), SandboxConfigError);
  });
});

describe('virtual file system: writing goes to the overlay only', () => {
  test('a write lands in <outputDir>/fs/C/… and later reads see it', () => {
    const { fs, outputDir } = setup();
    fs.writeFile('C:\\Program Files (x86)\\hMailServer\\Logs\\spam.log', 'one\r\n');
    fs.appendFile('c:\\program files (x86)\\hmailserver\\logs\\SPAM.LOG', Buffer.from('two\r\n'));
    const real = path.join(outputDir, 'fs', 'C', 'Program Files (x86)', 'hMailServer', 'Logs', 'spam.log');
    assert.equal(fs.overlayPath('C:\\Program Files (x86)\\hMailServer\\Logs\\spam.log'), real);
    assert.equal(readFileSync(real, 'utf8'), 'one\r\ntwo\r\n');
    assert.equal(fs.readFile('C:\\PROGRAM FILES (X86)\\HMAILSERVER\\LOGS\\spam.log')?.toString(), 'one\r\ntwo\r\n');
    assert.equal(fs.stat('C:\\Program Files (x86)\\hMailServer\\Logs\\spam.log')?.size, 10);
    assert.equal(fs.stat('C:\\Program Files (x86)\\hMailServer\\Logs\\spam.log')?.modified, FIXED_NOW);
  });

  test('writing over a mapped file copies it up; the real file is untouched', () => {
    const { fs, scenarioDir } = setup();
    fs.appendFile('C:\\Program Files (x86)\\hMailServer\\Events\\lists\\block.txt', Buffer.from('more.test\r\n'));
    assert.equal(fs.readFile('C:\\Program Files (x86)\\hMailServer\\Events\\lists\\block.txt')?.toString(), 'spam.test\r\nmore.test\r\n');
    assert.equal(readFileSync(path.join(scenarioDir, 'events', 'lists', 'Block.txt'), 'utf8'), 'spam.test\r\n');
  });

  test('deleting mock and mapped files hides them; the real files stay', () => {
    const { fs, scenarioDir } = setup();
    assert.ok(fs.deleteFile('C:\\Data\\ips.txt'));
    assert.ok(fs.deleteFile('..\\Events\\include.vbs'));
    assert.ok(!fs.fileExists('C:\\Data\\ips.txt'));
    assert.ok(!fs.fileExists('..\\Events\\include.vbs'));
    assert.ok(existsSync(path.join(scenarioDir, 'ips.txt')));
    assert.ok(existsSync(path.join(scenarioDir, 'events', 'include.vbs')));
    assert.ok(!fs.list('..\\Events').some((e) => e.name === 'include.vbs'));
    fs.writeFile('C:\\Data\\ips.txt', 'new');
    assert.equal(fs.readFile('C:\\Data\\ips.txt')?.toString(), 'new');
  });

  test('deleting a folder removes its overlay mirror and hides lower layers', () => {
    const { fs, outputDir } = setup();
    fs.writeFile('C:\\Temp\\q\\a.txt', 'a');
    assert.ok(existsSync(path.join(outputDir, 'fs', 'C', 'Temp', 'q', 'a.txt')));
    assert.ok(fs.deleteFolder('C:\\Temp'));
    assert.ok(!existsSync(path.join(outputDir, 'fs', 'C', 'Temp')));
    assert.ok(fs.deleteFolder('..\\Events'));
    assert.ok(!fs.fileExists('..\\Events\\lists\\block.txt'));
    assert.ok(!fs.folderExists('..\\Events'));
  });

  test('a C:\\ path that exists on this machine is never read or written', () => {
    const { fs } = setup();
    // A file literally named like a Windows path in the process's working directory…
    const decoy = path.join(process.cwd(), 'C:\\hmailsim-decoy.txt');
    writeFileSync(decoy, 'REAL DISK');
    try {
      assert.ok(!fs.fileExists('C:\\hmailsim-decoy.txt'));
      assert.equal(fs.readFile('C:\\hmailsim-decoy.txt'), undefined);
      fs.writeFile('C:\\hmailsim-decoy.txt', 'sandboxed');
      assert.equal(readFileSync(decoy, 'utf8'), 'REAL DISK');
    } finally {
      // Only the file this test created.
      unlinkSync(decoy);
    }
    // …and real absolute paths read as paths on the simulated C: drive.
    assert.ok(existsSync('/etc/hostname') || existsSync('/etc/passwd'));
    assert.ok(!fs.fileExists('/etc/passwd'));
    assert.ok(!fs.fileExists('\\etc\\hostname'));
    assert.ok(!fs.folderExists(process.cwd()));
  });

  test('.. cannot climb out of the overlay or a mapping', () => {
    const { fs, root, outputDir } = setup();
    fs.writeFile('C:\\..\\..\\..\\..\\escape.txt', 'x');
    assert.ok(existsSync(path.join(outputDir, 'fs', 'C', 'escape.txt')));
    assert.ok(!existsSync(path.join(root, 'escape.txt')));
    assert.ok(!existsSync(path.join(outputDir, 'escape.txt')));
    writeFileSync(path.join(root, 'secret.txt'), 'secret');
    assert.equal(fs.readFile('C:\\Program Files (x86)\\hMailServer\\Events\\..\\..\\..\\secret.txt'), undefined);
    assert.equal(fs.readFile('..\\Events\\..\\..\\..\\..\\..\\secret.txt'), undefined);
  });

  test('a symlink inside a mapped folder cannot reach outside it', () => {
    const { fs, root, scenarioDir } = setup();
    writeFileSync(path.join(root, 'outside.txt'), 'outside');
    symlinkSync(path.join(root, 'outside.txt'), path.join(scenarioDir, 'events', 'link.txt'));
    assert.equal(fs.readFile('..\\Events\\link.txt'), undefined);
    assert.ok(!fs.fileExists('..\\Events\\link.txt'));
  });

  test('refusals: device names (70), writable-folder limit (70), quota (61), missing drive (76)', () => {
    const root = tempDir();
    const fs = createVirtualFileSystem({ scenarioDir: root, outputDir: path.join(root, 'out'), writableFolders: ['C:\\Program Files (x86)\\hMailServer\\Logs'], maxOverlayBytes: 10 });
    assert.equal(errorNumber(() => fs.writeFile('C:\\Program Files (x86)\\hMailServer\\Logs\\NUL', 'x')), 70);
    assert.equal(errorNumber(() => fs.writeFile('C:\\Windows\\evil.txt', 'x')), 70);
    assert.equal(errorNumber(() => fs.writeFile('C:\\Program Files (x86)\\hMailServer\\Logs\\big.log', 'x'.repeat(11))), 61);
    fs.writeFile('C:\\Program Files (x86)\\hMailServer\\Logs\\ok.log', 'fine');
    // Outside the writable folders the refusal comes first, whatever the drive.
    assert.equal(errorNumber(() => fs.writeFile('D:\\x.txt', 'x')), 70);
    const open = createVirtualFileSystem({ scenarioDir: root });
    assert.equal(errorNumber(() => open.writeFile('D:\\x.txt', 'x')), 76);
    assert.deepEqual(readdirSync(path.join(root, 'out', 'fs', 'C', 'Program Files (x86)', 'hMailServer', 'Logs')), ['ok.log']);
  });

  test('without an output folder the overlay stays in memory', () => {
    const root = tempDir();
    const fs = createVirtualFileSystem({ scenarioDir: root });
    fs.writeFile('C:\\x\\y.txt', 'hello');
    assert.equal(fs.readFile('c:\\X\\Y.TXT')?.toString(), 'hello');
    assert.equal(fs.overlayPath('C:\\x\\y.txt'), undefined);
    assert.deepEqual(readdirSync(root), []);
  });
});

describe('ANSI encoding', () => {
  test('Windows-1252 round trip, unmappable characters become ?', () => {
    assert.deepEqual([...encodeAnsi('€‚ƒ„…†‡ˆ‰Š‹ŒŽ')], [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e]);
    assert.equal(decodeAnsi(encodeAnsi('Grüße – “quoted” ™')), 'Grüße – “quoted” ™');
    assert.equal(decodeAnsi(encodeAnsi('日本')), '??');
  });
});
