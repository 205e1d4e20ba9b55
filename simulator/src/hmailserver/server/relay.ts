/**
 * IP ranges and the relay decision at RCPT TO (SMTPConnection::ProtocolRCPT_), as pure functions
 * of the server state, for the pipeline:
 *
 * - `securityRangeFor(ip)`: the range that governs a client (highest priority containing it);
 * - `connectionAllowed(ip, protocol)`: no range, or a range without the protocol, means the
 *   server drops the connection silently before OnClientConnect;
 * - `decideRecipient(...)`: the whole RCPT TO answer in the server's order — recipient check
 *   (RecipientParser), relay permission (`550 Delivery is not allowed to this address.`),
 *   SMTP-auth requirement (`530 SMTP authentication is required.`), expansion (`550 Unknown
 *   user` when nothing is left), else `250 OK` with the expanded recipients.
 *
 * Texts are verbatim from SMTPConnection.cpp. Spam tests and greylisting are not modelled.
 */
import { RANGE_OPTION_MEMBERS } from './defaults';
import { addRecipient, checkDeliveryPossibility, UNKNOWN_USER_REPLY, type ExpandedRecipient } from './recipients';
import { domainOf, findDomain } from './state';
import type { SecurityRangeRow, ServerState } from './types';

export const RELAY_REPLIES = {
  relayDenied: '550 Delivery is not allowed to this address.',
  authRequired: '530 SMTP authentication is required.',
  accepted: '250 OK',
} as const;

export type Protocol = 'SMTP' | 'POP3' | 'IMAP';

const PROTOCOL_OPTION: Record<Protocol, string> = {
  SMTP: 'AllowSMTPConnections',
  POP3: 'AllowPOP3Connections',
  IMAP: 'AllowIMAPConnections',
};

/** Relay permission and auth requirement per (sender local?, recipient local?), by SecurityRange member. */
const RELAY_TABLE: Record<string, { allow: string; auth: string }> = {
  'local>local': { allow: 'AllowDeliveryFromLocalToLocal', auth: 'RequireSMTPAuthLocalToLocal' },
  'local>remote': { allow: 'AllowDeliveryFromLocalToRemote', auth: 'RequireSMTPAuthLocalToExternal' },
  'remote>local': { allow: 'AllowDeliveryFromRemoteToLocal', auth: 'RequireSMTPAuthExternalToLocal' },
  'remote>remote': { allow: 'AllowDeliveryFromRemoteToRemote', auth: 'RequireSMTPAuthExternalToExternal' },
};

export function rangeOption(range: SecurityRangeRow, member: string): boolean {
  const bit = RANGE_OPTION_MEMBERS[member];
  if (bit === undefined) throw new Error(`rangeOption: SecurityRange has no option ${member}`);
  return (range.Options & bit) !== 0;
}

/** An IPv4 or IPv6 address as a number in one space (IPv4 below 2^32, IPv6 above); undefined if malformed. */
export function ipToBigInt(ip: string): bigint | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip.trim());
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return parts.reduce((n, p) => (n << 8n) | BigInt(p), 0n);
  }
  return ipv6ToBigInt(ip.trim());
}

function ipv6ToBigInt(ip: string): bigint | undefined {
  if (!ip.includes(':')) return undefined;
  const [head, tail = undefined, extra] = ip.split('::');
  if (extra !== undefined) return undefined;
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return undefined;
  const all = [...left, ...Array<string>(missing).fill('0'), ...right];
  if (all.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  // Offset IPv6 above the IPv4 space so the two families never share a range.
  return all.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n) + (1n << 32n);
}

/**
 * The range hMailServer applies to a client: among the ranges containing the IP (and not expired
 * at `now`, "YYYY-MM-DD hh:mm:ss"), the one with the highest priority.
 */
export function securityRangeFor(state: ServerState, ip: string, now?: string): SecurityRangeRow | undefined {
  const address = ipToBigInt(ip);
  if (address === undefined) return undefined;
  let best: SecurityRangeRow | undefined;
  for (const range of state.securityRanges) {
    const lower = ipToBigInt(range.LowerIP);
    const upper = ipToBigInt(range.UpperIP);
    if (lower === undefined || upper === undefined || address < lower || address > upper) continue;
    if (range.Expires && now !== undefined && range.ExpiresTime <= now) continue;
    if (!best || range.Priority > best.Priority) best = range;
  }
  return best;
}

export function connectionAllowed(state: ServerState, ip: string, protocol: Protocol, now?: string): boolean {
  const range = securityRangeFor(state, ip, now);
  return range !== undefined && rangeOption(range, PROTOCOL_OPTION[protocol]);
}

/** SMTPConnection::GetIsLocalSender_: the MAIL FROM domain is one of the server's domains. */
export function isLocalSender(state: ServerState, mailFrom: string): boolean {
  return findDomain(state, domainOf(mailFrom)) !== undefined;
}

export interface RecipientRequest {
  clientIp: string;
  authenticated: boolean;
  mailFrom: string;
  /** The RCPT TO address. */
  recipient: string;
  /** Simulated local time "YYYY-MM-DD hh:mm:ss", for expiring ranges. */
  now?: string;
  /** The envelope so far (earlier accepted RCPT TOs): new recipients are added to a copy, without duplicates. */
  existing?: readonly ExpandedRecipient[];
}

export type RecipientDecision =
  | {
      accepted: true;
      reply: string;
      /** The whole envelope after this RCPT TO (`existing` plus what it added). */
      recipients: ExpandedRecipient[];
      /** What this RCPT TO added (empty when it repeated an earlier one). */
      added: ExpandedRecipient[];
      localDelivery: boolean;
      localSender: boolean;
    }
  | {
      accepted: false;
      reply: string;
      /** The reply is `550 Unknown user` (the case that fires OnRecipientUnknown in 5.7/RvdH). */
      unknownUser: boolean;
      /** Which check refused it. */
      stage: 'recipient' | 'relay' | 'auth' | 'expansion' | 'no-range';
    };

/** The RCPT TO answer for one recipient, in SMTPConnection::ProtocolRCPT_'s order. */
export function decideRecipient(state: ServerState, req: RecipientRequest): RecipientDecision {
  const refuse = (reply: string, stage: Extract<RecipientDecision, { accepted: false }>['stage']): RecipientDecision => ({
    accepted: false,
    reply,
    unknownUser: reply === UNKNOWN_USER_REPLY,
    stage,
  });
  const possibility = checkDeliveryPossibility(state, {
    senderAuthenticated: req.authenticated,
    sender: req.mailFrom,
    recipient: req.recipient,
  });
  if (!possibility.possible) return refuse(possibility.reply, 'recipient');
  const range = securityRangeFor(state, req.clientIp, req.now);
  // A session without a range never gets this far on the server (dropped at connect); refuse like a denied relay.
  if (!range) return refuse(RELAY_REPLIES.relayDenied, 'no-range');
  const localSender = isLocalSender(state, req.mailFrom);
  const localDelivery = possibility.treatAsLocal;
  const rule = RELAY_TABLE[`${localSender ? 'local' : 'remote'}>${localDelivery ? 'local' : 'remote'}`];
  if (!rangeOption(range, rule.allow)) return refuse(RELAY_REPLIES.relayDenied, 'relay');
  if (rangeOption(range, rule.auth) && !req.authenticated) return refuse(RELAY_REPLIES.authRequired, 'auth');
  const recipients = [...(req.existing ?? [])];
  const before = recipients.length;
  if (!addRecipient(state, req.recipient, recipients)) return refuse(UNKNOWN_USER_REPLY, 'expansion');
  return { accepted: true, reply: RELAY_REPLIES.accepted, recipients, added: recipients.slice(before), localDelivery, localSender };
}
