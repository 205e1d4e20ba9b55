/**
 * The simulated server's data: what hMailServer keeps in its database (domains, accounts,
 * aliases, distribution lists, IP ranges, server messages, settings) for one run.
 *
 * Rows are keyed by the COM member names (`Address`, `Active`, `MaxSize`…) on purpose: the
 * COM objects in `../objects` are then plain tables mapping a member to a row field, and a
 * script's `oAccount.MaxSize` reads exactly the field the recipient logic uses.
 *
 * The state is mutable like the server's database: a script's `SecurityRange.Save` or
 * `Account.Save` changes it for the rest of the run (later events see it), and every such
 * change is recorded as a side effect by the object that made it.
 */
import type { ScenarioRule } from '../../scenario/types';

/** What a COM property holds: hMailServer's scalar types as JS values (dates as text, as the server returns them). */
export type Scalar = string | number | boolean;

export interface DomainRow {
  ID: number;
  Name: string;
  Active: boolean;
  /** Catch-all: unknown local recipients go here (RecipientParser); empty = none. */
  Postmaster: string;
  PlusAddressingEnabled: boolean;
  PlusAddressingCharacter: string;
  MaxMessageSize: number;
  MaxSize: number;
  AntiSpamEnableGreylisting: boolean;
  SignatureEnabled: boolean;
  SignatureMethod: number;
  SignaturePlainText: string;
  SignatureHTML: string;
  AddSignaturesToReplies: boolean;
  AddSignaturesToLocalMail: boolean;
  MaxNumberOfAccounts: number;
  MaxNumberOfAliases: number;
  MaxNumberOfDistributionLists: number;
  MaxNumberOfAccountsEnabled: boolean;
  MaxNumberOfAliasesEnabled: boolean;
  MaxNumberOfDistributionListsEnabled: boolean;
  MaxAccountSize: number;
  ADDomainName: string;
  DKIMSignEnabled: boolean;
  DKIMSelector: string;
  DKIMPrivateKeyFile: string;
  DKIMHeaderCanonicalizationMethod: number;
  DKIMBodyCanonicalizationMethod: number;
  DKIMSigningAlgorithm: number;
  DKIMSignAliasesEnabled: boolean;
}

export interface AccountRow {
  ID: number;
  DomainID: number;
  Address: string;
  /** Kept in clear text: the simulator compares it; the COM getter never reveals it (see objects/account.ts). */
  Password: string;
  Active: boolean;
  /** 0 user, 1 domain admin, 2 server admin (eAdminLevel). */
  AdminLevel: number;
  MaxSize: number;
  PersonFirstName: string;
  PersonLastName: string;
  VacationMessageIsOn: boolean;
  VacationMessage: string;
  VacationSubject: string;
  VacationMessageExpires: boolean;
  VacationMessageExpiresDate: string;
  ForwardEnabled: boolean;
  ForwardAddress: string;
  ForwardKeepOriginal: boolean;
  SignatureEnabled: boolean;
  SignaturePlainText: string;
  SignatureHTML: string;
  IsAD: boolean;
  ADDomain: string;
  ADUsername: string;
}

export interface AliasRow {
  ID: number;
  DomainID: number;
  Name: string;
  Value: string;
  Active: boolean;
}

export interface DistributionListMemberRow {
  ID: number;
  ListID: number;
  RecipientAddress: string;
}

export interface DistributionListRow {
  ID: number;
  DomainID: number;
  Address: string;
  Active: boolean;
  RequireSMTPAuth: boolean;
  RequireSenderAddress: string;
  /** eDistributionListMode: 0 public, 1 membership, 2 announcement. */
  Mode: number;
}

/** One IP range; `Options` is hMailServer's bit set (SecurityRange::RangeOptions), see `RANGE_OPTION_MEMBERS`. */
export interface SecurityRangeRow {
  ID: number;
  Name: string;
  LowerIP: string;
  UpperIP: string;
  Priority: number;
  Options: number;
  Expires: boolean;
  /** "YYYY-MM-DD hh:mm:ss", as the server stores it. */
  ExpiresTime: string;
}

export interface ServerMessageRow {
  ID: number;
  Name: string;
  Text: string;
}

export interface DatabaseInfo {
  /** eDBtype: 1 MySQL, 2 MSSQL, 3 PostgreSQL, 4 MSSQL CE (the built-in database of a default install). */
  DatabaseType: number;
  ServerName: string;
  DatabaseName: string;
}

/** Counters `Status` reports; the pipeline bumps them as it processes messages. */
export interface ServerStatusCounters {
  StartTime: string;
  ProcessedMessages: number;
  RemovedViruses: number;
  RemovedSpamMessages: number;
}

export interface ServerState {
  /** Empty means every COM object is server admin without Authenticate (COMAuthentication::AttempAnonymousAuthentication). */
  administratorPassword: string;
  domains: DomainRow[];
  accounts: AccountRow[];
  aliases: AliasRow[];
  distributionLists: DistributionListRow[];
  distributionListMembers: DistributionListMemberRow[];
  /** The scenario's rules, as given: the pipeline applies them; `Application.Rules` is not modelled. */
  rules: ScenarioRule[];
  /** Scalar `Settings` members by canonical member name. */
  settings: Record<string, Scalar>;
  securityRanges: SecurityRangeRow[];
  serverMessages: ServerMessageRow[];
  database: DatabaseInfo;
  /** hMailServer.ini `[Directories]`, by `Directories` member name. */
  directories: Record<string, string>;
  status: ServerStatusCounters;
  /** Per-table autoincrement counters (the next ID to hand out). */
  nextIds: Record<string, number>;
  /** How many GUIDs `Utilities.GenerateGUID` handed out (GUIDs are derived from it: reproducible runs). */
  guidsIssued: number;
  /** Scenario entries the state could not use (unknown setting names, accounts outside any domain …), for the report. */
  problems: string[];
}
