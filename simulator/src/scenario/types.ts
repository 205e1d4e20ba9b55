/**
 * A scenario (`*.scenario.json`): which script, which server, which SMTP session and message,
 * what the outside world answers, and what the admin expects. The JSON Schema in
 * `scenario.schema.json` describes the same shape for editors; paths are relative to the
 * scenario file. Only `script` and `session.message` are required; everything else has defaults.
 */
import type { ServerVersion } from '../api';

export interface Scenario {
  name?: string;
  script: string;
  hmailserver?: ServerVersion;
  environment?: ScenarioEnvironment;
  server?: ScenarioServer;
  session?: ScenarioSession;
  delivery?: ScenarioDelivery;
  fire?: ScenarioFire[];
  mocks?: ScenarioMocks;
  limits?: { timeoutSeconds?: number };
  expect?: ScenarioExpectations;
}

export interface ScenarioEnvironment {
  /** Local wall-clock time of the simulated server, ISO 8601 without offset. */
  now?: string;
  timeZone?: string;
  locale?: number;
  seed?: number;
}

export interface ScenarioAccount {
  address: string;
  password?: string;
  active?: boolean;
  /** 0 user, 1 domain admin, 2 server admin. */
  adminLevel?: 0 | 1 | 2;
  maxSize?: number;
  personFirstName?: string;
  personLastName?: string;
}

export interface ScenarioAlias {
  name: string;
  value: string;
  active?: boolean;
}

export interface ScenarioDistributionList {
  address: string;
  members: string[];
  active?: boolean;
}

export interface ScenarioDomain {
  name: string;
  active?: boolean;
  /** Catch-all: unknown local recipients are delivered here. */
  postmaster?: string;
  /** Plus addressing: true (with "+") or the separator character. */
  plusAddressing?: boolean | string;
  accounts?: ScenarioAccount[];
  aliases?: ScenarioAlias[];
  distributionLists?: ScenarioDistributionList[];
}

export interface ScenarioRuleCriterion {
  /** A predefined field ("From", "To", "Subject", "Body", …) or a header name with `usePredefined: false`. */
  field: string;
  usePredefined?: boolean;
  /** equals, contains, less-than, greater-than, regex, not-equals, not-contains, wildcard */
  match: 'equals' | 'contains' | 'lessThan' | 'greaterThan' | 'regex' | 'notEquals' | 'notContains' | 'wildcard';
  value: string;
}

export interface ScenarioRuleAction {
  /** deleteEmail, runFunction, setHeaderValue, moveToImapFolder, forward, reply, stopRuleProcessing, … */
  type: string;
  scriptFunction?: string;
  headerName?: string;
  value?: string;
  to?: string;
  imapFolder?: string;
}

export interface ScenarioRule {
  name: string;
  active?: boolean;
  useAnd?: boolean;
  /** Account rules name the account; global rules omit it. */
  account?: string;
  criteria: ScenarioRuleCriterion[];
  actions: ScenarioRuleAction[];
}

/** An IP range; options not given are as in the default "Internet" range. */
export interface ScenarioSecurityRange {
  name: string;
  lowerIP: string;
  upperIP: string;
  priority?: number;
  /** SecurityRange member → value, e.g. `{ "RequireSMTPAuthExternalToLocal": true }`. */
  options?: Record<string, boolean>;
}

export interface ScenarioServer {
  administratorPassword?: string;
  domains?: ScenarioDomain[];
  /** Replaces the two ranges of a fresh install ("Internet" and "My computer"). */
  securityRanges?: ScenarioSecurityRange[];
  rules?: ScenarioRule[];
  settings?: Record<string, unknown>;
}

export interface ScenarioClient {
  ip?: string;
  port?: number;
  helo?: string;
}

export interface ScenarioSession {
  client?: ScenarioClient;
  tls?: 'none' | 'starttls' | 'implicit';
  auth?: { username: string; password: string };
  mailFrom?: string;
  rcptTo?: string[];
  /** An .eml file. */
  message?: string;
}

export interface ScenarioDelivery {
  /** Remote recipient → one SMTP reply, or one per attempt. Unlisted remote recipients get 250. */
  remote?: Record<string, string | string[]>;
  retries?: number;
}

export interface ScenarioFire {
  event: string;
  /** Arguments by the API data's parameter names; accounts by address, messages by .eml path or null. */
  args?: Record<string, unknown>;
}

export interface HttpMock {
  method?: string;
  /** `*` matches anything. */
  url: string;
  status?: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface ExecMock {
  /** Command-line pattern; `*` matches anything. */
  match: string;
  exitCode?: number;
  stdout?: string;
  stderr?: string;
}

export interface SqlMock {
  /** SQL pattern; `*` matches anything. */
  match: string;
  rows?: Array<Record<string, unknown>>;
  recordsAffected?: number;
}

export interface ObjectMock {
  /** Members of the stand-in object: a constant, or `{ "returns": … }` for a method. */
  members?: Record<string, unknown>;
}

export interface ScenarioMocks {
  /** Windows path → a file path (relative to the scenario) or `{ content }`. */
  files?: Record<string, string | { content: string }>;
  /** Windows folder → a real folder (relative to the scenario), read-only. */
  pathMappings?: Record<string, string>;
  http?: HttpMock[];
  exec?: ExecMock[];
  registry?: Record<string, unknown>;
  sql?: SqlMock[];
  /** ProgID → stand-in object. */
  objects?: Record<string, ObjectMock>;
}

export interface ScenarioExpectations {
  outcome?: 'accepted' | 'rejected' | 'tempfail' | 'disconnected' | 'deleted';
  reply?: string;
  delivered?: string[];
  failed?: string[];
  /** Header → expected value; `null` means the header must be absent. */
  headers?: Record<string, string | null>;
  subject?: string;
  /** Substrings that must appear in the event log, in order. */
  eventLog?: string[];
  errors?: number;
}
