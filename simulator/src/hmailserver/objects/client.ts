/**
 * `Client` (HMAILSERVER_CLIENT): a read-only snapshot of the connection, built fresh for each
 * event. Which fields an event fills comes from the API data (`events[].clientFields.set`);
 * the others read as empty / 0 / False, as the server leaves them. Which members exist at all
 * comes from the declaration per version: `oClient.Authenticated` in 5.6 is error 438.
 */
import { getEvent } from '../../api';
import type { SimulationContext } from '../../sandbox/context';
import { apiMemberTable, ApiObject, type Implementation } from '../apiObject';
import type { Scalar } from '../server/types';
import { fieldMembers, type FieldHost, type FieldSpec } from './members';

/** What the pipeline knows about the connection (names as the Client members, camel-cased). */
export interface ClientInfo {
  ipAddress?: string;
  /** The server's local port (25, 587, 465, 110 …). */
  port?: number;
  username?: string;
  helo?: string;
  authenticated?: boolean;
  encryptedConnection?: boolean;
  cipherVersion?: string;
  cipherName?: string;
  cipherBits?: number;
  sessionId?: number;
}

/** Client member → the ClientInfo field behind it and its type. */
const CLIENT_FIELDS: Readonly<Record<string, { key: keyof ClientInfo; kind: 'string' | 'long' | 'bool' }>> = {
  IPAddress: { key: 'ipAddress', kind: 'string' },
  Port: { key: 'port', kind: 'long' },
  Username: { key: 'username', kind: 'string' },
  HELO: { key: 'helo', kind: 'string' },
  Authenticated: { key: 'authenticated', kind: 'bool' },
  EncryptedConnection: { key: 'encryptedConnection', kind: 'bool' },
  CipherVersion: { key: 'cipherVersion', kind: 'string' },
  CipherName: { key: 'cipherName', kind: 'string' },
  CipherBits: { key: 'cipherBits', kind: 'long' },
  SessionID: { key: 'sessionId', kind: 'long' },
};

const ZERO: Record<'string' | 'long' | 'bool', Scalar> = { string: '', long: 0, bool: false };

const clientImplementation: Implementation<ClientObject> = fieldMembers<ClientObject>(
  Object.fromEntries(Object.entries(CLIENT_FIELDS).map(([name, f]) => [name, [f.kind, 'read'] as FieldSpec])),
);

/**
 * The Client members an event fills, from the API's wording ("Port (local port)", "Cipher*",
 * "Authenticated (outcome)"); undefined when the event declares no Client fields (all filled).
 */
export function clientFieldsFor(eventName: string): ReadonlySet<string> | undefined {
  const set = getEvent(eventName)?.clientFields?.set;
  if (!set) return undefined;
  const names = new Set<string>();
  for (const entry of set) {
    const name = /^[A-Za-z]+\*?/.exec(entry)?.[0] ?? '';
    if (name.endsWith('*')) {
      const prefix = name.slice(0, -1).toLowerCase();
      for (const member of Object.keys(CLIENT_FIELDS)) if (member.toLowerCase().startsWith(prefix)) names.add(member);
    } else names.add(name);
  }
  return names;
}

export class ClientObject extends ApiObject implements FieldHost {
  private readonly values: Record<string, Scalar> = {};

  constructor(ctx: SimulationContext, info: ClientInfo, eventName?: string) {
    super(apiMemberTable('Client', clientImplementation, ctx.version), 'Client');
    const filled = eventName === undefined ? undefined : clientFieldsFor(eventName);
    for (const [member, f] of Object.entries(CLIENT_FIELDS)) {
      const given = info[f.key];
      this.values[member] = given === undefined || (filled !== undefined && !filled.has(member)) ? ZERO[f.kind] : given;
    }
  }

  readField(name: string): Scalar {
    return this.values[name];
  }

  writeField(): void {
    // Every Client member is read-only; the member table has no setters.
  }
}

/** HMAILSERVER_CLIENT for `eventName`: the fields that event does not fill read as empty. */
export function makeClient(ctx: SimulationContext, info: ClientInfo, eventName?: string): ClientObject {
  return new ClientObject(ctx, info, eventName);
}

export { clientImplementation };
