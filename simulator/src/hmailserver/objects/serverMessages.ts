/**
 * `Settings.ServerMessages` → `ServerMessage`: the customizable texts (SEND_FAILED_NOTIFICATION
 * …) with a new installation's wording, e.g. for scripts that compose their own bounces.
 */
import { ApiObject, apiMemberTable, type Implementation } from '../apiObject';
import type { ServerMessageRow } from '../server/types';
import { fieldMembers } from './members';
import { collectionMembers, rowMembers, RowObject, type CollectionSpec, type Host, type RowKind } from './rows';

export const SERVER_MESSAGE_KIND: RowKind<ServerMessageRow> = {
  interfaceName: 'ServerMessage',
  tableName: 'servermessages',
  table: (state) => state.serverMessages,
  label: (row) => row.Name,
  rights: 'serverAdmin',
};

const messageImplementation: Implementation<ServerMessageObject> = {
  ...rowMembers<ServerMessageObject>('ServerMessage'),
  ...fieldMembers<ServerMessageObject>({ Name: 'string', Text: 'string' }),
};

export class ServerMessageObject extends RowObject<ServerMessageRow> {
  constructor(host: Host, row: ServerMessageRow) {
    super(apiMemberTable('ServerMessage', messageImplementation, host.ctx.version), SERVER_MESSAGE_KIND, host, row);
  }
}

const messagesSpec: CollectionSpec<ServerMessagesObject, ServerMessageRow> = {
  interfaceName: 'ServerMessages',
  rows: (self) => self.host.server.state.serverMessages,
  item: (self, row) => new ServerMessageObject(self.host, row),
  lookups: { ItemByName: (row) => row.Name },
};

const messagesImplementation: Implementation<ServerMessagesObject> = collectionMembers(messagesSpec);

export class ServerMessagesObject extends ApiObject {
  constructor(readonly host: Host) {
    super(apiMemberTable('ServerMessages', messagesImplementation, host.ctx.version), 'ServerMessages');
  }
}

export { messageImplementation as serverMessageImplementation, messagesImplementation as serverMessagesImplementation };
