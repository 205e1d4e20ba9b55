/**
 * `oMessage.Recipients` (Recipients) and its items (Recipient): the envelope recipients after
 * alias and distribution-list expansion, as the pipeline resolved them. A live view of the
 * message's list, so `ClearRecipients`/`AddRecipient` show at once. Zero-based, `Item` is the
 * default member (`Recipients(0).Address`), error 9 past the end, no `For Each`.
 */
import type { ServerVersion } from '../../api';
import { apiMemberTable, ApiObject, type Implementation } from '../apiObject';
import { expectArgs, getter } from './members';
import { indexArg, long } from './messageMembers';

/** One envelope recipient, as the pipeline resolved it from RCPT TO (or AddRecipient). */
export interface RecipientData {
  /** The mailbox after alias/list/domain-alias resolution. */
  address: string;
  /** The address exactly as given in RCPT TO. */
  originalAddress: string;
  /** Whether it resolved to a local account. */
  isLocalUser: boolean;
}

const recipientImplementation: Implementation<RecipientObject> = {
  Address: getter((self) => self.data.address),
  OriginalAddress: getter((self) => self.data.originalAddress),
  IsLocalUser: getter((self) => self.data.isLocalUser),
};

export class RecipientObject extends ApiObject {
  constructor(
    version: ServerVersion,
    readonly data: RecipientData,
  ) {
    super(apiMemberTable('Recipient', recipientImplementation, version), 'Recipient');
  }
}

const recipientsImplementation: Implementation<RecipientsObject> = {
  Count: getter((self) => long(self.list.length)),
  Item: {
    get: (self, args) => {
      expectArgs(args, 1);
      return new RecipientObject(self.version, self.list[indexArg(args[0], self.list.length)]);
    },
  },
};

export class RecipientsObject extends ApiObject {
  constructor(
    readonly version: ServerVersion,
    readonly list: RecipientData[],
  ) {
    super(apiMemberTable('Recipients', recipientsImplementation, version), 'Recipients');
  }
}

export { recipientImplementation, recipientsImplementation };
