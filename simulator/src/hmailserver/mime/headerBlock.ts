/**
 * The header block of one MIME entity, kept byte-exact.
 *
 * Every field remembers its original bytes (name, colon, folding, line endings) and is written
 * back from them until it is edited; edited and new fields are written as `Name: value` and
 * folded. Values are "byte strings" (one char per byte) so 8-bit headers survive untouched.
 * Unfolding follows hMailServer's MimeField::UnfoldField: a line break and the whitespace after
 * it become one space.
 */

export class HeaderField {
  constructor(
    /** The name as written before the colon ('' for a line without a colon, which hMailServer also keeps as a field). */
    public name: string,
    /** The unfolded value, leading whitespace after the colon removed. */
    public value: string,
    /** The original bytes including the line ending; undefined once edited. */
    public raw?: Buffer,
  ) {}

  /** The name as compared (hMailServer compares names case-insensitively, as written). */
  get key(): string {
    return this.name.toLowerCase();
  }

  clone(): HeaderField {
    return new HeaderField(this.name, this.value, this.raw);
  }
}

export function unfold(value: string): string {
  return value.replace(/\r?\n[ \t]*/g, ' ').replace(/\r/g, ' ');
}

/** Folds `Name: value` at whitespace so no line exceeds 78 characters where that is possible. */
export function foldField(name: string, value: string, eol: string): string {
  const line = `${name}: ${value}`;
  if (line.length <= 78) return line + eol;
  let out = '';
  let rest = line;
  // Never fold right after "Name:": the server would read the value back with a leading space.
  let minCut = name.length + 3;
  while (rest.length > 78) {
    let cut = -1;
    for (let i = Math.min(77, rest.length - 1); i >= minCut; i--) {
      if ((rest[i] === ' ' || rest[i] === '\t') && rest.slice(0, i).trim() !== '') {
        cut = i;
        break;
      }
    }
    if (cut < 0) {
      // No whitespace early enough: fold at the next whitespace, if any.
      const next = rest.slice(Math.max(78, minCut)).search(/[ \t]/);
      if (next < 0) break;
      cut = Math.max(78, minCut) + next;
    }
    out += rest.slice(0, cut) + eol;
    rest = rest.slice(cut);
    minCut = 1;
  }
  return out + rest + eol;
}

export interface HeaderParseResult {
  block: HeaderBlock;
  /** Offset just past the empty line ending the block (or `end` when there is none). */
  bodyStart: number;
}

export class HeaderBlock {
  fields: HeaderField[] = [];
  /** Called after any edit, so the owning entity knows its bytes changed. */
  onChange?: () => void;

  constructor(
    /** The empty line ending the block, as in the file ('' when the entity ended inside its header). */
    public terminator: string,
    public readonly eol: string,
  ) {}

  /** Splits `data[start, end)` into fields; stops at the first empty line. */
  static parse(data: Buffer, start: number, end: number, eol: string): HeaderParseResult {
    const block = new HeaderBlock('', eol);
    let pos = start;
    let current: { name: string; from: number; valueFrom: number } | undefined;
    const close = (to: number) => {
      if (!current) return;
      const rawValue = data.toString('latin1', current.valueFrom, to).replace(/\r?\n$/, '');
      block.fields.push(new HeaderField(current.name, unfold(rawValue.replace(/^[ \t]+/, '')), data.subarray(current.from, to)));
      current = undefined;
    };
    while (pos < end) {
      const nl = data.indexOf(0x0a, pos);
      const lineEnd = nl < 0 || nl >= end ? end : nl + 1;
      const first = data[pos];
      if (first === 0x0a || (first === 0x0d && data[pos + 1] === 0x0a && pos + 2 <= end)) {
        close(pos);
        block.terminator = data.toString('latin1', pos, lineEnd);
        return { block, bodyStart: lineEnd };
      }
      if ((first === 0x20 || first === 0x09) && current) {
        pos = lineEnd;
        continue;
      }
      close(pos);
      const line = data.toString('latin1', pos, lineEnd);
      const colon = line.search(/[:\r\n]/);
      if (colon >= 0 && line[colon] === ':') current = { name: line.slice(0, colon), from: pos, valueFrom: pos + colon + 1 };
      else current = { name: '', from: pos, valueFrom: pos };
      pos = lineEnd;
    }
    close(end);
    return { block, bodyStart: end };
  }

  clone(): HeaderBlock {
    const copy = new HeaderBlock(this.terminator, this.eol);
    copy.fields = this.fields.map((f) => f.clone());
    return copy;
  }

  find(name: string): HeaderField | undefined {
    const key = name.toLowerCase();
    return this.fields.find((f) => f.key === key);
  }

  /** The first field's unfolded raw value; '' when absent (hMailServer's GetRawFieldValue). */
  rawValue(name: string): string {
    return this.find(name)?.value ?? '';
  }

  /**
   * Replaces the first field of that name, or appends one (hMailServer's SetRawFieldValue →
   * SetField, which replaces the whole field: the name takes the caller's spelling too).
   */
  setRaw(name: string, value: string): void {
    const field = this.find(name);
    if (field) {
      field.name = name;
      field.value = value;
      field.raw = undefined;
    } else this.fields.push(new HeaderField(name, value));
    this.changed();
  }

  /** Inserts a new field at `index` (or appends). */
  insert(name: string, value: string, index = this.fields.length): HeaderField {
    const field = new HeaderField(name, value);
    this.fields.splice(index, 0, field);
    this.changed();
    return field;
  }

  setFieldValue(field: HeaderField, value: string): void {
    field.value = value;
    field.raw = undefined;
    this.changed();
  }

  renameField(field: HeaderField, name: string): void {
    field.name = name;
    field.raw = undefined;
    this.changed();
  }

  remove(field: HeaderField): boolean {
    const i = this.fields.indexOf(field);
    if (i < 0) return false;
    this.fields.splice(i, 1);
    this.changed();
    return true;
  }

  removeAll(name: string): void {
    const key = name.toLowerCase();
    const before = this.fields.length;
    this.fields = this.fields.filter((f) => f.key !== key);
    if (this.fields.length !== before) this.changed();
  }

  /** Header bytes including the terminating empty line (one is added when the block had none but a body follows). */
  serialize(withTerminator: boolean): Buffer {
    const parts: Buffer[] = [];
    for (const f of this.fields) {
      parts.push(f.raw ?? Buffer.from(f.name === '' ? f.value + this.eol : foldField(f.name, f.value, this.eol), 'latin1'));
    }
    const terminator = this.terminator || (withTerminator ? this.eol : '');
    parts.push(Buffer.from(terminator, 'latin1'));
    return Buffer.concat(parts);
  }

  private changed(): void {
    this.onChange?.();
  }
}

// ------------------------------------------------------------ structured values (Content-Type & co.)

/** Splits `value; a=b; c="d;e"` at the semicolons outside quotes. */
function splitSegments(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && quoted) {
      cur += c + (value[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function segmentName(segment: string): string {
  const eq = segment.indexOf('=');
  return (eq < 0 ? segment : segment.slice(0, eq)).trim().toLowerCase();
}

function unquote(v: string): string {
  const t = v.trim();
  return t.startsWith('"') && t.endsWith('"') && t.length >= 2 ? t.slice(1, -1).replace(/\\(.)/g, '$1') : t;
}

export interface StructuredValue {
  /** The part before the first `;`, trimmed and lower-cased (e.g. `text/plain`, `attachment`). */
  value: string;
  /** Parameters by lower-cased name; RFC 2231 sections joined and marked `extended`. */
  params: Map<string, { value: string; extended: boolean }>;
}

export function parseStructured(raw: string): StructuredValue {
  const segments = splitSegments(raw);
  const params = new Map<string, { value: string; extended: boolean }>();
  const sections = new Map<string, Array<{ index: number; value: string; extended: boolean }>>();
  for (const seg of segments.slice(1)) {
    const eq = seg.indexOf('=');
    if (eq < 0) continue;
    const name = seg.slice(0, eq).trim().toLowerCase();
    const value = seg.slice(eq + 1);
    const m = /^([^*]+)(?:\*(\d+))?(\*)?$/.exec(name);
    if (!m) continue;
    if (m[2] === undefined && !m[3]) {
      if (!params.has(m[1])) params.set(m[1], { value: unquote(value), extended: false });
      continue;
    }
    const list = sections.get(m[1]) ?? [];
    list.push({ index: m[2] === undefined ? 0 : Number(m[2]), value: m[3] ? value.trim() : unquote(value), extended: m[3] !== undefined });
    sections.set(m[1], list);
  }
  for (const [name, list] of sections) {
    list.sort((a, b) => a.index - b.index);
    // RFC 2231 sections take precedence over a plain fallback parameter of the same name.
    params.set(name, { value: list.map((s) => s.value).join(''), extended: list.some((s) => s.extended) });
  }
  return { value: segments[0].trim().toLowerCase(), params };
}

/** Sets (or adds) a parameter in a structured raw value, leaving the other segments as written. */
export function setParam(raw: string, name: string, value: string): string {
  const segments = splitSegments(raw);
  const key = name.toLowerCase();
  const quoted = `"${value.replace(/(["\\])/g, '\\$1')}"`;
  const i = segments.findIndex((s, n) => n > 0 && segmentName(s) === key);
  if (i > 0) {
    const s = segments[i];
    const lead = /^\s*/.exec(s)![0];
    segments[i] = `${lead}${s.slice(lead.length, s.indexOf('=')).trimEnd()}=${quoted}`;
    return segments.join(';');
  }
  return `${raw.replace(/[\s;]+$/, '')}; ${name}=${quoted}`;
}

/** Replaces the main value (`text/plain` → `multipart/mixed`), keeping the parameters. */
export function setMainValue(raw: string, value: string): string {
  const segments = splitSegments(raw);
  segments[0] = value;
  return segments.join(';');
}

/** Removes a parameter (all RFC 2231 sections of it too). */
export function removeParam(raw: string, name: string): string {
  const key = name.toLowerCase();
  const segments = splitSegments(raw);
  return [segments[0], ...segments.slice(1).filter((s) => segmentName(s).replace(/\*.*$/, '') !== key)].join(';');
}
