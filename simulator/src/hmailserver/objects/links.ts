/**
 * `Application.Links` (server admin): a domain, account, alias or distribution list by its
 * database ID. An unknown ID is DISP_E_BADINDEX (error 9), as InterfaceLinks returns it.
 */
import { toLong } from '../../runtime/values/coerce';
import type { VbsObject } from '../../runtime/objects/comObject';
import type { Value } from '../../runtime/values/variant';
import { ApiObject, apiMemberTable, type Implementation } from '../apiObject';
import type { ServerState } from '../server/types';
import { AccountObject } from './account';
import { AliasObject } from './alias';
import { DistributionListObject } from './distributionList';
import { DomainObject } from './domain';
import { expectArgs, subscriptOutOfRange } from './members';
import type { Host, Row } from './rows';

function byId<R extends Row>(rows: (state: ServerState) => R[], wrap: (host: Host, row: R) => VbsObject) {
  return {
    get: (self: LinksObject, args: Value[]): Value => {
      expectArgs(args, 1);
      const id = toLong(args[0]);
      const row = rows(self.host.server.state).find((r) => r.ID === id);
      return row ? wrap(self.host, row) : subscriptOutOfRange();
    },
  };
}

const linksImplementation: Implementation<LinksObject> = {
  Domain: byId((s) => s.domains, (h, r) => new DomainObject(h, r)),
  Account: byId((s) => s.accounts, (h, r) => new AccountObject(h, r)),
  Alias: byId((s) => s.aliases, (h, r) => new AliasObject(h, r)),
  DistributionList: byId((s) => s.distributionLists, (h, r) => new DistributionListObject(h, r)),
};

export class LinksObject extends ApiObject {
  constructor(readonly host: Host) {
    super(apiMemberTable('Links', linksImplementation, host.ctx.version), 'Links');
  }
}

export { linksImplementation };
