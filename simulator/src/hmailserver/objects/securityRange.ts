/**
 * `Settings.SecurityRanges` → `SecurityRange`: the IP ranges the relay and connection rules use
 * (see `../server/relay.ts`). Real scripts ban IPs with them: `ItemByName` (error 9 when the
 * range does not exist yet), `Add`, set LowerIP/UpperIP/Priority/Expires/ExpiresTime and the
 * Allow* flags, `Save`. A saved range governs the rest of the run, as it would on the server.
 * `ID` is the default member here (dispid 0), so `oRange` used as a value is its ID.
 */
import { ApiObject, apiMemberTable, type Implementation } from '../apiObject';
import { DEFAULT_SECURITY_RANGES, RANGE_OPTION_MEMBERS } from '../server/defaults';
import { nextId } from '../server/state';
import type { Scalar, SecurityRangeRow } from '../server/types';
import { fieldMembers, method, type FieldSpec } from './members';
import { collectionDeleteMembers, collectionMembers, rowMembers, RowObject, type CollectionSpec, type Host, type RowKind } from './rows';

export const SECURITY_RANGE_KIND: RowKind<SecurityRangeRow> = {
  interfaceName: 'SecurityRange',
  tableName: 'securityranges',
  table: (state) => state.securityRanges,
  label: (row) => `${row.Name} (${row.LowerIP}-${row.UpperIP})`,
  rights: 'serverAdmin',
};

const OPTION_FIELDS: Record<string, FieldSpec> = Object.fromEntries(Object.keys(RANGE_OPTION_MEMBERS).map((name) => [name, 'bool']));

const rangeImplementation: Implementation<SecurityRangeObject> = {
  ...rowMembers<SecurityRangeObject>('SecurityRange'),
  ...fieldMembers<SecurityRangeObject>({
    Name: 'string',
    LowerIP: 'string',
    UpperIP: 'string',
    Priority: 'long',
    Expires: 'bool',
    ExpiresTime: 'date',
    ...OPTION_FIELDS,
  }),
};

export class SecurityRangeObject extends RowObject<SecurityRangeRow> {
  constructor(host: Host, row: SecurityRangeRow) {
    super(apiMemberTable('SecurityRange', rangeImplementation, host.ctx.version), SECURITY_RANGE_KIND, host, row);
  }

  // The Allow*/Require*/Enable* flags are bits of the row's Options.
  override readField(name: string): Scalar {
    const bit = RANGE_OPTION_MEMBERS[name];
    return bit === undefined ? super.readField(name) : (this.draft.Options & bit) !== 0;
  }

  override writeField(name: string, value: Scalar): void {
    const bit = RANGE_OPTION_MEMBERS[name];
    if (bit === undefined) super.writeField(name, value);
    else this.draft.Options = value === true ? this.draft.Options | bit : this.draft.Options & ~bit;
  }
}

const rangesSpec: CollectionSpec<SecurityRangesObject, SecurityRangeRow> = {
  interfaceName: 'SecurityRanges',
  rows: (self) => self.host.server.state.securityRanges,
  item: (self, row) => new SecurityRangeObject(self.host, row),
  lookups: { ItemByName: (row) => row.Name },
};

const rangesImplementation: Implementation<SecurityRangesObject> = {
  ...collectionMembers(rangesSpec),
  ...collectionDeleteMembers(rangesSpec, SECURITY_RANGE_KIND),
  // A new range allows nothing until the script sets its flags (Options 0, priority 10).
  Add: method(
    0,
    (self) =>
      new SecurityRangeObject(self.host, {
        ID: 0,
        Name: '',
        LowerIP: '',
        UpperIP: '',
        Priority: 10,
        Options: 0,
        Expires: false,
        ExpiresTime: '2001-01-01 00:00:00',
      }),
  ),
  SetDefault: method(0, (self) => {
    self.host.auth.requireServerAdmin();
    const state = self.host.server.state;
    state.securityRanges = DEFAULT_SECURITY_RANGES.map((r) => ({ ...r, ID: nextId(state, 'securityranges') }));
    self.host.ctx.record({ kind: 'com', target: 'hMailServer.SecurityRanges.SetDefault', allowed: true });
    return undefined;
  }),
};

export class SecurityRangesObject extends ApiObject {
  constructor(readonly host: Host) {
    super(apiMemberTable('SecurityRanges', rangesImplementation, host.ctx.version), 'SecurityRanges');
  }
}

export { rangeImplementation, rangesImplementation };
