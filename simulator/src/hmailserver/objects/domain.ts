/**
 * `Domains` → `Domain` → `Accounts`, answered from the run's server state.
 *
 * Visibility follows the COM layer: `Application.Domains` needs any successful login; a server
 * admin sees every domain, anyone else only their own (InterfaceDomains::Refresh with the
 * account's domain). In `Accounts`, a domain admin sees the domain's accounts, a plain user only
 * their own. Adding domains needs server admin, adding accounts domain admin.
 */
import { ApiObject, apiMemberTable, type Implementation } from '../apiObject';
import { VLongLong, makeLong } from '../../runtime/values/variant';
import { ACCOUNT_DEFAULTS, DOMAIN_DEFAULTS } from '../server/defaults';
import type { AccountRow, DomainRow } from '../server/types';
import { ACCOUNT_KIND, AccountObject } from './account';
import { AliasesObject } from './alias';
import { DistributionListsObject } from './distributionList';
import { fieldMembers, getter, method } from './members';
import { collectionDeleteMembers, collectionMembers, rowMembers, RowObject, type CollectionSpec, type Host, type RowKind } from './rows';

export const DOMAIN_KIND: RowKind<DomainRow> = {
  interfaceName: 'Domain',
  tableName: 'domains',
  table: (state) => state.domains,
  label: (row) => row.Name,
  rights: 'serverAdmin',
  // Deleting a domain deletes what lives in it.
  cascade: (state, row) => {
    state.accounts = state.accounts.filter((a) => a.DomainID !== row.ID);
    state.aliases = state.aliases.filter((a) => a.DomainID !== row.ID);
    const lists = new Set(state.distributionLists.filter((l) => l.DomainID === row.ID).map((l) => l.ID));
    state.distributionLists = state.distributionLists.filter((l) => !lists.has(l.ID));
    state.distributionListMembers = state.distributionListMembers.filter((m) => !lists.has(m.ListID));
  },
};

// ------------------------------------------------------------------ Domains

const domainsSpec: CollectionSpec<DomainsObject, DomainRow> = {
  interfaceName: 'Domains',
  rows: (self) => {
    const { auth, server } = self.host;
    return auth.isServerAdmin ? server.state.domains : server.state.domains.filter((d) => d.ID === auth.domainId);
  },
  item: (self, row) => new DomainObject(self.host, row),
  lookups: { ItemByName: (row) => row.Name },
};

const domainsImplementation: Implementation<DomainsObject> = {
  ...collectionMembers(domainsSpec),
  DeleteByDBID: collectionDeleteMembers(domainsSpec, DOMAIN_KIND).DeleteByDBID,
  Add: method(0, (self) => {
    self.host.auth.requireServerAdmin();
    return new DomainObject(self.host, { ...DOMAIN_DEFAULTS, ID: 0, Name: '' });
  }),
};

export class DomainsObject extends ApiObject {
  constructor(readonly host: Host) {
    super(apiMemberTable('Domains', domainsImplementation, host.ctx.version), 'Domains');
  }
}

// ------------------------------------------------------------------ Domain

const domainImplementation: Implementation<DomainObject> = {
  ...rowMembers<DomainObject>('Domain'),
  ...fieldMembers<DomainObject>({
    Name: 'string',
    Active: 'bool',
    Postmaster: 'string',
    ADDomainName: 'string',
    MaxMessageSize: 'long',
    PlusAddressingEnabled: 'bool',
    PlusAddressingCharacter: 'string',
    AntiSpamEnableGreylisting: 'bool',
    MaxSize: 'long',
    SignatureEnabled: 'bool',
    SignatureMethod: 'long',
    SignaturePlainText: 'string',
    SignatureHTML: 'string',
    AddSignaturesToReplies: 'bool',
    AddSignaturesToLocalMail: 'bool',
    MaxNumberOfAccounts: 'long',
    MaxNumberOfAliases: 'long',
    MaxNumberOfDistributionLists: 'long',
    MaxNumberOfAccountsEnabled: 'bool',
    MaxNumberOfAliasesEnabled: 'bool',
    MaxNumberOfDistributionListsEnabled: 'bool',
    MaxAccountSize: 'long',
    DKIMSignEnabled: 'bool',
    DKIMSelector: 'string',
    DKIMPrivateKeyFile: 'string',
    DKIMHeaderCanonicalizationMethod: 'long',
    DKIMBodyCanonicalizationMethod: 'long',
    DKIMSigningAlgorithm: 'long',
    DKIMSignAliasesEnabled: 'bool',
  }),
  // No mailbox contents are simulated: the domain's stored size is 0 MB.
  Size: getter(() => makeLong(0)),
  AllocatedSize: getter((self) => new VLongLong(BigInt(self.allocatedSize()))),
  Accounts: getter((self) => new AccountsObject(self.host, self.row)),
  Aliases: getter((self) => new AliasesObject(self.host, self.row)),
  DistributionLists: getter((self) => new DistributionListsObject(self.host, self.row)),
};

export class DomainObject extends RowObject<DomainRow> {
  constructor(host: Host, row: DomainRow) {
    super(apiMemberTable('Domain', domainImplementation, host.ctx.version), DOMAIN_KIND, host, row);
  }

  /** The sum of the accounts' MaxSize (MB), as the server computes AllocatedSize. */
  allocatedSize(): number {
    return this.host.server.state.accounts.filter((a) => a.DomainID === this.row.ID).reduce((sum, a) => sum + a.MaxSize, 0);
  }
}

// ------------------------------------------------------------------ Accounts

const accountsSpec: CollectionSpec<AccountsObject, AccountRow> = {
  interfaceName: 'Accounts',
  rows: (self) => {
    const { auth, server } = self.host;
    const inDomain = server.state.accounts.filter((a) => a.DomainID === self.domain.ID);
    return auth.isDomainAdmin ? inDomain : inDomain.filter((a) => a.ID === auth.accountId);
  },
  item: (self, row) => new AccountObject(self.host, row),
  lookups: { ItemByAddress: (row) => row.Address },
};

const accountsImplementation: Implementation<AccountsObject> = {
  ...collectionMembers(accountsSpec),
  ...collectionDeleteMembers(accountsSpec, ACCOUNT_KIND),
  Add: method(0, (self) => {
    self.host.auth.requireDomainAdmin();
    return new AccountObject(self.host, { ...ACCOUNT_DEFAULTS, ID: 0, DomainID: self.domain.ID, Address: '' });
  }),
};

export class AccountsObject extends ApiObject {
  constructor(
    readonly host: Host,
    readonly domain: DomainRow,
  ) {
    super(apiMemberTable('Accounts', accountsImplementation, host.ctx.version), 'Accounts');
  }
}

export { domainImplementation, domainsImplementation, accountsImplementation };
