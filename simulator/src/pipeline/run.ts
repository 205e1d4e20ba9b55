/**
 * A whole simulated run: load the script as the server does (§2.2), play the SMTP session,
 * deliver what was queued (and what scripts created or bounced), fire the scenario's extra
 * events, and write the report and the run's files into the output folder — never anywhere else.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getEvent, RULE_FUNCTION_NAME } from '../api';
import { encodeEventLogFile } from '../hmailserver/server/eventLog';
import { formatLocalTime } from '../hmailserver/server/clock';
import { expandRecipient, type ExpandedRecipient } from '../hmailserver/server/recipients';
import { createSimulatedServer, type SimulatedServer } from '../hmailserver/server/simulatedServer';
import { findAccount, settingValue } from '../hmailserver/server/state';
import { makeEventLog } from '../hmailserver/objects/eventLog';
import { makeClient, type ClientInfo } from '../hmailserver/objects/client';
import { makeResult } from '../hmailserver/objects/result';
import { makeAccount } from '../hmailserver/objects/account';
import { makeFetchAccount, type FetchAccountInfo } from '../hmailserver/objects/fetchAccount';
import { mimeDate } from '../hmailserver/objects/messageDates';
import { hmailserverProgIds } from '../hmailserver/objects/progIds';
import { loadMessageFile, MalformedMessageError, MessageObject, messageProgIds, MimeMessage, StoredMessage, type MessageHooks } from '../hmailserver/objects/messageModel';
import { registerSandboxProgIds } from '../sandbox/progIds';
import { releaseOpenFiles, sourceFileOf } from '../sandbox/environment';
import { SandboxConfigError } from '../sandbox/fileSystem/virtualFileSystem';
import { createSimulationContext, type Simulation } from '../sandbox/simulation';
import type { SideEffect } from '../sandbox/context';
import { ScriptError } from '../runtime/engine/scriptError';
import type { ResolvedScenario } from '../scenario/load';
import type { EventReport, FailedRecipient, HeaderChange, MessageReport, Outcome, RunReport, ScriptErrorReport, TranscriptLine } from '../report/types';
import { localTimeToEpoch } from '../runtime/values/timeZone';
import { addressesIn, DEFAULT_CLIENT, defaultServer } from './defaults';
import { deliver, type DeliveryRunner, type QueuedMessage } from './delivery';
import { errorLogLine, reportScriptError } from './errorLog';
import { EventRunner, HandlerTimeout, type EventArgument } from './eventRunner';
import { closeQuietly, isTimeout, type ScriptHost } from './firing';
import { buildBounce, ruleSubjectOf } from './messages';
import { readScriptFile, type ScriptFile } from './scriptFile';
import { addParsed, createEngine, HandlerNames, type HostedEngine } from './scriptLanguage';
import { runSession, type ClientSnapshot, type Envelope, type SessionResult, type SessionRunner } from './session';
import { RUN_PHASES, type RunPhase } from './order';

/** Bad input or a time limit: the run cannot give a meaningful report. One line, naming the file. */
export class SimulationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulationError';
  }
}

export interface RunOptions {
  /**
   * Where the run's files go (messages/, logs/, the file-system overlay, report.json). Without
   * one nothing is written anywhere: the overlay stays in memory (replays of many messages).
   */
  outputDir?: string;
  /**
   * Called with every engine the run creates — the load check (`event` "load") and each firing —
   * before any script code runs: the debugger attaches here.
   */
  onEngine?: (engine: HostedEngine, event: string) => void;
  /**
   * Compile procedures on their first call (default: yes, unless `onEngine` is given — a host
   * that attaches a debugger must bind breakpoints in procedures compiled later, as ours does).
   */
  lazyProcedures?: boolean;
  /** Told about the run as it happens (the debugger's output): SMTP lines, EventLog lines, each event when it ends. */
  observer?: RunObserver;
}

export interface RunObserver {
  transcript?(line: TranscriptLine): void;
  eventLog?(text: string): void;
  event?(report: EventReport): void;
}

type Recipient = ExpandedRecipient;

export async function runScenario(scenario: ResolvedScenario, options: RunOptions): Promise<RunReport> {
  const run = await Run.prepare(scenario, options);
  return run.execute();
}

class Run {
  private readonly queue: Array<{ queued: QueuedMessage; stored: StoredMessage<Recipient> }> = [];
  private readonly delivered: string[] = [];
  private readonly failed: FailedRecipient[] = [];
  private deleted = false;
  private nextMessageId = 1;
  private mainMessage: StoredMessage<Recipient> | undefined;
  private readonly notes: string[] = [];

  private constructor(
    private readonly scenario: ResolvedScenario,
    private readonly options: RunOptions,
    private readonly script: ScriptFile,
    private readonly file: MimeMessage | undefined,
    private readonly server: SimulatedServer,
    private readonly sim: Simulation,
    private readonly runner: EventRunner,
    private readonly loadError: ScriptErrorReport | undefined,
    private readonly mailFrom: string,
    private readonly rcptTo: string[],
    private readonly clock: number,
  ) {}

  static async prepare(scenario: ResolvedScenario, options: RunOptions): Promise<Run> {
    const sc = scenario.scenario;
    const env = scenario.environment;
    let clock: number;
    try {
      clock = localTimeToEpoch(env.now, env.timeZone);
    } catch (e) {
      throw new SimulationError(`${scenario.file}: environment: ${(e as Error).message}`);
    }
    const script = readScript(scenario.scriptPath);
    const file = scenario.messagePath ? await readMessage(scenario.messagePath) : undefined;
    const header = (name: string): string => file?.getField(name, true) ?? '';
    const mailFrom = sc.session?.mailFrom ?? addressesIn(header('From'))[0] ?? '';
    const rcptTo = sc.session?.rcptTo ?? [...addressesIn(header('To')), ...addressesIn(header('Cc'))];
    const server = createSimulatedServer(sc.server ?? defaultServer(rcptTo), { startTime: formatLocalTime(clock, env.timeZone) });
    if (options.outputDir) mkdirSync(options.outputDir, { recursive: true });
    const sim = createSandbox(scenario, options, clock);
    const eventLog = makeEventLog(sim.ctx, server);
    const observer = options.observer;
    if (observer?.eventLog) {
      const sink = server.eventLog;
      const write = sink.write.bind(sink);
      sink.write = (entry) => {
        write(entry);
        observer.eventLog?.(entry.text);
      };
    }
    // Filled in below: ProgID factories need the run for message hooks.
    let hooks: MessageHooks<Recipient> = {};
    const host: ScriptHost = {
      script,
      engineOptions: {
        clock: () => clock,
        timeZone: env.timeZone,
        locale: env.locale,
        seed: env.seed,
        limits: { timeLimitMs: scenario.timeoutSeconds * 1000 },
        lazyProcedures: options.lazyProcedures ?? options.onEngine === undefined,
        // Included files (ExecuteGlobal of a file read with FileSystemObject) keep their own name.
        // A file the run itself wrote (in the overlay) keeps its Windows path: reports must not depend on the output folder.
        sourceName: (code) => {
          const windowsPath = sourceFileOf(sim.ctx, code);
          if (windowsPath === undefined) return undefined;
          const real = sim.fs.realSourceOf(windowsPath);
          return real === undefined || real === sim.fs.overlayPath(windowsPath) ? windowsPath : real;
        },
      },
      eventLog,
      afterFiring: () => releaseOpenFiles(sim.ctx),
      onEngine: options.onEngine,
      registerProgIds(engine) {
        registerSandboxProgIds(engine.progIds, sim.ctx);
        for (const [progId, make] of Object.entries(hmailserverProgIds)) engine.progIds.register(progId, () => make(sim.ctx, server));
        for (const [progId, make] of Object.entries(messageProgIds(hooks))) engine.progIds.register(progId, () => make(sim.ctx));
        recordRefusedObjects(engine, sim);
      },
    };
    const { handlers, error, timedOut } = loadScript(host, sim);
    if (timedOut && error) {
      throw new SimulationError(`${scenario.file}: the script's top-level code (run at load) in ${error.file}:${error.line} ran longer than the ${scenario.timeoutSeconds} s time limit (limits.timeoutSeconds / --timeout)`);
    }
    const runner = new EventRunner(host, scenario.version, handlers, server, sim.recorder, options.observer?.event?.bind(options.observer));
    const run = new Run(scenario, options, script, file, server, sim, runner, error, mailFrom, rcptTo, clock);
    hooks = run.messageHooks();
    return run;
  }

  async execute(): Promise<RunReport> {
    try {
      let session: SessionResult | undefined;
      const phases: Record<RunPhase, () => unknown> = {
        session: () => (session = this.runSessionPhase()),
        delivery: () => this.deliverQueue(),
        fire: () => this.fireListed(),
      };
      for (const phase of RUN_PHASES) await phases[phase]();
      if (!session) throw new Error('the run has no session phase');
      const outcome: Outcome = session.outcome === 'accepted' && this.deleted && this.delivered.length === 0 ? 'deleted' : session.outcome;
      return this.finish(outcome, session.reply, session.transcript);
    } catch (e) {
      if (e instanceof HandlerTimeout) {
        throw new SimulationError(`${this.scenario.file}: ${e.event} in ${e.error.file}:${e.error.line} ran longer than the ${this.scenario.timeoutSeconds} s time limit (limits.timeoutSeconds / --timeout)`);
      }
      throw e;
    }
  }

  // ------------------------------------------------------------ session

  private runSessionPhase() {
    const sc = this.scenario.scenario;
    const client = { ...DEFAULT_CLIENT, ...sc.session?.client };
    const stored = new StoredMessage<Recipient>({ fromAddress: this.mailFrom, filename: this.messageFilename(1) });
    this.mainMessage = stored;
    const ctx = this.sim.ctx;
    const hooks = this.messageHooks();
    const clientObject = (c: ClientSnapshot, event: string) => makeClient(ctx, c, event);
    const withEnvelope = (envelope: Envelope): MessageObject<Recipient> => {
      stored.fromAddress = envelope.mailFrom;
      stored.recipients = envelope.recipients.map((r) => ({ ...r }));
      return new MessageObject(ctx, stored, hooks);
    };
    const sessionRunner: SessionRunner = {
      fire: (request) => {
        const result = makeResult(ctx, request.event);
        switch (request.event) {
          case 'OnClientConnect':
          case 'OnHELO':
          case 'OnClientLogon':
            return this.runner.fire({ event: request.event, result, args: { oClient: { object: clientObject(request.client, request.event) } } });
          case 'OnClientValidatePassword': {
            const account = findAccount(this.server.state, request.accountAddress);
            if (!account) return undefined;
            return this.runner.fire({ event: request.event, result, args: { oAccount: { object: makeAccount(ctx, this.server, account) }, sPassword: { text: request.password } } });
          }
          case 'OnAcceptMessage':
            if (this.file && !stored.file) stored.receive(this.withReceivedHeader(this.file, client));
            return this.runner.fire({ event: request.event, result, args: { oClient: { object: clientObject(request.client, request.event) }, oMessage: { object: withEnvelope(request.envelope) } } });
          default: {
            // Before MAIL FROM there is no message: the named item is an empty wrapper (§2.4).
            const message = request.noMessage ? new MessageObject<Recipient>(ctx, undefined, hooks) : withEnvelope(request.envelope);
            return this.runner.fire({ event: request.event, result, args: { oClient: { object: clientObject(request.client, request.event) }, oMessage: { object: message } } });
          }
        }
      },
    };
    const session = runSession(
      {
        state: this.server.state,
        client: { ip: client.ip, port: client.port, helo: client.helo },
        tls: sc.session?.tls ?? 'none',
        auth: sc.session?.auth,
        mailFrom: this.mailFrom,
        rcptTo: this.rcptTo,
        now: formatLocalTime(this.clock, this.scenario.environment.timeZone),
        hostName: this.hostName(),
        onLine: this.options.observer?.transcript?.bind(this.options.observer),
      },
      sessionRunner,
    );
    if (session.queued) {
      if (this.file && !stored.file) stored.receive(this.withReceivedHeader(this.file, client));
      stored.recipients = session.queued.recipients;
      this.enqueue(stored);
    }
    return session;
  }

  /** hMailServer adds its Received header before OnAcceptMessage sees the file. */
  private withReceivedHeader(file: MimeMessage, client: { ip: string; helo: string }): MimeMessage {
    const copy = file.clone();
    const date = mimeDate(this.clock, this.scenario.environment.timeZone);
    copy.header.insert('Received', `from ${client.helo} ([${client.ip}]) by ${this.hostName()} with hMailServer ; ${date}`, 0);
    return copy;
  }

  // ------------------------------------------------------------ delivery

  private enqueue(stored: StoredMessage<Recipient>, isBounce = false): void {
    const id = this.nextMessageId++;
    stored.id = BigInt(id);
    stored.state = 1;
    if (!stored.filename) stored.filename = this.messageFilename(id);
    this.queue.push({ queued: { id, mailFrom: stored.fromAddress, recipients: stored.recipients, isBounce }, stored });
  }

  private deliverQueue(): void {
    const sc = this.scenario.scenario;
    // Scripts may queue more messages while this runs; a bounce storm is cut off.
    for (let i = 0; i < this.queue.length && i < 50; i++) {
      const { queued, stored } = this.queue[i];
      const result = deliver(
        queued,
        {
          globalRules: this.server.state.rules.filter((r) => !r.account),
          accountRules: (address) => this.server.state.rules.filter((r) => r.account?.toLowerCase() === address.toLowerCase()),
          remote: sc.delivery?.remote ?? {},
          retries: sc.delivery?.retries ?? 0,
        },
        this.deliveryRunner(stored),
      );
      if (stored === this.mainMessage) {
        this.delivered.push(...result.delivered);
        this.failed.push(...result.failed);
        this.deleted = result.deleted;
      }
      this.writeMessageFile(stored);
    }
  }

  private deliveryRunner(stored: StoredMessage<Recipient>): DeliveryRunner {
    const ctx = this.sim.ctx;
    const message = () => new MessageObject(ctx, stored, this.messageHooks());
    return {
      fire: (request) => {
        stored.retries = request.attempt - 1;
        if (request.event === 'OnDeliveryFailed') {
          return this.runner.fire({
            event: request.event,
            attempt: request.attempt,
            args: { oMessage: { object: message() }, sRecipient: { text: request.recipient }, sErrorMessage: { text: request.error } },
          });
        }
        stored.recipients = request.remaining;
        return this.runner.fire({ event: request.event, attempt: request.attempt, result: makeResult(ctx, request.event), args: { oMessage: { object: message() } } });
      },
      runRuleFunction: (name, _queued, attempt) => {
        this.runner.fire({ event: RULE_FUNCTION_NAME, procedure: name, attempt, result: makeResult(ctx, RULE_FUNCTION_NAME), args: { oMessage: { object: message() } } });
      },
      ruleSubject: (_queued, attempt) => ruleSubjectOf(stored, attempt),
      setHeader: (_queued, name, value) => stored.file?.setField(name, value, true),
      note: (text) => void this.notes.push(text),
      bounce: (queued, failed) => {
        const bounce = buildBounce(queued, failed, stored, this.hostName(), this.clock, this.scenario.environment.timeZone);
        if (!bounce) return;
        bounce.recipients = expandRecipient(this.server.state, queued.mailFrom);
        this.enqueue(bounce, true);
      },
    };
  }

  private messageHooks(): MessageHooks<Recipient> {
    return {
      onSave: (save) => {
        // A message a script created and saved (State 0) is queued like any other.
        if (save.previousState === 0) this.enqueue(save.message);
        this.sim.ctx.record({ kind: 'file-write', target: save.message.filename || '(message)', allowed: true, detail: `Message.Save, ${save.data.length} bytes` });
      },
      resolveRecipient: (address) => expandRecipient(this.server.state, address),
    };
  }

  // ------------------------------------------------------------ extra events

  private async fireListed(): Promise<void> {
    const ctx = this.sim.ctx;
    for (const [index, item] of (this.scenario.scenario.fire ?? []).entries()) {
      const where = `${this.scenario.file}: fire[${index}] ${item.event}`;
      const api = getEvent(item.event);
      if (!api) throw new SimulationError(`${this.scenario.file}: fire[${index}]: hMailServer has no event ${item.event}`);
      const known = new Set(api.params.map((p) => p.name.toLowerCase()));
      const unknown = Object.keys(item.args ?? {}).find((k) => !known.has(k.toLowerCase()));
      if (unknown !== undefined) throw new SimulationError(`${where}: unknown argument "${unknown}" (${api.name} takes ${api.params.map((p) => p.name).join(', ') || 'none'})`);
      const args: Record<string, EventArgument> = {};
      for (const p of api.params) {
        const key = Object.keys(item.args ?? {}).find((k) => k.toLowerCase() === p.name.toLowerCase());
        args[p.name] = await this.argumentFor(api.name, where, p.name, p.type, key === undefined ? undefined : item.args?.[key], key !== undefined);
      }
      this.runner.fire({ event: api.name, result: makeResult(ctx, api.name), args });
    }
  }

  /**
   * A `fire` argument by the API's parameter type: a Client from its fields, an Account by
   * address, a FetchAccount from its members, a Message by .eml path (a fetched message:
   * State 0, ID 0), `null` for Nothing (a UID downloaded earlier), or — left out — the run's
   * own message; numbers and strings as given.
   */
  private async argumentFor(event: string, where: string, name: string, type: string, value: unknown, given: boolean): Promise<EventArgument> {
    const ctx = this.sim.ctx;
    switch (type) {
      case 'Client':
        return { object: makeClient(ctx, clientInfoOf(where, name, value), event) };
      case 'Account': {
        const account = typeof value === 'string' ? findAccount(this.server.state, value) : undefined;
        if (!account) throw new SimulationError(`${where}: ${name} must name an account of the scenario's server`);
        return { object: makeAccount(ctx, this.server, account) };
      }
      case 'FetchAccount': {
        if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) throw new SimulationError(`${where}: ${name} takes the account's members, e.g. { "Name": "Gmail" }`);
        return { object: makeFetchAccount(ctx, (value ?? {}) as FetchAccountInfo) };
      }
      case 'Message': {
        if (value === null) return { nothing: true };
        if (!given) return this.mainMessage?.file ? { object: new MessageObject(ctx, this.mainMessage, this.messageHooks()) } : { nothing: true };
        if (typeof value !== 'string') throw new SimulationError(`${where}: ${name} takes the path of an .eml file or null`);
        const file = await readMessage(path.resolve(this.scenario.dir, value));
        const stored = new StoredMessage<Recipient>({ file, state: 0, fromAddress: addressesIn(file.getField('From', true))[0] ?? '' });
        return { object: new MessageObject(ctx, stored, this.messageHooks()) };
      }
      case 'Long': {
        const number = Number(value ?? 0);
        if (!Number.isFinite(number)) throw new SimulationError(`${where}: ${name} must be a number`);
        return { number };
      }
      default:
        return { text: String(value ?? '') };
    }
  }

  // ------------------------------------------------------------ output

  private hostName(): string {
    const configured = settingValue(this.server.state, 'HostName');
    if (typeof configured === 'string' && configured !== '') return configured;
    const domain = this.server.state.domains[0]?.Name;
    return domain ? `mail.${domain}` : 'localhost';
  }

  private messageFilename(id: number): string {
    return `C:\\Program Files (x86)\\hMailServer\\Data\\{${String(id).padStart(8, '0')}-0000-0000-0000-000000000000}.eml`;
  }

  private writeMessageFile(stored: StoredMessage<Recipient>): void {
    if (!stored.file || !this.options.outputDir) return;
    const dir = path.join(this.options.outputDir, 'messages');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `message-${stored.id}.eml`), stored.file.serialize());
  }

  private messageReport(): MessageReport | undefined {
    const stored = this.mainMessage;
    if (!stored?.file) return undefined;
    const headers = firstHeaders(stored.file);
    const report: MessageReport = { subject: stored.file.getField('Subject', true), headers, file: stored.id > 0n ? `messages/message-${stored.id}.eml` : undefined };
    const changes = this.file ? headerChanges(firstHeaders(this.file), headers) : [];
    if (changes.length > 0) report.changes = changes;
    return report;
  }

  private finish(outcome: Outcome, reply: string, transcript: RunReport['transcript']): RunReport {
    const errors = [...(this.loadError ? [this.loadError] : []), ...this.runner.errors];
    const report: RunReport = {
      schemaVersion: 1,
      scenario: this.scenario.name,
      script: path.basename(this.scenario.scriptPath),
      hmailserver: this.scenario.version,
      outcome,
      reply,
      transcript,
      events: this.runner.events,
      delivered: this.delivered,
      failed: this.failed,
      message: this.messageReport(),
      eventLog: this.server.eventLog.entries.map((e) => e.text),
      errors: errors.map((e) => e.logLine),
      sideEffects: this.sim.recorder.effects.map((e) => this.withoutOutputDir(e)),
    };
    if (this.notes.length > 0) report.notes = this.notes;
    if (this.options.outputDir) this.writeFiles(this.options.outputDir, report, errors);
    return report;
  }

  /**
   * Paths inside the output folder are given relative to it ("overlay: fs/C/…"): the same
   * scenario run into two folders must give byte-identical reports.
   */
  private withoutOutputDir(effect: SideEffect): SideEffect {
    const dir = this.options.outputDir;
    if (!dir || effect.detail === undefined) return effect;
    const prefix = path.resolve(dir) + path.sep;
    return effect.detail.includes(prefix) ? { ...effect, detail: effect.detail.split(prefix).join('') } : effect;
  }

  private writeFiles(outputDir: string, report: RunReport, errors: ScriptErrorReport[]): void {
    const logTime = formatLocalTime(this.clock, this.scenario.environment.timeZone, true);
    const logs = path.join(outputDir, 'logs');
    mkdirSync(logs, { recursive: true });
    writeFileSync(path.join(logs, 'hmailserver_events.log'), encodeEventLogFile(this.server.eventLog.entries));
    if (errors.length > 0) {
      const date = logTime.slice(0, 10);
      writeFileSync(path.join(logs, `ERROR_hmailserver_${date}.log`), errors.map((e) => errorLogLine(this.server.threadId, logTime, e.logLine)).join('\r\n') + '\r\n');
    }
    writeFileSync(path.join(outputDir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  }
}

/** ClientInfo field for each name a `fire` Client may use: the scenario's `ip`/`port`/`helo` or the Client members. */
const CLIENT_FIELDS: Readonly<Record<string, keyof ClientInfo>> = {
  ip: 'ipAddress',
  ipaddress: 'ipAddress',
  port: 'port',
  helo: 'helo',
  username: 'username',
  authenticated: 'authenticated',
  encryptedconnection: 'encryptedConnection',
  sessionid: 'sessionId',
  cipherversion: 'cipherVersion',
  ciphername: 'cipherName',
  cipherbits: 'cipherBits',
};

function clientInfoOf(where: string, name: string, value: unknown): ClientInfo {
  const info: ClientInfo = { ipAddress: DEFAULT_CLIENT.ip, port: DEFAULT_CLIENT.port };
  if (value === undefined || value === null) return info;
  if (typeof value !== 'object' || Array.isArray(value)) throw new SimulationError(`${where}: ${name} takes the client's fields, e.g. { "ip": "198.51.100.7", "port": 25, "helo": "mail.test" }`);
  for (const [key, v] of Object.entries(value)) {
    const field = CLIENT_FIELDS[key.toLowerCase()];
    if (field === undefined) throw new SimulationError(`${where}: ${name}: unknown client field "${key}" (${Object.keys(CLIENT_FIELDS).join(', ')})`);
    (info as Record<string, unknown>)[field] = v;
  }
  return info;
}

/**
 * `CreateObject`/`GetObject` of a ProgID the sandbox does not provide (and `mocks.objects` does
 * not stand in for) raises 429 in the engine; the attempt is a side effect the admin should see
 * ("DENIED com Vendor.SpamFilter"), so it is recorded before the engine raises.
 */
function recordRefusedObjects(engine: HostedEngine, sim: Simulation): void {
  const registry = engine.progIds;
  const create = registry.create.bind(registry);
  const get = registry.get.bind(registry);
  registry.create = (progId: string): unknown => {
    if (!registry.has(progId)) sim.ctx.record({ kind: 'com', target: progId, allowed: false, detail: 'CreateObject: not simulated and not in mocks.objects (error 429)' });
    return create(progId);
  };
  registry.get = (pathName: string, progId: string | undefined): unknown => {
    try {
      return get(pathName, progId);
    } catch (e) {
      sim.ctx.record({ kind: 'com', target: progId ?? pathName, allowed: false, detail: `GetObject(${JSON.stringify(pathName)}): not simulated` });
      throw e;
    }
  };
}

function createSandbox(scenario: ResolvedScenario, options: RunOptions, clock: number): Simulation {
  try {
    return createSimulationContext({
      version: scenario.version,
      now: () => clock,
      timeZone: scenario.environment.timeZone,
      mocks: scenario.scenario.mocks,
      scenarioDir: scenario.dir,
      outputDir: options.outputDir,
    });
  } catch (e) {
    // A mock file or path mapping that does not exist: bad input, named.
    if (e instanceof SandboxConfigError) throw new SimulationError(`${scenario.file}: mocks: ${e.message}`);
    throw e;
  }
}

function readScript(scriptPath: string): ScriptFile {
  try {
    return readScriptFile(scriptPath);
  } catch (e) {
    throw new SimulationError(`${scriptPath}: cannot read the script (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** Loaded messages by path, reused (as copies) while the file is unchanged: replays and tests send the same .eml many times. */
const messageCache = new Map<string, { mtimeMs: number; size: number; file: MimeMessage }>();

async function readMessage(messagePath: string): Promise<MimeMessage> {
  let bytes: Buffer;
  let stat: { mtimeMs: number; size: number };
  try {
    stat = statSync(messagePath);
    const cached = messageCache.get(messagePath);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.file.clone();
    bytes = readFileSync(messagePath);
  } catch (e) {
    throw new SimulationError(`${messagePath}: cannot read the message (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    const file = await loadMessageFile(bytes, messagePath);
    messageCache.set(messagePath, { mtimeMs: stat.mtimeMs, size: stat.size, file });
    return file.clone();
  } catch (e) {
    if (e instanceof MalformedMessageError) throw new SimulationError(e.message);
    throw e;
  }
}

/**
 * §2.2: the whole file runs once, with no named items. A compile error, or a runtime error
 * in top-level code (EventLog.Write at the top fails here), means no event fires.
 */
function loadScript(host: ScriptHost, sim: Simulation): { handlers?: HandlerNames; error?: ScriptErrorReport; timedOut?: boolean } {
  const script = host.script;
  const engine = createEngine(script.language, host.engineOptions);
  host.registerProgIds(engine);
  host.onEngine?.(engine, 'load');
  sim.recorder.currentEvent = 'load';
  try {
    addParsed(engine, script, script.path);
    return { handlers: new HandlerNames(script.language, engine.procedureNames()) };
  } catch (e) {
    if (!(e instanceof ScriptError)) throw e;
    return { error: reportScriptError(e, e.fileName || script.path, e.line), timedOut: isTimeout(e) || undefined };
  } finally {
    sim.recorder.currentEvent = undefined;
    closeQuietly(engine);
    host.afterFiring();
  }
}

/** Header name → decoded value of its first occurrence. */
function firstHeaders(file: MimeMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const field of file.header.fields) {
    if (!(field.name in headers)) headers[field.name] = file.getField(field.name, true);
  }
  return headers;
}

/** What changed between two header sets, names compared case-insensitively; the server's own Received header is not a change. */
function headerChanges(before: Record<string, string>, after: Record<string, string>): HeaderChange[] {
  const find = (set: Record<string, string>, name: string): string | undefined => {
    const key = Object.keys(set).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : set[key];
  };
  const changes: HeaderChange[] = [];
  for (const [name, value] of Object.entries(after)) {
    if (name.toLowerCase() === 'received') continue;
    const old = find(before, name);
    if (old !== value) changes.push({ header: name, before: old ?? null, after: value });
  }
  for (const [name, value] of Object.entries(before)) {
    if (find(after, name) === undefined) changes.push({ header: name, before: value, after: null });
  }
  return changes;
}
