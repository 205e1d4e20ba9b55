/**
 * Builds the simulated server state from a scenario's `server` section, on top of what a new
 * hMailServer installation contains (`defaults.ts`), and answers the lookups everything else
 * needs (domain of an address, account by address …). Lookups are case-insensitive, as the
 * server's are (it lower-cases addresses in its caches).
 */
import { getInterface } from '../../api';
import type { ScenarioAccount, ScenarioDomain, ScenarioSecurityRange, ScenarioServer } from '../../scenario/types';
import {
  ACCOUNT_DEFAULTS,
  DATABASE_DEFAULTS,
  DEFAULT_SECURITY_RANGES,
  DEFAULT_SERVER_MESSAGES,
  DIRECTORY_DEFAULTS,
  DOMAIN_DEFAULTS,
  RANGE_OPTION_MEMBERS,
  SETTINGS_DEFAULTS,
} from './defaults';
import type { AccountRow, AliasRow, DistributionListRow, DomainRow, Scalar, SecurityRangeRow, ServerState } from './types';

export interface BuildOptions {
  /** `Status.StartTime`: the simulated service start, "YYYY-MM-DD hh:mm:ss". */
  startTime?: string;
}

const lower = (s: string) => s.toLowerCase();

export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1);
}

/** Hands out the next autoincrement ID of a table, as the database would. */
export function nextId(state: ServerState, table: string): number {
  const id = state.nextIds[table] ?? 1;
  state.nextIds[table] = id + 1;
  return id;
}

export function buildServerState(server: ScenarioServer = {}, options: BuildOptions = {}): ServerState {
  const state: ServerState = {
    administratorPassword: server.administratorPassword ?? '',
    domains: [],
    accounts: [],
    aliases: [],
    distributionLists: [],
    distributionListMembers: [],
    rules: server.rules ?? [],
    settings: {},
    securityRanges: [],
    serverMessages: [],
    database: { ...DATABASE_DEFAULTS },
    directories: { ...DIRECTORY_DEFAULTS },
    status: { StartTime: options.startTime ?? '', ProcessedMessages: 0, RemovedViruses: 0, RemovedSpamMessages: 0 },
    nextIds: {},
    guidsIssued: 0,
    problems: [],
  };
  state.settings = buildSettings(server.settings ?? {}, state.problems);
  for (const domain of server.domains ?? []) addDomain(state, domain);
  const ranges = server.securityRanges;
  for (const range of ranges ?? []) addSecurityRange(state, fromScenarioRange(range));
  if (!ranges) for (const range of DEFAULT_SECURITY_RANGES) addSecurityRange(state, range);
  for (const message of DEFAULT_SERVER_MESSAGES) state.serverMessages.push({ ID: nextId(state, 'servermessages'), ...message });
  return state;
}

function addDomain(state: ServerState, d: ScenarioDomain): void {
  if (findDomain(state, d.name)) {
    state.problems.push(`domain ${d.name} is listed twice`);
    return;
  }
  const plus = d.plusAddressing;
  const domain: DomainRow = {
    ...DOMAIN_DEFAULTS,
    ID: nextId(state, 'domains'),
    Name: d.name,
    Active: d.active ?? true,
    Postmaster: d.postmaster ?? '',
    PlusAddressingEnabled: plus !== undefined && plus !== false,
    PlusAddressingCharacter: typeof plus === 'string' ? plus : DOMAIN_DEFAULTS.PlusAddressingCharacter,
  };
  state.domains.push(domain);
  for (const a of d.accounts ?? []) addAccount(state, domain, a);
  for (const a of d.aliases ?? []) {
    if (!belongsTo(state, domain, a.name, 'alias')) continue;
    const alias: AliasRow = { ID: nextId(state, 'aliases'), DomainID: domain.ID, Name: a.name, Value: a.value, Active: a.active ?? true };
    state.aliases.push(alias);
  }
  for (const l of d.distributionLists ?? []) {
    if (!belongsTo(state, domain, l.address, 'distribution list')) continue;
    const list: DistributionListRow = {
      ID: nextId(state, 'distributionlists'),
      DomainID: domain.ID,
      Address: l.address,
      Active: l.active ?? true,
      RequireSMTPAuth: false,
      RequireSenderAddress: '',
      Mode: 0,
    };
    state.distributionLists.push(list);
    for (const member of l.members) {
      state.distributionListMembers.push({ ID: nextId(state, 'distributionlistsrecipients'), ListID: list.ID, RecipientAddress: member });
    }
  }
}

function addAccount(state: ServerState, domain: DomainRow, a: ScenarioAccount): void {
  if (!belongsTo(state, domain, a.address, 'account')) return;
  const account: AccountRow = {
    ...ACCOUNT_DEFAULTS,
    ID: nextId(state, 'accounts'),
    DomainID: domain.ID,
    Address: a.address,
    Password: a.password ?? '',
    Active: a.active ?? true,
    AdminLevel: a.adminLevel ?? 0,
    MaxSize: a.maxSize ?? 0,
    PersonFirstName: a.personFirstName ?? '',
    PersonLastName: a.personLastName ?? '',
  };
  state.accounts.push(account);
}

/** hMailServer refuses addresses outside their domain; so do we, with a note in `problems`. */
function belongsTo(state: ServerState, domain: DomainRow, address: string, what: string): boolean {
  if (lower(domainOf(address)) === lower(domain.Name)) return true;
  state.problems.push(`${what} ${address} is not in domain ${domain.Name}; ignored`);
  return false;
}

function addSecurityRange(state: ServerState, range: Omit<SecurityRangeRow, 'ID'>): void {
  state.securityRanges.push({ ID: nextId(state, 'securityranges'), ...range });
}


function fromScenarioRange(r: ScenarioSecurityRange): Omit<SecurityRangeRow, 'ID'> {
  let options = DEFAULT_SECURITY_RANGES[0].Options;
  for (const [name, on] of Object.entries(r.options ?? {})) {
    const key = Object.keys(RANGE_OPTION_MEMBERS).find((k) => lower(k) === lower(name));
    if (key === undefined) continue;
    options = on ? options | RANGE_OPTION_MEMBERS[key] : options & ~RANGE_OPTION_MEMBERS[key];
  }
  return { Name: r.name, LowerIP: r.lowerIP, UpperIP: r.upperIP, Priority: r.priority ?? 10, Options: options, Expires: false, ExpiresTime: '2001-01-01 00:00:00' };
}

/**
 * Every scalar `Settings` member (from the API declaration): the installation default, else
 * the type's zero value, overridden by the scenario (keys are member names, any case).
 */
function buildSettings(given: Record<string, unknown>, problems: string[]): Record<string, Scalar> {
  const settings: Record<string, Scalar> = {};
  const members = getInterface('Settings')?.members ?? [];
  const scalar = members.filter((m) => m.kind === 'property' && m.typeKind !== 'interface');
  for (const m of scalar) settings[m.name] = SETTINGS_DEFAULTS[m.name] ?? zeroOf(m.type);
  for (const [key, value] of Object.entries(given)) {
    const member = scalar.find((m) => lower(m.name) === lower(key));
    if (!member) {
      problems.push(`settings.${key}: hMailServer has no scalar Settings member of that name; ignored`);
      continue;
    }
    settings[member.name] = coerceScalar(member.type, value);
  }
  return settings;
}

function zeroOf(type: string): Scalar {
  if (type === 'String') return '';
  if (type === 'Boolean') return false;
  return 0;
}

function coerceScalar(type: string, value: unknown): Scalar {
  if (type === 'String') return String(value ?? '');
  if (type === 'Boolean') return value === true || value === 1 || (typeof value === 'string' && lower(value) === 'true');
  const n = Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

// ------------------------------------------------------------------ lookups

export function findDomain(state: ServerState, name: string): DomainRow | undefined {
  const key = lower(name);
  return state.domains.find((d) => lower(d.Name) === key);
}

export function findAccount(state: ServerState, address: string): AccountRow | undefined {
  const key = lower(address);
  return state.accounts.find((a) => lower(a.Address) === key);
}

export function findAlias(state: ServerState, name: string): AliasRow | undefined {
  const key = lower(name);
  return state.aliases.find((a) => lower(a.Name) === key);
}

export function findDistributionList(state: ServerState, address: string): DistributionListRow | undefined {
  const key = lower(address);
  return state.distributionLists.find((l) => lower(l.Address) === key);
}

export function listMembers(state: ServerState, list: DistributionListRow): string[] {
  return state.distributionListMembers.filter((m) => m.ListID === list.ID).map((m) => m.RecipientAddress);
}

/** A `Settings` member's current value (member name in any case); `undefined` for unknown names. */
export function settingValue(state: ServerState, name: string): Scalar | undefined {
  const key = Object.keys(state.settings).find((k) => lower(k) === lower(name));
  return key === undefined ? undefined : state.settings[key];
}
