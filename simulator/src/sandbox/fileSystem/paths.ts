/**
 * Windows path arithmetic for the virtual file system, done by hand rather than with
 * `path.win32.resolve`: that function consults the real process's current directory (and
 * `=X:` environment variables) for drive-relative paths, which would leak the real machine
 * into the simulation. Here the only inputs are the path and the simulated current directory.
 *
 * A resolved path is absolute, uses `\`, has no `.`/`..` components (`..` stops at the root,
 * as on Windows, so it can never climb out of a drive or a share), and has trailing dots and
 * spaces stripped from components, as Win32 does. Its `key` (lower case) is what lookups use.
 */
import { raise, RuntimeError } from '../../runtime/errors.js';

export interface WindowsPath {
  /** `C:` or `\\server\share`. */
  root: string;
  /** Components below the root, in the casing the script used. */
  parts: string[];
  /** The full path: `C:\`, `C:\dir\file.txt`, `\\server\share\dir`. */
  full: string;
  /** Case-insensitive lookup key. */
  key: string;
}

const INVALID_CHARS = /[<>"|?*\x00-\x1f]/;
const DEVICE_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)(\..*)?$/i;

/** Whether a component names a DOS device (CON, NUL, COM1, LPT1 …), which the sandbox never opens. */
export function isDeviceName(component: string): boolean {
  return DEVICE_NAMES.test(component.trim());
}

function build(root: string, parts: string[]): WindowsPath {
  const full = parts.length === 0 ? (root.startsWith('\\\\') ? root : `${root}\\`) : `${root}\\${parts.join('\\')}`;
  return { root, parts, full, key: full.toLowerCase() };
}

/**
 * Resolves `input` against `currentDirectory` (itself absolute). Error 52 (bad file name) for
 * characters Windows forbids, a stream suffix (`file:stream`) or a device namespace path
 * (`\\.\PhysicalDrive0`); error 76 for an empty path.
 */
export function resolveWindowsPath(input: string, currentDirectory: string): WindowsPath {
  let p = input.replace(/\//g, '\\');
  if (p.trim() === '') raise(RuntimeError.PathNotFound);
  // The long-path prefix only switches off Win32 normalisation; the path behind it is the same file.
  if (p.startsWith('\\\\?\\UNC\\')) p = `\\\\${p.slice(8)}`;
  else if (p.startsWith('\\\\?\\')) p = p.slice(4);
  else if (p.startsWith('\\\\.\\')) raise(RuntimeError.BadFileNameOrNumber);

  let root: string;
  let rest: string;
  const cwd = currentDirectory === input ? undefined : parseAbsolute(currentDirectory);
  const unc = /^\\\\([^\\]+)\\([^\\]+)(.*)$/.exec(p);
  const drive = /^([A-Za-z]):(.*)$/.exec(p);
  let base: string[] = [];
  if (unc) {
    root = `\\\\${unc[1]}\\${unc[2]}`;
    rest = unc[3];
  } else if (p.startsWith('\\\\')) {
    return raise(RuntimeError.BadFileNameOrNumber);
  } else if (drive) {
    root = `${drive[1].toUpperCase()}:`;
    rest = drive[2];
    // `C:file` is relative to the current directory when that is on C:, else to C:'s root.
    if (!rest.startsWith('\\') && cwd && cwd.root.toLowerCase() === root.toLowerCase()) base = cwd.parts;
  } else {
    if (!cwd) return raise(RuntimeError.PathNotFound);
    root = cwd.root;
    rest = p;
    if (!p.startsWith('\\')) base = cwd.parts;
  }
  const parts = base.slice();
  for (const raw of rest.split('\\')) {
    if (raw === '' || raw === '.') continue;
    if (raw === '..') {
      parts.pop();
      continue;
    }
    // Win32 strips trailing dots and spaces ("name.txt. " is "name.txt"); a component of only dots is "." or "..".
    const part = raw.replace(/[. ]+$/, '');
    if (part === '') continue;
    if (INVALID_CHARS.test(part) || part.includes(':')) raise(RuntimeError.BadFileNameOrNumber);
    parts.push(part);
  }
  return build(root, parts);
}

/** Parses an already absolute path (the current directory, configured folders). */
export function parseAbsolute(path: string): WindowsPath | undefined {
  const p = path.replace(/\//g, '\\');
  const unc = /^\\\\([^\\?.][^\\]*)\\([^\\]+)(.*)$/.exec(p);
  const drive = /^([A-Za-z]):\\(.*)$/.exec(p);
  if (!unc && !drive) return undefined;
  const root = unc ? `\\\\${unc[1]}\\${unc[2]}` : `${drive![1].toUpperCase()}:`;
  const parts = (unc ? unc[3] : drive![2]).split('\\').filter((s) => s !== '' && s !== '.');
  const out: string[] = [];
  for (const s of parts) {
    if (s === '..') out.pop();
    else out.push(s);
  }
  return build(root, out);
}

/** The parent folder, or undefined for a root. */
export function parentOf(p: WindowsPath): WindowsPath | undefined {
  return p.parts.length === 0 ? undefined : build(p.root, p.parts.slice(0, -1));
}

export function childOf(p: WindowsPath, name: string): WindowsPath {
  return build(p.root, [...p.parts, name]);
}

/** The last component (`""` for a root). */
export function nameOf(p: WindowsPath): string {
  return p.parts.length === 0 ? '' : p.parts[p.parts.length - 1];
}

/** The folder in the overlay for a root: `C` for `C:`, `UNC/server/share` for a share. */
export function overlayRootSegments(root: string): string[] {
  if (root.startsWith('\\\\')) return ['UNC', ...root.slice(2).split('\\')];
  return [root[0].toUpperCase()];
}

// ------------------------------------------------------------------ FSO's string functions

/**
 * FileSystemObject's name functions work on the text alone, without touching the disk and
 * without resolving: these mirror scrrun.dll's rules (both separators, a trailing separator
 * is ignored by GetParentFolderName but makes GetFileName empty… except for roots).
 */
function splitLast(path: string): { parent: string; name: string } {
  const p = path.replace(/[\\/]+$/, (m) => (/^[A-Za-z]:$/.test(path.slice(0, -m.length)) || path.length === m.length ? m : ''));
  const idx = Math.max(p.lastIndexOf('\\'), p.lastIndexOf('/'));
  const driveOnly = /^[A-Za-z]:/.exec(p);
  if (idx < 0) {
    if (driveOnly) return { parent: '', name: p.length > 2 ? p.slice(2) : '' };
    return { parent: '', name: p };
  }
  let parent = p.slice(0, idx);
  const name = p.slice(idx + 1);
  // The parent of "C:\x" is "C:\", of "\x" is "\".
  if (/^[A-Za-z]:$/.test(parent) || parent === '') parent += p[idx];
  return { parent, name };
}

export function getFileName(path: string): string {
  return splitLast(path).name;
}

export function getParentFolderName(path: string): string {
  const { parent, name } = splitLast(path);
  return name === '' ? '' : parent;
}

export function getExtensionName(path: string): string {
  const name = getFileName(path);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

export function getBaseName(path: string): string {
  const name = getFileName(path);
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

/** BuildPath: one separator between the parts, whatever each side already has. */
export function buildPath(path: string, name: string): string {
  if (path === '') return name;
  const left = /[\\/]$/.test(path) || /^[A-Za-z]:$/.test(path) ? path : `${path}\\`;
  return left + name.replace(/^[\\/]+/, '');
}

export function getDriveName(path: string): string {
  const drive = /^([A-Za-z]:)/.exec(path);
  if (drive) return drive[1];
  const unc = /^[\\/]{2}([^\\/]+)[\\/]([^\\/]+)/.exec(path);
  return unc ? `\\\\${unc[1]}\\${unc[2]}` : '';
}

/** A `*`/`?` file-name pattern (DeleteFile, CopyFile, MoveFile) as a case-insensitive test. */
export function fileNamePattern(pattern: string): ((name: string) => boolean) | undefined {
  if (!/[*?]/.test(pattern)) return undefined;
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return (name) => re.test(name);
}
