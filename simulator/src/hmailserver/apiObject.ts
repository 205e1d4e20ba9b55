/**
 * The base of every simulated hMailServer object.
 *
 * Which members exist comes from the one API declaration (`../api`), for the configured
 * server version; how they behave comes from an implementation table per interface. So:
 * - a member the version lacks (or hMailServer never had) raises 438, as on the server;
 * - a declared member without an implementation raises a clear "not simulated" error
 *   instead of silently doing nothing;
 * - the default member (`Recipients(0)` → `Item(0)`) is the one the declaration names.
 */
import { defaultMember, getInterface, membersOf, type ServerVersion } from '../api';
import { ComObject, HostError, MemberTable, type MemberDefinition } from '../runtime/objects/comObject';

/** E_NOTIMPL: what a declared but unsimulated member raises (Err.Number -2147467263). */
export const E_NOTIMPL = 0x80004001 | 0;

export type Implementation<T> = Record<string, MemberDefinition<T>>;

const tables = new Map<string, MemberTable<unknown>>();

/**
 * The member table of `interfaceName` for `version`: every declared member, implemented
 * ones from `implementation` (keys are member names, matched case-insensitively).
 */
export function apiMemberTable<T>(interfaceName: string, implementation: Implementation<T>, version: ServerVersion): MemberTable<T> {
  const key = `${interfaceName}@${version}`;
  const cached = tables.get(key);
  if (cached) return cached as MemberTable<T>;
  const api = getInterface(interfaceName);
  if (!api) throw new Error(`apiMemberTable: hMailServer has no interface ${interfaceName}`);
  const implemented = new Map(Object.entries(implementation).map(([name, member]) => [name.toLowerCase(), member]));
  const members: Record<string, MemberDefinition<T>> = {};
  for (const member of membersOf(api.name, version)) {
    members[member.name] = implemented.get(member.name.toLowerCase()) ?? notSimulated(api.name, member.name);
  }
  const declaredDefault = defaultMember(api.name);
  const table = new MemberTable<T>(members, {
    defaultMember: declaredDefault && declaredDefault.name in members ? declaredDefault.name : undefined,
  });
  tables.set(key, table as MemberTable<unknown>);
  return table;
}

/** Names in `implementation` that the declaration does not know: a typo or an invented member. */
export function undeclaredImplementations(interfaceName: string, implementation: Implementation<unknown>): string[] {
  const declared = new Set(membersOf(interfaceName).map((m) => m.name.toLowerCase()));
  return Object.keys(implementation).filter((name) => !declared.has(name.toLowerCase()));
}

function notSimulated<T>(interfaceName: string, memberName: string): MemberDefinition<T> {
  const fail = (): never => {
    throw new HostError(E_NOTIMPL, `Not simulated: ${interfaceName}.${memberName} (hmailsim does not model this member)`, 'hMailServer');
  };
  return { get: fail, set: fail, call: fail };
}

/** A simulated object of hMailServer interface `interfaceName` (its TypeName is the interface name, as on the server). */
export abstract class ApiObject extends ComObject {
  protected constructor(table: MemberTable<unknown>, interfaceName: string) {
    super(table, interfaceName);
  }
}
