import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildPath,
  getBaseName,
  getDriveName,
  getExtensionName,
  getFileName,
  getParentFolderName,
  resolveWindowsPath,
} from '../../simulator/src/sandbox/fileSystem/paths.js';
import { VbsRuntimeError } from '../../simulator/src/runtime/errors.js';

const CWD = 'C:\\Program Files (x86)\\hMailServer\\Bin';
const resolve = (p: string) => resolveWindowsPath(p, CWD).full;
const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof VbsRuntimeError ? e.number : -1;
  }
  return 0;
};

describe('resolveWindowsPath', () => {
  test('absolute, forward slashes and case are kept but normalised', () => {
    assert.equal(resolve('c:/hMailServer/Events/x.txt'), 'C:\\hMailServer\\Events\\x.txt');
    assert.equal(resolveWindowsPath('C:\\A\\B', CWD).key, 'c:\\a\\b');
  });

  test('relative paths resolve against the current directory', () => {
    assert.equal(resolve('list.txt'), `${CWD}\\list.txt`);
    assert.equal(resolve('..\\Events\\x.vbs'), 'C:\\Program Files (x86)\\hMailServer\\Events\\x.vbs');
    assert.equal(resolve('.\\a\\.\\b'), `${CWD}\\a\\b`);
    assert.equal(resolve('\\root.txt'), 'C:\\root.txt');
    assert.equal(resolve('C:rel.txt'), `${CWD}\\rel.txt`);
    assert.equal(resolve('D:rel.txt'), 'D:\\rel.txt');
  });

  test('.. stops at the root of a drive or share', () => {
    assert.equal(resolve('C:\\..\\..\\..\\Windows\\win.ini'), 'C:\\Windows\\win.ini');
    assert.equal(resolve('..\\..\\..\\..\\..\\..\\etc\\passwd'), 'C:\\etc\\passwd');
    assert.equal(resolve('\\\\server\\share\\..\\..\\x'), '\\\\server\\share\\x');
  });

  test('trailing dots and spaces are stripped as Win32 does', () => {
    assert.equal(resolve('C:\\dir.\\file.txt. '), 'C:\\dir\\file.txt');
    assert.equal(resolve('C:\\a\\...\\b'), 'C:\\a\\b');
  });

  test('UNC and long-path prefixes', () => {
    assert.equal(resolve('\\\\fs01\\quarantine\\a.eml'), '\\\\fs01\\quarantine\\a.eml');
    assert.equal(resolve('\\\\?\\C:\\x\\y'), 'C:\\x\\y');
    assert.equal(resolve('\\\\?\\UNC\\fs01\\q\\z'), '\\\\fs01\\q\\z');
  });

  test('bad names give 52, empty paths 76', () => {
    assert.equal(errorOf(() => resolve('C:\\a<b')), 52);
    assert.equal(errorOf(() => resolve('C:\\file.txt:stream')), 52);
    assert.equal(errorOf(() => resolve('\\\\.\\PhysicalDrive0')), 52);
    assert.equal(errorOf(() => resolve('')), 76);
  });
});

describe('FileSystemObject name functions', () => {
  test('GetFileName / GetBaseName / GetExtensionName', () => {
    assert.equal(getFileName('C:\\a\\b.c.txt'), 'b.c.txt');
    assert.equal(getFileName('C:\\a\\'), 'a');
    assert.equal(getFileName('C:\\'), '');
    assert.equal(getFileName('x/y.log'), 'y.log');
    assert.equal(getBaseName('C:\\a\\b.c.txt'), 'b.c');
    assert.equal(getExtensionName('C:\\a\\b.c.TXT'), 'TXT');
    assert.equal(getExtensionName('C:\\a\\noext'), '');
  });

  test('GetParentFolderName', () => {
    assert.equal(getParentFolderName('C:\\a\\b\\c.txt'), 'C:\\a\\b');
    assert.equal(getParentFolderName('C:\\a'), 'C:\\');
    assert.equal(getParentFolderName('C:\\a\\b\\'), 'C:\\a');
    assert.equal(getParentFolderName('C:\\'), '');
    assert.equal(getParentFolderName('file.txt'), '');
  });

  test('BuildPath and GetDriveName', () => {
    assert.equal(buildPath('C:\\a', 'b.txt'), 'C:\\a\\b.txt');
    assert.equal(buildPath('C:\\a\\', '\\b.txt'), 'C:\\a\\b.txt');
    assert.equal(buildPath('C:', 'b.txt'), 'C:b.txt');
    assert.equal(getDriveName('c:\\x\\y'), 'c:');
    assert.equal(getDriveName('\\\\srv\\share\\x'), '\\\\srv\\share');
    assert.equal(getDriveName('rel\\x'), '');
  });
});
