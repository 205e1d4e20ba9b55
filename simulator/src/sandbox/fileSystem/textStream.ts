/**
 * Scripting.TextStream: a file opened by FileSystemObject (or a process's StdOut/StdErr/StdIn
 * from WshShell.Exec). Reads work on the text decoded when the stream was opened; writes go
 * through to the virtual file system at once, so a later `OpenTextFile` in the same run sees
 * them. Line ends: WriteLine writes CRLF; ReadLine accepts CRLF, LF and CR.
 *
 * Errors as scrrun.dll gives them: 62 reading past the end, 54 reading a stream opened for
 * writing (or the other way round), 52 on a closed stream.
 */
import { raise, RuntimeError } from '../../runtime/errors.js';
import { ComObject, MemberTable } from '../../runtime/objects/comObject.js';
import { toLong, toStr } from '../../runtime/values/coerce.js';
import { makeLong } from '../../runtime/values/variant.js';
import { method, prop } from '../args.js';
import type { SimulationContext } from '../context.js';
import { rememberFileText, sandboxState } from '../environment.js';
import type { SandboxFileSystem } from './virtualFileSystem.js';
import { encodeText, type TextFormat } from './encoding.js';

export type StreamMode = 'read' | 'write' | 'append';

export interface TextStreamTarget {
  /** Where writes go: a file of the virtual file system, or a sink (a process's StdIn). */
  file?: { fs: SandboxFileSystem; path: string; key: string; format: TextFormat };
  sink?: (text: string) => void;
}

export class TextStream extends ComObject {
  private pos = 0;
  private lineNo = 1;
  private col = 1;
  private closed = false;
  private lastWasCr = false;
  /** What the open-file table holds for sharing checks. */
  readonly handle: { writing: boolean; held(): boolean; close(): void };
  /** References the script holds (variables, fields, containers), mirrored from the base class's count. */
  private refs = 0;

  constructor(
    private readonly ctx: SimulationContext | undefined,
    readonly mode: StreamMode,
    private readonly text: string,
    private readonly target: TextStreamTarget = {},
  ) {
    super(table, 'TextStream');
    this.handle = { writing: mode !== 'read', held: () => this.refs > 0, close: () => this.close() };
    const key = target.file?.key;
    if (ctx && key !== undefined) {
      const open = sandboxState(ctx).openFiles;
      let set = open.get(key);
      if (!set) open.set(key, (set = new Set()));
      set.add(this.handle);
    }
  }


  close(): void {
    if (this.closed) return;
    this.closed = true;
    const key = this.target.file?.key;
    if (this.ctx && key !== undefined) {
      const open = sandboxState(this.ctx).openFiles;
      open.get(key)?.delete(this.handle);
      if (open.get(key)?.size === 0) open.delete(key);
    }
  }

  override addRef(): void {
    this.refs++;
    super.addRef();
  }

  override release(): void {
    if (this.refs > 0) this.refs--;
    super.release();
  }

  protected override finalRelease(): void {
    // Dropping the last reference closes the file, as releasing the COM object does.
    this.close();
  }

  private live(): void {
    if (this.closed) raise(RuntimeError.BadFileNameOrNumber);
  }

  private reading(): void {
    this.live();
    if (this.mode !== 'read') raise(RuntimeError.BadFileMode);
  }

  private writing(): void {
    this.live();
    if (this.mode === 'read') raise(RuntimeError.BadFileMode);
  }

  get atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  atEndOfStream(): boolean {
    this.reading();
    return this.atEnd;
  }

  /** True before a line break and at the end. */
  atEndOfLine(): boolean {
    this.reading();
    const c = this.text.charCodeAt(this.pos);
    return this.atEnd || c === 10 || c === 13;
  }

  get line(): number {
    return this.lineNo;
  }

  get column(): number {
    return this.col;
  }

  /** Advances over `count` characters, keeping Line and Column right. */
  private consume(count: number): string {
    const s = this.text.slice(this.pos, this.pos + count);
    this.pos += s.length;
    this.track(s);
    return s;
  }

  private track(s: string): void {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 10) {
        if (!this.lastWasCr) this.lineNo++;
        this.col = 1;
        this.lastWasCr = false;
      } else if (c === 13) {
        this.lineNo++;
        this.col = 1;
        this.lastWasCr = true;
      } else {
        this.col++;
        this.lastWasCr = false;
      }
    }
  }

  readLine(): string {
    this.reading();
    if (this.atEnd) raise(RuntimeError.InputPastEndOfFile);
    const rest = this.text.slice(this.pos);
    const m = /\r\n|\n|\r/.exec(rest);
    const line = m ? rest.slice(0, m.index) : rest;
    this.consume(line.length + (m ? m[0].length : 0));
    return line;
  }

  read(count: number): string {
    this.reading();
    if (count < 0) raise(RuntimeError.InvalidProcedureCall);
    if (this.atEnd) raise(RuntimeError.InputPastEndOfFile);
    return this.consume(count);
  }

  readAll(): string {
    this.reading();
    if (this.atEnd) raise(RuntimeError.InputPastEndOfFile);
    const whole = this.pos === 0;
    const text = this.consume(this.text.length - this.pos);
    if (whole && this.ctx && this.target.file) rememberFileText(this.ctx, text, this.target.file.path);
    return text;
  }

  write(s: string): void {
    this.writing();
    this.track(s);
    const file = this.target.file;
    if (file) file.fs.appendFile(file.path, encodeText(s, file.format));
    else this.target.sink?.(s);
  }
}

const table = new MemberTable<TextStream>({
  AtEndOfStream: prop('AtEndOfStream', (s) => s.atEndOfStream()),
  AtEndOfLine: prop('AtEndOfLine', (s) => s.atEndOfLine()),
  Line: prop('Line', (s) => makeLong(s.line)),
  Column: prop('Column', (s) => makeLong(s.column)),
  Read: method('Read', 1, 1, (s, a) => s.read(toLong(a[0]))),
  ReadLine: method('ReadLine', 0, 0, (s) => s.readLine()),
  ReadAll: method('ReadAll', 0, 0, (s) => s.readAll()),
  Skip: method('Skip', 1, 1, (s, a) => {
    s.read(toLong(a[0]));
    return undefined;
  }),
  SkipLine: method('SkipLine', 0, 0, (s) => {
    s.readLine();
    return undefined;
  }),
  Write: method('Write', 1, 1, (s, a) => {
    s.write(toStr(a[0]));
    return undefined;
  }),
  WriteLine: method('WriteLine', 0, 1, (s, a) => {
    s.write(`${a.length > 0 ? toStr(a[0]) : ''}\r\n`);
    return undefined;
  }),
  WriteBlankLines: method('WriteBlankLines', 1, 1, (s, a) => {
    const n = toLong(a[0]);
    if (n < 0) raise(RuntimeError.InvalidProcedureCall);
    s.write('\r\n'.repeat(n));
    return undefined;
  }),
  Close: method('Close', 0, 0, (s) => {
    s.close();
    return undefined;
  }),
});

