/**
 * ADODB.Stream: the byte/text buffer scripts use to read and write UTF-8 files (which
 * FileSystemObject cannot) and to save an HTTP `responseBody`. Content lives in memory;
 * LoadFromFile and SaveToFile go through the virtual file system and are recorded like
 * FileSystemObject's reads and writes. Text is encoded with `Charset` (default "Unicode",
 * i.e. UTF-16LE); writing text at the start of an empty stream writes the charset's BOM, as
 * ADO does for Unicode and UTF-8.
 */
import { raise, RuntimeError } from '../runtime/errors.js';
import { ComObject, HostError, MemberTable } from '../runtime/objects/comObject.js';
import { VbsArray } from '../runtime/values/array.js';
import { toLong, toNumber, toStr } from '../runtime/values/coerce.js';
import { makeLong, type Value } from '../runtime/values/variant.js';
import { method, optLong, prop } from './args.js';
import type { SimulationContext } from './context.js';
import { decodeAnsi, encodeAnsi } from './fileSystem/encoding.js';
import { recorded, sandboxFs } from './fileSystem/operations.js';
import { parentOf } from './fileSystem/paths.js';
import { byteArray } from './values.js';

const ERRORS: Record<number, string> = {
  3001: 'Arguments are of the wrong type, are out of acceptable range, or are in conflict with one another.',
  3002: 'File could not be opened.',
  3004: 'Write to file failed.',
  3219: 'Operation is not allowed in this context.',
  3704: 'Operation is not allowed when the object is closed.',
  3705: 'Operation is not allowed when the object is open.',
};

function streamError(code: number): never {
  throw new HostError((0x800a0000 | code) >>> 0, ERRORS[code], 'ADODB.Stream');
}

const adTypeBinary = 1;
const adTypeText = 2;

interface Charset {
  encode(text: string): Buffer;
  decode(bytes: Buffer): string;
  bom: Buffer;
}

const utf16: Charset = { encode: (t) => Buffer.from(t, 'utf16le'), decode: (b) => b.toString('utf16le'), bom: Buffer.from([0xff, 0xfe]) };
const utf8: Charset = { encode: (t) => Buffer.from(t, 'utf8'), decode: (b) => b.toString('utf8'), bom: Buffer.from([0xef, 0xbb, 0xbf]) };
const ansi: Charset = { encode: encodeAnsi, decode: decodeAnsi, bom: Buffer.alloc(0) };
const ascii: Charset = { encode: (t) => Buffer.from(t.replace(/[^\x00-\x7f]/g, '?'), 'latin1'), decode: (b) => b.toString('latin1').replace(/[^\x00-\x7f]/g, '?'), bom: Buffer.alloc(0) };

const CHARSETS: Record<string, Charset> = {
  unicode: utf16,
  'utf-16': utf16,
  'utf-16le': utf16,
  'utf-8': utf8,
  utf8,
  'windows-1252': ansi,
  'iso-8859-1': ansi,
  'x-ansi': ansi,
  'us-ascii': ascii,
  ascii,
};

export class AdoStream extends ComObject {
  type = adTypeText;
  charset = 'Unicode';
  lineSeparator = -1;
  open = false;
  data = Buffer.alloc(0);
  position = 0;

  constructor(readonly ctx: SimulationContext) {
    super(streamTable, 'Stream');
  }

  live(): void {
    if (!this.open) streamError(3704);
  }

  get codec(): Charset {
    return CHARSETS[this.charset.toLowerCase()] ?? streamError(3001);
  }

  get separator(): string {
    return this.lineSeparator === 10 ? '\n' : this.lineSeparator === 13 ? '\r' : '\r\n';
  }

  writeBytes(bytes: Buffer): void {
    this.live();
    const end = this.position + bytes.length;
    const next = Buffer.alloc(Math.max(this.data.length, end));
    this.data.copy(next);
    bytes.copy(next, this.position);
    this.data = next;
    this.position = end;
  }

  writeText(text: string): void {
    this.live();
    if (this.type !== adTypeText) streamError(3219);
    const codec = this.codec;
    if (this.data.length === 0 && this.position === 0) this.writeBytes(codec.bom);
    this.writeBytes(codec.encode(text));
  }

  readText(count: number): string {
    this.live();
    if (this.type !== adTypeText) streamError(3219);
    const codec = this.codec;
    // Reading from the start skips the charset's byte-order mark.
    if (this.position === 0 && codec.bom.length > 0 && this.data.subarray(0, codec.bom.length).equals(codec.bom)) this.position = codec.bom.length;
    const rest = codec.decode(this.data.subarray(this.position));
    let text: string;
    if (count === -2) {
      const at = rest.indexOf(this.separator);
      text = at < 0 ? rest : rest.slice(0, at);
      this.position += codec.encode(at < 0 ? text : text + this.separator).length;
      return text;
    }
    text = count < 0 ? rest : rest.slice(0, count);
    this.position += codec.encode(text).length;
    return text;
  }

  readBytes(count: number): Value {
    this.live();
    if (this.type !== adTypeBinary) streamError(3219);
    const bytes = this.data.subarray(this.position, count < 0 ? undefined : this.position + count);
    this.position += bytes.length;
    // An empty read gives Null, as ADO does.
    return bytes.length === 0 ? null : byteArray(bytes);
  }

  loadFromFile(path: string): void {
    this.live();
    const fs = sandboxFs(this.ctx);
    this.data = recorded(this.ctx, 'file-read', () => fs.stat(path)?.path ?? path, () => {
      const info = fs.stat(path);
      if (!info || info.isFolder) streamError(3002);
      return Buffer.from(fs.readFile(info.path) ?? Buffer.alloc(0));
    }, (b) => `ADODB.Stream.LoadFromFile: ${b.length} bytes`);
    this.position = 0;
  }

  saveToFile(path: string, options: number): void {
    this.live();
    const fs = sandboxFs(this.ctx);
    recorded(this.ctx, 'file-write', () => fs.stat(path)?.path ?? path, () => {
      const p = fs.resolve(path);
      const info = fs.stat(p.full);
      if (info?.isFolder || (info && (options & 2) === 0)) streamError(3004);
      const parent = parentOf(p);
      if (!parent || !fs.stat(parent.full)?.isFolder) streamError(3004);
      fs.writeFile(p.full, Buffer.from(this.data));
    }, () => `ADODB.Stream.SaveToFile: ${this.data.length} bytes; overlay: ${fs.overlayPath(path) ?? '(memory)'}`);
  }
}

/** A byte array argument (Write): a VBScript array of numbers or bytes, or a string's UTF-16 code units. */
function bytesOf(v: Value): Buffer {
  if (v instanceof VbsArray) return Buffer.from(v.data.map((x) => toNumber(x) & 0xff));
  if (v === null || v === undefined) return Buffer.alloc(0);
  return raise(RuntimeError.TypeMismatch, 'Write');
}

const streamTable = new MemberTable<AdoStream>({
  Type: prop('Type', (s) => makeLong(s.type), (s, v) => {
    const t = toLong(v);
    if ((t !== adTypeBinary && t !== adTypeText) || (s.open && s.position !== 0)) streamError(3001);
    s.type = t;
  }),
  Charset: prop('Charset', (s) => s.charset, (s, v) => {
    const name = toStr(v);
    if (!(name.toLowerCase() in CHARSETS) || (s.open && s.position !== 0)) streamError(3001);
    s.charset = name;
  }),
  LineSeparator: prop('LineSeparator', (s) => makeLong(s.lineSeparator), (s, v) => void (s.lineSeparator = toLong(v))),
  State: prop('State', (s) => makeLong(s.open ? 1 : 0)),
  Mode: prop('Mode', () => makeLong(3)),
  Size: prop('Size', (s) => {
    s.live();
    return makeLong(s.data.length);
  }),
  Position: prop('Position', (s) => {
    s.live();
    return makeLong(s.position);
  }, (s, v) => {
    s.live();
    const p = toLong(v);
    if (p < 0 || p > s.data.length) streamError(3001);
    s.position = p;
  }),
  EOS: prop('EOS', (s) => {
    s.live();
    return s.position >= s.data.length;
  }),
  Open: method('Open', 0, 5, (s) => {
    if (s.open) streamError(3705);
    s.open = true;
    s.data = Buffer.alloc(0);
    s.position = 0;
    return undefined;
  }),
  Close: method('Close', 0, 0, (s) => {
    s.live();
    s.open = false;
    return undefined;
  }),
  Write: method('Write', 1, 1, (s, a) => {
    if (s.type !== adTypeBinary) streamError(3219);
    s.writeBytes(bytesOf(a[0]));
    return undefined;
  }),
  WriteText: method('WriteText', 1, 2, (s, a) => {
    s.writeText(toStr(a[0]) + (optLong(a, 1, 0) === 1 ? s.separator : ''));
    return undefined;
  }),
  Read: method('Read', 0, 1, (s, a) => s.readBytes(optLong(a, 0, -1))),
  ReadText: method('ReadText', 0, 1, (s, a) => s.readText(optLong(a, 0, -1))),
  SkipLine: method('SkipLine', 0, 0, (s) => {
    s.readText(-2);
    return undefined;
  }),
  SetEOS: method('SetEOS', 0, 0, (s) => {
    s.live();
    s.data = s.data.subarray(0, s.position);
    return undefined;
  }),
  Flush: method('Flush', 0, 0, () => undefined),
  CopyTo: method('CopyTo', 1, 2, (s, a) => {
    if (!(a[0] instanceof AdoStream)) raise(RuntimeError.TypeMismatch, 'CopyTo');
    s.live();
    const n = optLong(a, 1, -1);
    const bytes = s.data.subarray(s.position, n < 0 ? undefined : s.position + n);
    s.position += bytes.length;
    a[0].writeBytes(Buffer.from(bytes));
    return undefined;
  }),
  LoadFromFile: method('LoadFromFile', 1, 1, (s, a) => {
    s.loadFromFile(toStr(a[0]));
    return undefined;
  }),
  SaveToFile: method('SaveToFile', 1, 2, (s, a) => {
    s.saveToFile(toStr(a[0]), optLong(a, 1, 1));
    return undefined;
  }),
});

export function createStream(ctx: SimulationContext): AdoStream {
  return new AdoStream(ctx);
}
