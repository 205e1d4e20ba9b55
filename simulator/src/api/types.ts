/**
 * Types of the hMailServer COM API catalog.
 *
 * Two layers:
 * - `Raw*` types describe `hmailserver-com-api.json` exactly as stored (the shared reference data).
 *   Only `data.ts` and the normalizers should touch them.
 * - `Api*` types are what consumers get: normalized once at load time, with parsed versions,
 *   resolved interface/enum references and case-insensitive lookups (see `index.ts`).
 */

// ---------------------------------------------------------------------------------------------
// Raw JSON shapes
// ---------------------------------------------------------------------------------------------

export interface RawParam {
  readonly name: string;
  readonly type: string;
  /** Only `"out"` occurs (AntiSpam/AntiVirus Test* methods return a text through a ByRef argument). */
  readonly direction?: 'in' | 'out';
}

export interface RawMember {
  readonly name: string;
  readonly kind: 'property' | 'method';
  /** Property type; absent for methods (see `returns`). */
  readonly type?: string;
  /** Property access; absent for methods. */
  readonly access?: 'read' | 'readwrite' | 'write';
  /** Method parameters. */
  readonly params?: readonly RawParam[];
  /** Method return type (`"void"` for a Sub-like method). */
  readonly returns?: string;
  /** Parameters of an indexed (parameterized) property, e.g. `Message.HeaderValue(FieldName)`. */
  readonly indexParams?: readonly RawParam[];
  /** True for the member with DISPID 0 (called when the object is used as a value or with arguments). */
  readonly default?: boolean;
  readonly dispid: number;
  /** A key of `meta.versionKey`, possibly followed by " (also RvdH 5.6.9 builds)". */
  readonly since: string;
  readonly description: string;
  readonly idlHelp?: string;
}

export interface RawCollection {
  readonly itemType: string;
  readonly index: string;
  readonly count: string;
  readonly lookups: readonly string[];
  readonly outOfRange: string;
  readonly forEach: boolean;
  readonly note: string;
}

export interface RawInterface {
  readonly idlInterface: string;
  readonly progId: string;
  readonly description: string;
  readonly members: readonly RawMember[];
  readonly collection?: RawCollection;
}

export interface RawEventParam {
  readonly name: string;
  readonly type: string;
  readonly namedItem?: string;
  readonly passedAs?: string;
  readonly nullable?: string;
  readonly values?: string;
}

/** Keys: "0".."3", "other" (any other value) or "any" (Result is ignored). */
export type RawResultMap = Readonly<Record<string, string>>;

export interface RawEvent {
  readonly name: string;
  readonly vbs: string;
  readonly js: string;
  readonly params: readonly RawEventParam[];
  readonly resultObject: boolean;
  readonly resultDefault?: number;
  readonly since: string;
  /** Keys `5.6.x`, `5.7.0-dev`, `RvdH-5.6.9`. Absent on the custom rule function (always available). */
  readonly availability?: Readonly<Record<string, boolean>>;
  readonly protocols?: readonly string[];
  readonly firedFrom: string;
  readonly when: string;
  readonly clientFields?: { readonly set: readonly string[]; readonly empty: readonly string[] };
  readonly messageState?: string;
  readonly result: RawResultMap | null;
  readonly notes?: readonly string[];
  readonly description: string;
  readonly generatedCall: { readonly vbscript: string; readonly jscript: string; readonly note?: string };
  readonly internalEventId: number;
  readonly handlerRequired: string;
}

export interface RawGlobal {
  readonly name: string;
  readonly type: string;
  readonly availableIn: readonly string[];
  readonly notIn?: readonly string[];
  readonly description: string;
}

export interface RawEnumValue {
  readonly name: string;
  readonly value: number;
  readonly description: string;
  readonly hidden?: boolean;
}

export interface RawEnum {
  readonly description: string;
  readonly underlyingType: string;
  readonly values: readonly RawEnumValue[];
  readonly scriptNote?: string;
}

export interface RawVersionedMember {
  readonly interface: string;
  readonly name: string;
  readonly kind?: 'property' | 'method';
  readonly type?: string;
  readonly access?: 'read' | 'readwrite' | 'write';
  readonly description?: string;
  readonly note?: string;
}

export interface RawApiJson {
  readonly meta: {
    readonly source: string;
    readonly idl: string;
    readonly versionKey: Readonly<Record<string, string>>;
    readonly internalEventId: string;
    readonly descriptions: string;
    readonly counts: {
      readonly interfaces: number;
      readonly members: number;
      readonly events: number;
      readonly enums: number;
    };
  };
  readonly typeMapping: Readonly<Record<string, string>>;
  readonly events: readonly RawEvent[];
  readonly customRuleFunction: RawEvent;
  readonly globals: readonly RawGlobal[];
  readonly globalsNote: string;
  readonly interfaces: Readonly<Record<string, RawInterface>>;
  readonly removedMembers: readonly RawVersionedMember[];
  readonly rvdhOnlyMembers: readonly RawVersionedMember[];
  readonly enums: Readonly<Record<string, RawEnum>>;
}

// ---------------------------------------------------------------------------------------------
// Normalized types (what consumers use)
// ---------------------------------------------------------------------------------------------

/** The server lines the product distinguishes (see `versions.ts`). */
export type ServerVersion = '5.6' | '5.6-rvdh' | '5.7';

/** Per-version availability, precomputed for every member and event. */
export type Availability = Readonly<Record<ServerVersion, boolean>>;

/** The JSON's since/availability keys (`meta.versionKey`), oldest first. */
export type VersionKey = '<=5.4' | '5.5' | '5.6.0' | '5.6.8' | '5.7.0-dev';

/**
 * How a type name is to be read:
 * - `primitive`: String, Long, Boolean, LongLong (VT_I8), Single, Variant;
 * - `enum`: an IDL enum (e.g. `eMessageFlag`), a Long at run time;
 * - `interface`: an object of coclass X (`IInterfaceX*` in the IDL);
 * - `void`: a method that returns nothing.
 */
export type TypeKind = 'primitive' | 'enum' | 'interface' | 'void';

export interface ApiParam {
  readonly name: string;
  readonly type: string;
  readonly typeKind: TypeKind;
  /** `'out'`: a ByRef output argument. */
  readonly direction: 'in' | 'out';
}

/** Where a member comes from: the IDL in master (the 843), or the JSON's version lists. */
export type MemberOrigin = 'idl' | 'removed' | 'rvdh-only';

export type PropertyAccess = 'read' | 'readwrite' | 'write';

export interface ApiMember {
  /** Canonical spelling of the interface that owns this member. */
  readonly interfaceName: string;
  readonly name: string;
  readonly kind: 'property' | 'method';
  /** Property type, or method return type (`'void'` for methods that return nothing). */
  readonly type: string;
  readonly typeKind: TypeKind;
  /** Properties only; `undefined` for methods. */
  readonly access: PropertyAccess | undefined;
  readonly readable: boolean;
  readonly writable: boolean;
  /** Method parameters, or the index parameters of a parameterized property (`HeaderValue(FieldName)`). */
  readonly params: readonly ApiParam[];
  /** True for a property that takes index arguments. */
  readonly indexed: boolean;
  /** The DISPID 0 member: `coll(i)` means `coll.Item(i)`. */
  readonly isDefault: boolean;
  /** When `type` is an object of coclass X: X (canonical spelling). */
  readonly returnsInterface: string | undefined;
  /** When `type` is an IDL enum: its name. */
  readonly enumType: string | undefined;
  readonly dispid: number | undefined;
  /** The raw since text from the JSON, e.g. `"5.7.0-dev (also RvdH 5.6.9 builds)"`. */
  readonly since: string;
  /** Parsed `since`; `undefined` for RvdH-only members (no since key in the JSON). */
  readonly sinceKey: VersionKey | undefined;
  /** The 5.7.0-dev member exists in RvdH 5.6.9 builds too. */
  readonly alsoRvdh: boolean;
  /** Version key in which the member disappeared (removed members only). */
  readonly removedIn: VersionKey | undefined;
  readonly origin: MemberOrigin;
  readonly availability: Availability;
  readonly description: string;
  readonly idlHelp: string | undefined;
  /** Version note from `removedMembers` (removed members only). */
  readonly versionNote: string | undefined;
}

export interface ApiCollection {
  /** Interface of the items (canonical spelling). */
  readonly itemType: string;
  /** Whether `Item` is the default member (false for FetchAccounts and DiagnosticResults). */
  readonly itemIsDefault: boolean;
  readonly countMember: string;
  /** Extra lookup members, e.g. `ItemByDBID`, `ItemByName`. */
  readonly lookups: readonly string[];
  /** Always false in hMailServer: no `_NewEnum`, `For Each` fails. */
  readonly forEach: boolean;
  readonly index: string;
  readonly outOfRange: string;
  readonly note: string;
}

export interface ApiInterface {
  readonly name: string;
  readonly idlInterface: string;
  readonly progId: string;
  /**
   * Every interface is exposed by a registered coclass with ProgID `hMailServer.<Name>` (meta.idl),
   * so `CreateObject` works for all of them; most are only meaningful when reached from Application.
   */
  readonly creatable: boolean;
  readonly description: string;
  /** All members known in any version, in IDL order (removed / RvdH-only ones appended). */
  readonly members: readonly ApiMember[];
  readonly defaultMember: ApiMember | undefined;
  readonly collection: ApiCollection | undefined;
}

export interface ApiEventParam {
  readonly name: string;
  readonly type: string;
  readonly typeKind: TypeKind;
  /** Named item the server passes for this argument (`HMAILSERVER_CLIENT` ...). */
  readonly namedItem: string | undefined;
  /** How a literal argument is written into the generated call. */
  readonly passedAs: string | undefined;
  /** When the argument can be Nothing/null or an empty wrapper: the explanation. */
  readonly nullable: string | undefined;
  /** Value meanings of a numeric argument (OnError). */
  readonly values: string | undefined;
}

/** What the server does with a Result.Value. */
export type ResultAction =
  | 'continue' // accept / continue (SMTP events, OnClientConnect, delivery events)
  | 'close' // OnClientConnect 1: close the socket, nothing sent
  | 'reject' // 5xx reply
  | 'tempReject' // 4xx reply
  | 'delete' // delivery events 1: delete the message, fire OnDeliveryFailed per recipient
  | 'acceptPassword' // OnClientValidatePassword 0
  | 'rejectPassword' // OnClientValidatePassword 1
  | 'builtInValidation' // OnClientValidatePassword 2 / other
  | 'accountSetting' // OnExternalAccountDownload 0 / other: DaysToKeepMessages
  | 'deleteRemoteNow' // OnExternalAccountDownload 1
  | 'deleteRemoteAfterDays' // OnExternalAccountDownload 2 (Result.Parameter days)
  | 'keepRemote' // OnExternalAccountDownload 3
  | 'ignored'; // Result not read (backup events, rule functions)

/** An SMTP reply produced by a Result value. */
export interface ResultReply {
  readonly code: number;
  /** Fixed text after the code, e.g. `"Rejected"`; `undefined` when the text is Result.Message. */
  readonly text: string | undefined;
  /** The text after `"<code> "` is `Result.Message`, verbatim (empty Message gives `"554 "`). */
  readonly usesMessage: boolean;
}

export interface ResultOutcome {
  /** 0..3, or `'other'` for every other value. */
  readonly value: number | 'other';
  readonly action: ResultAction;
  /** SMTP reply the server sends, when the outcome sends one. */
  readonly reply: ResultReply | undefined;
  /**
   * Server lines where this outcome's reply also counts toward the invalid-command limit (RvdH
   * 5.6.9-Mod sends Value 1/2 rejections through SendErrorResponse_, so they can trigger
   * OnTooManyInvalidCommands). Empty for most outcomes.
   */
  readonly countsAsInvalidCommandIn: readonly ServerVersion[];
  /** Meaning as worded in the JSON (`events[].result`). */
  readonly description: string;
}

export interface ResultSemantics {
  /** False when a Result object exists but is never read (backup events, rule functions). */
  readonly read: boolean;
  /** Preset Result.Value (2 for OnClientValidatePassword, else 0). */
  readonly defaultValue: number;
  /** Outcomes for the values with their own meaning (0..3), in value order. */
  readonly outcomes: readonly ResultOutcome[];
  /** Outcome of every value not listed in `outcomes`. */
  readonly other: ResultOutcome;
  readonly messageRead: boolean;
  readonly parameterRead: boolean;
}

export interface ApiEvent {
  readonly name: string;
  /** `"Sub OnClientConnect(oClient)"`. */
  readonly vbsPrototype: string;
  /** `"function OnClientConnect(oClient)"`. */
  readonly jsPrototype: string;
  readonly params: readonly ApiEventParam[];
  /** Whether a `Result` named item is added for this event. */
  readonly hasResult: boolean;
  /** `undefined` when there is no Result object. */
  readonly result: ResultSemantics | undefined;
  /** Named items visible in the script when this event fires (EventLog, Result, HMAILSERVER_*). */
  readonly namedItems: readonly string[];
  readonly since: string;
  readonly availability: Availability;
  readonly protocols: readonly string[];
  readonly firedFrom: string;
  readonly when: string;
  /** Client fields populated / left empty for this event (events with a Client argument). */
  readonly clientFields: { readonly set: readonly string[]; readonly empty: readonly string[] } | undefined;
  readonly messageState: string | undefined;
  readonly notes: readonly string[];
  readonly description: string;
  readonly generatedCall: { readonly vbscript: string; readonly jscript: string; readonly note: string | undefined };
  readonly internalEventId: number;
  readonly handlerRequired: string;
  /** True only for the rule "Run function" pseudo-event. */
  readonly isRuleFunction: boolean;
}

export interface ApiGlobal {
  /** `Result`, `EventLog`, `HMAILSERVER_CLIENT` ... */
  readonly name: string;
  /** Interface of the object (canonical spelling). */
  readonly type: string;
  /** Event names (canonical), plus `RULE_FUNCTION` for rule functions. Every event for EventLog. */
  readonly availableIn: readonly string[];
  /** The JSON's qualifiers, e.g. `{ OnExternalAccountDownload: 'only when a message is present' }`. */
  readonly qualifiers: Readonly<Record<string, string>>;
  readonly description: string;
}

export interface ApiEnumValue {
  readonly enumName: string;
  readonly name: string;
  readonly value: number;
  readonly description: string;
  readonly hidden: boolean;
}

export interface ApiEnum {
  /** `eMessageFlag`; derived enums drop the JSON's " (derived)" suffix (`MessageState`). */
  readonly name: string;
  /** Not an IDL enum: documented values of a Long (Message.State, OnError iSeverity). */
  readonly derived: boolean;
  readonly description: string;
  readonly underlyingType: string;
  readonly values: readonly ApiEnumValue[];
  /** IDL enum names are not predefined in scripts: use numbers or your own Const. */
  readonly scriptNote: string | undefined;
}
