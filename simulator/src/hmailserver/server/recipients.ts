/**
 * Recipient resolution as hMailServer does it at RCPT TO (RecipientParser.cpp):
 *
 * 1. `checkDeliveryPossibility`: may this recipient be accepted at all? Local account → yes;
 *    alias → follow its value (max. 25 steps); distribution list → yes if the sender may post
 *    to it; local domain with no match → the domain's catch-all (Postmaster) or
 *    `550 Unknown user`; any other domain → yes (remote; the relay rules decide next).
 * 2. `expandRecipient`: the envelope recipients the message then gets: aliases and lists are
 *    expanded recursively down to accounts and remote addresses, each keeping the RCPT TO text
 *    as `OriginalAddress`; duplicates (case-insensitive) are dropped.
 *
 * Not modelled: routes and domain aliases (the scenario has neither).
 */
import { domainOf, findAccount, findAlias, findDistributionList, findDomain, listMembers } from './state';
import type { DistributionListRow, DomainRow, ServerState } from './types';

/** RecipientParser's recursion limit (aliases pointing at aliases …). */
export const MAX_RECURSION = 25;

export const UNKNOWN_USER_REPLY = '550 Unknown user';

/** The texts RecipientParser answers with (each sent as the RCPT TO reply). */
export const RECIPIENT_REPLIES = {
  unknownUser: UNKNOWN_USER_REPLY,
  tooManyForwards: '550 Mail server configuration error. Too many recursive forwards.',
  domainDisabled: '550 Domain has been disabled.',
  accountInactive: '550 Account is not active.',
  aliasInactive: '550 Alias is not active.',
  listInactive: '550 Distribution list is not active.',
  listRequiresAuth: '550 SMTP authentication required.',
  notListOwner: '550 Not authorized owner.',
  notListMember: '550 Not authorized sender.',
} as const;

export type DeliveryPossibility =
  | { possible: true; /** The first step was a local domain: the relay rules treat the recipient as local. */ treatAsLocal: boolean }
  | { possible: false; reply: string; /** DP_PermissionDenied (list rules) rather than DP_RecipientUnknown. */ permissionDenied: boolean };

export interface DeliveryQuestion {
  senderAuthenticated: boolean;
  /** MAIL FROM. */
  sender: string;
  /** RCPT TO. */
  recipient: string;
}

const lower = (s: string) => s.toLowerCase();

/** PlusAddressing::ExtractAccountAddress: `bob+tag@x` → `bob@x` where the domain enables it. */
export function stripPlusAddressing(address: string, domain: DomainRow | undefined): string {
  if (!domain?.PlusAddressingEnabled || domain.PlusAddressingCharacter === '') return address;
  const at = address.lastIndexOf('@');
  const plus = address.indexOf(domain.PlusAddressingCharacter);
  return plus > 0 && plus < at ? address.slice(0, plus) + address.slice(at) : address;
}

export function checkDeliveryPossibility(state: ServerState, q: DeliveryQuestion, depth = 0): DeliveryPossibility {
  let treatAsLocal = false;
  let address = q.recipient;
  for (;;) {
    depth++;
    if (depth > MAX_RECURSION) return unknown(RECIPIENT_REPLIES.tooManyForwards);
    const domain = findDomain(state, domainOf(address));
    const primary = stripPlusAddressing(address, domain);
    if (!domain) return { possible: true, treatAsLocal };
    // Only the first step decides: an alias local@ → someone@remote still counts as local for relaying.
    if (depth === 1) treatAsLocal = true;
    if (!domain.Active) return unknown(RECIPIENT_REPLIES.domainDisabled);
    const account = findAccount(state, primary);
    if (account) return account.Active ? { possible: true, treatAsLocal } : unknown(RECIPIENT_REPLIES.accountInactive);
    const alias = findAlias(state, primary);
    if (alias) {
      if (!alias.Active) return unknown(RECIPIENT_REPLIES.aliasInactive);
      address = alias.Value;
      continue;
    }
    const list = findDistributionList(state, primary);
    if (list) {
      if (!list.Active) return unknown(RECIPIENT_REPLIES.listInactive);
      const denied = mayPostToList(state, q, list, depth);
      return denied ?? { possible: true, treatAsLocal };
    }
    if (domain.Postmaster === '') return unknown(RECIPIENT_REPLIES.unknownUser);
    address = domain.Postmaster;
  }
}

function unknown(reply: string): DeliveryPossibility {
  return { possible: false, reply, permissionDenied: false };
}

/** RecipientParser::UserCanSendToList_: undefined when allowed, else the refusal. */
function mayPostToList(state: ServerState, q: DeliveryQuestion, list: DistributionListRow, depth: number): DeliveryPossibility | undefined {
  const deny = (reply: string): DeliveryPossibility => ({ possible: false, reply, permissionDenied: true });
  if (list.RequireSMTPAuth && !q.senderAuthenticated) return deny(RECIPIENT_REPLIES.listRequiresAuth);
  const members = listMembers(state, list);
  const LIST_MODE_CHECKS: Record<number, () => DeliveryPossibility | undefined> = {
    // Announcement: only the configured address may post.
    2: () => (lower(q.sender) === lower(list.RequireSenderAddress) ? undefined : deny(RECIPIENT_REPLIES.notListOwner)),
    // Membership: only members may post.
    1: () => (members.some((m) => lower(m) === lower(q.sender)) ? undefined : deny(RECIPIENT_REPLIES.notListMember)),
  };
  const modeRefusal = LIST_MODE_CHECKS[list.Mode]?.();
  if (modeRefusal) return modeRefusal;
  // The sender must also be allowed to reach every member (lists on lists).
  for (const member of members) {
    const answer = checkDeliveryPossibility(state, { ...q, recipient: member }, depth);
    if (!answer.possible && answer.permissionDenied) return answer;
  }
  return undefined;
}

/** One envelope recipient after expansion (what `oMessage.Recipients(i)` shows). */
export interface ExpandedRecipient {
  /** The mailbox it is delivered to. */
  address: string;
  /** The RCPT TO text it came from. */
  originalAddress: string;
  /** A local account (Recipient.IsLocalUser). */
  isLocalUser: boolean;
  /** The account's ID; 0 for remote recipients. */
  accountId: number;
}

/**
 * RecipientParser::CreateMessageRecipientList: the recipients `address` expands to, appended to
 * `into` without duplicates. Inactive accounts, aliases, lists and domains expand to nothing.
 */
export function expandRecipient(state: ServerState, address: string, into: ExpandedRecipient[] = []): ExpandedRecipient[] {
  expandInto(state, address, address, 0, into);
  return into;
}

/**
 * Like `expandRecipient`, and says whether the address reached anyone (the server's
 * `recipientOK`): true even when every target was already in `into` (a repeated RCPT TO is
 * accepted and adds nothing); false means `550 Unknown user`.
 */
export function addRecipient(state: ServerState, address: string, into: ExpandedRecipient[]): boolean {
  return expandInto(state, address, address, 0, into);
}

function expandInto(state: ServerState, address: string, original: string, depth: number, into: ExpandedRecipient[]): boolean {
  if (++depth > MAX_RECURSION) return false;
  const domain = findDomain(state, domainOf(address));
  if (!domain) return add(into, { address, originalAddress: original, isLocalUser: false, accountId: 0 });
  if (!domain.Active) return false;
  const primary = stripPlusAddressing(address, domain);
  const account = findAccount(state, primary);
  if (account) {
    return account.Active && add(into, { address: primary, originalAddress: original, isLocalUser: true, accountId: account.ID });
  }
  const alias = findAlias(state, primary);
  if (alias) return alias.Active && expandInto(state, alias.Value, original, depth, into);
  const list = findDistributionList(state, primary);
  if (list) {
    if (!list.Active) return false;
    let ok = false;
    for (const member of listMembers(state, list)) ok = expandInto(state, member, original, depth, into) || ok;
    return ok;
  }
  return domain.Postmaster !== '' && expandInto(state, domain.Postmaster, original, depth, into);
}

/** AddRecipient_: appends unless the address is empty or already there; the recipient counts as reached either way. */
function add(into: ExpandedRecipient[], r: ExpandedRecipient): boolean {
  const key = lower(r.address);
  if (key !== '' && !into.some((x) => lower(x.address) === key)) into.push(r);
  return true;
}
