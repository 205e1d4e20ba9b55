/**
 * The MIME tree: one `MimeEntity` per part, each remembering its exact bytes.
 *
 * An entity keeps `raw` (its bytes in the file) until something inside it changes; serialising
 * writes unchanged entities from `raw` and rebuilds only the changed path, so untouched parts,
 * boundaries, preambles and epilogues come out byte-identical. A multipart stores each boundary
 * line with the line break before it (RFC 2046 counts that break as part of the delimiter).
 *
 * Type questions are answered the way hMailServer's MimeBody answers them (GetMainType,
 * GetCleanContentType, IsAttachment), because scripts see the server's view of the message.
 */
import { MalformedMessageError } from './errors';
import { HeaderBlock, parseStructured } from './headerBlock';

export interface MultipartLayout {
  boundary: string;
  children: MimeEntity[];
  /** One per child: the line break before the boundary line, the line, and its line break. */
  delimiters: Buffer[];
  /** The closing delimiter with the line break before it and after it; empty when the file had none. */
  close: Buffer;
  epilogue: Buffer;
}

export class MimeEntity {
  /** Leaf: the encoded body. Multipart: the preamble. */
  body: Buffer = Buffer.alloc(0);
  multipart?: MultipartLayout;
  /** The entity's bytes while nothing in it changed. */
  raw?: Buffer;
  parent?: MimeEntity;
  /** Decoded content supplied at load time (mailparser), valid while the body is unchanged. */
  decoded?: Buffer;
  /** hMailServer's part_index_: depth-first numbering from 1 (used for `ATT-<n>.dat` names). */
  partIndex = 0;

  constructor(public header: HeaderBlock) {
    header.onChange = () => this.touch();
  }

  /** Marks this entity and its ancestors as changed. */
  touch(): void {
    for (let e: MimeEntity | undefined = this; e; e = e.parent) e.raw = undefined;
  }

  get eol(): string {
    return this.header.eol;
  }

  setBody(body: Buffer): void {
    this.body = body;
    this.decoded = undefined;
    this.touch();
  }

  // ---------------------------------------------------------------- type information

  /** Content-Type's main value as written, trimmed and lower-cased ('' without the field). */
  get contentType(): string {
    const field = this.header.find('content-type');
    return field ? parseStructured(field.value).value : '';
  }

  /** hMailServer's GetMainType: the part before '/', "text" without a Content-Type. */
  get mainType(): string {
    if (!this.header.find('content-type')) return 'text';
    const t = this.contentType;
    const slash = t.indexOf('/');
    return slash < 0 ? t : t.slice(0, slash);
  }

  /** hMailServer's GetCleanContentType: "main/sub", "text/plain" without a Content-Type. */
  get cleanContentType(): string {
    if (!this.header.find('content-type')) return 'text/plain';
    const t = this.contentType;
    const slash = t.indexOf('/');
    return slash < 0 ? `${t}/${t}` : t;
  }

  /** Whether the server treats the part as a multipart container (media type prefix "multipart"). */
  get isMultipart(): boolean {
    return this.mainType.startsWith('multipart');
  }

  contentTypeParam(name: string): string {
    return parseStructured(this.header.rawValue('content-type')).params.get(name)?.value ?? '';
  }

  get charset(): string {
    return this.contentTypeParam('charset');
  }

  get transferEncoding(): string {
    return this.header.rawValue('content-transfer-encoding').trim().toLowerCase();
  }

  /**
   * hMailServer's MimeBody::IsAttachment: disposition "attachment", or "inline" with a filename;
   * otherwise everything that is neither multipart nor text.
   */
  get isAttachment(): boolean {
    const disposition = this.header.rawValue('content-disposition').trim().toLowerCase();
    if (disposition.startsWith('attachment')) return true;
    if (disposition.startsWith('inline') && parseStructured(this.header.rawValue('content-disposition')).params.get('filename')?.value) return true;
    const main = this.mainType;
    return main !== 'multipart' && main !== 'text';
  }

  // ---------------------------------------------------------------- tree edits

  get children(): MimeEntity[] {
    return this.multipart?.children ?? [];
  }

  /** Replaces the children (and boundary) of a multipart entity; delimiters are generated. */
  setChildren(children: MimeEntity[], boundary: string): void {
    const eol = this.eol;
    for (const c of children) c.parent = this;
    this.multipart = {
      boundary,
      children,
      delimiters: children.map(() => Buffer.from(`${eol}--${boundary}${eol}`, 'latin1')),
      close: Buffer.from(`${eol}--${boundary}--${eol}`, 'latin1'),
      epilogue: Buffer.alloc(0),
    };
    this.touch();
  }

  /** Drops the multipart layout (the entity becomes a leaf). */
  clearChildren(): void {
    this.multipart = undefined;
    this.touch();
  }

  appendChild(child: MimeEntity): void {
    const mp = this.multipart;
    if (!mp) throw new Error('appendChild: not a multipart entity');
    const eol = this.eol;
    child.parent = this;
    mp.children.push(child);
    mp.delimiters.push(Buffer.from(`${eol}--${mp.boundary}${eol}`, 'latin1'));
    if (mp.close.length === 0) mp.close = Buffer.from(`${eol}--${mp.boundary}--${eol}`, 'latin1');
    this.touch();
  }

  removeChild(child: MimeEntity): boolean {
    const mp = this.multipart;
    const i = mp ? mp.children.indexOf(child) : -1;
    if (!mp || i < 0) return false;
    mp.children.splice(i, 1);
    mp.delimiters.splice(i, 1);
    child.parent = undefined;
    this.touch();
    return true;
  }

  // ---------------------------------------------------------------- output

  serialize(): Buffer {
    if (this.raw) return this.raw;
    const parts: Buffer[] = [];
    this.write(parts);
    return Buffer.concat(parts);
  }

  private write(parts: Buffer[]): void {
    if (this.raw) {
      parts.push(this.raw);
      return;
    }
    const mp = this.multipart;
    parts.push(this.header.serialize(mp !== undefined || this.body.length > 0));
    parts.push(this.body);
    if (!mp) return;
    mp.children.forEach((child, i) => {
      parts.push(mp.delimiters[i]);
      child.write(parts);
    });
    parts.push(mp.close, mp.epilogue);
  }

  clone(parent?: MimeEntity): MimeEntity {
    const copy = new MimeEntity(this.header.clone());
    copy.body = this.body;
    copy.raw = this.raw;
    copy.decoded = this.decoded;
    copy.partIndex = this.partIndex;
    copy.parent = parent;
    if (this.multipart) {
      const mp = this.multipart;
      copy.multipart = { ...mp, delimiters: [...mp.delimiters], children: mp.children.map((c) => c.clone(copy)) };
    }
    return copy;
  }

  /** Depth-first list of this entity and all below it. */
  *walk(): IterableIterator<MimeEntity> {
    yield this;
    for (const c of this.children) yield* c.walk();
  }
}

/** Renumbers part indexes depth-first from 1, as hMailServer's loader does. */
export function numberParts(root: MimeEntity): void {
  let n = 0;
  for (const e of root.walk()) e.partIndex = ++n;
}

// ---------------------------------------------------------------- parsing

export interface ParseContext {
  fileName: string;
  eol: string;
  warnings: string[];
}

const MAX_DEPTH = 64;

/** 1-based line number of a byte offset, for error messages. */
function lineOf(data: Buffer, offset: number): number {
  let n = 1;
  for (let i = data.indexOf(0x0a); i >= 0 && i < offset; i = data.indexOf(0x0a, i + 1)) n++;
  return n;
}

export function parseEntity(data: Buffer, start: number, end: number, ctx: ParseContext, depth = 0): MimeEntity {
  if (depth > MAX_DEPTH) throw new MalformedMessageError(ctx.fileName, `MIME parts nested deeper than ${MAX_DEPTH} levels (line ${lineOf(data, start)})`);
  const { block, bodyStart } = HeaderBlock.parse(data, start, end, ctx.eol);
  const entity = new MimeEntity(block);
  if (block.fields.some((f) => f.name === '')) {
    ctx.warnings.push(`line ${lineOf(data, start)}: a header line without a colon was kept as it is`);
  }
  if (!entity.isMultipart) {
    entity.body = data.subarray(bodyStart, end);
    entity.raw = data.subarray(start, end);
    return entity;
  }
  const boundary = entity.contentTypeParam('boundary');
  if (!boundary) {
    throw new MalformedMessageError(ctx.fileName, `the header starting at line ${lineOf(data, start)} declares Content-Type ${entity.contentType} without a boundary parameter`);
  }
  parseMultipartBody(entity, data, bodyStart, end, boundary, ctx, depth);
  entity.raw = data.subarray(start, end);
  return entity;
}

interface DelimiterLine {
  /** Start of the line break before the boundary line (or of the line when there is none). */
  from: number;
  /** Just past the boundary line's own line break. */
  to: number;
  lineStart: number;
  close: boolean;
}

function findDelimiters(data: Buffer, start: number, end: number, boundary: string): DelimiterLine[] {
  const marker = Buffer.from(`--${boundary}`, 'latin1');
  const found: DelimiterLine[] = [];
  let searchFrom = start;
  let previousEnd = start;
  while (searchFrom < end) {
    const at = data.indexOf(marker, searchFrom);
    if (at < 0 || at + marker.length > end) break;
    searchFrom = at + 1;
    if (at !== start && data[at - 1] !== 0x0a) continue;
    let p = at + marker.length;
    const close = data[p] === 0x2d && data[p + 1] === 0x2d;
    if (close) p += 2;
    // Only transport padding may follow the boundary on its line.
    while (p < end && (data[p] === 0x20 || data[p] === 0x09)) p++;
    if (p < end && data[p] !== 0x0d && data[p] !== 0x0a) continue;
    if (data[p] === 0x0d && data[p + 1] === 0x0a) p += 2;
    else if (data[p] === 0x0a) p += 1;
    let from = at;
    if (at > previousEnd && data[at - 1] === 0x0a) from = at >= previousEnd + 2 && data[at - 2] === 0x0d ? at - 2 : at - 1;
    found.push({ from, to: Math.min(p, end), lineStart: at, close });
    previousEnd = Math.min(p, end);
    searchFrom = previousEnd;
    if (close) break;
  }
  return found;
}

function parseMultipartBody(entity: MimeEntity, data: Buffer, bodyStart: number, end: number, boundary: string, ctx: ParseContext, depth: number): void {
  const delimiters = findDelimiters(data, bodyStart, end, boundary);
  const opening = delimiters.filter((d) => !d.close);
  const close = delimiters.find((d) => d.close);
  if (opening.length === 0) {
    ctx.warnings.push(`line ${lineOf(data, bodyStart)}: multipart body without any "--${boundary}" line; kept as plain content`);
    entity.body = data.subarray(bodyStart, end);
    entity.multipart = { boundary, children: [], delimiters: [], close: Buffer.alloc(0), epilogue: Buffer.alloc(0) };
    return;
  }
  if (!close) ctx.warnings.push(`line ${lineOf(data, bodyStart)}: multipart without closing "--${boundary}--" line`);
  entity.body = data.subarray(bodyStart, opening[0].from);
  const children: MimeEntity[] = [];
  opening.forEach((d, i) => {
    const next = opening[i + 1] ?? close;
    const childEnd = next ? Math.max(next.from, d.to) : end;
    const child = parseEntity(data, d.to, childEnd, ctx, depth + 1);
    child.parent = entity;
    children.push(child);
  });
  entity.multipart = {
    boundary,
    children,
    delimiters: opening.map((d) => data.subarray(d.from, d.to)),
    close: close ? data.subarray(close.from, close.to) : Buffer.alloc(0),
    epilogue: close ? data.subarray(close.to, end) : Buffer.alloc(0),
  };
}
