/**
 * Body and HTML body: which part they are, their text, and replacing it — following
 * hMailServer's MessageData (GetBodyTextPlainPart, GetViewBodyPart_, SetBody, CreatePart),
 * because scripts must see what the server shows them, quirks included:
 *
 * - `Body` is the first text/plain part that is not an attachment, searched depth-first through
 *   multiparts (never mailparser's `text`, which is invented from the HTML for HTML-only mail);
 * - a part without a charset parameter is returned undecoded (MimeBody::GetUnicodeText);
 * - assigning a body appends CRLF when missing and writes quoted-printable in the part's charset;
 * - assigning a body the message does not have rebuilds the top level (CreatePart): the new part
 *   joins the direct text/html/alternative parts and the direct attachments; other direct
 *   children (a multipart/related, say) are dropped, exactly as the server drops them. Like the
 *   server, it takes the first direct text/plain (text/html) child even when that is an
 *   attachment, and then loses the text inside a multipart/alternative; unlike the server, such a
 *   part is not also kept a second time among the attachments.
 */
import { decodeBytes, encodeText } from './charset';
import { decodeTransfer, encodeQuotedPrintable } from './codecs';
import { MimeEntity } from './entity';
import { HeaderBlock, setParam } from './headerBlock';

export type BodyType = 'text/plain' | 'text/html';

/** Preamble hMailServer writes into multiparts it creates. */
export const MULTIPART_PREAMBLE = 'This is a multi-part message.';

export function newEntity(eol: string): MimeEntity {
  return new MimeEntity(new HeaderBlock('', eol));
}

function viewBodyPart(source: MimeEntity, type: BodyType, level: number): MimeEntity | undefined {
  if (level > 10) return undefined;
  if (source.cleanContentType === type && !source.isAttachment) return source;
  if (source.mainType === 'multipart') {
    for (const child of source.children) {
      const found = viewBodyPart(child, type, level + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** The part `Body` (text/plain) or `HTMLBody` (text/html) reads. */
export function findBodyPart(root: MimeEntity, type: BodyType): MimeEntity | undefined {
  if (root.cleanContentType === type) return root;
  return viewBodyPart(root, type, 0);
}

/** Windows-1252 view of raw bytes: what an ANSI string becomes when the server hands it to a script. */
export function ansiText(bytes: Uint8Array): string {
  return decodeBytes(bytes, 'windows-1252');
}

/** The text of a body part: decoded (`EncodeFields` True) or raw. */
export function bodyText(part: MimeEntity, decode: boolean): string {
  const body = part.body;
  if (body.length === 0) return '';
  const charset = part.charset;
  if (!decode || charset === '') return ansiText(body);
  return decodeBytes(decodeTransfer(body, part.transferEncoding), charset);
}

/** hMailServer's SetContentType(type, ""): the whole value is replaced (parameters go). */
function setContentType(entity: MimeEntity, type: string): void {
  entity.header.setRaw('Content-Type', type);
}

export function setCharsetParam(entity: MimeEntity, charset: string): void {
  const field = entity.header.find('content-type');
  if (field) entity.header.setFieldValue(field, setParam(field.value, 'charset', charset));
  else entity.header.setRaw('Content-Type', setParam('text/plain', 'charset', charset));
}

function directChild(parent: MimeEntity, type: string): MimeEntity | undefined {
  return parent.children.find((c) => c.cleanContentType === type);
}

function textLikePart(root: MimeEntity, type: string, charset: string, transferEncoding: string, body?: Buffer): MimeEntity {
  const part = newEntity(root.eol);
  setContentType(part, type);
  if (transferEncoding) part.header.setRaw('Content-Transfer-Encoding', transferEncoding);
  if (charset) setCharsetParam(part, charset);
  if (body) part.body = body;
  return part;
}

/**
 * MessageData::CreatePart: rebuilds the top level so it holds a new part of `type`
 * ('text/plain', 'text/html', or anything else for an attachment) and returns that part.
 */
export function createPart(root: MimeEntity, type: string, newBoundary: () => string): MimeEntity {
  const eol = root.eol;
  const mainType = root.cleanContentType;
  const mainCharset = root.charset;
  const rootTransfer = root.header.rawValue('content-transfer-encoding').trim();
  let text = directChild(root, 'text/plain');
  let html = directChild(root, 'text/html');
  const alternative = directChild(root, 'multipart/alternative');
  if (alternative) {
    if (!text) {
      text = directChild(alternative, 'text/plain');
      if (text) alternative.removeChild(text);
    }
    if (!html) {
      html = directChild(alternative, 'text/html');
      if (html) alternative.removeChild(html);
    }
    root.removeChild(alternative);
  }
  if (!text && !html && !root.multipart && root.body.length > 0) {
    // The single-part content moves into a part of its own.
    if (mainType === 'text/plain') text = textLikePart(root, 'text/plain', mainCharset, rootTransfer, root.body);
    else if (mainType === 'text/html') html = textLikePart(root, 'text/html', mainCharset, rootTransfer, root.body);
  }
  const attachments = root.children.filter((c) => c !== text && c !== html && c.isAttachment);
  root.clearChildren();

  let created: MimeEntity;
  if (type === 'text/plain' || type === 'text/html') {
    const other = type === 'text/plain' ? html : text;
    if (attachments.length === 0 && !other) {
      created = root;
      setContentType(root, type);
    } else created = textLikePart(root, type, mainCharset, rootTransfer);
    if (type === 'text/plain') text = created;
    else html = created;
  } else {
    created = newEntity(eol);
    attachments.push(created);
  }

  const mainBodyType = attachments.length > 0 ? 'multipart/mixed' : text && html ? 'multipart/alternative' : html ? 'text/html' : 'text/plain';
  const children: MimeEntity[] = [];
  if (text && html) {
    if (mainBodyType === 'multipart/mixed') {
      const alt = newEntity(eol);
      setContentType(alt, 'multipart/alternative');
      alt.body = Buffer.from(MULTIPART_PREAMBLE + eol, 'latin1');
      const boundary = newBoundary();
      alt.header.setFieldValue(alt.header.find('content-type')!, setParam('multipart/alternative', 'boundary', boundary));
      alt.setChildren([text, html], boundary);
      children.push(alt);
    } else {
      if (text !== root) children.push(text);
      if (html !== root) children.push(html);
    }
  } else if (mainBodyType === 'multipart/mixed') {
    const only = text ?? html;
    if (only && only !== root) children.push(only);
  }
  children.push(...attachments);

  setContentType(root, mainBodyType);
  if (mainCharset) setCharsetParam(root, mainCharset);
  if (children.length > 0) {
    root.header.removeAll('content-transfer-encoding');
    root.setBody(Buffer.from(MULTIPART_PREAMBLE + eol, 'latin1'));
    const boundary = newBoundary();
    const ct = root.header.find('content-type')!;
    root.header.setFieldValue(ct, setParam(ct.value, 'boundary', boundary));
    root.setChildren(children, boundary);
  }
  return created;
}

/**
 * MessageData::SetBody / SetHTMLBody. With `encode` (EncodeFields True) the text is written as
 * quoted-printable in the part's charset (UTF-8 when it has none or cannot hold the text);
 * without, the text is stored as it is.
 */
export function setBodyText(root: MimeEntity, type: BodyType, text: string, encode: boolean, newBoundary: () => string): void {
  const part = findBodyPart(root, type) ?? createPart(root, type, newBoundary);
  if (text === '') {
    part.setBody(Buffer.alloc(0));
    return;
  }
  const value = text.endsWith('\r\n') ? text : text + '\r\n';
  if (!encode) {
    part.setBody(encodeText(value, 'windows-1252').bytes);
    return;
  }
  let charset = part.charset;
  if (!charset) {
    charset = 'utf-8';
    setCharsetParam(part, charset);
  }
  const encoded = encodeText(value, charset);
  if (encoded.charset !== charset) setCharsetParam(part, encoded.charset);
  part.header.setRaw('Content-Transfer-Encoding', 'quoted-printable');
  part.setBody(Buffer.from(encodeQuotedPrintable(encoded.bytes, part.eol), 'latin1'));
}

/** MessageData::FindPart (HasBodyType): the root, its children, and the children of multipart children. */
export function hasBodyType(root: MimeEntity, type: string): boolean {
  const t = type.toLowerCase();
  if (root.cleanContentType === t) return true;
  for (const child of root.children) {
    if (child.cleanContentType === t) return true;
    if (child.isMultipart && child.children.some((g) => g.cleanContentType === t)) return true;
  }
  return false;
}
