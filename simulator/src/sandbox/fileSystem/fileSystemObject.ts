/**
 * Scripting.FileSystemObject over the virtual file system. Name functions (GetFileName,
 * BuildPath …) work on the text like scrrun.dll; everything that touches files goes through
 * `operations.ts`, which records it.
 */
import { raise, RuntimeError } from '../../runtime/errors.js';
import { ComObject, MemberTable } from '../../runtime/objects/comObject.js';
import { toLong, toStr } from '../../runtime/values/coerce.js';
import type { Value } from '../../runtime/values/variant.js';
import { method, optBool, optLong, prop } from '../args.js';
import type { SimulationContext } from '../context.js';
import { sandboxState } from '../environment.js';
import { Drive, Drives, File, Folder } from './fileObjects.js';
import { copyFiles, copyFolders, createFolder, deleteFiles, deleteFolders, ForReading, ForWriting, openTextStream, sandboxFs } from './operations.js';
import { buildPath, getBaseName, getDriveName, getExtensionName, getFileName, getParentFolderName } from './paths.js';

export class FileSystemObject extends ComObject {
  constructor(readonly ctx: SimulationContext) {
    super(table, 'FileSystemObject');
    // Fail at creation, not at first use, when the context's file system is not the sandbox's.
    sandboxFs(ctx);
  }

  exists(path: string, folder: boolean): boolean {
    try {
      return sandboxFs(this.ctx).stat(path)?.isFolder === folder;
    } catch {
      // FileExists/FolderExists answer False for malformed paths rather than raising.
      return false;
    }
  }

  getFile(path: string): File {
    const info = sandboxFs(this.ctx).stat(path);
    if (!info || info.isFolder) raise(RuntimeError.FileNotFound);
    return new File(this.ctx, info.path);
  }

  getFolder(path: string): Folder {
    const info = sandboxFs(this.ctx).stat(path);
    if (!info?.isFolder) raise(RuntimeError.PathNotFound);
    return new Folder(this.ctx, info.path);
  }

  /** GetSpecialFolder: 0 Windows, 1 System, 2 Temp (the service account's TEMP). */
  specialFolder(which: number): Folder {
    const env = sandboxState(this.ctx).processEnvironment;
    const windows = env.get('systemroot')?.value ?? 'C:\\Windows';
    const paths = [windows, `${windows}\\System32`, env.get('temp')?.value ?? `${windows}\\Temp`];
    if (which < 0 || which > 2) raise(RuntimeError.InvalidProcedureCall);
    return this.getFolder(paths[which]);
  }

  /** "rad" + five hex digits + ".tmp", from a per-run counter so runs are reproducible. */
  tempName(): string {
    const state = sandboxState(this.ctx);
    const n = ++state.nextTempName;
    const hex = ((Math.imul(n, 0x9e3779b1) >>> 12) & 0xfffff).toString(16).toUpperCase().padStart(5, '0');
    return `rad${hex}.tmp`;
  }
}

const none = (): Value => undefined;

const table = new MemberTable<FileSystemObject>({
  FileExists: method('FileExists', 1, 1, (f, a) => f.exists(toStr(a[0]), false), true),
  FolderExists: method('FolderExists', 1, 1, (f, a) => f.exists(toStr(a[0]), true), true),
  DriveExists: method('DriveExists', 1, 1, (f, a) => {
    const letter = /^([A-Za-z])(:\\?)?$/.exec(toStr(a[0]).trim())?.[1];
    return letter !== undefined && sandboxFs(f.ctx).drives.includes(letter.toUpperCase());
  }, true),
  OpenTextFile: method('OpenTextFile', 1, 4, (f, a) => openTextStream(f.ctx, toStr(a[0]), optLong(a, 1, ForReading), optBool(a, 2, false), optLong(a, 3, 0))),
  CreateTextFile: method('CreateTextFile', 1, 3, (f, a) =>
    openTextStream(f.ctx, toStr(a[0]), ForWriting, true, optBool(a, 2, false) ? -1 : 0, !optBool(a, 1, true)),
  ),
  GetFile: method('GetFile', 1, 1, (f, a) => f.getFile(toStr(a[0])), true),
  GetFolder: method('GetFolder', 1, 1, (f, a) => f.getFolder(toStr(a[0])), true),
  GetSpecialFolder: method('GetSpecialFolder', 1, 1, (f, a) => f.specialFolder(toLong(a[0])), true),
  GetDrive: method('GetDrive', 1, 1, (f, a) => new Drive(f.ctx, toStr(a[0])), true),
  Drives: prop('Drives', (f) => new Drives(f.ctx)),
  DeleteFile: method('DeleteFile', 1, 2, (f, a) => {
    deleteFiles(f.ctx, toStr(a[0]));
    return none();
  }),
  DeleteFolder: method('DeleteFolder', 1, 2, (f, a) => {
    deleteFolders(f.ctx, toStr(a[0]));
    return none();
  }),
  CopyFile: method('CopyFile', 2, 3, (f, a) => {
    copyFiles(f.ctx, toStr(a[0]), toStr(a[1]), optBool(a, 2, true), false);
    return none();
  }),
  MoveFile: method('MoveFile', 2, 2, (f, a) => {
    copyFiles(f.ctx, toStr(a[0]), toStr(a[1]), false, true);
    return none();
  }),
  CopyFolder: method('CopyFolder', 2, 3, (f, a) => {
    copyFolders(f.ctx, toStr(a[0]), toStr(a[1]), optBool(a, 2, true), false);
    return none();
  }),
  MoveFolder: method('MoveFolder', 2, 2, (f, a) => {
    copyFolders(f.ctx, toStr(a[0]), toStr(a[1]), false, true);
    return none();
  }),
  CreateFolder: method('CreateFolder', 1, 1, (f, a) => new Folder(f.ctx, createFolder(f.ctx, toStr(a[0])))),
  BuildPath: method('BuildPath', 2, 2, (_f, a) => buildPath(toStr(a[0]), toStr(a[1])), true),
  GetAbsolutePathName: method('GetAbsolutePathName', 1, 1, (f, a) => {
    const text = toStr(a[0]);
    return sandboxFs(f.ctx).resolve(text === '' ? '.' : text).full;
  }, true),
  GetBaseName: method('GetBaseName', 1, 1, (_f, a) => getBaseName(toStr(a[0])), true),
  GetExtensionName: method('GetExtensionName', 1, 1, (_f, a) => getExtensionName(toStr(a[0])), true),
  GetFileName: method('GetFileName', 1, 1, (_f, a) => getFileName(toStr(a[0])), true),
  GetParentFolderName: method('GetParentFolderName', 1, 1, (_f, a) => getParentFolderName(toStr(a[0])), true),
  GetDriveName: method('GetDriveName', 1, 1, (_f, a) => getDriveName(toStr(a[0])), true),
  GetTempName: method('GetTempName', 0, 0, (f) => f.tempName()),
  // Text files and scripts carry no version resource; scrrun answers "" for them.
  GetFileVersion: method('GetFileVersion', 1, 1, (f, a) => {
    f.getFile(toStr(a[0]));
    return '';
  }, true),
});
