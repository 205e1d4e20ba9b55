/**
 * What a freshly installed hMailServer contains, as data.
 *
 * Source: the database creation script of hMailServer (`CreateTablesMySQL.sql` and siblings in
 * `hmailserver/source/DBScripts`): the two IP ranges, the server messages and the `hm_settings`
 * rows. Settings members the script does not list get their type's zero value ('' / 0 / False)
 * unless the scenario sets them (see `state.ts`).
 */
import type { ServerVersion } from '../../api';
import type { AccountRow, DatabaseInfo, DomainRow, Scalar, SecurityRangeRow, ServerMessageRow } from './types';

/**
 * SecurityRange::RangeOptions bits (`hm_securityranges.rangeoptions`), by the COM member that
 * reads each one.
 */
export const RANGE_OPTION_MEMBERS: Readonly<Record<string, number>> = {
  AllowSMTPConnections: 1 << 0,
  AllowPOP3Connections: 1 << 1,
  AllowIMAPConnections: 1 << 3,
  AllowDeliveryFromLocalToLocal: 1 << 6,
  AllowDeliveryFromLocalToRemote: 1 << 7,
  AllowDeliveryFromRemoteToLocal: 1 << 8,
  AllowDeliveryFromRemoteToRemote: 1 << 9,
  EnableSpamProtection: 1 << 10,
  EnableAntiVirus: 1 << 12,
  RequireSMTPAuthLocalToLocal: 1 << 13,
  RequireSMTPAuthLocalToExternal: 1 << 14,
  RequireSMTPAuthExternalToLocal: 1 << 15,
  RequireSMTPAuthExternalToExternal: 1 << 16,
  RequireSSLTLSForAuth: 1 << 17,
};

/**
 * The two ranges of a new installation. "Internet" (96203): every protocol and relay direction
 * allowed, spam and virus protection on, SMTP authentication required for local→local,
 * local→external and external→external — so only external→local mail arrives unauthenticated.
 * "My computer" (71627, priority 30): the same, but authentication only for external→external.
 */
export const DEFAULT_SECURITY_RANGES: ReadonlyArray<Omit<SecurityRangeRow, 'ID'>> = [
  { Name: 'Internet', LowerIP: '0.0.0.0', UpperIP: '255.255.255.255', Priority: 10, Options: 96203, Expires: false, ExpiresTime: '2001-01-01 00:00:00' },
  { Name: 'My computer', LowerIP: '127.0.0.1', UpperIP: '127.0.0.1', Priority: 30, Options: 71627, Expires: false, ExpiresTime: '2001-01-01 00:00:00' },
];

/** `hm_servermessages` of a new installation (texts verbatim, CRLF line breaks). */
export const DEFAULT_SERVER_MESSAGES: ReadonlyArray<Omit<ServerMessageRow, 'ID'>> = [
  { Name: 'VIRUS_FOUND', Text: 'Virus found' },
  {
    Name: 'VIRUS_ATTACHMENT_REMOVED',
    Text: 'Virus found:\r\nThe attachment(s) of this message was removed since a virus was detected in at least one of them.\r\n\r\n',
  },
  {
    Name: 'VIRUS_NOTIFICATION',
    Text: 'The message below contained a virus and did not\r\nreach some or all of the intended recipients.\r\n\r\n   From: %MACRO_FROM%\r\n   To: %MACRO_TO%\r\n   Sent: %MACRO_SENT%\r\n   Subject: %MACRO_SUBJECT%\r\n\r\nhMailServer\r\n',
  },
  {
    Name: 'SEND_FAILED_NOTIFICATION',
    Text: 'Your message did not reach some or all of the intended recipients.\r\n\r\n   Sent: %MACRO_SENT%\r\n   Subject: %MACRO_SUBJECT%\r\n\r\nThe following recipient(s) could not be reached:\r\n\r\n%MACRO_RECIPIENTS%\r\n\r\nhMailServer\r\n',
  },
  { Name: 'MESSAGE_UNDELIVERABLE', Text: 'Message undeliverable' },
  {
    Name: 'MESSAGE_FILE_MISSING',
    Text: 'The mail server could not deliver the message to you since the file %MACRO_FILE% does not exist on the server.\r\n\r\nThe file may have been deleted by anti virus software running on the server.\r\n\r\nhMailServer',
  },
  {
    Name: 'ATTACHMENT_REMOVED',
    Text: 'The attachment %MACRO_FILE% was blocked for delivery by the e-mail server. Please contact your system administrator if you have any questions regarding this.\r\n\r\nhMailServer\r\n',
  },
];

/**
 * `Settings` members with the value `hm_settings` gives them on a new installation (by COM
 * member name; the database names differ, e.g. `allowmailfromnull` 1 is `DenyMailFromNull` False).
 */
export const SETTINGS_DEFAULTS: Readonly<Record<string, Scalar>> = {
  MaxSMTPConnections: 0,
  MaxPOP3Connections: 0,
  MaxIMAPConnections: 0,
  MirrorEMailAddress: '',
  AllowSMTPAuthPlain: false,
  DenyMailFromNull: false,
  SMTPNoOfTries: 4,
  SMTPMinutesBetweenTry: 60,
  SMTPRelayer: '',
  SMTPRelayerPort: 25,
  SMTPRelayerRequiresAuthentication: false,
  SMTPRelayerUsername: '',
  SMTPRelayerConnectionSecurity: 0,
  WelcomeSMTP: '',
  WelcomePOP3: '',
  WelcomeIMAP: '',
  ServiceSMTP: true,
  ServicePOP3: true,
  ServiceIMAP: true,
  MaxDeliveryThreads: 10,
  HostName: '',
  MaxMessageSize: 20480,
  RuleLoopLimit: 5,
  DefaultDomain: '',
  SMTPDeliveryBindToIP: '',
  IMAPSortEnabled: true,
  IMAPQuotaEnabled: true,
  IMAPIdleEnabled: true,
  IMAPACLEnabled: true,
  IMAPPublicFolderName: '#Public',
  IMAPHierarchyDelimiter: '.',
  WorkerThreadPriority: 0,
  TCPIPThreads: 15,
  AllowIncorrectLineEndings: true,
  MaxSMTPRecipientsInBatch: 100,
  DisconnectInvalidClients: false,
  MaxNumberOfInvalidCommands: 100,
  AddDeliveredToHeader: false,
  AutoBanOnLogonFailure: true,
  MaxInvalidLogonAttempts: 3,
  MaxInvalidLogonAttemptsWithin: 30,
  AutoBanMinutes: 60,
  MaxAsynchronousThreads: 15,
  MaxNumberOfMXHosts: 15,
  SMTPConnectionSecurity: 2,
  VerifyRemoteSslCertificate: true,
  UserInterfaceLanguage: 'english',
};

/** A new domain as hMailServer Administrator creates it (the `hm_domains` column defaults). */
export const DOMAIN_DEFAULTS: Omit<DomainRow, 'ID' | 'Name'> = {
  Active: true,
  Postmaster: '',
  PlusAddressingEnabled: false,
  PlusAddressingCharacter: '+',
  MaxMessageSize: 0,
  MaxSize: 0,
  AntiSpamEnableGreylisting: true,
  SignatureEnabled: false,
  SignatureMethod: 1,
  SignaturePlainText: '',
  SignatureHTML: '',
  AddSignaturesToReplies: false,
  AddSignaturesToLocalMail: true,
  MaxNumberOfAccounts: 0,
  MaxNumberOfAliases: 0,
  MaxNumberOfDistributionLists: 0,
  MaxNumberOfAccountsEnabled: false,
  MaxNumberOfAliasesEnabled: false,
  MaxNumberOfDistributionListsEnabled: false,
  MaxAccountSize: 0,
  ADDomainName: '',
  DKIMSignEnabled: false,
  DKIMSelector: '',
  DKIMPrivateKeyFile: '',
  DKIMHeaderCanonicalizationMethod: 2,
  DKIMBodyCanonicalizationMethod: 2,
  DKIMSigningAlgorithm: 2,
  DKIMSignAliasesEnabled: false,
};

/** A new account (the `hm_accounts` column defaults; MaxSize 0 = unlimited). */
export const ACCOUNT_DEFAULTS: Omit<AccountRow, 'ID' | 'DomainID' | 'Address'> = {
  Password: '',
  Active: true,
  AdminLevel: 0,
  MaxSize: 0,
  PersonFirstName: '',
  PersonLastName: '',
  VacationMessageIsOn: false,
  VacationMessage: '',
  VacationSubject: '',
  VacationMessageExpires: false,
  VacationMessageExpiresDate: '',
  ForwardEnabled: false,
  ForwardAddress: '',
  ForwardKeepOriginal: false,
  SignatureEnabled: false,
  SignaturePlainText: '',
  SignatureHTML: '',
  IsAD: false,
  ADDomain: '',
  ADUsername: '',
};

/** The built-in database of a default installation (SQL Server Compact). */
export const DATABASE_DEFAULTS: DatabaseInfo = { DatabaseType: 4, ServerName: '', DatabaseName: 'hMailServer' };

/**
 * `Application.Version` per server line. The format is hMailServer's ("5.6.8-B2574"); the build
 * numbers identify the official 5.6.8 release and representative RvdH / development builds.
 */
export const VERSION_STRINGS: Readonly<Record<ServerVersion, string>> = {
  '5.6': '5.6.8-B2574',
  '5.6-rvdh': '5.6.9-B2641',
  '5.7': '5.7.0-B2700',
};

/** `Application.VersionArchitecture` (5.7 only): the 64-bit build. */
export const VERSION_ARCHITECTURE = 'x64';

const PROGRAM_DIRECTORY = 'C:\\Program Files (x86)\\hMailServer';

/** hMailServer.ini location of a default installation (`Application.InitializationFile`). */
export const INITIALIZATION_FILE = `${PROGRAM_DIRECTORY}\\Bin\\hMailServer.INI`;

/** `[Directories]` of hMailServer.ini in a default installation (`Settings.Directories`), by COM member. */
export const DIRECTORY_DEFAULTS: Readonly<Record<string, string>> = {
  ProgramDirectory: PROGRAM_DIRECTORY,
  DatabaseDirectory: `${PROGRAM_DIRECTORY}\\Database`,
  DataDirectory: `${PROGRAM_DIRECTORY}\\Data`,
  LogDirectory: `${PROGRAM_DIRECTORY}\\Logs`,
  TempDirectory: `${PROGRAM_DIRECTORY}\\Temp`,
  EventDirectory: `${PROGRAM_DIRECTORY}\\Events`,
  DBScriptDirectory: `${PROGRAM_DIRECTORY}\\DBScripts`,
};
