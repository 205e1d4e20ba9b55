/**
 * `hMailServer.Application`: the root object scripts create to reach the server's data.
 *
 * Rights, per InterfaceApplication: `Domains` needs a successful `Authenticate`; Settings,
 * Status, ServerState, InitializationFile, Rules, Links, BackupManager, Diagnostics, Start,
 * Stop and Reinitialize need server admin; `Database` is handed out to anyone but each of its
 * members checks server admin. With an empty administrator password every new Application is
 * server admin without logging in. A refusal is the server's COM error (Err.Number
 * -2147220503, "You do not have access to this property / method. …").
 *
 * Service control (Start/Stop/Reinitialize) is recorded and refused: a script never stops
 * the simulated server.
 */
import type { SimulationContext } from '../../sandbox/context';
import { Nothing } from '../../runtime/objects/comObject';
import { toStr } from '../../runtime/values/coerce';
import { makeLong, type Value } from '../../runtime/values/variant';
import { ApiObject, apiMemberTable, type Implementation } from '../apiObject';
import { INITIALIZATION_FILE, VERSION_ARCHITECTURE, VERSION_STRINGS } from '../server/defaults';
import type { SimulatedServer } from '../server/simulatedServer';
import { AccountObject } from './account';
import { Authentication } from './authentication';
import { DatabaseObject } from './database';
import { DomainsObject } from './domain';
import { LinksObject } from './links';
import { getter, method, notSimulated, partial } from './members';
import type { Host } from './rows';
import { SettingsObject } from './settings';
import { StatusObject } from './status';
import { UtilitiesObject } from './utilities';

/** eServerState hStateRunning: scripts only ever run while the server runs. */
const SERVER_RUNNING = 3;

/** A server-admin property whose object hmailsim does not model: the rights check still comes first. */
function adminOnlyNotSimulated(member: string) {
  return partial(
    getter<ApplicationObject>((self) => {
      self.host.auth.requireServerAdmin();
      return notSimulated('Application', member);
    }),
  );
}

/** Service control: checked like the server, recorded, never performed. */
function serviceControl(member: string) {
  return method<ApplicationObject>(0, (self) => {
    self.host.auth.requireServerAdmin();
    self.host.ctx.record({ kind: 'com', target: `hMailServer.Application.${member}`, allowed: false, detail: 'the simulated server is never stopped or restarted by a script' });
    return undefined;
  });
}

const applicationImplementation: Implementation<ApplicationObject> = {
  Authenticate: method(2, (self, [user, password]) => self.authenticate(toStr(user), toStr(password))),
  Domains: getter((self) => (self.host.auth.requireAuthenticated(), new DomainsObject(self.host))),
  Settings: getter((self) => (self.host.auth.requireServerAdmin(), new SettingsObject(self.host))),
  Status: getter((self) => (self.host.auth.requireServerAdmin(), new StatusObject(self.host))),
  ServerState: getter((self) => (self.host.auth.requireServerAdmin(), makeLong(SERVER_RUNNING))),
  InitializationFile: getter((self) => (self.host.auth.requireServerAdmin(), INITIALIZATION_FILE)),
  Database: getter((self) => new DatabaseObject(self.host)),
  Utilities: getter((self) => new UtilitiesObject(self.host.ctx, self.host.server)),
  Version: getter((self) => VERSION_STRINGS[self.host.ctx.version]),
  VersionArchitecture: getter(() => VERSION_ARCHITECTURE),
  // The service is running and connected to its database: Connect has nothing left to do.
  Connect: method(0, () => undefined),
  SubmitEMail: method(0, (self) => {
    self.host.ctx.record({ kind: 'com', target: 'hMailServer.Application.SubmitEMail', allowed: true, detail: 'no effect: the simulated queue is delivered by the pipeline' });
    return undefined;
  }),
  Start: serviceControl('Start'),
  Stop: serviceControl('Stop'),
  Reinitialize: serviceControl('Reinitialize'),
  Rules: adminOnlyNotSimulated('Rules'),
  Links: getter((self) => (self.host.auth.requireServerAdmin(), new LinksObject(self.host))),
  BackupManager: adminOnlyNotSimulated('BackupManager'),
  Diagnostics: adminOnlyNotSimulated('Diagnostics'),
};

export class ApplicationObject extends ApiObject {
  readonly host: Host;

  constructor(ctx: SimulationContext, server: SimulatedServer) {
    super(apiMemberTable('Application', applicationImplementation, ctx.version), 'Application');
    this.host = { ctx, server, auth: new Authentication(server) };
  }

  authenticate(user: string, password: string): Value {
    const account = this.host.auth.authenticate(user, password);
    return account ? new AccountObject(this.host, account) : Nothing;
  }
}

export function makeApplication(ctx: SimulationContext, server: SimulatedServer): ApplicationObject {
  return new ApplicationObject(ctx, server);
}

export { applicationImplementation };
