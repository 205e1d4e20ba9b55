/**
 * `Settings` (server admin only, via `Application.Settings`): every scalar member reads the run's
 * settings (`server.settings` of the scenario over a new installation's values) and writes
 * them at once, as the COM setters do (there is no Settings.Save). Which members are scalar
 * comes from the API declaration, so the table follows the version without a hand-kept list.
 * Of the sub-objects, SecurityRanges, ServerMessages, Directories and Scripting are modelled.
 */
import { getInterface } from '../../api';
import { toStr } from '../../runtime/values/coerce';
import { ApiObject, apiMemberTable, type Implementation } from '../apiObject';
import type { Scalar } from '../server/types';
import { DirectoriesObject, ScriptingObject } from './directories';
import { fieldMembers, getter, method, type FieldHost, type FieldKind, type FieldSpec } from './members';
import type { Host } from './rows';
import { SecurityRangesObject } from './securityRange';
import { ServerMessagesObject } from './serverMessages';

const KIND_OF_TYPE: Readonly<Record<string, FieldKind>> = { String: 'string', Boolean: 'bool' };

/** Field specs of the scalar Settings members (Long and enum types read as Long). */
function scalarSettingFields(): Record<string, FieldSpec> {
  const fields: Record<string, FieldSpec> = {};
  for (const m of getInterface('Settings')?.members ?? []) {
    if (m.kind !== 'property' || m.typeKind === 'interface') continue;
    const kind = KIND_OF_TYPE[m.type] ?? 'long';
    fields[m.name] = m.writable ? kind : [kind, 'read'];
  }
  return fields;
}

const settingsImplementation: Implementation<SettingsObject> = {
  ...fieldMembers<SettingsObject>(scalarSettingFields()),
  SecurityRanges: getter((self) => new SecurityRangesObject(self.host)),
  ServerMessages: getter((self) => new ServerMessagesObject(self.host)),
  Directories: getter((self) => new DirectoriesObject(self.host)),
  Scripting: getter((self) => new ScriptingObject(self.host)),
  SetAdministratorPassword: method(1, (self, [password]) => {
    self.host.server.state.administratorPassword = toStr(password);
    self.host.ctx.record({ kind: 'com', target: 'hMailServer.Settings.SetAdministratorPassword', allowed: true });
    return undefined;
  }),
  // The simulator keeps no relayer password and no logon-failure list; both calls only change server state that is not modelled.
  SetSMTPRelayerPassword: method(1, (self) => self.recordCall('SetSMTPRelayerPassword')),
  ClearLogonFailureList: method(0, (self) => self.recordCall('ClearLogonFailureList')),
};

export class SettingsObject extends ApiObject implements FieldHost {
  constructor(readonly host: Host) {
    super(apiMemberTable('Settings', settingsImplementation, host.ctx.version), 'Settings');
  }

  readField(name: string): Scalar {
    return this.host.server.state.settings[name];
  }

  writeField(name: string, value: Scalar): void {
    this.host.server.state.settings[name] = value;
    this.host.ctx.record({ kind: 'com', target: `hMailServer.Settings.${name} = ${String(value)}`, allowed: true });
  }

  recordCall(name: string): undefined {
    this.host.ctx.record({ kind: 'com', target: `hMailServer.Settings.${name}`, allowed: true });
    return undefined;
  }
}

export { settingsImplementation };
