/**
 * Attachments as hMailServer sees them (MimeBody::GetAttachmentList, ClearAttachments,
 * RemoveAttachment, ReadFromFile, GetUnicodeFilename), including the server's limits:
 * `Clear` and `Delete` only remove attachments that are direct children of the top-level
 * multipart; nested ones stay in the file (the server behaves the same way).
 */
import path from 'node:path';
import { decodeTransfer, encodeBase64 } from './codecs';
import { createPart } from './bodies';
import { MimeEntity } from './entity';
import { HeaderBlock, parseStructured, setParam } from './headerBlock';
import { decodeHeaderWords, decodeRfc2231, encodeHeaderValue } from './rfc2047';

/** Depth-first list of the parts the server counts as attachments. */
export function attachmentList(root: MimeEntity): MimeEntity[] {
  const out: MimeEntity[] = [];
  const visit = (e: MimeEntity) => {
    if (!e.isMultipart) {
      if (e.isAttachment) out.push(e);
    } else e.children.forEach(visit);
  };
  visit(root);
  return out;
}

function paramText(raw: string, name: string): string {
  const p = parseStructured(raw).params.get(name);
  if (!p || !p.value) return '';
  return p.extended ? decodeRfc2231(p.value) : decodeHeaderWords(p.value);
}

/**
 * Attachment.Filename: Content-Disposition filename, else Content-Type name (decoded); an
 * attached message/rfc822 is named after its subject; otherwise `ATT-<part index>.dat`.
 */
export function attachmentFilename(part: MimeEntity): string {
  const name = paramText(part.header.rawValue('content-disposition'), 'filename') || paramText(part.header.rawValue('content-type'), 'name');
  if (name) return name;
  if (part.isAttachment && part.cleanContentType === 'message/rfc822') {
    const inner = attachmentContent(part);
    const { block } = HeaderBlock.parse(inner, 0, inner.length, part.eol);
    const subject = decodeHeaderWords(block.rawValue('subject')).replace(/[\\/:]/g, '');
    if (subject) return `${subject}.eml`;
  }
  return `ATT-${part.partIndex}.dat`;
}

/** The decoded content (mailparser's, from the load, while the part is unchanged). */
export function attachmentContent(part: MimeEntity): Buffer {
  return part.decoded ?? decodeTransfer(part.body, part.transferEncoding);
}

/** Attachment.Size: the server reports the length of the part's content as stored (encoded). */
export function attachmentSize(part: MimeEntity): number {
  return part.body.length;
}

/** MimeBody::RemoveAttachment on the top-level entity. */
export function removeAttachment(root: MimeEntity, part: MimeEntity): boolean {
  if (!root.isMultipart || !root.children.includes(part) || !part.isAttachment) return false;
  return root.removeChild(part);
}

/** MimeBody::ClearAttachments on the top-level entity. */
export function clearAttachments(root: MimeEntity): void {
  if (!root.isMultipart) return;
  for (const child of [...root.children]) if (child.isAttachment) root.removeChild(child);
}

/** File extension → media type, the table hMailServer inherits from its MIME library; others are application/octet-stream. */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  xml: 'application/xml',
  doc: 'application/msword',
  rtf: 'application/rtf',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  pdf: 'application/pdf',
  zip: 'application/zip',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  wav: 'audio/basic',
  mp3: 'audio/basic',
  mpg: 'video/mpeg',
  mpeg: 'video/mpeg',
};

/**
 * Attachments.Add: a new part at the end of a (new or existing) multipart/mixed top level,
 * base64, named after the file (`name` and `filename`, RFC 2047 for non-ASCII names) with
 * disposition `inline`, as MimeBody::ReadFromFile writes it.
 */
export function addAttachment(root: MimeEntity, windowsPath: string, content: Buffer, newBoundary: () => string): MimeEntity {
  const part = createPart(root, 'application/octet-stream', newBoundary);
  const eol = part.eol;
  const name = encodeHeaderValue('filename', path.win32.basename(windowsPath), 'utf-8');
  const ext = path.win32.extname(windowsPath).slice(1).toLowerCase();
  part.header.setRaw('Content-Transfer-Encoding', 'base64');
  part.header.setRaw('Content-Type', setParam(MEDIA_TYPES[ext] ?? 'application/octet-stream', 'name', name));
  part.header.setRaw('Content-Disposition', setParam('inline', 'filename', name));
  part.setBody(Buffer.from(encodeBase64(content, eol), 'latin1'));
  part.decoded = content;
  return part;
}
