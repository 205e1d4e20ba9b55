/**
 * WScript.Shell (TypeName IWshShell3) in the sandbox. No process is ever started: Run and Exec
 * are recorded and answered from `mocks.exec` (first rule whose `*` pattern matches the
 * command line wins). A command no rule matches is recorded as denied and "exits" with
 * `DENIED_EXIT_CODE` (5, Windows' ERROR_ACCESS_DENIED: unlikely to collide with a tool's own
 * meaningful codes, such as a virus scanner's 1 = infected).
 *
 * The registry is read from `mocks.registry` (a missing value gives the error WSH gives) and
 * never written: RegWrite/RegDelete are recorded as denied and raise E_ACCESSDENIED.
 * Environment, special folders and the current directory are the simulated machine's.
 */
import { raise, RuntimeError } from '../runtime/errors.js';
import { ComObject, HostError, MemberTable } from '../runtime/objects/comObject.js';
import { toStr } from '../runtime/values/coerce.js';
import { makeLong, type Value } from '../runtime/values/variant.js';
import type { ExecMock } from '../scenario/types.js';
import { given, method, optBool, optStr, prop } from './args.js';
import type { SimulationContext } from './context.js';
import { expandEnvironmentStrings, sandboxState } from './environment.js';
import { sandboxFs } from './fileSystem/operations.js';
import { TextStream } from './fileSystem/textStream.js';
import { recordEffect } from './recorder.js';
import { describeValue, jsonToValue } from './values.js';
import { firstMatch } from './wildcard.js';

export const DENIED_EXIT_CODE = 5;

const E_ACCESSDENIED = 0x80070005;
const E_FILE_NOT_FOUND = 0x80070002;

function matchExec(ctx: SimulationContext, command: string): ExecMock | undefined {
  return firstMatch(ctx.mocks.exec, command, (r) => r.match);
}

/** Records the command and returns the rule that answers it (undefined: denied). */
function simulateProcess(ctx: SimulationContext, command: string, how: string): ExecMock | undefined {
  const rule = matchExec(ctx, command);
  recordEffect(ctx, 'exec', command, rule !== undefined, rule ? `${how}: simulated, exit code ${rule.exitCode ?? 0}` : `${how}: no mocks.exec rule matched; not run, exit code ${DENIED_EXIT_CODE}`);
  return rule;
}

// ------------------------------------------------------------------ registry

const ROOTS: Record<string, string> = {
  hkcr: 'HKCR',
  hkey_classes_root: 'HKCR',
  hkcu: 'HKCU',
  hkey_current_user: 'HKCU',
  hklm: 'HKLM',
  hkey_local_machine: 'HKLM',
  hku: 'HKU',
  hkey_users: 'HKU',
  hkcc: 'HKCC',
  hkey_current_config: 'HKCC',
};

/** `HKEY_LOCAL_MACHINE\Software\X` → `hklm\software\x`; undefined for an invalid root. */
function registryKey(name: string): string | undefined {
  const slash = name.indexOf('\\');
  const root = ROOTS[(slash < 0 ? name : name.slice(0, slash)).toLowerCase()];
  if (!root) return undefined;
  return (root + (slash < 0 ? '\\' : name.slice(slash))).toLowerCase();
}

function regRead(ctx: SimulationContext, name: string): Value {
  const key = registryKey(name);
  if (key === undefined) {
    recordEffect(ctx, 'registry', name, false, 'RegRead: invalid root');
    throw new HostError(E_FILE_NOT_FOUND, `Invalid root in registry key "${name}".`, 'WshShell.RegRead');
  }
  const mocks = ctx.mocks.registry ?? {};
  for (const [mockName, value] of Object.entries(mocks)) {
    if (registryKey(mockName) === key) {
      const v = jsonToValue(value);
      recordEffect(ctx, 'registry', name, true, `RegRead: ${describeValue(v)}`);
      return v;
    }
  }
  // A key read (trailing backslash) that exists only as the parent of mocked values has an unset default value.
  if (key.endsWith('\\') && Object.keys(mocks).some((m) => registryKey(m)?.startsWith(key))) {
    recordEffect(ctx, 'registry', name, true, 'RegRead: key exists, default value not set');
    return '';
  }
  recordEffect(ctx, 'registry', name, false, 'RegRead: not in mocks.registry');
  throw new HostError(E_FILE_NOT_FOUND, `Unable to open registry key "${name}" for reading.`, 'WshShell.RegRead');
}

function registryWriteRefused(ctx: SimulationContext, what: string, name: string, detail: string): never {
  recordEffect(ctx, 'registry', name, false, `${what}: ${detail}; refused (the simulator never changes the registry)`);
  throw new HostError(E_ACCESSDENIED, `${what} "${name}" refused: the simulator never changes the registry.`, `WshShell.${what}`);
}

// ------------------------------------------------------------------ Exec

class WshExec extends ComObject {
  readonly stdOut: TextStream;
  readonly stdErr: TextStream;
  readonly stdIn: TextStream;
  status = 1;

  constructor(
    readonly ctx: SimulationContext,
    readonly command: string,
    rule: ExecMock | undefined,
    readonly processId: number,
  ) {
    super(execTable, 'IWshExec');
    this.exitCode = rule ? (rule.exitCode ?? 0) : DENIED_EXIT_CODE;
    this.stdOut = new TextStream(undefined, 'read', rule?.stdout ?? '');
    this.stdErr = new TextStream(undefined, 'read', rule ? (rule.stderr ?? '') : `hmailsim: "${command}" was not run (no mocks.exec rule matched)\r\n`);
    // What a script writes to the process's StdIn is recorded; the process is simulated, so it reads nothing.
    this.stdIn = new TextStream(undefined, 'write', '', { sink: (text) => recordEffect(ctx, 'exec', command, rule !== undefined, `StdIn: ${JSON.stringify(text)}`) });
  }

  readonly exitCode: number;
}

const execTable = new MemberTable<WshExec>({
  // The simulated process has finished by the time Exec returns: 1 = WshFinished.
  Status: prop('Status', (e) => e.status),
  ExitCode: prop('ExitCode', (e) => makeLong(e.exitCode)),
  ProcessID: prop('ProcessID', (e) => makeLong(e.processId)),
  StdOut: prop('StdOut', (e) => e.stdOut),
  StdErr: prop('StdErr', (e) => e.stdErr),
  StdIn: prop('StdIn', (e) => e.stdIn),
  Terminate: method('Terminate', 0, 0, () => undefined),
});

// ------------------------------------------------------------------ collections

/** WshEnvironment: one view of the simulated environment; only the PROCESS view can be changed. */
class WshEnvironment extends ComObject {
  constructor(
    readonly ctx: SimulationContext,
    readonly kind: string,
  ) {
    super(environmentTable, 'IWshEnvironment');
  }

  get vars(): Map<string, { name: string; value: string }> {
    return sandboxState(this.ctx).processEnvironment;
  }

  set(name: string, value: string): void {
    if (this.kind !== 'PROCESS') registryWriteRefused(this.ctx, 'Environment', `${this.kind}\\${name}`, `set to ${JSON.stringify(value)}`);
    this.vars.set(name.toLowerCase(), { name, value });
    recordEffect(this.ctx, 'com', `WScript.Shell.Environment("PROCESS")("${name}")`, true, `set to ${JSON.stringify(value)} (simulated process only)`);
  }

  remove(name: string): void {
    if (this.kind !== 'PROCESS') registryWriteRefused(this.ctx, 'Environment', `${this.kind}\\${name}`, 'remove');
    this.vars.delete(name.toLowerCase());
  }

  enumerate(): Iterable<Value> {
    return [...this.vars.values()].map((v) => `${v.name}=${v.value}`);
  }
}

const environmentTable = new MemberTable<WshEnvironment>(
  {
    Item: {
      get: (e, a) => {
        if (a.length !== 1) raise(RuntimeError.WrongNumberOfArguments, 'Item');
        return e.vars.get(toStr(a[0]).toLowerCase())?.value ?? '';
      },
      set: (e, a, v) => {
        if (a.length !== 1) raise(RuntimeError.WrongNumberOfArguments, 'Item');
        e.set(toStr(a[0]), toStr(v));
      },
      pure: true,
    },
    Count: prop('Count', (e) => makeLong(e.vars.size)),
    length: prop('length', (e) => makeLong(e.vars.size)),
    Remove: method('Remove', 1, 1, (e, a) => {
      e.remove(toStr(a[0]));
      return undefined;
    }),
  },
  { defaultMember: 'Item' },
);

/** WshSpecialFolders (TypeName IWshCollection): by name, or by index in a fixed order. */
class WshSpecialFolders extends ComObject {
  constructor(readonly ctx: SimulationContext) {
    super(specialFoldersTable, 'IWshCollection');
  }

  get entries(): Array<[string, string]> {
    return Object.entries(sandboxState(this.ctx).settings.specialFolders);
  }

  item(key: Value): string {
    if (typeof key === 'string') return this.entries.find(([n]) => n.toLowerCase() === key.toLowerCase())?.[1] ?? '';
    const i = Number(toStr(key));
    if (!Number.isInteger(i) || i < 0 || i >= this.entries.length) raise(RuntimeError.SubscriptOutOfRange);
    return this.entries[i][1];
  }

  enumerate(): Iterable<Value> {
    return this.entries.map(([, path]) => path);
  }
}

const specialFoldersTable = new MemberTable<WshSpecialFolders>(
  {
    Item: method('Item', 1, 1, (s, a) => s.item(a[0]), true),
    Count: prop('Count', (s) => makeLong(s.entries.length)),
    length: prop('length', (s) => makeLong(s.entries.length)),
  },
  { defaultMember: 'Item' },
);

// ------------------------------------------------------------------ WScript.Shell

export class WshShell extends ComObject {
  constructor(readonly ctx: SimulationContext) {
    super(shellTable, 'IWshShell3');
  }

  run(command: string, wait: boolean): number {
    const rule = simulateProcess(this.ctx, command, wait ? 'Run (wait)' : 'Run');
    if (!rule) return DENIED_EXIT_CODE;
    // Without waiting, Run returns 0 as soon as the process started.
    return wait ? (rule.exitCode ?? 0) : 0;
  }

  exec(command: string): WshExec {
    const rule = simulateProcess(this.ctx, command, 'Exec');
    const state = sandboxState(this.ctx);
    return new WshExec(this.ctx, command, rule, 4000 + 4 * ++state.nextProcessId);
  }
}

const shellTable = new MemberTable<WshShell>({
  Run: method('Run', 1, 3, (s, a) => makeLong(s.run(toStr(a[0]), optBool(a, 2, false)))),
  Exec: method('Exec', 1, 1, (s, a) => s.exec(toStr(a[0]))),
  RegRead: method('RegRead', 1, 1, (s, a) => regRead(s.ctx, toStr(a[0]))),
  RegWrite: method('RegWrite', 2, 3, (s, a) => registryWriteRefused(s.ctx, 'RegWrite', toStr(a[0]), `value ${describeValue(a[1])}${given(a, 2) ? ` as ${toStr(a[2])}` : ''}`)),
  RegDelete: method('RegDelete', 1, 1, (s, a) => registryWriteRefused(s.ctx, 'RegDelete', toStr(a[0]), 'delete')),
  ExpandEnvironmentStrings: method('ExpandEnvironmentStrings', 1, 1, (s, a) => expandEnvironmentStrings(s.ctx, toStr(a[0])), true),
  Environment: {
    get: (s, a) => {
      if (a.length > 1) raise(RuntimeError.WrongNumberOfArguments, 'Environment');
      const kind = optStr(a, 0, 'SYSTEM').toUpperCase();
      if (!['SYSTEM', 'USER', 'VOLATILE', 'PROCESS'].includes(kind)) raise(RuntimeError.InvalidProcedureCall);
      return new WshEnvironment(s.ctx, kind);
    },
    pure: true,
  },
  SpecialFolders: prop('SpecialFolders', (s) => new WshSpecialFolders(s.ctx)),
  CurrentDirectory: prop(
    'CurrentDirectory',
    (s) => sandboxFs(s.ctx).currentDirectory,
    (s, v) => {
      sandboxFs(s.ctx).currentDirectory = toStr(v);
    },
  ),
  // A service has no desktop: nobody can answer a message box, so it "times out" at once (-1).
  Popup: method('Popup', 1, 4, (s, a) => {
    recordEffect(s.ctx, 'com', 'WScript.Shell.Popup', true, `${JSON.stringify(toStr(a[0]))}; no desktop, returned -1`);
    return -1;
  }),
  LogEvent: method('LogEvent', 2, 3, (s, a) => {
    recordEffect(s.ctx, 'com', 'WScript.Shell.LogEvent', true, `type ${toStr(a[0])}: ${JSON.stringify(toStr(a[1]))} (Windows event log, simulated)`);
    return true;
  }),
  AppActivate: method('AppActivate', 1, 2, () => false),
  SendKeys: method('SendKeys', 1, 2, (s, a) => {
    recordEffect(s.ctx, 'com', 'WScript.Shell.SendKeys', false, `${JSON.stringify(toStr(a[0]))}; no desktop, ignored`);
    return undefined;
  }),
});
