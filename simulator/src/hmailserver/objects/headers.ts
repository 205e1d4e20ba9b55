/**
 * `oMessage.Headers` (MessageHeaders) and its items (MessageHeader): a live view of the
 * message's top-level header fields, in file order, duplicates included.
 *
 * As on the server (InterfaceMessageHeader): `Value` is the raw unfolded text (no RFC 2047
 * decoding — that is `HeaderValue`'s job), `Name`/`Value` assignments and `Delete` edit the
 * in-memory message (persisted by `Message.Save`), `ItemByName` is the first match ignoring case,
 * and a bad index or unknown name is error 9. No `For Each` (no enumerator, error 451).
 */
import type { ServerVersion } from '../../api';
import { toStr } from '../../runtime/values/coerce';
import { apiMemberTable, ApiObject, type Implementation } from '../apiObject';
import { ansiText } from '../mime/bodies';
import { encodeText } from '../mime/charset';
import type { HeaderBlock, HeaderField } from '../mime/headerBlock';
import { expectArgs, getter, method, subscriptOutOfRange } from './members';
import { indexArg, long } from './messageMembers';

function rawToScript(raw: string): string {
  return ansiText(Buffer.from(raw, 'latin1'));
}

function scriptToRaw(text: string): string {
  return encodeText(text, 'windows-1252').bytes.toString('latin1');
}

const headerImplementation: Implementation<MessageHeaderObject> = {
  Name: {
    get: (self, args) => (expectArgs(args, 0), rawToScript(self.field.name)),
    set: (self, args, value) => {
      expectArgs(args, 0);
      self.block.renameField(self.field, scriptToRaw(toStr(value)));
    },
  },
  Value: {
    get: (self, args) => (expectArgs(args, 0), rawToScript(self.field.value)),
    set: (self, args, value) => {
      expectArgs(args, 0);
      self.block.setFieldValue(self.field, scriptToRaw(toStr(value)));
    },
  },
  Delete: method(0, (self) => {
    self.block.remove(self.field);
  }),
};

export class MessageHeaderObject extends ApiObject {
  constructor(
    version: ServerVersion,
    readonly block: HeaderBlock,
    readonly field: HeaderField,
  ) {
    super(apiMemberTable('MessageHeader', headerImplementation, version), 'MessageHeader');
  }
}

const headersImplementation: Implementation<MessageHeadersObject> = {
  Count: getter((self) => long(self.block.fields.length)),
  Item: {
    get: (self, args) => {
      expectArgs(args, 1);
      const i = indexArg(args[0], self.block.fields.length);
      return new MessageHeaderObject(self.version, self.block, self.block.fields[i]);
    },
  },
  ItemByName: {
    get: (self, args) => {
      expectArgs(args, 1);
      const field = self.block.find(scriptToRaw(toStr(args[0])));
      return field ? new MessageHeaderObject(self.version, self.block, field) : subscriptOutOfRange();
    },
  },
};

export class MessageHeadersObject extends ApiObject {
  constructor(
    readonly version: ServerVersion,
    readonly block: HeaderBlock,
  ) {
    super(apiMemberTable('MessageHeaders', headersImplementation, version), 'MessageHeaders');
  }
}

export { headerImplementation, headersImplementation };
