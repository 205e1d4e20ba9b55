/**
 * Coverage of the API declaration by the implementation tables: per interface, which declared
 * members are simulated, which only check rights before raising "Not simulated" (partial), and
 * which raise "Not simulated: X.Y" outright. Tables are registered by interface name; the
 * message layer's tables are added by whoever has them (see the coverage test).
 */
import { interfaces, membersOf, type ServerVersion } from '../../api';
import type { Implementation } from '../apiObject';
import { accountImplementation } from './account';
import { aliasesImplementation, aliasImplementation } from './alias';
import { applicationImplementation } from './application';
import { clientImplementation } from './client';
import { databaseImplementation } from './database';
import { listImplementation, listsImplementation, memberImplementation, membersImplementation } from './distributionList';
import { accountsImplementation, domainImplementation, domainsImplementation } from './domain';
import { directoriesImplementation, scriptingImplementation } from './directories';
import { eventLogImplementation } from './eventLog';
import { fetchAccountImplementation } from './fetchAccount';
import { linksImplementation } from './links';
import { isPartial } from './members';
import { resultImplementation } from './result';
import { rangeImplementation, rangesImplementation } from './securityRange';
import { serverMessageImplementation, serverMessagesImplementation } from './serverMessages';
import { settingsImplementation } from './settings';
import { statusImplementation } from './status';
import { utilitiesImplementation } from './utilities';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyImplementation = Implementation<any>;

/** The server-side object model's tables, by the interface they implement. */
export const SERVER_OBJECT_IMPLEMENTATIONS: Readonly<Record<string, AnyImplementation>> = {
  Account: accountImplementation,
  Accounts: accountsImplementation,
  Alias: aliasImplementation,
  Aliases: aliasesImplementation,
  Application: applicationImplementation,
  Client: clientImplementation,
  Database: databaseImplementation,
  Directories: directoriesImplementation,
  DistributionList: listImplementation,
  DistributionListRecipient: memberImplementation,
  DistributionListRecipients: membersImplementation,
  DistributionLists: listsImplementation,
  Domain: domainImplementation,
  Domains: domainsImplementation,
  EventLog: eventLogImplementation,
  FetchAccount: fetchAccountImplementation,
  Links: linksImplementation,
  Result: resultImplementation,
  Scripting: scriptingImplementation,
  SecurityRange: rangeImplementation,
  SecurityRanges: rangesImplementation,
  ServerMessage: serverMessageImplementation,
  ServerMessages: serverMessagesImplementation,
  Settings: settingsImplementation,
  Status: statusImplementation,
  Utilities: utilitiesImplementation,
};

export interface InterfaceCoverage {
  interfaceName: string;
  /** Members declared for the version. */
  declared: number;
  simulated: string[];
  partial: string[];
  notSimulated: string[];
}

/** Whether `interfaceName.memberName` has a (non-partial) implementation in `tables`. */
export function isSimulated(tables: Readonly<Record<string, AnyImplementation>>, interfaceName: string, memberName: string): boolean {
  const table = Object.entries(tables).find(([name]) => name.toLowerCase() === interfaceName.toLowerCase())?.[1];
  if (!table) return false;
  const member = Object.entries(table).find(([name]) => name.toLowerCase() === memberName.toLowerCase())?.[1];
  return member !== undefined && !isPartial(member);
}

/** Coverage of every declared interface (in declaration order) for `version`. */
export function coverageOf(tables: Readonly<Record<string, AnyImplementation>>, version: ServerVersion): InterfaceCoverage[] {
  return interfaces().map((api) => {
    const table = tables[api.name] ?? {};
    const row: InterfaceCoverage = { interfaceName: api.name, declared: 0, simulated: [], partial: [], notSimulated: [] };
    for (const member of membersOf(api.name, version)) {
      row.declared++;
      const impl = Object.entries(table).find(([name]) => name.toLowerCase() === member.name.toLowerCase())?.[1];
      if (!impl) row.notSimulated.push(member.name);
      else if (isPartial(impl)) row.partial.push(member.name);
      else row.simulated.push(member.name);
    }
    return row;
  });
}

/** A plain-text table: one line per interface that has any implementation, then a total. */
export function formatCoverage(rows: readonly InterfaceCoverage[]): string {
  const lines: string[] = [];
  let simulated = 0;
  let declared = 0;
  for (const r of rows) {
    declared += r.declared;
    simulated += r.simulated.length;
    if (r.simulated.length === 0 && r.partial.length === 0) continue;
    const missing = [...r.partial.map((m) => `${m} (partial)`), ...r.notSimulated];
    lines.push(`${r.interfaceName.padEnd(28)} ${String(r.simulated.length).padStart(3)}/${String(r.declared).padEnd(3)} ${missing.length ? `not simulated: ${missing.join(', ')}` : 'complete'}`);
  }
  const untouched = rows.filter((r) => r.simulated.length === 0 && r.partial.length === 0).map((r) => r.interfaceName);
  lines.push(`Not modelled at all (${untouched.length}): ${untouched.join(', ')}`);
  lines.push(`Total: ${simulated}/${declared} declared members simulated`);
  return lines.join('\n');
}
