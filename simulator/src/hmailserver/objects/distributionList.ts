/**
 * `DistributionLists` → `DistributionList` → `DistributionListRecipients` →
 * `DistributionListRecipient`, from the run's state (domain admins and above).
 */
import { ApiObject, apiMemberTable, type Implementation } from '../apiObject';
import type { DistributionListMemberRow, DistributionListRow, DomainRow } from '../server/types';
import { fieldMembers, getter, method } from './members';
import { collectionDeleteMembers, collectionMembers, rowMembers, RowObject, type CollectionSpec, type Host, type RowKind } from './rows';

export const DISTRIBUTION_LIST_KIND: RowKind<DistributionListRow> = {
  interfaceName: 'DistributionList',
  tableName: 'distributionlists',
  table: (state) => state.distributionLists,
  label: (row) => row.Address,
  rights: 'domainAdmin',
  cascade: (state, row) => {
    state.distributionListMembers = state.distributionListMembers.filter((m) => m.ListID !== row.ID);
  },
};

export const LIST_MEMBER_KIND: RowKind<DistributionListMemberRow> = {
  interfaceName: 'DistributionListRecipient',
  tableName: 'distributionlistsrecipients',
  table: (state) => state.distributionListMembers,
  label: (row) => row.RecipientAddress,
  rights: 'domainAdmin',
};

// ------------------------------------------------------------------ lists

const listImplementation: Implementation<DistributionListObject> = {
  ...rowMembers<DistributionListObject>('DistributionList'),
  ...fieldMembers<DistributionListObject>({
    Active: 'bool',
    Address: 'string',
    RequireSMTPAuth: 'bool',
    RequireSenderAddress: 'string',
    Mode: 'long',
  }),
  Recipients: getter((self) => new DistributionListRecipientsObject(self.host, self.row)),
};

export class DistributionListObject extends RowObject<DistributionListRow> {
  constructor(host: Host, row: DistributionListRow) {
    super(apiMemberTable('DistributionList', listImplementation, host.ctx.version), DISTRIBUTION_LIST_KIND, host, row);
  }
}

const listsSpec: CollectionSpec<DistributionListsObject, DistributionListRow> = {
  interfaceName: 'DistributionLists',
  rows: (self) => self.host.server.state.distributionLists.filter((l) => l.DomainID === self.domain.ID),
  item: (self, row) => new DistributionListObject(self.host, row),
  lookups: { ItemByAddress: (row) => row.Address },
};

const listsImplementation: Implementation<DistributionListsObject> = {
  ...collectionMembers(listsSpec),
  DeleteByDBID: collectionDeleteMembers(listsSpec, DISTRIBUTION_LIST_KIND).DeleteByDBID,
  Add: method(
    0,
    (self) =>
      new DistributionListObject(self.host, {
        ID: 0,
        DomainID: self.domain.ID,
        Address: '',
        Active: true,
        RequireSMTPAuth: false,
        RequireSenderAddress: '',
        Mode: 0,
      }),
  ),
};

export class DistributionListsObject extends ApiObject {
  constructor(
    readonly host: Host,
    readonly domain: DomainRow,
  ) {
    host.auth.requireDomainAdmin();
    super(apiMemberTable('DistributionLists', listsImplementation, host.ctx.version), 'DistributionLists');
  }
}

// ------------------------------------------------------------------ members

const memberImplementation: Implementation<DistributionListRecipientObject> = {
  ...rowMembers<DistributionListRecipientObject>('DistributionListRecipient'),
  ...fieldMembers<DistributionListRecipientObject>({ RecipientAddress: 'string' }),
};

export class DistributionListRecipientObject extends RowObject<DistributionListMemberRow> {
  constructor(host: Host, row: DistributionListMemberRow) {
    super(apiMemberTable('DistributionListRecipient', memberImplementation, host.ctx.version), LIST_MEMBER_KIND, host, row);
  }
}

const membersSpec: CollectionSpec<DistributionListRecipientsObject, DistributionListMemberRow> = {
  interfaceName: 'DistributionListRecipients',
  rows: (self) => self.host.server.state.distributionListMembers.filter((m) => m.ListID === self.list.ID),
  item: (self, row) => new DistributionListRecipientObject(self.host, row),
};

const membersImplementation: Implementation<DistributionListRecipientsObject> = {
  ...collectionMembers(membersSpec),
  DeleteByDBID: collectionDeleteMembers(membersSpec, LIST_MEMBER_KIND).DeleteByDBID,
  Add: method(0, (self) => new DistributionListRecipientObject(self.host, { ID: 0, ListID: self.list.ID, RecipientAddress: '' })),
};

export class DistributionListRecipientsObject extends ApiObject {
  constructor(
    readonly host: Host,
    readonly list: DistributionListRow,
  ) {
    super(apiMemberTable('DistributionListRecipients', membersImplementation, host.ctx.version), 'DistributionListRecipients');
  }
}

export { listImplementation, listsImplementation, memberImplementation, membersImplementation };
