/**
 * One inbound SMTP session, step by step in the order `order.ts` states (§4.1): what the
 * simulated client sends, what the server answers, and which events fire on the way. The
 * client gives up (QUIT) after the first 4xx/5xx to EHLO, MAIL FROM, DATA or the end of
 * data, and drops a recipient refused at RCPT TO.
 */
import { findAccount, findDomain, domainOf } from '../hmailserver/server/state';
import { connectionAllowed, decideRecipient } from '../hmailserver/server/relay';
import type { ExpandedRecipient } from '../hmailserver/server/recipients';
import type { ServerState } from '../hmailserver/server/types';
import type { Outcome, TranscriptLine } from '../report/types';
import { SMTP_SESSION, type SessionStep } from './order';
import type { ResultAction } from '../api';

/** The Client object's data for one event (the runner builds the object the version allows). */
export interface ClientSnapshot {
  ipAddress: string;
  port: number;
  sessionId: number;
  helo: string;
  username: string;
  authenticated: boolean;
  encryptedConnection: boolean;
}

/** The transaction so far: what OnSMTPData (and OnRecipientUnknown) see as the message. */
export interface Envelope {
  mailFrom: string;
  recipients: ExpandedRecipient[];
}

/** What the session asks the event runner to fire. */
export type SessionEvent =
  | { event: 'OnClientConnect' | 'OnHELO' | 'OnClientLogon'; client: ClientSnapshot }
  | { event: 'OnClientValidatePassword'; accountAddress: string; password: string }
  | {
      event: 'OnSMTPData' | 'OnRecipientUnknown' | 'OnTooManyInvalidCommands';
      client: ClientSnapshot;
      envelope: Envelope;
      /** No transaction yet (before MAIL FROM): HMAILSERVER_MESSAGE wraps nothing (§2.4). */
      noMessage?: boolean;
    }
  | { event: 'OnAcceptMessage'; client: ClientSnapshot; envelope: Envelope };

/** What the server does with the Result after a handler (undefined when the event did not fire or has no Result). */
export interface ResultDecision {
  action: ResultAction;
  /** The exact reply line the Result produces (`554 Rejected`, `453 ` & Message), if any. */
  reply?: string;
  /** RvdH builds send Value 1/2 rejections as error responses, which count as invalid commands. */
  countsAsInvalidCommand: boolean;
}

export interface SessionRunner {
  fire(request: SessionEvent): ResultDecision | undefined;
}

export interface SessionInput {
  state: ServerState;
  client: { ip: string; port: number; helo: string };
  tls: 'none' | 'starttls' | 'implicit';
  auth?: { username: string; password: string };
  mailFrom: string;
  rcptTo: string[];
  /** Simulated local time "YYYY-MM-DD hh:mm:ss" (expiring IP ranges). */
  now: string;
  hostName: string;
  /** Each transcript line as it happens. */
  onLine?: (line: TranscriptLine) => void;
}

export interface SessionResult {
  transcript: TranscriptLine[];
  outcome: Exclude<Outcome, 'deleted'>;
  /** The deciding server line (empty for a silent disconnect). */
  reply: string;
  /** Set when the message was queued. */
  queued?: Envelope;
}

const REPLIES = {
  ehloInvalid: '501 EHLO Invalid domain address.',
  startTls: '220 Ready to start TLS',
  authLoginUser: '334 VXNlcm5hbWU6',
  authLoginPassword: '334 UGFzc3dvcmQ6',
  authOk: '235 authenticated.',
  authFailed: '535 Authentication failed. Restarting authentication process.',
  mailFromOk: '250 OK',
  needRecipients: '503 Must have sender and recipient first.',
  dataGo: '354 OK, send.',
  queued: '250 Queued (0.000 seconds)',
  tooManyInvalid: 'Too many invalid commands. Bye!',
  bye: '221 goodbye',
} as const;

/** RecipientParser's text for an unknown local recipient (CONST_UNKNOWN_USER). */
const UNKNOWN_USER = 'Unknown user';

/** Why the session stopped early. */
class SessionEnd {
  constructor(
    readonly outcome: SessionResult['outcome'],
    readonly reply: string,
  ) {}
}

/**
 * Runs the session. Each step of `SMTP_SESSION` has one implementation below; the order
 * comes from `order.ts` only.
 */
export function runSession(input: SessionInput, runner: SessionRunner): SessionResult {
  const transcript: TranscriptLine[] = [];
  const say = (entry: TranscriptLine): void => {
    transcript.push(entry);
    input.onLine?.(entry);
  };
  const client = (line: string): void => say({ from: 'client', line });
  const server = (line: string): void => say({ from: 'server', line });
  const snapshot: ClientSnapshot = {
    ipAddress: input.client.ip,
    port: input.client.port,
    sessionId: 1,
    helo: '',
    username: '',
    authenticated: false,
    encryptedConnection: input.tls === 'implicit',
  };
  const envelope: Envelope = { mailFrom: '', recipients: [] };
  let invalidCommands = 0;
  const maxInvalid = Number(input.state.settings.MaxNumberOfInvalidCommands ?? 3);
  const disconnectInvalid = Boolean(input.state.settings.DisconnectInvalidClients ?? false);
  let lastRefusal = '';
  let queued = false;
  /** MAIL FROM starts a transaction (the server's current_message_). */
  let transaction = false;

  /**
   * SendErrorResponse_: a 5xx counts toward the invalid-command limit. Past the limit (with
   * DisconnectInvalidClients) the server sends only the bare "Too many invalid commands. Bye!"
   * — not the reply itself — fires OnTooManyInvalidCommands and disconnects; otherwise a 5xx
   * whose text is exactly "Unknown user" fires OnRecipientUnknown before the reply is sent
   * (which is how an RvdH script rejection with that Message fires it too).
   */
  const errorReply = (line: string, counts = line.startsWith('5')): void => {
    if (counts && line.startsWith('5')) {
      invalidCommands++;
      if (disconnectInvalid && invalidCommands > maxInvalid) {
        server(REPLIES.tooManyInvalid);
        runner.fire({ event: 'OnTooManyInvalidCommands', client: { ...snapshot }, envelope: copy(envelope), noMessage: !transaction });
        throw new SessionEnd('disconnected', REPLIES.tooManyInvalid);
      }
      if (line.slice(4) === UNKNOWN_USER) runner.fire({ event: 'OnRecipientUnknown', client: { ...snapshot }, envelope: copy(envelope), noMessage: !transaction });
    }
    server(line);
  };

  /** Applies an SMTP filter event's Result: a reply ends the step (and the session for the client). */
  const filtered = (decision: ResultDecision | undefined): string | undefined => {
    const line = decision?.reply;
    if (line === undefined) return undefined;
    if (decision?.countsAsInvalidCommand) errorReply(line, true);
    else server(line);
    return line;
  };

  const giveUp = (line: string): never => {
    throw new SessionEnd(line.startsWith('4') ? 'tempfail' : 'rejected', line);
  };

  const ehlo = (): void => {
    client(`EHLO ${input.client.helo}`);
    if (input.client.helo.trim() === '') {
      server(REPLIES.ehloInvalid);
      giveUp(REPLIES.ehloInvalid);
    }
    snapshot.helo = input.client.helo;
    const refused = filtered(runner.fire({ event: 'OnHELO', client: { ...snapshot } }));
    if (refused) giveUp(refused);
    const capabilities = [input.hostName, 'SIZE', ...(input.tls === 'starttls' && !snapshot.encryptedConnection ? ['STARTTLS'] : []), 'AUTH LOGIN PLAIN', 'HELP'];
    capabilities.forEach((c, i) => server(`250${i === capabilities.length - 1 ? ' ' : '-'}${c}`));
  };

  const steps: Record<SessionStep, () => void> = {
    connect() {
      // No IP range allowing SMTP: the server drops the connection before any event.
      if (!connectionAllowed(input.state, input.client.ip, 'SMTP', input.now)) throw new SessionEnd('disconnected', '');
      const decision = runner.fire({ event: 'OnClientConnect', client: { ...snapshot } });
      if (decision?.action === 'close') throw new SessionEnd('disconnected', '');
    },
    banner() {
      server(`220 ${input.hostName} ESMTP`);
    },
    ehlo,
    starttls() {
      if (input.tls !== 'starttls') return;
      client('STARTTLS');
      server(REPLIES.startTls);
      snapshot.encryptedConnection = true;
      ehlo();
    },
    auth() {
      if (!input.auth) return;
      const { username, password } = input.auth;
      client('AUTH LOGIN');
      server(REPLIES.authLoginUser);
      client(Buffer.from(username).toString('base64'));
      server(REPLIES.authLoginPassword);
      client('********');
      snapshot.username = username;
      snapshot.authenticated = validatePassword(input, runner, username, password);
      runner.fire({ event: 'OnClientLogon', client: { ...snapshot } });
      if (snapshot.authenticated) server(REPLIES.authOk);
      else errorReply(REPLIES.authFailed);
    },
    mailFrom() {
      client(`MAIL FROM:<${input.mailFrom}>`);
      envelope.mailFrom = input.mailFrom;
      transaction = true;
      server(REPLIES.mailFromOk);
    },
    rcptTo() {
      for (const address of input.rcptTo) {
        client(`RCPT TO:<${address}>`);
        const decision = decideRecipient(input.state, {
          clientIp: input.client.ip,
          authenticated: snapshot.authenticated,
          mailFrom: envelope.mailFrom,
          recipient: address,
          now: input.now,
          existing: envelope.recipients,
        });
        if (decision.accepted) {
          envelope.recipients = decision.recipients;
          server(decision.reply);
          continue;
        }
        lastRefusal = decision.reply;
        errorReply(decision.reply);
      }
      if (envelope.recipients.length === 0) {
        if (lastRefusal) giveUp(lastRefusal);
        // Nobody to send to at all: the client tries DATA anyway, and the server refuses it.
        client('DATA');
        errorReply(REPLIES.needRecipients);
        giveUp(REPLIES.needRecipients);
      }
    },
    data() {
      client('DATA');
      const refused = filtered(runner.fire({ event: 'OnSMTPData', client: { ...snapshot }, envelope: copy(envelope) }));
      if (refused) giveUp(refused);
      server(REPLIES.dataGo);
    },
    endOfData() {
      client('(message data)');
      client('.');
      const refused = filtered(runner.fire({ event: 'OnAcceptMessage', client: { ...snapshot }, envelope: copy(envelope) }));
      if (refused) giveUp(refused);
      server(REPLIES.queued);
      queued = true;
    },
    quit() {
      client('QUIT');
      server(REPLIES.bye);
    },
  };

  try {
    for (const step of SMTP_SESSION) steps[step]();
    return { transcript, outcome: 'accepted', reply: REPLIES.queued, queued: queued ? copy(envelope) : undefined };
  } catch (e) {
    if (!(e instanceof SessionEnd)) throw e;
    if (e.outcome !== 'disconnected') {
      client('QUIT');
      server(REPLIES.bye);
    }
    return { transcript, outcome: e.outcome, reply: e.reply };
  }
}

/**
 * PasswordValidator::ValidatePassword: OnClientValidatePassword (5.7 only) runs first, for an
 * existing active account in an active domain; Value 0 accepts, 1 rejects, anything else
 * leaves it to the built-in check (an empty password never passes that).
 */
function validatePassword(input: SessionInput, runner: SessionRunner, username: string, password: string): boolean {
  const account = findAccount(input.state, username);
  const domain = findDomain(input.state, domainOf(username));
  if (!account || !account.Active || !domain?.Active) return false;
  const decision = runner.fire({ event: 'OnClientValidatePassword', accountAddress: account.Address, password });
  if (decision?.action === 'acceptPassword') return true;
  if (decision?.action === 'rejectPassword') return false;
  return password !== '' && password === account.Password;
}

function copy(envelope: Envelope): Envelope {
  return { mailFrom: envelope.mailFrom, recipients: envelope.recipients.map((r) => ({ ...r })) };
}
