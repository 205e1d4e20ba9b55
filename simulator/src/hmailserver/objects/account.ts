/**
 * `Account`: one mailbox of the scenario (from `Authenticate`, `Accounts.Item…`, or
 * HMAILSERVER_ACCOUNT in OnClientValidatePassword). `ValidatePassword` runs the server's password
 * check (including OnClientValidatePassword in 5.7, through the pipeline's hook). The stored
 * password is never readable: the server returns its hash there, which hmailsim does not compute.
 * Size and QuotaUsed are 0: the simulated server keeps no mailbox contents.
 */
import type { SimulationContext } from '../../sandbox/context';
import { toStr } from '../../runtime/values/coerce';
import { makeLong, VSingle } from '../../runtime/values/variant';
import { apiMemberTable, type Implementation } from '../apiObject';
import { checkAccountPassword } from '../server/passwords';
import type { SimulatedServer } from '../server/simulatedServer';
import type { AccountRow } from '../server/types';
import { Authentication } from './authentication';
import { fieldMembers, fromScriptValue, getter, method, notSimulated, partial } from './members';
import { rowMembers, RowObject, type Host, type RowKind } from './rows';

export const ACCOUNT_KIND: RowKind<AccountRow> = {
  interfaceName: 'Account',
  tableName: 'accounts',
  table: (state) => state.accounts,
  label: (row) => row.Address,
  rights: 'domainAdmin',
};

const accountImplementation: Implementation<AccountObject> = {
  ...rowMembers<AccountObject>('Account'),
  ...fieldMembers<AccountObject>({
    Active: 'bool',
    ADDomain: 'string',
    Address: 'string',
    DomainID: 'long',
    IsAD: 'bool',
    ADUsername: 'string',
    MaxSize: 'long',
    AdminLevel: 'long',
    VacationMessageIsOn: 'bool',
    VacationMessage: 'string',
    VacationSubject: 'string',
    VacationMessageExpires: 'bool',
    VacationMessageExpiresDate: 'string',
    ForwardEnabled: 'bool',
    ForwardAddress: 'string',
    ForwardKeepOriginal: 'bool',
    SignatureEnabled: 'bool',
    SignaturePlainText: 'string',
    SignatureHTML: 'string',
    PersonFirstName: 'string',
    PersonLastName: 'string',
  }),
  Password: partial({
    get: () => notSimulated('Account', 'Password', 'the server returns the stored hash, which hmailsim does not compute'),
    set: (self, _args, value) => self.writeField('Password', fromScriptValue('string', value)),
  }),
  Size: getter(() => new VSingle(0)),
  QuotaUsed: getter(() => makeLong(0)),
  ValidatePassword: method(1, (self, [password]) => self.validatePassword(toStr(password))),
};

export class AccountObject extends RowObject<AccountRow> {
  constructor(host: Host, row: AccountRow) {
    super(apiMemberTable('Account', accountImplementation, host.ctx.version), ACCOUNT_KIND, host, row);
  }

  validatePassword(password: string): boolean {
    return checkAccountPassword(this.row, password, this.host.server.passwordHook);
  }
}

/** An Account object for a row of the run's state (HMAILSERVER_ACCOUNT, `fire` arguments). */
export function makeAccount(ctx: SimulationContext, server: SimulatedServer, row: AccountRow): AccountObject {
  return new AccountObject({ ctx, server, auth: new Authentication(server) }, row);
}

export { accountImplementation };
