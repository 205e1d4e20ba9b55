/**
 * The hMailServer API as a TypeScript declaration file, generated from the API data for one
 * server version — what the JScript language service types `EventHandlers.js` with:
 * - `namespace hMailServer` with an interface per API interface and only the members that version
 *   has (an indexed property is a method, `HeaderValue(FieldName: string): string`; a collection
 *   whose default member is `Item(Index)` can be called, `oMessage.Recipients(0)`);
 * - the named items as globals (`Result`, `EventLog`, `HMAILSERVER_MESSAGE` …);
 * - `ActiveXObject` with an overload per ProgID (`new ActiveXObject("hMailServer.Application")`
 *   is an `hMailServer.Application`), and the few other JScript host functions.
 *
 * Also the per-event data the service needs to type handler parameters (`JScriptHostData`).
 */
import {
  availableVersions,
  creatableProgIds,
  events,
  getInterface,
  globals,
  interfaces,
  isAvailable,
  membersOf,
  progIdInterface,
  type ApiEvent,
  type ApiInterface,
  type ApiMember,
  type ServerVersion,
} from '../../api/index';

/** A handler's parameter as the service types it. */
export interface JsEventParam {
  name: string;
  /** TypeScript type text, e.g. `hMailServer.Message`, `string`. */
  tsType: string;
}

export interface JsEventInfo {
  name: string;
  params: JsEventParam[];
  /** `function OnAcceptMessage(oClient, oMessage)`. */
  prototype: string;
  /** Markdown: what the event is, when it fires, what Result does. */
  documentation: string;
  /** The configured version has it. */
  available: boolean;
  /** e.g. `5.7, 5.6-rvdh`. */
  versions: string;
}

/** Member names of an API interface in any version, for "unknown member" vs "not in this version". */
export interface JsMemberFacts {
  /** lower-case name → canonical name and the versions that have it. */
  [lowerName: string]: { name: string; versions: ServerVersion[] };
}

/** Everything the JScript language service needs from the API, for one version. */
export interface JScriptHostData {
  version: ServerVersion;
  /** The declaration file text. */
  declarations: string;
  /** Every event (all versions), with `available` for this one. */
  events: JsEventInfo[];
  /** Interface name → its members in any version. */
  members: Record<string, JsMemberFacts>;
  /** The named items (`Result`, `EventLog`, `HMAILSERVER_MESSAGE` …). */
  namedItems: string[];
}

const NAMESPACE = 'hMailServer';

/** TypeScript type of an API type name. */
export function tsTypeOf(type: string): string {
  switch (type) {
    case 'String':
      return 'string';
    case 'Long':
    case 'LongLong':
    case 'Single':
      return 'number';
    case 'Boolean':
      return 'boolean';
    case 'void':
      return 'void';
    case 'Variant':
      return 'any';
    default: {
      const iface = getInterface(type);
      if (iface) return `${NAMESPACE}.${iface.name}`;
      // IDL enums are Longs at run time.
      return type.startsWith('e') ? 'number' : 'any';
    }
  }
}

function docComment(text: string, indent: string): string {
  const clean = text.replace(/\*\//g, '* /').trim();
  if (!clean) return '';
  const lines = clean.split(/\r?\n/);
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`).join('\n')}\n${indent} */\n`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const propertyName = (name: string) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

function paramList(member: ApiMember): string {
  return member.params
    .map((p) => `${IDENTIFIER.test(p.name) ? p.name : 'arg'}: ${p.direction === 'out' ? 'any' : tsTypeOf(p.type)}`)
    .join(', ');
}

function memberDoc(m: ApiMember, version: ServerVersion): string {
  const parts = [m.description];
  if (m.kind === 'property') parts.push(m.writable ? (m.readable ? '' : '(write-only)') : '(read-only)');
  const versions = availableVersions(m);
  if (versions.length < 3) parts.push(`Available in hMailServer ${versions.join(', ')} (configured: ${version}).`);
  return parts.filter((p) => p).join('\n\n');
}

function memberDeclaration(m: ApiMember, version: ServerVersion): string {
  const doc = docComment(memberDoc(m, version), '    ');
  const name = propertyName(m.name);
  if (m.kind === 'method' || m.indexed) return `${doc}    ${name}(${paramList(m)}): ${tsTypeOf(m.type)};\n`;
  const readonly = m.writable ? '' : 'readonly ';
  return `${doc}    ${readonly}${name}: ${tsTypeOf(m.type)};\n`;
}

function interfaceDeclaration(iface: ApiInterface, version: ServerVersion): string {
  let body = '';
  const d = iface.defaultMember;
  // `coll(0)` calls the default indexed property (`coll.Item(0)`): JScript invokes the member with
  // DISPATCH_METHOD | DISPATCH_PROPERTYGET, which the collection answers like Item.
  if (d && d.indexed && isAvailable(d, version)) body += `    (${paramList(d)}): ${tsTypeOf(d.type)};\n`;
  for (const m of membersOf(iface.name, version)) body += memberDeclaration(m, version);
  return `${docComment(iface.description, '  ')}  interface ${iface.name} {\n${body}  }\n`;
}

function eventDocumentation(e: ApiEvent): string {
  const parts = [`**${e.jsPrototype}**`, e.description];
  if (e.when) parts.push(`*When:* ${e.when}`);
  if (!e.hasResult) parts.push('No `Result` object in this event.');
  return parts.join('\n\n');
}

/** The declaration file for `version`. `extraProgIds`: other COM classes scripts may create (typed `any`). */
export function generateApiDeclarations(version: ServerVersion, extraProgIds: readonly string[] = []): string {
  let out = `// Generated from the hMailServer API data for hMailServer ${version}. Do not edit.\n\n`;
  out += `declare namespace ${NAMESPACE} {\n`;
  for (const iface of interfaces()) out += interfaceDeclaration(iface, version);
  out += '}\n\n';
  for (const g of globals()) {
    const where = g.availableIn.filter((n) => !n.startsWith('<')).join(', ');
    out += docComment(`${g.description}\n\nPresent in: ${where}.`, '');
    out += `declare var ${g.name}: ${tsTypeOf(g.type)};\n`;
  }
  // One generic signature over a ProgID → type map rather than an overload per ProgID: TypeScript
  // resolves it at once (overload resolution over ninety literals on every `new ActiveXObject`
  // would cost each analysis), and still completes the ProgIDs inside the quotes.
  out += '\n/** The COM classes scripts create by ProgID: hMailServer\'s typed, others `any`. */\n';
  out += 'interface ActiveXProgIds {\n';
  for (const progId of creatableProgIds()) {
    const iface = progIdInterface(progId);
    if (iface) out += `  ${JSON.stringify(progId)}: ${tsTypeOf(iface)};\n`;
  }
  for (const p of extraProgIds.filter((x) => !progIdInterface(x))) out += `  ${JSON.stringify(p)}: any;\n`;
  out += '}\n';
  out += '/** Creates a COM object by ProgID (JScript\'s `new ActiveXObject("hMailServer.Application")`). */\n';
  out += 'interface ActiveXObjectConstructor {\n';
  out += '  new <ProgId extends keyof ActiveXProgIds>(progId: ProgId): ActiveXProgIds[ProgId];\n';
  out += '  new (progId: string, location?: string): any;\n}\n';
  out += 'declare var ActiveXObject: ActiveXObjectConstructor;\n';
  out += JSCRIPT_HOST;
  return out;
}

/** JScript's own host additions (jscript.dll, not ECMAScript). */
const JSCRIPT_HOST = `
/** Returns a reference to an Automation object from a file or a running instance. */
declare function GetObject(pathname?: string, progId?: string): any;
/** "JScript". */
declare function ScriptEngine(): string;
declare function ScriptEngineMajorVersion(): number;
declare function ScriptEngineMinorVersion(): number;
declare function ScriptEngineBuildVersion(): number;
/** Enumerates a COM collection that supports it (hMailServer's collections do not: use Count and Item). */
interface Enumerator<T = any> {
  atEnd(): boolean;
  item(): T;
  moveFirst(): void;
  moveNext(): void;
}
interface EnumeratorConstructor {
  new <T = any>(collection: any): Enumerator<T>;
}
declare var Enumerator: EnumeratorConstructor;
/** A VBScript/COM safe array (what Dictionary.Keys() returns). */
interface VBArray<T = any> {
  dimensions(): number;
  getItem(dimension1Index: number, ...dimensionNIndexes: number[]): T;
  lbound(dimension?: number): number;
  ubound(dimension?: number): number;
  toArray(): T[];
}
interface VBArrayConstructor {
  new <T = any>(safeArray: any): VBArray<T>;
}
declare var VBArray: VBArrayConstructor;
interface Date {
  /** The date as a VT_DATE (what COM date properties take). */
  getVarDate(): any;
}
`;

function versionsText(item: { readonly availability: Readonly<Record<ServerVersion, boolean>> }): string {
  return availableVersions(item).join(', ');
}

const hostDataCache = new Map<string, JScriptHostData>();

/** The service's API input for `version` (cached: the text is the same every time). */
export function jscriptHostData(version: ServerVersion, extraProgIds: readonly string[] = []): JScriptHostData {
  const key = `${version}\n${extraProgIds.join(',')}`;
  const cached = hostDataCache.get(key);
  if (cached) return cached;
  const members: Record<string, JsMemberFacts> = {};
  for (const iface of interfaces()) {
    const facts: JsMemberFacts = {};
    for (const m of iface.members) facts[m.name.toLowerCase()] = { name: m.name, versions: availableVersions(m) };
    members[iface.name] = facts;
  }
  const data: JScriptHostData = {
    version,
    declarations: generateApiDeclarations(version, extraProgIds),
    events: events().map((e) => ({
      name: e.name,
      params: e.params.map((p) => ({ name: p.name, tsType: tsTypeOf(p.type) })),
      prototype: e.jsPrototype,
      documentation: eventDocumentation(e),
      available: isAvailable(e, version),
      versions: versionsText(e),
    })),
    members,
    namedItems: globals().map((g) => g.name),
  };
  hostDataCache.set(key, data);
  return data;
}
