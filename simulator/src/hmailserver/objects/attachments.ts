/**
 * `oMessage.Attachments` (Attachments) and its items (Attachment), following the server
 * (Attachments.cpp, Attachment.cpp, InterfaceAttachments.cpp):
 *
 * - the list is the parts the server counts as attachments, depth-first, cached per content
 *   (see `MessageContent`); `Item` is the default member, zero-based, error 9 past the end;
 * - `Add(path)` reads the file through the sandbox (recorded), appends a base64 part; a missing
 *   file raises the server's "Failed to attach file." COM error;
 * - `Clear` empties the list and removes the top-level attachments from the message;
 * - `Attachment.SaveAs(path)` writes the decoded content through the sandbox (recorded); the
 *   server ignores write failures, so a refused write is recorded as denied but raises nothing;
 * - `Attachment.Delete` removes the part when it is a direct child of the top-level multipart
 *   (the server's RemoveAttachment), and the item stays in the list;
 * - `Size` is the length of the part's content as stored in the file (encoded), like the server.
 */
import type { SimulationContext } from '../../sandbox/context';
import { recordEffect, writeFileRecorded } from '../../sandbox/recorder';
import { toStr } from '../../runtime/values/coerce';
import { apiMemberTable, ApiObject, type Implementation } from '../apiObject';
import {
  addAttachment,
  attachmentContent,
  attachmentFilename,
  attachmentSize,
  clearAttachments,
  removeAttachment,
} from '../mime/attachmentParts';
import type { AttachmentEntry, MessageContent } from './messageContent';
import { comError, expectArgs, getter, method } from './members';
import { indexArg, long } from './messageMembers';

const attachmentImplementation: Implementation<AttachmentObject> = {
  Filename: getter((self) => attachmentFilename(self.entry.part)),
  Size: getter((self) => long(attachmentSize(self.entry.part))),
  SaveAs: method(1, (self, [path]) => {
    const target = toStr(path);
    const data = attachmentContent(self.entry.part);
    try {
      writeFileRecorded(self.ctx, target, data, `${data.length} bytes (attachment ${attachmentFilename(self.entry.part)})`);
    } catch {
      // Recorded as denied by writeFileRecorded; MimeBody::WriteToFile's result is ignored by the server.
    }
  }),
  Delete: method(0, (self) => {
    removeAttachment(self.content.root, self.entry.part);
  }),
};

export class AttachmentObject extends ApiObject {
  constructor(
    readonly ctx: SimulationContext,
    readonly content: MessageContent,
    readonly entry: AttachmentEntry,
  ) {
    super(apiMemberTable('Attachment', attachmentImplementation, ctx.version), 'Attachment');
  }
}

const attachmentsImplementation: Implementation<AttachmentsObject> = {
  Count: getter((self) => long(self.content.attachments.length)),
  Item: {
    get: (self, args) => {
      expectArgs(args, 1);
      const list = self.content.attachments;
      return new AttachmentObject(self.ctx, self.content, list[indexArg(args[0], list.length)]);
    },
  },
  Clear: method(0, (self) => {
    self.content.attachments.length = 0;
    clearAttachments(self.content.root);
  }),
  Add: method(1, (self, [path]) => {
    const target = toStr(path);
    // The list is built (on first use) from the message as it is before the new part.
    const list = self.content.attachments;
    const data = self.ctx.fs.readFile(target);
    recordEffect(self.ctx, 'file-read', target, data !== undefined, data === undefined ? 'not found' : `${data.length} bytes (Attachments.Add)`);
    if (data === undefined) comError('Failed to attach file.');
    const part = addAttachment(self.content.root, target, data, self.content.newBoundary);
    list.push({ part });
  }),
};

export class AttachmentsObject extends ApiObject {
  constructor(
    readonly ctx: SimulationContext,
    readonly content: MessageContent,
  ) {
    super(apiMemberTable('Attachments', attachmentsImplementation, ctx.version), 'Attachments');
  }
}

export { attachmentImplementation, attachmentsImplementation };
