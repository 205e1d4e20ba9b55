/**
 * Interfaces, members, enums and type navigation of the hMailServer COM API.
 * Everything is normalized once from `hmailserver-com-api.json`; every lookup by name is
 * case-insensitive (VBScript is) and returns the canonical spelling.
 */
import { RAW_API } from './data';
import type {
  ApiCollection,
  ApiEnum,
  ApiEnumValue,
  ApiInterface,
  ApiMember,
  ApiParam,
  MemberOrigin,
  RawInterface,
  RawMember,
  RawParam,
  RawVersionedMember,
  ServerVersion,
  TypeKind,
} from './types';
import { isAvailable, memberAvailability, parseSince, versionKeyIn } from './versions';

const lower = (s: string) => s.toLowerCase();

/** VBScript-visible type of each IDL type (the JSON's `typeMapping`). */
export const TYPE_MAPPING: Readonly<Record<string, string>> = RAW_API.typeMapping;

/** Where the data comes from and the counts it declares (`meta`). */
export const API_META = RAW_API.meta;

// ---------------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------------

const DERIVED_SUFFIX = / \(derived\)$/;

const enumList: ApiEnum[] = Object.entries(RAW_API.enums).map(([rawName, e]) => {
  const name = rawName.replace(DERIVED_SUFFIX, '');
  const values: ApiEnumValue[] = e.values.map((v) => ({
    enumName: name,
    name: v.name,
    value: v.value,
    description: v.description,
    hidden: v.hidden === true,
  }));
  return {
    name,
    derived: DERIVED_SUFFIX.test(rawName),
    description: e.description,
    underlyingType: e.underlyingType,
    values,
    scriptNote: e.scriptNote,
  };
});
const enumByName = new Map(enumList.map((e) => [lower(e.name), e]));
const enumConstantByName = new Map<string, ApiEnumValue>();
for (const e of enumList) {
  // Derived enums (MessageState, ErrorSeverity) have generic value names ("Low", "Created"): only
  // the IDL enums define constants.
  if (e.derived) continue;
  for (const v of e.values) enumConstantByName.set(lower(v.name), v);
}

// ---------------------------------------------------------------------------------------------
// Type names
// ---------------------------------------------------------------------------------------------

const interfaceNames = new Map(Object.keys(RAW_API.interfaces).map((n) => [lower(n), n]));

/** How to read a type name used in the JSON (`'Recipients'` → interface, `'eMessageFlag'` → enum). */
export function typeKind(type: string): TypeKind {
  if (type === 'void') return 'void';
  if (interfaceNames.has(lower(type))) return 'interface';
  if (enumByName.has(lower(type))) return 'enum';
  return 'primitive';
}

function canonicalInterface(type: string): string | undefined {
  return interfaceNames.get(lower(type));
}

// ---------------------------------------------------------------------------------------------
// Members and interfaces
// ---------------------------------------------------------------------------------------------

function normalizeParams(params: readonly RawParam[] | undefined): ApiParam[] {
  return (params ?? []).map((p) => ({
    name: p.name,
    type: p.type,
    typeKind: typeKind(p.type),
    direction: p.direction ?? 'in',
  }));
}

interface MemberExtras {
  readonly origin: MemberOrigin;
  readonly removedIn?: ApiMember['removedIn'];
  readonly versionNote?: string;
}

function normalizeMember(interfaceName: string, m: RawMember, extras: MemberExtras): ApiMember {
  const type = m.kind === 'method' ? (m.returns ?? 'void') : (m.type ?? 'Variant');
  const kind = typeKind(type);
  const rvdhOnly = extras.origin === 'rvdh-only';
  const since = rvdhOnly ? null : parseSince(m.since);
  const access = m.kind === 'property' ? (m.access ?? 'read') : undefined;
  return {
    interfaceName,
    name: m.name,
    kind: m.kind,
    type,
    typeKind: kind,
    access,
    readable: m.kind === 'property' && access !== 'write',
    writable: access === 'readwrite' || access === 'write',
    params: normalizeParams(m.kind === 'method' ? m.params : m.indexParams),
    indexed: m.kind === 'property' && (m.indexParams?.length ?? 0) > 0,
    isDefault: m.default === true,
    returnsInterface: kind === 'interface' ? canonicalInterface(type) : undefined,
    enumType: kind === 'enum' ? enumByName.get(lower(type))?.name : undefined,
    dispid: Number.isInteger(m.dispid) ? m.dispid : undefined,
    since: rvdhOnly ? 'RvdH 5.6.9 builds only' : m.since,
    sinceKey: since?.key,
    alsoRvdh: rvdhOnly || (since?.alsoRvdh ?? false),
    removedIn: extras.removedIn,
    origin: extras.origin,
    availability: memberAvailability({
      sinceKey: since?.key,
      alsoRvdh: since?.alsoRvdh ?? false,
      removedIn: extras.removedIn,
      rvdhOnly,
    }),
    description: m.description,
    idlHelp: m.idlHelp,
    versionNote: extras.versionNote,
  };
}

/**
 * `removedMembers` entries carry only a name and a note; both are Boolean read/write settings
 * (like their Tls*Enabled / Settings siblings), which these defaults describe.
 */
const REMOVED_MEMBER_DEFAULTS = { kind: 'property', type: 'Boolean', access: 'readwrite' } as const;
/** "present 5.6.0-5.6.7 only" → first version; otherwise the member is as old as the IDL. */
const PRESENT_FROM = /present (\d[\w.-]*?)-\d/;
const REMOVED_IN = /removed in (\S+?)(?=[\s),;]|$)/;

function versionedMember(v: RawVersionedMember, origin: 'removed' | 'rvdh-only'): { iface: string; member: ApiMember } {
  const iface = canonicalInterface(v.interface);
  if (!iface) throw new Error(`${origin} member ${v.interface}.${v.name}: unknown interface`);
  const note = v.note ?? '';
  const raw: RawMember = {
    name: v.name,
    kind: v.kind ?? REMOVED_MEMBER_DEFAULTS.kind,
    type: v.type ?? REMOVED_MEMBER_DEFAULTS.type,
    access: v.access ?? REMOVED_MEMBER_DEFAULTS.access,
    dispid: Number.NaN,
    since: versionKeyIn(note, PRESENT_FROM) ?? '<=5.4',
    description: v.description ?? `${v.name} (${note}).`,
  };
  const removedIn = origin === 'removed' ? versionKeyIn(note, REMOVED_IN) : undefined;
  if (origin === 'removed' && !removedIn) throw new Error(`removed member ${iface}.${v.name}: no version in "${note}"`);
  return { iface, member: normalizeMember(iface, raw, { origin, removedIn, versionNote: v.note }) };
}

function buildInterface(name: string, raw: RawInterface, extra: readonly ApiMember[]): ApiInterface {
  const members = [...raw.members.map((m) => normalizeMember(name, m, { origin: 'idl' })), ...extra];
  const defaults = members.filter((m) => m.isDefault);
  if (defaults.length > 1) throw new Error(`interface ${name} has ${defaults.length} default members`);
  let collection: ApiCollection | undefined;
  if (raw.collection) {
    const c = raw.collection;
    const itemType = canonicalInterface(c.itemType);
    if (!itemType) throw new Error(`collection ${name}: unknown item type ${c.itemType}`);
    collection = {
      itemType,
      itemIsDefault: defaults[0]?.name === 'Item',
      countMember: c.count,
      lookups: c.lookups,
      forEach: c.forEach,
      index: c.index,
      outOfRange: c.outOfRange,
      note: c.note,
    };
  }
  return {
    name,
    idlInterface: raw.idlInterface,
    progId: raw.progId,
    creatable: raw.progId.length > 0,
    description: raw.description,
    members,
    defaultMember: defaults[0],
    collection,
  };
}

const extraMembers = new Map<string, ApiMember[]>();
for (const [list, origin] of [
  [RAW_API.removedMembers, 'removed'],
  [RAW_API.rvdhOnlyMembers, 'rvdh-only'],
] as const) {
  for (const v of list) {
    const { iface, member } = versionedMember(v, origin);
    extraMembers.set(iface, [...(extraMembers.get(iface) ?? []), member]);
  }
}

const interfaceList: ApiInterface[] = Object.entries(RAW_API.interfaces).map(([name, raw]) =>
  buildInterface(name, raw, extraMembers.get(name) ?? []),
);
const interfaceByName = new Map(interfaceList.map((i) => [lower(i.name), i]));
const interfaceByProgId = new Map(interfaceList.map((i) => [lower(i.progId), i]));
const memberIndex = new Map(
  interfaceList.map((i) => [lower(i.name), new Map(i.members.map((m) => [lower(m.name), m]))]),
);

// ---------------------------------------------------------------------------------------------
// Public accessors
// ---------------------------------------------------------------------------------------------

/** All 86 interfaces, in the JSON's (alphabetical) order. */
export function interfaces(): readonly ApiInterface[] {
  return interfaceList;
}

/** `getInterface('message')` → the Message interface; `undefined` for unknown names. */
export function getInterface(name: string): ApiInterface | undefined {
  return interfaceByName.get(lower(name));
}

/**
 * A member by interface and member name (both case-insensitive). With `version`, a member that does
 * not exist in that server line is `undefined` (e.g. `getMember('Client', 'Authenticated', '5.6')`).
 */
export function getMember(interfaceName: string, memberName: string, version?: ServerVersion): ApiMember | undefined {
  const m = memberIndex.get(lower(interfaceName))?.get(lower(memberName));
  if (!m || (version !== undefined && !isAvailable(m, version))) return undefined;
  return m;
}

/**
 * The members of an interface: without `version`, every member known in any version (the IDL's,
 * then removed and RvdH-only ones); with `version`, only those that exist there. `[]` for unknown names.
 */
export function membersOf(interfaceName: string, version?: ServerVersion): readonly ApiMember[] {
  const i = getInterface(interfaceName);
  if (!i) return [];
  return version === undefined ? i.members : i.members.filter((m) => isAvailable(m, version));
}

/** Every member of every interface (optionally only those available in `version`). */
export function allMembers(version?: ServerVersion): readonly ApiMember[] {
  return interfaceList.flatMap((i) => membersOf(i.name, version));
}

/** The DISPID 0 member (`Item` on most collections, `ID` on IMAPFolder/SecurityRange/IncomingRelay). */
export function defaultMember(interfaceName: string): ApiMember | undefined {
  return getInterface(interfaceName)?.defaultMember;
}

/**
 * The interface an object-typed member returns: `memberInterface('Message', 'Recipients')` →
 * `'Recipients'`, `memberInterface('Recipients', 'Item')` → `'Recipient'`,
 * `memberInterface('Application', 'Authenticate')` → `'Account'`. `undefined` for scalar members.
 */
export function memberInterface(interfaceName: string, memberName: string): string | undefined {
  return getMember(interfaceName, memberName)?.returnsInterface;
}

/**
 * Follows a chain of member names from an interface: `resolvePath('Message', ['Recipients', 'Item'])`
 * → `'Recipient'`. An empty segment stands for a call of the default member (`Recipients(0)`).
 * `undefined` as soon as a segment is unknown or not object-typed.
 */
export function resolvePath(interfaceName: string, path: readonly string[]): string | undefined {
  let current = getInterface(interfaceName)?.name;
  for (const segment of path) {
    if (current === undefined) return undefined;
    const member = segment === '' ? defaultMember(current) : getMember(current, segment);
    current = member?.returnsInterface;
  }
  return current;
}

/** `progIdInterface('hMailServer.Application')` → `'Application'` (case-insensitive); `undefined` otherwise. */
export function progIdInterface(progId: string): string | undefined {
  return interfaceByProgId.get(lower(progId.trim()))?.name;
}

/** ProgIDs accepted by `CreateObject` / `new ActiveXObject` (every coclass of the type library). */
export function creatableProgIds(): readonly string[] {
  return interfaceList.filter((i) => i.creatable).map((i) => i.progId);
}

/** All enums: the 20 IDL enums, then the derived MessageState and ErrorSeverity. */
export function enums(): readonly ApiEnum[] {
  return enumList;
}

/** `getEnum('emessageflag')`; derived enums by their short name (`'MessageState'`). */
export function getEnum(name: string): ApiEnum | undefined {
  return enumByName.get(lower(name.replace(DERIVED_SUFFIX, '')));
}

/**
 * An IDL enum constant by name, e.g. `enumConstant('eMFSeen')` → value 1 of eMessageFlag.
 * Reminder: these names are NOT predefined in scripts (no type library is imported).
 */
export function enumConstant(name: string): ApiEnumValue | undefined {
  return enumConstantByName.get(lower(name));
}

/**
 * A VBScript-style one-line signature for hovers and completion details, e.g.
 * `Property Subject As String`, `ReadOnly Property ID As LongLong`,
 * `Property HeaderValue(FieldName As String) As String`, `Sub Save()`,
 * `Function Authenticate(Username As String, Password As String) As Account`.
 */
export function formatMember(member: ApiMember): string {
  const params = member.params.map((p) => `${p.direction === 'out' ? 'ByRef ' : ''}${p.name} As ${p.type}`).join(', ');
  if (member.kind === 'method') {
    return member.type === 'void' ? `Sub ${member.name}(${params})` : `Function ${member.name}(${params}) As ${member.type}`;
  }
  const prefix = member.access === 'read' ? 'ReadOnly ' : member.access === 'write' ? 'WriteOnly ' : '';
  return `${prefix}Property ${member.name}${member.indexed ? `(${params})` : ''} As ${member.type}`;
}
