/**
 * `Aliases` → `Alias` of a domain, from the run's state (domain admins and above; a plain user
 * gets the server's access-denied error).
 */
import { ApiObject, apiMemberTable, type Implementation } from '../apiObject';
import type { AliasRow, DomainRow } from '../server/types';
import { fieldMembers, method } from './members';
import { collectionDeleteMembers, collectionMembers, rowMembers, RowObject, type CollectionSpec, type Host, type RowKind } from './rows';

export const ALIAS_KIND: RowKind<AliasRow> = {
  interfaceName: 'Alias',
  tableName: 'aliases',
  table: (state) => state.aliases,
  label: (row) => `${row.Name} → ${row.Value}`,
  rights: 'domainAdmin',
};

const aliasImplementation: Implementation<AliasObject> = {
  ...rowMembers<AliasObject>('Alias'),
  ...fieldMembers<AliasObject>({ Name: 'string', Value: 'string', Active: 'bool', DomainID: 'long' }),
};

export class AliasObject extends RowObject<AliasRow> {
  constructor(host: Host, row: AliasRow) {
    super(apiMemberTable('Alias', aliasImplementation, host.ctx.version), ALIAS_KIND, host, row);
  }
}

const aliasesSpec: CollectionSpec<AliasesObject, AliasRow> = {
  interfaceName: 'Aliases',
  rows: (self) => self.host.server.state.aliases.filter((a) => a.DomainID === self.domain.ID),
  item: (self, row) => new AliasObject(self.host, row),
  lookups: { ItemByName: (row) => row.Name },
};

const aliasesImplementation: Implementation<AliasesObject> = {
  ...collectionMembers(aliasesSpec),
  ...collectionDeleteMembers(aliasesSpec, ALIAS_KIND),
  Add: method(0, (self) => new AliasObject(self.host, { ID: 0, DomainID: self.domain.ID, Name: '', Value: '', Active: true })),
};

export class AliasesObject extends ApiObject {
  constructor(
    readonly host: Host,
    readonly domain: DomainRow,
  ) {
    host.auth.requireDomainAdmin();
    super(apiMemberTable('Aliases', aliasesImplementation, host.ctx.version), 'Aliases');
  }
}

export { aliasImplementation, aliasesImplementation };
