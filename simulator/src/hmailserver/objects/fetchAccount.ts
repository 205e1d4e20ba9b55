/**
 * `FetchAccount` (HMAILSERVER_FETCHACCOUNT in OnExternalAccountDownload): the external POP3
 * account being downloaded. The scenario gives it as member → value (`{ "Name": "Gmail",
 * "DaysToKeepMessages": -1 }`).
 * `Save`/`Delete`/`DownloadNow` are recorded; the simulator keeps no fetch-account table, and
 * downloads happen only through the scenario's `fire` list.
 */
import type { SimulationContext } from '../../sandbox/context';
import { apiMemberTable, ApiObject, type Implementation } from '../apiObject';
import type { Scalar } from '../server/types';
import { fieldMembers, method, type FieldHost } from './members';

export type FetchAccountInfo = Partial<Record<string, Scalar>>;

/** What an unset member reads as: empty / 0 / False, except the POP3 port and Enabled. */
const FETCH_ACCOUNT_DEFAULTS: Readonly<Record<string, Scalar>> = {
  ID: 1,
  Name: '',
  ServerAddress: '',
  Port: 110,
  ServerType: 0,
  Username: '',
  Password: '',
  MinutesBetweenFetch: 0,
  DaysToKeepMessages: 0,
  AccountID: 0,
  Enabled: true,
  ProcessMIMERecipients: false,
  ProcessMIMEDate: false,
  UseSSL: false,
  NextDownloadTime: '',
  UseAntiSpam: false,
  UseAntiVirus: false,
  EnableRouteRecipients: false,
  IsLocked: false,
  ConnectionSecurity: 0,
  MIMERecipientHeaders: '',
};

const fetchAccountImplementation: Implementation<FetchAccountObject> = {
  ...fieldMembers<FetchAccountObject>({
    ID: ['long', 'read'],
    Name: 'string',
    ServerAddress: 'string',
    Port: 'long',
    ServerType: 'long',
    Username: 'string',
    Password: 'string',
    MinutesBetweenFetch: 'long',
    DaysToKeepMessages: 'long',
    AccountID: 'long',
    Enabled: 'bool',
    ProcessMIMERecipients: 'bool',
    ProcessMIMEDate: 'bool',
    UseSSL: 'bool',
    NextDownloadTime: ['string', 'read'],
    UseAntiSpam: 'bool',
    UseAntiVirus: 'bool',
    EnableRouteRecipients: 'bool',
    IsLocked: ['bool', 'read'],
    ConnectionSecurity: 'long',
    MIMERecipientHeaders: 'string',
  }),
  Save: method(0, (self) => self.record('Save', true)),
  Delete: method(0, (self) => self.record('Delete', true)),
  DownloadNow: method(0, (self) => self.record('DownloadNow', false)),
};

export class FetchAccountObject extends ApiObject implements FieldHost {
  private readonly fields: Record<string, Scalar>;

  constructor(
    private readonly ctx: SimulationContext,
    info: FetchAccountInfo,
  ) {
    super(apiMemberTable('FetchAccount', fetchAccountImplementation, ctx.version), 'FetchAccount');
    this.fields = { ...FETCH_ACCOUNT_DEFAULTS };
    for (const [key, value] of Object.entries(info)) {
      const member = Object.keys(FETCH_ACCOUNT_DEFAULTS).find((k) => k.toLowerCase() === key.toLowerCase());
      if (member !== undefined && value !== undefined) this.fields[member] = value;
    }
  }

  readField(name: string): Scalar {
    return this.fields[name];
  }

  writeField(name: string, value: Scalar): void {
    this.fields[name] = value;
  }

  record(action: string, allowed: boolean): undefined {
    const detail = allowed ? undefined : 'not performed: downloads happen only through the scenario';
    this.ctx.record({ kind: 'com', target: `hMailServer.FetchAccount.${action} ${String(this.fields.Name)}`, allowed, detail });
    return undefined;
  }
}

export function makeFetchAccount(ctx: SimulationContext, info: FetchAccountInfo = {}): FetchAccountObject {
  return new FetchAccountObject(ctx, info);
}

export { fetchAccountImplementation };
