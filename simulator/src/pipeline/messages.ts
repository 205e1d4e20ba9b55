/**
 * What the pipeline needs to know about a stored message beyond the script-facing object:
 * the view rules match against, and the non-delivery report hMailServer sends the sender.
 */
import { bodyText, findBodyPart, MimeMessage, setBodyText } from '../hmailserver/mime';
import { mimeDate } from '../hmailserver/objects/messageDates';
import { StoredMessage } from '../hmailserver/objects/messageModel';
import type { ExpandedRecipient } from '../hmailserver/server/recipients';
import type { FailedRecipient } from '../report/types';
import type { QueuedMessage } from './delivery';
import type { RuleSubject } from './rules';

export function ruleSubjectOf(stored: StoredMessage<ExpandedRecipient>, attempt: number): RuleSubject {
  const file = stored.file;
  return {
    header: (name) => file?.getField(name, true) ?? '',
    subject: () => file?.getField('Subject', true) ?? '',
    body: () => {
      const part = file && findBodyPart(file.root, 'text/plain');
      return part ? bodyText(part, true) : '';
    },
    sizeKb: () => Math.floor((file?.serialize().length ?? stored.size) / 1024),
    recipients: () => stored.recipients.map((r) => r.address),
    deliveryAttempt: attempt,
  };
}

/** The bounce: from the server's mailer-daemon, to the envelope sender, with an empty envelope sender itself. */
export function buildBounce(
  queued: QueuedMessage,
  failed: FailedRecipient[],
  original: StoredMessage<ExpandedRecipient>,
  hostName: string,
  now: number,
  timeZone: string,
): StoredMessage<ExpandedRecipient> | undefined {
  if (queued.mailFrom === '') return undefined;
  const file = MimeMessage.createEmpty('(bounce)');
  const subject = original.file?.getField('Subject', true) ?? '';
  file.setField('From', `mailer-daemon@${hostName}`, true);
  file.setField('To', queued.mailFrom, true);
  file.setField('Subject', `Message undeliverable: ${subject}`, true);
  file.setField('Date', mimeDate(now, timeZone), true);
  const lines = [
    'Your message did not reach some or all of the intended recipients.',
    '',
    `   Subject: ${subject}`,
    '',
    'The following recipient(s) could not be reached:',
    '',
    ...failed.flatMap((f) => [`${f.recipient}`, `   Error Type: SMTP`, `   Remote server replied: ${f.error}`, '']),
    'hMailServer',
  ];
  setBodyText(file.root, 'text/plain', lines.join('\r\n'), true, () => file.newBoundary());
  return new StoredMessage<ExpandedRecipient>({ file, fromAddress: '', recipients: [] });
}
