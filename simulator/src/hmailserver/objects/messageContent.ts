/**
 * The in-memory MIME copy one Message object works on (hMailServer's MessageData): loaded from
 * the message file on first use, edited by property writes, written back only by `Save`, and
 * dropped by `RefreshContent`. It also holds the attachment list the way the server caches it:
 * built once per MessageData, so `Attachment.Delete` removes the part from the message but the
 * collection keeps its Count until the content is reloaded — as on the server.
 */
import { attachmentList } from '../mime/attachmentParts';
import type { MimeEntity } from '../mime/entity';
import type { MimeMessage } from '../mime/mimeMessage';

export interface AttachmentEntry {
  part: MimeEntity;
}

export class MessageContent {
  /** `Message.EncodeFields`: decode on read / encode on write (True for every new MessageData). */
  encodeFields = true;
  private attachmentEntries?: AttachmentEntry[];

  constructor(readonly mime: MimeMessage) {}

  get root(): MimeEntity {
    return this.mime.root;
  }

  get attachments(): AttachmentEntry[] {
    this.attachmentEntries ??= attachmentList(this.mime.root).map((part) => ({ part }));
    return this.attachmentEntries;
  }

  readonly newBoundary = (): string => this.mime.newBoundary();
}
