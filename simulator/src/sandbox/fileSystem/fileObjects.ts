/**
 * FileSystemObject's File, Folder, Files, Folders, Drive and Drives objects. Each holds a path
 * and looks the entry up on every access (a File whose file was deleted raises 53, a Folder 76),
 * so they always show the current state of the virtual file system.
 */
import { raise, RuntimeError } from '../../runtime/errors.js';
import { ComObject, MemberTable, Nothing } from '../../runtime/objects/comObject.js';
import { toLong, toStr } from '../../runtime/values/coerce.js';
import { makeDouble, makeLong, type Value } from '../../runtime/values/variant.js';
import { method, optBool, optLong, prop } from '../args.js';
import type { SimulationContext } from '../context.js';
import { sandboxState } from '../environment.js';
import { localDate } from '../values.js';
import { childOf, getExtensionName, parentOf, parseAbsolute } from './paths.js';
import { copyFiles, copyFolders, createFolder, deleteFile, deleteFolders, folderSize, openTextStream, rename, sandboxFs, ForWriting } from './operations.js';
import type { FileInfo } from './virtualFileSystem.js';

/** File types as Explorer names them (File.Type); others read "<EXT> File". */
const FILE_TYPES: Record<string, string> = {
  txt: 'Text Document',
  log: 'Text Document',
  vbs: 'VBScript Script File',
  js: 'JavaScript File',
  eml: 'Internet E-Mail Message',
  ini: 'Configuration settings',
  exe: 'Application',
  dll: 'Application extension',
  zip: 'Compressed (zipped) Folder',
  csv: 'Microsoft Excel Comma Separated Values File',
  xml: 'XML Document',
  htm: 'HTML Document',
  html: 'HTML Document',
};

const ATTR_DIRECTORY = 16;
const ATTR_ARCHIVE = 32;

/** Short names of the standard folders whose prefixes collide on every Windows installation. */
const KNOWN_SHORT_NAMES: Record<string, string> = {
  'program files': 'PROGRA~1',
  'program files (x86)': 'PROGRA~2',
  programdata: 'PROGRA~3',
};

/**
 * The 8.3 name Windows generates for a long name (`EventHandlers.vbs` → `EVENTH~1.VBS`); names
 * that already fit 8.3 keep their spelling. Apart from the standard folders above, the `~N`
 * counter is always 1: collisions between long names with the same prefix are not modelled.
 */
export function shortName(name: string): string {
  const known = KNOWN_SHORT_NAMES[name.toLowerCase()];
  if (known) return known;
  const dot = name.lastIndexOf('.');
  const base = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot + 1) : '';
  const valid = /^[A-Za-z0-9_$~!#%&\-{}()@'`^]+$/;
  if (base.length <= 8 && ext.length <= 3 && valid.test(base) && (ext === '' || valid.test(ext))) return name;
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_$~!#%&\-{}()@'`^]/g, '').toUpperCase();
  const e = clean(ext).slice(0, 3);
  return `${clean(base).slice(0, 6)}~1${e ? `.${e}` : ''}`;
}

abstract class Entry extends ComObject {
  protected constructor(
    table: MemberTable<never>,
    typeName: string,
    readonly ctx: SimulationContext,
    public path: string,
  ) {
    super(table, typeName);
  }

  protected abstract readonly missingError: number;

  info(): FileInfo {
    const info = sandboxFs(this.ctx).stat(this.path);
    if (!info || info.isFolder !== (this.missingError === RuntimeError.PathNotFound)) raise(this.missingError);
    return info;
  }

  get name(): string {
    return this.info().name;
  }

  setName(value: string): void {
    this.path = rename(this.ctx, this.info(), value);
  }

  parentFolder(): Value {
    const parent = parentOf(parseAbsolute(this.info().path)!);
    return parent ? new Folder(this.ctx, parent.full) : Nothing;
  }

  getAttributes(isFolder: boolean): number {
    const key = sandboxFs(this.ctx).resolve(this.info().path).key;
    return sandboxState(this.ctx).attributes.get(key) ?? (isFolder ? ATTR_DIRECTORY : ATTR_ARCHIVE);
  }

  /** Only the settable bits (read-only, hidden, system, archive) change, as on Windows; kept for the run. */
  setAttributes(value: number, isFolder: boolean): void {
    const key = sandboxFs(this.ctx).resolve(this.info().path).key;
    sandboxState(this.ctx).attributes.set(key, (value & 0x27) | (isFolder ? ATTR_DIRECTORY : 0));
  }

  drive(): Drive {
    return new Drive(this.ctx, this.info().path.slice(0, 2));
  }
}

function entryMembers<T extends Entry>(isFolder: boolean) {
  return {
    Name: prop<T>('Name', (e) => e.name, (e, v) => e.setName(toStr(v))),
    Path: prop<T>('Path', (e) => e.info().path),
    ShortName: prop<T>('ShortName', (e) => shortName(e.name)),
    ShortPath: prop<T>('ShortPath', (e) => {
      const p = parseAbsolute(e.info().path)!;
      return [p.root, ...p.parts.map(shortName)].join('\\');
    }),
    DateCreated: prop<T>('DateCreated', (e) => localDate(e.ctx, e.info().created)),
    DateLastModified: prop<T>('DateLastModified', (e) => localDate(e.ctx, e.info().modified)),
    DateLastAccessed: prop<T>('DateLastAccessed', (e) => localDate(e.ctx, e.info().modified)),
    Attributes: prop<T>('Attributes', (e) => makeLong(e.getAttributes(isFolder)), (e, v) => e.setAttributes(toLong(v), isFolder)),
    ParentFolder: prop<T>('ParentFolder', (e) => e.parentFolder()),
    Drive: prop<T>('Drive', (e) => e.drive()),
  };
}

export class File extends Entry {
  protected readonly missingError = RuntimeError.FileNotFound;
  constructor(ctx: SimulationContext, path: string) {
    super(fileTable as MemberTable<never>, 'File', ctx, path);
  }
}

const fileTable = new MemberTable<File>(
  {
    ...entryMembers<File>(false),
    Size: prop('Size', (f) => makeLong(f.info().size)),
    Type: prop('Type', (f) => {
      const ext = getExtensionName(f.info().path);
      return FILE_TYPES[ext.toLowerCase()] ?? (ext ? `${ext.toUpperCase()} File` : 'File');
    }),
    Delete: method('Delete', 0, 1, (f) => {
      deleteFile(f.ctx, f.info().path);
      return undefined;
    }),
    Copy: method('Copy', 1, 2, (f, a) => {
      copyFiles(f.ctx, f.info().path, toStr(a[0]), optBool(a, 1, true), false);
      return undefined;
    }),
    Move: method('Move', 1, 1, (f, a) => {
      const from = f.info();
      const dest = toStr(a[0]);
      copyFiles(f.ctx, from.path, dest, false, true);
      const d = sandboxFs(f.ctx).resolve(dest);
      f.path = /[\\/]$/.test(dest) ? childOf(d, from.name).full : d.full;
      return undefined;
    }),
    OpenAsTextStream: method('OpenAsTextStream', 0, 2, (f, a) => openTextStream(f.ctx, f.info().path, optLong(a, 0, 1), false, optLong(a, 1, 0))),
  },
  { defaultMember: 'Path' },
);

export class Folder extends Entry {
  protected readonly missingError = RuntimeError.PathNotFound;
  constructor(ctx: SimulationContext, path: string) {
    super(folderTable as MemberTable<never>, 'Folder', ctx, path);
  }

  children(folders: boolean): FileInfo[] {
    const fs = sandboxFs(this.ctx);
    const self = parseAbsolute(this.info().path)!;
    return fs
      .list(self.full)
      .filter((e) => e.isFolder === folders)
      .map((e) => fs.stat(childOf(self, e.name).full)!);
  }
}

const folderTable = new MemberTable<Folder>(
  {
    ...entryMembers<Folder>(true),
    Size: prop('Size', (f) => makeDouble(folderSize(sandboxFs(f.ctx), parseAbsolute(f.info().path)!))),
    Type: prop('Type', () => 'File folder'),
    IsRootFolder: prop('IsRootFolder', (f) => parseAbsolute(f.info().path)!.parts.length === 0),
    Files: prop('Files', (f) => new EntryCollection(f, false)),
    SubFolders: prop('SubFolders', (f) => new EntryCollection(f, true)),
    CreateTextFile: method('CreateTextFile', 1, 3, (f, a) =>
      openTextStream(f.ctx, childOf(parseAbsolute(f.info().path)!, toStr(a[0])).full, ForWriting, true, optBool(a, 2, false) ? -1 : 0, !optBool(a, 1, true)),
    ),
    Delete: method('Delete', 0, 1, (f) => {
      deleteFolders(f.ctx, f.info().path);
      return undefined;
    }),
    Copy: method('Copy', 1, 2, (f, a) => {
      copyFolders(f.ctx, f.info().path, toStr(a[0]), optBool(a, 1, true), false);
      return undefined;
    }),
    Move: method('Move', 1, 1, (f, a) => {
      const from = f.info();
      copyFolders(f.ctx, from.path, toStr(a[0]), false, true);
      const fs = sandboxFs(f.ctx);
      const d = fs.resolve(toStr(a[0]));
      f.path = /[\\/]$/.test(toStr(a[0])) ? childOf(d, from.name).full : d.full;
      return undefined;
    }),
  },
  { defaultMember: 'Path' },
);

/** Folder.Files / Folder.SubFolders: a snapshot taken when the property is read. */
class EntryCollection extends ComObject {
  private readonly items: FileInfo[];

  constructor(
    private readonly folder: Folder,
    readonly folders: boolean,
  ) {
    super(collectionTable, folders ? 'Folders' : 'Files');
    this.items = folder.children(folders);
  }

  get count(): number {
    return this.items.length;
  }

  wrap(info: FileInfo): Entry {
    return this.folders ? new Folder(this.folder.ctx, info.path) : new File(this.folder.ctx, info.path);
  }

  item(key: Value): Entry {
    const name = toStr(key).toLowerCase();
    const hit = this.items.find((i) => i.name.toLowerCase() === name);
    if (!hit) raise(this.folders ? RuntimeError.PathNotFound : RuntimeError.FileNotFound);
    return this.wrap(hit);
  }

  add(name: string): Folder {
    if (!this.folders) raise(RuntimeError.PropertyOrMethodNotSupported, 'Add');
    const path = createFolder(this.folder.ctx, childOf(parseAbsolute(this.folder.info().path)!, name).full);
    return new Folder(this.folder.ctx, path);
  }

  enumerate(): Iterable<Value> {
    return this.items.map((i) => this.wrap(i));
  }
}

const collectionTable = new MemberTable<EntryCollection>(
  {
    Count: prop('Count', (c) => makeLong(c.count)),
    Item: method('Item', 1, 1, (c, a) => c.item(a[0]), true),
    Add: method('Add', 1, 1, (c, a) => c.add(toStr(a[0]))),
  },
  { defaultMember: 'Item' },
);

// ------------------------------------------------------------------ drives

/** A fixed NTFS disk of fixed size, so reports do not depend on the machine running the simulation. */
const TOTAL_SIZE = 274_877_906_944;
const FREE_SPACE = 137_438_953_472;

export class Drive extends ComObject {
  readonly letter: string;
  constructor(
    readonly ctx: SimulationContext,
    spec: string,
  ) {
    super(driveTable, 'Drive');
    const letter = /^([A-Za-z])(:|:\\)?$/.exec(spec.trim())?.[1]?.toUpperCase();
    if (!letter || !sandboxFs(ctx).drives.includes(letter)) raise(RuntimeError.DeviceUnavailable);
    this.letter = letter;
  }
}

const driveTable = new MemberTable<Drive>(
  {
    DriveLetter: prop('DriveLetter', (d) => d.letter),
    Path: prop('Path', (d) => `${d.letter}:`),
    RootFolder: prop('RootFolder', (d) => new Folder(d.ctx, `${d.letter}:\\`)),
    DriveType: prop('DriveType', () => 2),
    FileSystem: prop('FileSystem', () => 'NTFS'),
    IsReady: prop('IsReady', () => true),
    SerialNumber: prop('SerialNumber', (d) => makeLong(0x1c2b3a40 + d.letter.charCodeAt(0))),
    ShareName: prop('ShareName', () => ''),
    VolumeName: prop('VolumeName', () => ''),
    TotalSize: prop('TotalSize', () => makeDouble(TOTAL_SIZE)),
    FreeSpace: prop('FreeSpace', (d) => makeDouble(FREE_SPACE - sandboxFs(d.ctx).bytesWritten)),
    AvailableSpace: prop('AvailableSpace', (d) => makeDouble(FREE_SPACE - sandboxFs(d.ctx).bytesWritten)),
  },
  { defaultMember: 'Path' },
);

export class Drives extends ComObject {
  constructor(readonly ctx: SimulationContext) {
    super(drivesTable, 'Drives');
  }
  enumerate(): Iterable<Value> {
    return sandboxFs(this.ctx).drives.map((d) => new Drive(this.ctx, d));
  }
}

const drivesTable = new MemberTable<Drives>(
  {
    Count: prop('Count', (d) => makeLong(sandboxFs(d.ctx).drives.length)),
    Item: method('Item', 1, 1, (d, a) => new Drive(d.ctx, toStr(a[0])), true),
  },
  { defaultMember: 'Item' },
);
