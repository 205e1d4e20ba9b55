/**
 * # hmailserver/mime — the message file as an editable, byte-preserving MIME tree
 *
 * ```ts
 * const mime = await MimeMessage.load(buffer, 'messages/spam.eml'); // throws MalformedMessageError
 * mime.getField('Subject', true);           // decoded
 * setBodyText(mime.root, 'text/plain', 'Hi', true, () => mime.newBoundary());
 * mime.serialize();                          // untouched parts byte-identical
 * ```
 * Script-facing behaviour (which part is `Body`, what `Attachments` contains) follows
 * hMailServer's MessageData/MimeBody; see `bodies.ts` and `attachmentParts.ts`.
 */
export { MalformedMessageError } from './errors';
export { MimeMessage, type MimeLoadOptions } from './mimeMessage';
export { MimeEntity } from './entity';
export { HeaderBlock, HeaderField } from './headerBlock';
export { findBodyPart, bodyText, setBodyText, hasBodyType, createPart, ansiText, type BodyType } from './bodies';
export { attachmentList, attachmentFilename, attachmentContent, attachmentSize, addAttachment, removeAttachment, clearAttachments } from './attachmentParts';
export { decodeHeaderWords, encodeHeaderValue } from './rfc2047';
export { encodeText, decodeBytes } from './charset';
export { hasBareLf, toCrlf } from './lineEndings';
