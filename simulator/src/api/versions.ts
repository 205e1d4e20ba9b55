/**
 * Server versions and availability.
 *
 * The product knows exactly three server lines (`ServerVersion`):
 * - `'5.6'`      official 5.6.x releases (up to 5.6.9): 10 events;
 * - `'5.6-rvdh'` RvdH 5.6.9-Mod community builds: 14 events (master's, minus OnClientValidatePassword);
 * - `'5.7'`      the 5.7.0 development line (master): 15 events.
 *
 * The JSON marks members with a since key from `meta.versionKey` (`<=5.4`, `5.5`, `5.6.0`, `5.6.8`,
 * `5.7.0-dev`, the last optionally followed by "(also RvdH 5.6.9 builds)"), lists members that
 * disappeared in `removedMembers` and RvdH-only members in `rvdhOnlyMembers`; events carry an
 * `availability` record keyed `5.6.x` / `RvdH-5.6.9` / `5.7.0-dev`. The table below maps those keys
 * onto the three versions; availability is computed once per member/event at load time.
 */
import { RAW_API } from './data';
import type { Availability, ServerVersion, VersionKey } from './types';

export type { Availability, ServerVersion, VersionKey } from './types';

export interface ServerVersionInfo {
  readonly version: ServerVersion;
  readonly label: string;
  /** Newest since key (meta.versionKey) that this line contains. */
  readonly upTo: VersionKey;
  /** RvdH builds also contain the 5.7.0-dev members marked "(also RvdH 5.6.9 builds)" and `rvdhOnlyMembers`. */
  readonly rvdh: boolean;
  /** Key of `events[].availability` for this line. */
  readonly eventAvailabilityKey: string;
}

const SERVER_VERSION_TABLE: readonly ServerVersionInfo[] = [
  { version: '5.6', label: 'hMailServer 5.6.x (official)', upTo: '5.6.8', rvdh: false, eventAvailabilityKey: '5.6.x' },
  { version: '5.6-rvdh', label: 'hMailServer 5.6.9 RvdH build', upTo: '5.6.8', rvdh: true, eventAvailabilityKey: 'RvdH-5.6.9' },
  { version: '5.7', label: 'hMailServer 5.7.0 (development)', upTo: '5.7.0-dev', rvdh: false, eventAvailabilityKey: '5.7.0-dev' },
];

export const SERVER_VERSIONS: readonly ServerVersion[] = SERVER_VERSION_TABLE.map((v) => v.version);

export const DEFAULT_SERVER_VERSION: ServerVersion = '5.6';

/** The since keys of the JSON (`meta.versionKey`), oldest first. */
export const VERSION_KEYS: readonly VersionKey[] = Object.keys(RAW_API.meta.versionKey) as VersionKey[];

const ALSO_RVDH = /\(also RvdH[^)]*\)/i;

export function serverVersionInfo(version: ServerVersion): ServerVersionInfo {
  const info = SERVER_VERSION_TABLE.find((v) => v.version === version);
  if (!info) throw new Error(`unknown server version ${String(version)}`);
  return info;
}

export function isServerVersion(value: unknown): value is ServerVersion {
  return typeof value === 'string' && (SERVER_VERSIONS as readonly string[]).includes(value);
}

/** Case-insensitive parse of a setting value; `undefined` when it is not one of the three versions. */
export function parseServerVersion(value: string): ServerVersion | undefined {
  const v = value.trim().toLowerCase();
  return SERVER_VERSIONS.find((s) => s === v);
}

function rank(key: VersionKey): number {
  const i = VERSION_KEYS.indexOf(key);
  if (i < 0) throw new Error(`unknown since key ${key}`);
  return i;
}

/** Reads a JSON since text: `"5.7.0-dev (also RvdH 5.6.9 builds)"` → `{ key: '5.7.0-dev', alsoRvdh: true }`. */
export function parseSince(since: string): { key: VersionKey; alsoRvdh: boolean } {
  const text = since.trim();
  const key = VERSION_KEYS.find((k) => text === k || text.startsWith(`${k} `));
  if (!key) throw new Error(`unknown since value "${since}" (expected a key of meta.versionKey)`);
  return { key, alsoRvdh: ALSO_RVDH.test(text) };
}

/** The version key a free-text note names, e.g. "removed in 5.6.8" → `'5.6.8'`. */
export function versionKeyIn(text: string, pattern: RegExp): VersionKey | undefined {
  const m = pattern.exec(text);
  if (!m) return undefined;
  return VERSION_KEYS.find((k) => k === m[1]);
}

export interface MemberVersionFacts {
  /** `undefined` for RvdH-only members. */
  readonly sinceKey: VersionKey | undefined;
  readonly alsoRvdh: boolean;
  readonly removedIn: VersionKey | undefined;
  readonly rvdhOnly: boolean;
}

export function memberAvailability(facts: MemberVersionFacts): Availability {
  const out = {} as Record<ServerVersion, boolean>;
  for (const info of SERVER_VERSION_TABLE) {
    let present: boolean;
    if (facts.rvdhOnly || facts.sinceKey === undefined) present = facts.rvdhOnly && info.rvdh;
    else present = rank(facts.sinceKey) <= rank(info.upTo) || (info.rvdh && facts.alsoRvdh);
    if (facts.removedIn !== undefined && rank(facts.removedIn) <= rank(info.upTo)) present = false;
    out[info.version] = present;
  }
  return out;
}

/** Maps an event's `availability` record; `undefined` (the rule function) means every version. */
export function eventAvailability(raw: Readonly<Record<string, boolean>> | undefined, eventName: string): Availability {
  const out = {} as Record<ServerVersion, boolean>;
  for (const info of SERVER_VERSION_TABLE) {
    if (raw === undefined) {
      out[info.version] = true;
      continue;
    }
    const value = raw[info.eventAvailabilityKey];
    if (typeof value !== 'boolean') throw new Error(`event ${eventName}: no availability for ${info.eventAvailabilityKey}`);
    out[info.version] = value;
  }
  return out;
}

/** Whether a member or event (anything carrying precomputed `availability`) exists in `version`. */
export function isAvailable(item: { readonly availability: Availability }, version: ServerVersion): boolean {
  return item.availability[version] === true;
}

/** The versions in which a member or event exists, oldest first. */
export function availableVersions(item: { readonly availability: Availability }): ServerVersion[] {
  return SERVER_VERSIONS.filter((v) => item.availability[v]);
}
