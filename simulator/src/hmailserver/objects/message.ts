/**
 * The script-facing `Message` object (HMAILSERVER_MESSAGE / oMessage, and
 * CreateObject("hMailServer.Message")), following InterfaceMessage.cpp and MessageData.cpp.
 *
 * Two layers, as on the server:
 * - `StoredMessage` is the message the server keeps between events — its database row
 *   (envelope sender and recipients, ID, state, flags, size) and its file (a parsed
 *   `MimeMessage`, or none yet). Envelope changes (`FromAddress`, `AddRecipient`,
 *   `ClearRecipients`) act on it directly; the file changes only through `Save`.
 * - `MessageObject` is one wrapper handed to a script. Its MIME copy (`MessageContent`) is read
 *   from the file on first use; property writes change only that copy; `Save` writes it back
 *   (inserting a Date header when there is none) and hands the bytes to the pipeline's `onSave`,
 *   which decides what that means (rewrite the run's copy, queue a new message). Nothing here
 *   ever writes the user's `.eml`.
 *
 * Per event (reference §3): OnSMTPData has no file (a fresh MessageData: only Content-Type and
 * MIME-Version, Size 0, ID 0); OnAcceptMessage has the file, ID 0, State 1; delivery events
 * have the ID set. The pipeline expresses that through the `StoredMessage` it passes.
 */
import type { SimulationContext } from '../../sandbox/context';
import { toBool, toLong, toStr } from '../../runtime/values/coerce';
import { VDate, VLongLong, type Value } from '../../runtime/values/variant';
import { HostError, type MemberDefinition } from '../../runtime/objects/comObject';
import { apiMemberTable, ApiObject, E_NOTIMPL, type Implementation } from '../apiObject';
import { bodyText, findBodyPart, hasBodyType, setBodyText, setCharsetParam, type BodyType } from '../mime/bodies';
import { MimeMessage } from '../mime/mimeMessage';
import { AttachmentsObject } from './attachments';
import { MessageHeadersObject } from './headers';
import { MessageContent } from './messageContent';
import { mimeDate, oleLocalDate } from './messageDates';
import { accessDenied, expectArgs, getter, method } from './members';
import { long } from './messageMembers';
import { RecipientsObject, type RecipientData } from './recipients';

/** Message.State: 0 Created (new, unsaved), 1 Delivering, 2 Delivered. */
export type MessageState = 0 | 1 | 2;

export interface StoredMessageInit<R extends RecipientData = RecipientData> {
  /** The message file; omit when it does not exist yet (OnSMTPData, a new message). */
  file?: MimeMessage;
  /** Database ID (0 until the message is saved in the database: OnSMTPData, OnAcceptMessage). */
  id?: bigint;
  state?: MessageState;
  /** Envelope sender (MAIL FROM). */
  fromAddress?: string;
  /** Envelope recipients after alias/list expansion (the pipeline's own records may carry more fields). */
  recipients?: R[];
  /** Full Windows path of the message file (Message.Filename). */
  filename?: string;
  /** Delivery retries so far (DeliveryAttempt = retries + 1). */
  retries?: number;
  /** eMessageFlag bits. */
  flags?: number;
  /** Creation time, ms since the epoch (InternalDate); default: the simulated clock when read. */
  internalDate?: number;
  /** File size in bytes (Size reports KB); default: the file's length, 0 without a file. */
  size?: number;
  uid?: number;
  /** Owning account and IMAP folder (0 for messages being delivered). */
  accountId?: number;
  folderId?: number;
}

/** One message as the server holds it between events: its database row and its file. */
export class StoredMessage<R extends RecipientData = RecipientData> {
  file: MimeMessage | undefined;
  id: bigint;
  state: MessageState;
  fromAddress: string;
  recipients: R[];
  filename: string;
  retries: number;
  flags: number;
  internalDate: number | undefined;
  size: number;
  uid: number;
  accountId: number;
  folderId: number;

  constructor(init: StoredMessageInit<R> = {}) {
    this.file = init.file;
    this.id = init.id ?? 0n;
    this.state = init.state ?? 1;
    this.fromAddress = init.fromAddress ?? '';
    this.recipients = init.recipients ?? [];
    this.filename = init.filename ?? '';
    this.retries = init.retries ?? 0;
    this.flags = init.flags ?? 0;
    this.internalDate = init.internalDate;
    this.size = init.size ?? (init.file ? init.file.serialize().length : 0);
    this.uid = init.uid ?? 0;
    this.accountId = init.accountId ?? 0;
    this.folderId = init.folderId ?? 0;
  }

  /** The message data arrived (end of DATA): the file exists from now on and sets the size. */
  receive(file: MimeMessage): void {
    this.file = file;
    this.size = file.serialize().length;
  }
}

/** What `Save` reports to the pipeline. */
export interface MessageSave<R extends RecipientData = RecipientData> {
  message: StoredMessage<R>;
  /** The bytes written to the message file. */
  data: Buffer;
  /** The state before Save: 0 means a new message (now queued, State 1, or stored in a folder, State 2). */
  previousState: MessageState;
}

export interface MessageHooks<R extends RecipientData = RecipientData> {
  /** Called by every `Save` with the file's new content. */
  onSave?(save: MessageSave<R>): void;
  /**
   * Expands an address as RCPT TO would (aliases, lists); its records are added to the envelope
   * as they are. Default: the address itself, not local (give a resolver when R has more fields).
   */
  resolveRecipient?(address: string): R[];
}

type Guarded = MemberDefinition<MessageObject>;

/** Every member of a wrapper around no message raises the server's access error (§2.4). */
function guard(member: Guarded): Guarded {
  const check = (self: MessageObject) => {
    if (!self.stored) accessDenied();
  };
  const out: Guarded = {};
  if (member.get) out.get = (self, args) => (check(self), member.get!(self, args));
  if (member.set) out.set = (self, args, value, isSet) => (check(self), member.set!(self, args, value, isSet));
  if (member.call) out.call = (self, args) => (check(self), member.call!(self, args));
  return out;
}

/** A header-backed string property: read decoded (or raw with EncodeFields False), written the same way. */
function headerProperty(name: string, writable: boolean, onEmpty?: (self: MessageObject) => string): Guarded {
  const member: Guarded = { get: (self, args) => (expectArgs(args, 0), self.content.mime.getField(name, self.content.encodeFields)) };
  if (writable) {
    member.set = (self, args, value) => {
      expectArgs(args, 0);
      let text = toStr(value);
      if (text === '' && onEmpty) text = onEmpty(self);
      self.content.mime.setField(name, text, self.content.encodeFields);
    };
  }
  return member;
}

function bodyProperty(type: BodyType): Guarded {
  return {
    get: (self, args) => {
      expectArgs(args, 0);
      const part = findBodyPart(self.content.root, type);
      return part ? bodyText(part, self.content.encodeFields) : '';
    },
    set: (self, args, value) => {
      expectArgs(args, 0);
      setBodyText(self.content.root, type, toStr(value), self.content.encodeFields, self.content.newBoundary);
    },
  };
}

const messageImplementation: Implementation<MessageObject> = {
  ID: getter((self) => new VLongLong(self.stored!.id)),
  UID: getter((self) => long(self.stored!.uid)),
  Filename: getter((self) => self.stored!.filename),
  State: getter((self) => long(self.stored!.state)),
  Size: getter((self) => long(Math.floor(self.stored!.size / 1024))),
  DeliveryAttempt: getter((self) => long(self.stored!.retries + 1)),
  InternalDate: getter((self) => new VDate(oleLocalDate(self.stored!.internalDate ?? self.ctx.now(), self.ctx.timeZone))),
  FromAddress: {
    get: (self, args) => (expectArgs(args, 0), self.stored!.fromAddress),
    set: (self, args, value) => {
      expectArgs(args, 0);
      self.stored!.fromAddress = toStr(value);
    },
  },
  Subject: headerProperty('Subject', true),
  From: headerProperty('From', true),
  Date: headerProperty('Date', true, (self) => mimeDate(self.ctx.now(), self.ctx.timeZone)),
  To: headerProperty('To', false),
  CC: headerProperty('CC', false),
  Body: bodyProperty('text/plain'),
  HTMLBody: bodyProperty('text/html'),
  HeaderValue: {
    get: (self, args) => {
      expectArgs(args, 1);
      return self.content.mime.getField(toStr(args[0]), self.content.encodeFields);
    },
    set: (self, args, value) => {
      expectArgs(args, 1);
      self.content.mime.setField(toStr(args[0]), toStr(value), self.content.encodeFields);
    },
  },
  EncodeFields: {
    get: (self, args) => (expectArgs(args, 0), self.content.encodeFields),
    set: (self, args, value) => {
      expectArgs(args, 0);
      self.content.encodeFields = toBool(value);
    },
  },
  Charset: {
    get: (self, args) => (expectArgs(args, 0), self.content.root.charset),
    set: (self, args, value) => {
      expectArgs(args, 0);
      setCharsetParam(self.content.root, toStr(value));
    },
  },
  HasBodyType: method(1, (self, [type]) => hasBodyType(self.content.root, toStr(type))),
  Flag: {
    get: (self, args) => {
      expectArgs(args, 1);
      return (self.stored!.flags & toLong(args[0])) > 0;
    },
    set: (self, args, value) => {
      expectArgs(args, 1);
      const bit = toLong(args[0]);
      const s = self.stored!;
      s.flags = toBool(value) ? s.flags | bit : s.flags & ~bit;
    },
  },
  Headers: getter((self) => new MessageHeadersObject(self.ctx.version, self.content.mime.header)),
  Attachments: getter((self) => new AttachmentsObject(self.ctx, self.content)),
  Recipients: getter((self) => new RecipientsObject(self.ctx.version, self.stored!.recipients)),
  AddRecipient: method(2, (self, [name, address]) => self.addRecipient(toStr(name), toStr(address))),
  ClearRecipients: method(0, (self) => self.clearRecipients()),
  Save: method(0, (self) => self.save()),
  RefreshContent: method(0, (self) => self.refreshContent()),
  Copy: method(1, (self) => {
    // The server returns S_FALSE (no error) for a message outside a mailbox; IMAP copies are not modelled.
    if (self.stored!.accountId !== 0) {
      throw new HostError(E_NOTIMPL, 'Not simulated: Message.Copy of a message in a mailbox (hmailsim does not model IMAP folders)', 'hMailServer');
    }
  }),
};

const guardedImplementation: Implementation<MessageObject> = Object.fromEntries(
  Object.entries(messageImplementation).map(([name, member]) => [name, guard(member)]),
);

export class MessageObject<R extends RecipientData = RecipientData> extends ApiObject {
  private contentCache?: MessageContent;

  /**
   * @param stored the message; `undefined` makes the empty wrapper OnTooManyInvalidCommands may
   *   get (every member raises the server's access error, `Is Nothing` is False).
   */
  constructor(
    readonly ctx: SimulationContext,
    readonly stored: StoredMessage<R> | undefined,
    readonly hooks: MessageHooks<R> = {},
  ) {
    super(apiMemberTable('Message', guardedImplementation, ctx.version), 'Message');
  }

  /** The MIME copy this wrapper edits, loaded from the message file on first use. */
  get content(): MessageContent {
    const stored = this.stored ?? accessDenied();
    this.contentCache ??= new MessageContent(stored.file ? stored.file.clone() : MimeMessage.createEmpty(stored.filename || '(new message)'));
    return this.contentCache;
  }

  /** The message as this wrapper currently has it in memory (saved or not), serialised. */
  currentData(): Buffer {
    return this.content.mime.serialize();
  }

  addRecipient(name: string, address: string): void {
    const stored = this.stored!;
    const resolved = this.hooks.resolveRecipient?.(address) ?? [{ address, originalAddress: address, isLocalUser: false } as R];
    stored.recipients.push(...resolved);
    const mime = this.content.mime;
    const encode = this.content.encodeFields;
    let to = mime.getField('To', encode);
    if (to !== '') to += ',';
    mime.setField('To', `${to}"${name}" <${address}>`, encode);
  }

  clearRecipients(): void {
    this.stored!.recipients.length = 0;
    const { mime, encodeFields } = this.content;
    for (const name of ['To', 'CC', 'BCC']) mime.setField(name, '', encodeFields);
  }

  refreshContent(): void {
    this.contentCache = undefined;
  }

  /** InterfaceMessage::Save. */
  save(): void {
    const stored = this.stored!;
    const content = this.content;
    if (content.mime.getField('Date', content.encodeFields) === '') {
      content.mime.setField('Date', mimeDate(this.ctx.now(), this.ctx.timeZone), content.encodeFields);
    }
    const data = content.mime.serialize();
    stored.file = content.mime.clone();
    stored.size = data.length;
    const previousState = stored.state;
    if (stored.state === 0) stored.state = stored.folderId === 0 && stored.accountId === 0 ? 1 : 2;
    this.hooks.onSave?.({ message: stored, data, previousState });
  }

  override inspect(): Array<{ name: string; value: Value }> {
    return this.stored ? super.inspect() : [];
  }
}

/** `CreateObject("hMailServer.Message")`: a new message (State 0) whose `Save` queues it. */
export function createNewMessage<R extends RecipientData = RecipientData>(
  ctx: SimulationContext,
  hooks: MessageHooks<R> = {},
  init: StoredMessageInit<R> = {},
): MessageObject<R> {
  return new MessageObject<R>(ctx, new StoredMessage<R>({ state: 0, ...init }), hooks);
}

export { messageImplementation };
