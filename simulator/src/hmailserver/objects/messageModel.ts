/**
 * The message model's entry points for the pipeline (one import for everything message-related):
 *
 * ```ts
 * const file = await loadMessageFile(buffer, 'messages/x.eml');            // once per .eml (async)
 * const stored = new StoredMessage({ fromAddress, recipients, filename });  // OnSMTPData: no file yet
 * engine.addObject('HMAILSERVER_MESSAGE', new MessageObject(ctx, stored, hooks));
 * stored.receive(file);                                                    // end of DATA
 * new MessageObject(ctx, stored, hooks);                                   // OnAcceptMessage: ID 0, State 1
 * stored.id = 42n;                                                         // queued: delivery events see the ID
 * stored.file?.serialize();                                                // the message as saved/queued
 * ```
 * `hooks.onSave` receives every `Save` (bytes, stored message, previous state: 0 = a new message to
 * queue); `hooks.resolveRecipient` expands `AddRecipient` addresses like RCPT TO.
 */
import type { SimulationContext } from '../../sandbox/context';
import type { VbsObject } from '../../runtime/objects/comObject';
import { MimeMessage, type MimeLoadOptions } from '../mime/mimeMessage';
import { createNewMessage, type MessageHooks } from './message';
import type { RecipientData } from './recipients';

export { MalformedMessageError } from '../mime/errors';
export { MimeMessage } from '../mime/mimeMessage';
export { hasBareLf, toCrlf } from '../mime/lineEndings';
export { MessageObject, StoredMessage, createNewMessage, type MessageHooks, type MessageSave, type MessageState, type StoredMessageInit } from './message';
export { type RecipientData } from './recipients';

/** Parses and decodes an `.eml`; rejects with `MalformedMessageError` (file name + problem). */
export function loadMessageFile(data: Buffer, fileName: string, options?: MimeLoadOptions): Promise<MimeMessage> {
  return MimeMessage.load(data, fileName, options);
}

/** The ProgID map entry for `CreateObject("hMailServer.Message")`, bound to the run's hooks. */
export function messageProgIds<R extends RecipientData>(hooks: MessageHooks<R>): Record<string, (ctx: SimulationContext) => VbsObject> {
  return { 'hMailServer.Message': (ctx) => createNewMessage(ctx, hooks) };
}
