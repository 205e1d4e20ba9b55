/**
 * A message file, parsed into an editable tree that writes back byte-identical where nothing
 * changed. The pipeline awaits `MimeMessage.load` once per `.eml`; everything after that is
 * synchronous, because script-facing members run inside the interpreter.
 *
 * mailparser's role is decoding attachment content at load (mapped to our parts by IMAP part
 * number). Text bodies are decoded here instead: mailparser turns CRLF into LF and trims
 * trailing whitespace, while hMailServer hands scripts the part's text with its CRLFs, and
 * `InStr(oMessage.Body, vbCrLf)` must behave as on the server.
 */
import { simpleParser, type Attachment } from 'mailparser';
import { attachmentList } from './attachmentParts';
import { ansiText } from './bodies';
import { encodeText } from './charset';
import { MimeEntity, numberParts, parseEntity, type ParseContext } from './entity';
import { MalformedMessageError } from './errors';
import { HeaderBlock, setParam } from './headerBlock';
import { decodeHeaderWords, encodeHeaderValue } from './rfc2047';

export interface MimeLoadOptions {
  /** Decode attachment content with mailparser (default true); false keeps the load synchronous-cheap. */
  decodeAttachments?: boolean;
}

/** First line must look like `Name: value` (a field name is printable ASCII without a colon). */
const FIELD_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

export class MimeMessage {
  private boundaryCount = 0;

  private constructor(
    public root: MimeEntity,
    /** Where the message came from, for error messages. */
    readonly fileName: string,
    /** The file's line break; generated lines use it too. */
    readonly eol: string,
    /** Irregularities tolerated while parsing (missing closing boundary, …), for the report. */
    readonly warnings: string[],
  ) {}

  /** Parses and decodes a message file. Throws `MalformedMessageError` naming the file and the problem. */
  static async load(data: Buffer, fileName: string, options: MimeLoadOptions = {}): Promise<MimeMessage> {
    const message = MimeMessage.parse(data, fileName);
    if (options.decodeAttachments !== false) await message.decodeAttachments();
    return message;
  }

  /** The structural parse alone (synchronous); attachment content is then decoded on demand without mailparser. */
  static parse(data: Buffer, fileName: string): MimeMessage {
    if (data.length === 0) throw new MalformedMessageError(fileName, 'the file is empty');
    const firstNl = data.indexOf(0x0a);
    const firstLine = data.toString('latin1', 0, firstNl < 0 ? Math.min(data.length, 200) : Math.min(firstNl, 200)).replace(/\r$/, '');
    if (firstLine.startsWith('From ')) {
      throw new MalformedMessageError(fileName, 'line 1 is an mbox "From " separator; save the message on its own as .eml, starting with its header lines');
    }
    if (!FIELD_LINE.test(firstLine)) {
      throw new MalformedMessageError(fileName, `line 1 is not a header field ("${firstLine.slice(0, 60)}"); a message starts with lines like "From: …"`);
    }
    const eol = firstNl > 0 && data[firstNl - 1] === 0x0d ? '\r\n' : '\n';
    const ctx: ParseContext = { fileName, eol, warnings: [] };
    const root = parseEntity(data, 0, data.length, ctx);
    numberParts(root);
    return new MimeMessage(root, fileName, eol, ctx.warnings);
  }

  /**
   * A message that has no file yet (hMailServer's MessageData for a new message): UTF-8 charset
   * and MIME-Version 1.0, nothing else. Used for CreateObject("hMailServer.Message") and for the
   * envelope-only message of OnSMTPData.
   */
  static createEmpty(fileName = '(new message)', eol = '\r\n'): MimeMessage {
    const header = new HeaderBlock('', eol);
    const root = new MimeEntity(header);
    header.setRaw('Content-Type', setParam('text/plain', 'charset', 'utf-8'));
    header.setRaw('MIME-Version', '1.0');
    numberParts(root);
    return new MimeMessage(root, fileName, eol, []);
  }

  private async decodeAttachments(): Promise<void> {
    const parts = attachmentList(this.root);
    if (parts.length === 0) return;
    const byPartId = new Map<string, MimeEntity>();
    const assign = (e: MimeEntity, id: string) => {
      e.children.forEach((c, i) => {
        const cid = id ? `${id}.${i + 1}` : String(i + 1);
        byPartId.set(cid, c);
        if (c.isMultipart) assign(c, cid);
      });
    };
    assign(this.root, '');
    let attachments: Attachment[];
    try {
      const parsed = await simpleParser(this.serialize(), {
        skipHtmlToText: true,
        skipTextToHtml: true,
        skipImageLinks: true,
        keepCidLinks: true,
        checksumAlgo: false,
      });
      attachments = parsed.attachments;
    } catch (err) {
      throw new MalformedMessageError(this.fileName, `mailparser could not decode it: ${err instanceof Error ? err.message : String(err)}`);
    }
    for (const a of attachments) {
      const part = a.partId === null ? this.root : byPartId.get(a.partId);
      if (part && parts.includes(part)) part.decoded = a.content;
    }
  }

  clone(): MimeMessage {
    const copy = new MimeMessage(this.root.clone(), this.fileName, this.eol, [...this.warnings]);
    copy.boundaryCount = this.boundaryCount;
    numberParts(copy.root);
    return copy;
  }

  serialize(): Buffer {
    return this.root.serialize();
  }

  /**
   * A boundary for a multipart the message creates, in the server's style. Deterministic (runs
   * must be reproducible) and checked against the content so it cannot occur inside it.
   */
  newBoundary(): string {
    const content = this.serialize();
    for (;;) {
      const n = ++this.boundaryCount;
      let h = 2166136261;
      for (const ch of `${this.fileName}#${n}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
      const boundary = `__=_Part_Boundary_${String(n % 1000).padStart(3, '0')}_${String(h % 1000000).padStart(6, '0')}.${String((h >>> 8) % 1000000).padStart(6, '0')}`;
      if (content.indexOf(boundary) < 0) return boundary;
    }
  }

  // ---------------------------------------------------------------- top-level header fields

  get header(): HeaderBlock {
    return this.root.header;
  }

  /** MessageData::GetFieldValue: first field of that name; decoded, or the raw text; '' when absent. */
  getField(name: string, decode: boolean): string {
    const raw = this.header.rawValue(name);
    if (raw === '') return '';
    return decode ? decodeHeaderWords(raw) : ansiText(Buffer.from(raw, 'latin1'));
  }

  /**
   * MessageData::SetFieldValue: replaces the first field of that name or appends one. Encoded
   * (RFC 2047 in the message charset, UTF-8 when it has none) or stored as given.
   */
  setField(name: string, value: string, encode: boolean): void {
    if (value === '') {
      this.header.setRaw(name, '');
      return;
    }
    const raw = encode ? encodeHeaderValue(name, value, this.root.charset || 'utf-8') : encodeText(value, 'windows-1252').bytes.toString('latin1');
    this.header.setRaw(name, raw);
  }
}
