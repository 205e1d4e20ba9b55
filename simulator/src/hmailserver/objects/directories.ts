/**
 * `Settings.Directories` (hMailServer.ini `[Directories]`, default installation paths) and
 * `Settings.Scripting`. Scripting reports what is true while a handler runs: scripting is
 * enabled, the language is VBScript, the file is EventHandlers.vbs in the event folder.
 * Changing Directories is recorded and kept for the run; `Scripting.Reload` and changing
 * Enabled/Language are recorded and refused (the simulated server runs the scenario's script).
 */
import { ApiObject, apiMemberTable, type Implementation } from '../apiObject';
import type { Scalar } from '../server/types';
import { fieldMembers, getter, method, type FieldHost } from './members';
import type { Host } from './rows';

const directoriesImplementation: Implementation<DirectoriesObject> = fieldMembers<DirectoriesObject>({
  ProgramDirectory: 'string',
  DatabaseDirectory: 'string',
  DataDirectory: 'string',
  LogDirectory: 'string',
  TempDirectory: 'string',
  EventDirectory: 'string',
  DBScriptDirectory: ['string', 'read'],
});

export class DirectoriesObject extends ApiObject implements FieldHost {
  constructor(readonly host: Host) {
    super(apiMemberTable('Directories', directoriesImplementation, host.ctx.version), 'Directories');
  }

  readField(name: string): Scalar {
    return this.host.server.state.directories[name];
  }

  writeField(name: string, value: Scalar): void {
    this.host.server.state.directories[name] = String(value);
    this.host.ctx.record({ kind: 'com', target: `hMailServer.Directories.${name} = ${String(value)}`, allowed: true });
  }
}

const SCRIPT_FILE = 'EventHandlers.vbs';

function refused(member: string) {
  return (self: ScriptingObject): undefined => {
    self.host.ctx.record({ kind: 'com', target: `hMailServer.Scripting.${member}`, allowed: false, detail: 'the simulated server always runs the scenario script' });
    return undefined;
  };
}

const scriptingImplementation: Implementation<ScriptingObject> = {
  Enabled: { get: () => true, set: refused('Enabled') },
  Language: { get: () => 'VBScript', set: refused('Language') },
  Directory: getter((self) => self.eventDirectory()),
  CurrentScriptFile: getter((self) => `${self.eventDirectory()}\\${SCRIPT_FILE}`),
  Reload: method(0, refused('Reload')),
};

export class ScriptingObject extends ApiObject {
  constructor(readonly host: Host) {
    super(apiMemberTable('Scripting', scriptingImplementation, host.ctx.version), 'Scripting');
  }

  eventDirectory(): string {
    return this.host.server.state.directories.EventDirectory;
  }
}

export { directoriesImplementation, scriptingImplementation };
