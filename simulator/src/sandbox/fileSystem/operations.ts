/**
 * The file operations behind FileSystemObject and its File/Folder objects, each with the
 * error scrrun.dll raises and a recorded side effect (`file-read`, `file-write`,
 * `file-delete`; failures are recorded with `allowed: false` and the error text).
 */
import { raise, RuntimeError, VbsRuntimeError } from '../../runtime/errors.js';
import type { SimulationContext } from '../context.js';
import { sandboxState } from '../environment.js';
import { recordEffect } from '../recorder.js';
import type { SideEffectKind } from '../context.js';
import { decodeText, hasUtf16Bom, UTF16_BOM, type TextFormat } from './encoding.js';
import { childOf, fileNamePattern, getFileName, getParentFolderName, parentOf, type WindowsPath } from './paths.js';
import { TextStream, type StreamMode } from './textStream.js';
import { isSandboxFileSystem, type FileInfo, type SandboxFileSystem } from './virtualFileSystem.js';

export const ForReading = 1;
export const ForWriting = 2;
export const ForAppending = 8;

export function sandboxFs(ctx: SimulationContext): SandboxFileSystem {
  if (!isSandboxFileSystem(ctx.fs)) throw new Error('The sandbox objects need the file system from createVirtualFileSystem (ctx.fs is another implementation)');
  return ctx.fs;
}

/**
 * Runs `fn`, recording `kind` on `target` as allowed, or as denied with the error text (and
 * rethrowing) when it fails. `target` may be a function, evaluated after `fn`, for operations
 * whose canonical path is only known once they ran.
 */
export function recorded<T>(ctx: SimulationContext, kind: SideEffectKind, target: string | (() => string), fn: () => T, detail?: (result: T) => string | undefined): T {
  let result: T;
  try {
    result = fn();
  } catch (e) {
    const text = e instanceof VbsRuntimeError ? e.description : String(e);
    recordEffect(ctx, kind, typeof target === 'string' ? target : target(), false, text);
    throw e;
  }
  recordEffect(ctx, kind, typeof target === 'string' ? target : target(), true, detail?.(result));
  return result;
}

/** The resolved path, or the text as given when it cannot be resolved (for the record). */
function displayPath(fs: SandboxFileSystem, path: string): string {
  try {
    return fs.stat(path)?.path ?? fs.resolve(path).full;
  } catch {
    return path;
  }
}

/**
 * Error 70 when a stream is writing to the file (a sharing violation): opening it for writing
 * again or deleting it fails; reading it is allowed. A stream the script no longer references
 * (a temporary such as `fso.OpenTextFile(p, 8, True).WriteLine x`) was released at the end of
 * its statement on Windows, closing the file, so it is closed here instead of blocking.
 */
function checkNotOpen(ctx: SimulationContext, key: string, forWriting: boolean): void {
  const open = sandboxState(ctx).openFiles.get(key);
  if (!open || !forWriting) return;
  for (const handle of [...open]) {
    if (!handle.held()) handle.close();
    else if (handle.writing) raise(RuntimeError.PermissionDenied);
  }
}

function requireParentFolder(fs: SandboxFileSystem, p: WindowsPath): void {
  const parent = parentOf(p);
  if (!parent || !fs.stat(parent.full)?.isFolder) raise(RuntimeError.PathNotFound);
}

/** Tristate → format: 0 ANSI, -1 Unicode, -2 system default (ANSI; a Unicode BOM is honoured on reading). */
export function formatOf(tristate: number): TextFormat | 'default' {
  if (tristate === -1) return 'unicode';
  if (tristate === -2) return 'default';
  if (tristate === 0) return 'ansi';
  return raise(RuntimeError.InvalidProcedureCall);
}

/** OpenTextFile / OpenAsTextStream / CreateTextFile. */
export function openTextStream(ctx: SimulationContext, path: string, iomode: number, create: boolean, tristate: number, mustNotExist = false): TextStream {
  const fs = sandboxFs(ctx);
  if (iomode !== ForReading && iomode !== ForWriting && iomode !== ForAppending) raise(RuntimeError.InvalidProcedureCall);
  const mode: StreamMode = iomode === ForReading ? 'read' : iomode === ForWriting ? 'write' : 'append';
  const kind = mode === 'read' ? 'file-read' : 'file-write';
  return recorded(
    ctx,
    kind,
    () => displayPath(fs, path),
    () => {
      const format = formatOf(tristate);
      const p = fs.resolve(path);
      let info = fs.stat(p.full);
      if (info?.isFolder) raise(RuntimeError.PermissionDenied);
      if (info && mustNotExist) raise(RuntimeError.FileAlreadyExists);
      if (!info) {
        requireParentFolder(fs, p);
        if (!create) raise(RuntimeError.FileNotFound);
      }
      checkNotOpen(ctx, p.key, mode !== 'read');
      if (mode !== 'read' || !info) fs.checkWritable(p.full);
      const canonical = info?.path ?? p.full;
      if (mode === 'read') {
        if (!info) fs.writeFile(p.full, Buffer.alloc(0));
        const { text } = decodeText(fs.readFile(p.full) ?? Buffer.alloc(0), format);
        return new TextStream(ctx, 'read', text, { file: { fs, path: canonical, key: p.key, format: 'ansi' } });
      }
      let writeFormat: TextFormat = format === 'unicode' ? 'unicode' : 'ansi';
      if (mode === 'append' && info) {
        // Appending in the default format continues a Unicode file as Unicode.
        if (format === 'default' && hasUtf16Bom(fs.readFile(p.full) ?? Buffer.alloc(0))) writeFormat = 'unicode';
      } else {
        fs.writeFile(p.full, writeFormat === 'unicode' ? UTF16_BOM : Buffer.alloc(0));
      }
      info = fs.stat(p.full)!;
      return new TextStream(ctx, mode, '', { file: { fs, path: info.path, key: p.key, format: writeFormat } });
    },
    (stream) => (stream.mode === 'read' ? 'opened for reading' : `opened for ${stream.mode === 'write' ? 'writing' : 'appending'}; overlay: ${fs.overlayPath(path) ?? '(memory)'}`),
  );
}

/** Paths a FileSystemObject filespec names: one path, or the files/folders matching a wildcard last component. */
function expand(fs: SandboxFileSystem, spec: string, folders: boolean): FileInfo[] | undefined {
  const name = getFileName(spec);
  const test = fileNamePattern(name);
  if (!test) return undefined;
  const parentText = getParentFolderName(spec) || '.';
  const parent = fs.resolve(parentText);
  if (!fs.stat(parent.full)?.isFolder) raise(RuntimeError.PathNotFound);
  return fs
    .list(parent.full)
    .filter((e) => e.isFolder === folders && test(e.name))
    .map((e) => fs.stat(childOf(parent, e.name).full)!);
}

export function deleteFiles(ctx: SimulationContext, spec: string): void {
  const fs = sandboxFs(ctx);
  const matches = expand(fs, spec, false);
  if (matches) {
    if (matches.length === 0) recorded(ctx, 'file-delete', spec, () => raise(RuntimeError.FileNotFound));
    for (const m of matches) deleteFile(ctx, m.path);
    return;
  }
  deleteFile(ctx, spec);
}

export function deleteFile(ctx: SimulationContext, path: string): void {
  const fs = sandboxFs(ctx);
  recorded(ctx, 'file-delete', () => displayPath(fs, path), () => {
    const p = fs.resolve(path);
    const info = fs.stat(p.full);
    if (!info || info.isFolder) raise(RuntimeError.FileNotFound);
    checkNotOpen(ctx, p.key, true);
    fs.deleteFile(p.full);
  });
}

export function deleteFolders(ctx: SimulationContext, spec: string): void {
  const fs = sandboxFs(ctx);
  const matches = expand(fs, spec, true);
  const targets = matches ? matches.map((m) => m.path) : [spec];
  if (matches && matches.length === 0) recorded(ctx, 'file-delete', spec, () => raise(RuntimeError.PathNotFound));
  for (const t of targets) {
    recorded(ctx, 'file-delete', () => displayPath(fs, t), () => {
      const p = fs.resolve(t);
      if (!fs.stat(p.full)?.isFolder) raise(RuntimeError.PathNotFound);
      for (const key of [...sandboxState(ctx).openFiles.keys()]) if (key.startsWith(p.key + '\\')) checkNotOpen(ctx, key, true);
      fs.deleteFolder(p.full);
    });
  }
}

export function createFolder(ctx: SimulationContext, path: string): string {
  const fs = sandboxFs(ctx);
  return recorded(ctx, 'file-write', () => displayPath(fs, path), () => {
    const p = fs.resolve(path);
    if (fs.stat(p.full)) raise(RuntimeError.FileAlreadyExists);
    requireParentFolder(fs, p);
    fs.createFolder(p.full);
    return fs.stat(p.full)!.path;
  }, () => 'folder created');
}

/** Where a copy/move of `source` to `destination` lands: into the folder when the destination ends with `\` or is one. */
function destinationFor(fs: SandboxFileSystem, sourceName: string, destination: string, many: boolean): WindowsPath {
  const intoFolder = /[\\/]$/.test(destination) || many;
  const d = fs.resolve(destination);
  if (intoFolder) {
    if (!fs.stat(d.full)?.isFolder) raise(RuntimeError.PathNotFound);
    return childOf(d, sourceName);
  }
  requireParentFolder(fs, d);
  return d;
}

function copyOne(ctx: SimulationContext, fs: SandboxFileSystem, source: FileInfo, dest: WindowsPath, overwrite: boolean, move: boolean): void {
  recorded(ctx, 'file-write', dest.full, () => {
    const existing = fs.stat(dest.full);
    if (existing?.isFolder) raise(RuntimeError.PermissionDenied);
    if (existing && (move || !overwrite)) raise(RuntimeError.FileAlreadyExists);
    checkNotOpen(ctx, dest.key, true);
    fs.writeFile(dest.full, fs.readFile(source.path) ?? Buffer.alloc(0));
  }, () => `${move ? 'moved' : 'copied'} from ${source.path}`);
  if (move) deleteFile(ctx, source.path);
}

export function copyFiles(ctx: SimulationContext, source: string, destination: string, overwrite: boolean, move: boolean): void {
  const fs = sandboxFs(ctx);
  const matches = expand(fs, source, false);
  const sources = matches ?? [
    recorded(ctx, 'file-read', () => displayPath(fs, source), () => {
      const info = fs.stat(source);
      if (!info || info.isFolder) raise(RuntimeError.FileNotFound);
      return info;
    }),
  ];
  if (sources.length === 0) recorded(ctx, 'file-read', source, () => raise(RuntimeError.FileNotFound));
  for (const s of sources) copyOne(ctx, fs, s, destinationFor(fs, s.name, destination, matches !== undefined), overwrite, move);
}

/** CopyFolder / MoveFolder: the whole tree, files written (and recorded) one by one. */
export function copyFolders(ctx: SimulationContext, source: string, destination: string, overwrite: boolean, move: boolean): void {
  const fs = sandboxFs(ctx);
  const matches = expand(fs, source, true);
  const sources = matches ?? [fs.stat(source)].filter((i): i is FileInfo => i?.isFolder === true);
  if (sources.length === 0) recorded(ctx, 'file-read', displayPath(fs, source), () => raise(RuntimeError.PathNotFound));
  for (const s of sources) {
    const dest = destinationFor(fs, s.name, destination, matches !== undefined);
    if (move && fs.stat(dest.full)) recorded(ctx, 'file-write', dest.full, () => raise(RuntimeError.FileAlreadyExists));
    copyTree(ctx, fs, fs.resolve(s.path), dest, overwrite);
    if (move) deleteFolders(ctx, s.path);
  }
}

function copyTree(ctx: SimulationContext, fs: SandboxFileSystem, from: WindowsPath, to: WindowsPath, overwrite: boolean): void {
  const existing = fs.stat(to.full);
  if (existing && !existing.isFolder) recorded(ctx, 'file-write', to.full, () => raise(RuntimeError.FileAlreadyExists));
  if (!existing) recorded(ctx, 'file-write', to.full, () => fs.createFolder(to.full), () => 'folder created');
  for (const e of fs.list(from.full)) {
    const src = childOf(from, e.name);
    const dst = childOf(to, e.name);
    if (e.isFolder) copyTree(ctx, fs, src, dst, overwrite);
    else copyOne(ctx, fs, fs.stat(src.full)!, dst, overwrite, false);
  }
}

/** File.Name / Folder.Name assignment: a rename in place (58 when the new name is taken). */
export function rename(ctx: SimulationContext, info: FileInfo, newName: string): string {
  const fs = sandboxFs(ctx);
  const p = fs.resolve(info.path);
  const parent = parentOf(p);
  if (!parent || /[\\/]/.test(newName)) raise(RuntimeError.InvalidProcedureCall);
  const dest = childOf(parent, newName);
  // Only the casing differs: Windows keeps the entry; the sandbox keeps its first spelling.
  if (dest.key === p.key) return info.path;
  if (fs.stat(dest.full)) raise(RuntimeError.FileAlreadyExists);
  if (info.isFolder) copyFolders(ctx, info.path, dest.full, false, true);
  else copyFiles(ctx, info.path, dest.full, false, true);
  return fs.stat(dest.full)?.path ?? dest.full;
}

/** Total size of the files below a folder (Folder.Size). */
export function folderSize(fs: SandboxFileSystem, folder: WindowsPath): number {
  let total = 0;
  for (const e of fs.list(folder.full)) total += e.isFolder ? folderSize(fs, childOf(folder, e.name)) : e.size;
  return total;
}

