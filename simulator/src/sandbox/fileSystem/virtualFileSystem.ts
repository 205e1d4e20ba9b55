/**
 * The virtual file system behind FileSystemObject, Message.SaveAs and includes.
 *
 * Layers, highest first: the overlay (everything written in this run, kept in memory and
 * mirrored to `<outputDir>/fs/C/…` so the admin can look at it), `mocks.files`, path
 * mappings (Windows folder → real folder, read-only), and a small set of folders every
 * hMailServer machine has. Deletions of lower-layer entries are tombstones in the overlay.
 *
 * Safety: Windows paths are never handed to the real file system. Real files are touched in
 * exactly three places — mock files named by the scenario, files below a mapped folder (after
 * resolving symlinks, still below it), and the overlay folder — so a `C:\…` path that happens
 * to exist on this machine is invisible, and `..` is resolved (and stopped at the root) before
 * any lookup.
 */
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { raise, RuntimeError } from '../../runtime/errors.js';
import type { VirtualFileSystem } from '../context.js';
import type { ScenarioMocks } from '../../scenario/types.js';
import { encodeAnsi } from './encoding.js';
import { childOf, isDeviceName, nameOf, overlayRootSegments, parentOf, parseAbsolute, resolveWindowsPath, type WindowsPath } from './paths.js';

/** hMailServer's working directory is its Bin folder; relative paths in scripts resolve there. */
export const DEFAULT_CURRENT_DIRECTORY = 'C:\\Program Files (x86)\\hMailServer\\Bin';

export interface VirtualFileSystemOptions {
  mocks?: Pick<ScenarioMocks, 'files' | 'pathMappings'>;
  /** Folder that relative mock file paths and mappings are resolved against (the scenario's folder). */
  scenarioDir: string;
  /** The run's output folder; the overlay lives in `<outputDir>/fs`. Without it the overlay stays in memory. */
  outputDir?: string;
  /** Default `C:\Program Files (x86)\hMailServer\Bin`. */
  currentDirectory?: string;
  /** Extra folders that exist (with their parents), e.g. a UNC share a script writes to. */
  folders?: string[];
  /** Drive letters that exist; default `C`. */
  drives?: string[];
  /** When given, only writes below these folders are accepted; others fail with 70 (Permission denied). */
  writableFolders?: string[];
  /** Limit on the bytes a run may write (default 64 MiB); beyond it writes fail with 61 (Disk full). */
  maxOverlayBytes?: number;
  /** ms since the epoch; timestamps of written files (mocked and mapped files carry the time the run started). */
  clock?: () => number;
}

export interface FileInfo {
  /** The path in its canonical casing (as first created or as mocked). */
  path: string;
  name: string;
  isFolder: boolean;
  size: number;
  created: number;
  modified: number;
  layer: 'overlay' | 'mock' | 'mapped' | 'system';
}

/** The VirtualFileSystem with what FileSystemObject needs beyond the shared interface. */
export interface SandboxFileSystem extends VirtualFileSystem {
  readonly isSandboxFileSystem: true;
  /** The simulated current directory (Shell.CurrentDirectory, relative paths). */
  currentDirectory: string;
  /** Absolute path for `windowsPath`; errors 52/76 for malformed paths. */
  resolve(windowsPath: string): WindowsPath;
  stat(windowsPath: string): FileInfo | undefined;
  appendFile(windowsPath: string, data: Buffer): void;
  deleteFolder(windowsPath: string): boolean;
  /** Throws the error the sandbox gives for writing there (70, 52), if any. */
  checkWritable(windowsPath: string): void;
  /**
   * The real file a Windows path's content comes from — a mock file, a file below a mapping, or
   * the overlay copy — so a debugger can open an included script. Undefined for inline mocks.
   */
  realSourceOf(windowsPath: string): string | undefined;
  /** Drive letters that exist. */
  readonly drives: readonly string[];
  /** Bytes written in this run. */
  readonly bytesWritten: number;
}

/** A scenario that points at files that are not there: bad input, reported before anything runs. */
export class SandboxConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxConfigError';
  }
}

export function isSandboxFileSystem(fs: VirtualFileSystem): fs is SandboxFileSystem {
  return (fs as Partial<SandboxFileSystem>).isSandboxFileSystem === true;
}

interface OverlayEntry {
  display: string;
  isFolder: boolean;
  /** File content as written, in pieces (appends stay cheap); joined lazily. */
  chunks: Buffer[];
  size: number;
  created: number;
  modified: number;
  /** Where it is mirrored on the real disk (inside `<outputDir>/fs`). */
  real?: string;
}

interface Mapping {
  win: WindowsPath;
  real: string;
}

type MockSource = { content: string } | { file: string };

/** The folders of a stock Windows server with hMailServer installed in its default location. */
function defaultFolders(currentDirectory: string): string[] {
  const install = parentOf(parseAbsolute(currentDirectory)!);
  const base = [
    'C:\\Windows\\System32\\drivers\\etc',
    'C:\\Windows\\SysWOW64',
    'C:\\Windows\\Temp',
    'C:\\Windows\\System32\\config\\systemprofile\\AppData\\Local\\Temp',
    'C:\\Windows\\System32\\config\\systemprofile\\AppData\\Roaming',
    'C:\\Program Files',
    'C:\\Program Files (x86)',
    'C:\\ProgramData',
    'C:\\Users\\Public',
    currentDirectory,
  ];
  if (install) for (const sub of ['Events', 'Logs', 'Data', 'Temp', 'Database', 'Addons']) base.push(childOf(install, sub).full);
  return base;
}

/**
 * Runs an operation on the real disk (a mapped or mocked file, the overlay mirror). Node's own
 * errors (a file name too long for this machine, no permission on a mapped folder) become the
 * VBScript error the script would see for a failing file operation, not a crash of the run.
 */
function realDisk<T>(fn: () => T, error: number = RuntimeError.PathFileAccessError): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && 'code' in e) raise(error);
    throw e;
  }
}

export function createVirtualFileSystem(options: VirtualFileSystemOptions): SandboxFileSystem {
  return new OverlayFileSystem(options);
}

class OverlayFileSystem implements SandboxFileSystem {
  readonly isSandboxFileSystem = true as const;
  readonly drives: readonly string[];
  private cwd: WindowsPath;
  private readonly clock: () => number;
  private readonly started: number;
  private readonly overlay = new Map<string, OverlayEntry>();
  private readonly tombstones = new Set<string>();
  private readonly mockFiles = new Map<string, { display: string; source: MockSource; data?: Buffer }>();
  /** Folders that exist below the overlay: system folders, parents of mocks and mappings. */
  private readonly baseFolders = new Map<string, string>();
  private readonly mappings: Mapping[] = [];
  private readonly overlayRoot: string | undefined;
  private readonly writable: WindowsPath[] | undefined;
  private readonly maxBytes: number;
  private written = 0;

  constructor(options: VirtualFileSystemOptions) {
    this.clock = options.clock ?? Date.now;
    this.started = this.clock();
    this.drives = (options.drives ?? ['C']).map((d) => d[0].toUpperCase());
    const cwd = parseAbsolute(options.currentDirectory ?? DEFAULT_CURRENT_DIRECTORY);
    if (!cwd) throw new SandboxConfigError(`The current directory must be an absolute Windows path: ${options.currentDirectory}`);
    this.cwd = cwd;
    this.overlayRoot = options.outputDir === undefined ? undefined : nodePath.resolve(options.outputDir, 'fs');
    this.maxBytes = options.maxOverlayBytes ?? 64 * 1024 * 1024;
    this.writable = options.writableFolders?.map((f) => this.absolute(f, 'writable folder'));

    for (const d of this.drives) this.addBaseFolder(parseAbsolute(`${d}:\\`)!);
    for (const f of [...defaultFolders(cwd.full), ...(options.folders ?? [])]) {
      const p = parseAbsolute(f);
      if (p && (p.root.startsWith('\\\\') || this.drives.includes(p.root[0]))) this.addBaseFolder(p);
    }
    for (const [win, target] of Object.entries(options.mocks?.files ?? {})) {
      const p = this.absolute(win, 'mocks.files key');
      let source: MockSource;
      if (typeof target === 'string') {
        const real = nodePath.resolve(options.scenarioDir, target);
        if (!nodeFs.existsSync(real) || !nodeFs.statSync(real).isFile()) throw new SandboxConfigError(`mocks.files: ${win} → ${target}: no such file (${real})`);
        source = { file: real };
      } else if (target && typeof target.content === 'string') {
        source = { content: target.content };
      } else {
        throw new SandboxConfigError(`mocks.files: ${win}: expected a file path or { "content": "…" }`);
      }
      this.mockFiles.set(p.key, { display: p.full, source });
      const parent = parentOf(p);
      if (parent) this.addBaseFolder(parent);
    }
    for (const [win, target] of Object.entries(options.mocks?.pathMappings ?? {})) {
      const p = this.absolute(win, 'mocks.pathMappings key');
      const real = nodePath.resolve(options.scenarioDir, target);
      if (!nodeFs.existsSync(real) || !nodeFs.statSync(real).isDirectory()) throw new SandboxConfigError(`mocks.pathMappings: ${win} → ${target}: no such folder (${real})`);
      this.mappings.push({ win: p, real: nodeFs.realpathSync(real) });
      this.addBaseFolder(p);
    }
    // The most specific mapping wins when mappings nest.
    this.mappings.sort((a, b) => b.win.parts.length - a.win.parts.length);
  }

  private absolute(path: string, what: string): WindowsPath {
    const p = parseAbsolute(path);
    if (!p) throw new SandboxConfigError(`${what} must be an absolute Windows path: ${path}`);
    return p;
  }

  private addBaseFolder(p: WindowsPath): void {
    for (let q: WindowsPath | undefined = p; q && !this.baseFolders.has(q.key); q = parentOf(q)) this.baseFolders.set(q.key, q.full);
  }

  get currentDirectory(): string {
    return this.cwd.full;
  }

  set currentDirectory(value: string) {
    const p = this.resolve(value);
    if (!this.stat(p.full)?.isFolder) raise(RuntimeError.PathNotFound);
    this.cwd = p;
  }

  get bytesWritten(): number {
    return this.written;
  }

  resolve(windowsPath: string): WindowsPath {
    return resolveWindowsPath(windowsPath, this.cwd.full);
  }

  // ------------------------------------------------------------------ lookups

  private hidden(key: string): boolean {
    return this.tombstones.size > 0 && this.tombstones.has(key);
  }

  /** The real path below a mapping, matched case-insensitively, never leaving the mapped folder. */
  private mapped(p: WindowsPath): string | undefined {
    for (const m of this.mappings) {
      if (p.root.toLowerCase() !== m.win.root.toLowerCase() || p.parts.length < m.win.parts.length) continue;
      if (!m.win.parts.every((part, i) => part.toLowerCase() === p.parts[i].toLowerCase())) continue;
      let real = m.real;
      for (const part of p.parts.slice(m.win.parts.length)) {
        let names: string[];
        try {
          names = nodeFs.readdirSync(real);
        } catch {
          return undefined;
        }
        const lower = part.toLowerCase();
        const hit = names.find((n) => n === part) ?? names.find((n) => n.toLowerCase() === lower);
        if (hit === undefined) return undefined;
        real = nodePath.join(real, hit);
      }
      try {
        const resolved = nodeFs.realpathSync(real);
        if (resolved !== m.real && !resolved.startsWith(m.real + nodePath.sep)) return undefined;
        return resolved;
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  private statPath(p: WindowsPath): FileInfo | undefined {
    if (this.hidden(p.key)) return undefined;
    const o = this.overlay.get(p.key);
    if (o) return { path: o.display, name: nameOf(parseAbsolute(o.display)!), isFolder: o.isFolder, size: o.size, created: o.created, modified: o.modified, layer: 'overlay' };
    const mock = this.mockFiles.get(p.key);
    if (mock) return { path: mock.display, name: nameOf(parseAbsolute(mock.display)!), isFolder: false, size: this.mockData(mock).length, created: this.started, modified: this.started, layer: 'mock' };
    const real = this.mapped(p);
    if (real !== undefined) {
      const st = realDisk(() => nodeFs.statSync(real), RuntimeError.PermissionDenied);
      const display = this.displayOf(p, real);
      return { path: display, name: nameOf(parseAbsolute(display)!), isFolder: st.isDirectory(), size: st.isDirectory() ? 0 : st.size, created: this.started, modified: this.started, layer: 'mapped' };
    }
    const base = this.baseFolders.get(p.key);
    if (base !== undefined) return { path: base, name: nameOf(parseAbsolute(base)!), isFolder: true, size: 0, created: this.started, modified: this.started, layer: 'system' };
    return undefined;
  }

  /** A mapped entry's path with the real names' casing below the mapping. */
  private displayOf(p: WindowsPath, real: string): string {
    const m = this.mappings.find((x) => p.key === x.win.key || p.key.startsWith(x.win.key + '\\'))!;
    const rel = nodePath.relative(m.real, real);
    return rel === '' ? m.win.full : `${m.win.full}\\${rel.split(nodePath.sep).join('\\')}`;
  }

  private mockData(mock: { source: MockSource; data?: Buffer }): Buffer {
    // Inline content is what FileSystemObject would have written: ANSI text.
    mock.data ??= 'content' in mock.source ? encodeAnsi(mock.source.content) : realDisk(() => nodeFs.readFileSync((mock.source as { file: string }).file), RuntimeError.PermissionDenied);
    return mock.data;
  }

  stat(windowsPath: string): FileInfo | undefined {
    return this.statPath(this.resolve(windowsPath));
  }

  fileExists(windowsPath: string): boolean {
    return this.stat(windowsPath)?.isFolder === false;
  }

  folderExists(windowsPath: string): boolean {
    return this.stat(windowsPath)?.isFolder === true;
  }

  readFile(windowsPath: string): Buffer | undefined {
    const p = this.resolve(windowsPath);
    if (this.hidden(p.key)) return undefined;
    const o = this.overlay.get(p.key);
    if (o) {
      if (o.isFolder) return undefined;
      if (o.chunks.length > 1) o.chunks = [Buffer.concat(o.chunks)];
      return o.chunks[0] ?? Buffer.alloc(0);
    }
    const mock = this.mockFiles.get(p.key);
    if (mock) return this.mockData(mock);
    const real = this.mapped(p);
    if (real !== undefined) return realDisk(() => (nodeFs.statSync(real).isFile() ? nodeFs.readFileSync(real) : undefined), RuntimeError.PermissionDenied);
    return undefined;
  }

  list(windowsPath: string): Array<{ name: string; isFolder: boolean; size: number }> {
    const p = this.resolve(windowsPath);
    const found = new Map<string, { name: string; isFolder: boolean; size: number }>();
    const consider = (display: string) => {
      const entry = parseAbsolute(display)!;
      const parent = parentOf(entry);
      if (!parent || parent.key !== p.key) return;
      const lower = nameOf(entry).toLowerCase();
      if (found.has(lower)) return;
      const info = this.statPath(entry);
      if (info) found.set(lower, { name: info.name, isFolder: info.isFolder, size: info.size });
    };
    for (const o of this.overlay.values()) consider(o.display);
    for (const m of this.mockFiles.values()) consider(m.display);
    for (const display of this.baseFolders.values()) consider(display);
    const real = this.mapped(p);
    if (real !== undefined && realDisk(() => nodeFs.statSync(real).isDirectory(), RuntimeError.PermissionDenied)) {
      for (const name of realDisk(() => nodeFs.readdirSync(real), RuntimeError.PermissionDenied)) {
        // Names Windows could not have (and could not be asked for) stay invisible.
        if (/[<>"|?*:\\\x00-\x1f]/.test(name)) continue;
        consider(childOf(p, name).full);
      }
    }
    return [...found.values()].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
  }

  realSourceOf(windowsPath: string): string | undefined {
    const p = this.resolve(windowsPath);
    if (this.hidden(p.key)) return undefined;
    const o = this.overlay.get(p.key);
    if (o) return o.isFolder ? undefined : o.real;
    const mock = this.mockFiles.get(p.key);
    if (mock) return 'file' in mock.source ? mock.source.file : undefined;
    return this.mapped(p);
  }

  overlayPath(windowsPath: string): string | undefined {
    return this.overlay.get(this.resolve(windowsPath).key)?.real;
  }

  // ------------------------------------------------------------------ writes (overlay only)

  checkWritable(windowsPath: string): void {
    this.writablePath(this.resolve(windowsPath));
  }

  private writablePath(p: WindowsPath): void {
    if (p.parts.some(isDeviceName)) raise(RuntimeError.PermissionDenied);
    if (this.writable && !this.writable.some((w) => p.key === w.key || p.key.startsWith(w.key.endsWith('\\') ? w.key : w.key + '\\'))) raise(RuntimeError.PermissionDenied);
  }

  /** Where an overlay entry is mirrored: below `<outputDir>/fs`, checked to stay there. */
  private realPathFor(p: WindowsPath, parent: OverlayEntry | undefined): string | undefined {
    if (this.overlayRoot === undefined) return undefined;
    const real = parent?.real !== undefined ? nodePath.join(parent.real, nameOf(p)) : nodePath.join(this.overlayRoot, ...overlayRootSegments(p.root), ...p.parts);
    if (!real.startsWith(this.overlayRoot + nodePath.sep)) raise(RuntimeError.PermissionDenied);
    return real;
  }

  /** Makes `p` an overlay folder (and its parents), in the casing already known for each. */
  private ensureFolder(p: WindowsPath): OverlayEntry | undefined {
    const existing = this.overlay.get(p.key);
    if (existing?.isFolder) return existing;
    if (existing) raise(RuntimeError.PathNotFound);
    const parentPath = parentOf(p);
    const parent = parentPath ? this.ensureFolder(parentPath) : undefined;
    const below = this.statPath(p);
    if (below && !below.isFolder) raise(RuntimeError.PathNotFound);
    // A drive or share that does not exist cannot be created by writing below it.
    if (!below && p.parts.length === 0) raise(RuntimeError.PathNotFound);
    const display = below?.path ?? (parent ? `${parent.display.replace(/\\$/, '')}\\${nameOf(p)}` : p.full);
    const now = this.clock();
    const entry: OverlayEntry = { display, isFolder: true, chunks: [], size: 0, created: below?.created ?? now, modified: below?.modified ?? now };
    entry.real = this.realPathFor(parseAbsolute(display)!, parent);
    if (entry.real !== undefined) realDisk(() => nodeFs.mkdirSync(entry.real!, { recursive: true }));
    this.overlay.set(p.key, entry);
    this.tombstones.delete(p.key);
    return entry;
  }

  createFolder(windowsPath: string): void {
    const p = this.resolve(windowsPath);
    this.writablePath(p);
    this.ensureFolder(p);
  }

  private putFile(p: WindowsPath, data: Buffer, append: boolean): void {
    this.writablePath(p);
    const info = this.statPath(p);
    if (info?.isFolder) raise(RuntimeError.PermissionDenied);
    if (this.written + data.length > this.maxBytes) raise(RuntimeError.DiskFull);
    const parentPath = parentOf(p);
    const parent = parentPath ? this.ensureFolder(parentPath) : undefined;
    let entry = this.overlay.get(p.key);
    const now = this.clock();
    if (!entry) {
      // Copy-on-write: appending to a mocked or mapped file starts from its content.
      const lower = append && info ? this.readFile(p.full) : undefined;
      const display = info?.path ?? (parent ? `${parent.display.replace(/\\$/, '')}\\${nameOf(p)}` : p.full);
      entry = { display, isFolder: false, chunks: lower ? [lower] : [], size: lower?.length ?? 0, created: info?.created ?? now, modified: now };
      const real = this.realPathFor(parseAbsolute(display)!, parent);
      entry.real = real;
      this.overlay.set(p.key, entry);
      this.tombstones.delete(p.key);
      if (lower && real !== undefined) realDisk(() => nodeFs.writeFileSync(real, lower));
    }
    if (append) {
      entry.chunks.push(data);
      entry.size += data.length;
    } else {
      entry.chunks = [data];
      entry.size = data.length;
    }
    entry.modified = now;
    this.written += data.length;
    if (entry.real !== undefined) {
      const real = entry.real;
      realDisk(() => (append ? nodeFs.appendFileSync(real, data) : nodeFs.writeFileSync(real, data)));
    }
  }

  writeFile(windowsPath: string, data: Buffer | string): void {
    this.putFile(this.resolve(windowsPath), typeof data === 'string' ? Buffer.from(data, 'utf8') : data, false);
  }

  appendFile(windowsPath: string, data: Buffer): void {
    this.putFile(this.resolve(windowsPath), data, true);
  }

  deleteFile(windowsPath: string): boolean {
    const p = this.resolve(windowsPath);
    const info = this.statPath(p);
    if (!info || info.isFolder) return false;
    this.writablePath(p);
    this.removeEntry(p.key);
    return true;
  }

  deleteFolder(windowsPath: string): boolean {
    const p = this.resolve(windowsPath);
    const info = this.statPath(p);
    if (!info?.isFolder) return false;
    this.writablePath(p);
    if (p.parts.length === 0) raise(RuntimeError.PermissionDenied);
    for (const child of this.list(p.full)) {
      const c = childOf(p, child.name);
      if (child.isFolder) this.deleteFolder(c.full);
      else this.removeEntry(c.key);
    }
    this.removeEntry(p.key);
    return true;
  }

  /** Drops an overlay entry (and its mirror) and hides whatever a lower layer has there. */
  private removeEntry(key: string): void {
    const o = this.overlay.get(key);
    if (o) {
      this.overlay.delete(key);
      if (o.real !== undefined && this.overlayRoot !== undefined && o.real.startsWith(this.overlayRoot + nodePath.sep)) {
        realDisk(() => nodeFs.rmSync(o.real!, { recursive: true, force: true }));
      }
    }
    this.tombstones.add(key);
  }
}
