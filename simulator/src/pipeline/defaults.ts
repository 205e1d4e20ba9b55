/**
 * Sensible defaults for the parts of a scenario that were left out, taken from the message
 * itself: MAIL FROM is its From address, RCPT TO its To and Cc addresses, and without a
 * `server` section every recipient's domain is a local domain with that account — so a
 * scenario with only `script` and `session.message` runs and delivers.
 */
import type { ScenarioServer } from '../scenario/types';

const ADDRESS = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** The addresses in an address header's text (`"Bob, B." <bob@x.test>, carol@y.test`), in order. */
export function addressesIn(headerText: string): string[] {
  // Quoted display names and comments may contain commas, "@" and "<": blank them out first.
  const text = headerText.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\((?:[^()\\]|\\.)*\)/g, '');
  const out: string[] = [];
  for (const m of text.matchAll(new RegExp(`<([^<>]*)>|${ADDRESS.source}`, 'g'))) {
    const address = (m[1] ?? m[0]).trim();
    if (address.includes('@')) out.push(address);
  }
  return out;
}

export function defaultServer(recipients: readonly string[]): ScenarioServer {
  const domains = new Map<string, string[]>();
  for (const address of recipients) {
    const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
    if (!domain) continue;
    const list = domains.get(domain) ?? [];
    if (!list.some((a) => a.toLowerCase() === address.toLowerCase())) list.push(address);
    domains.set(domain, list);
  }
  return {
    domains: [...domains].map(([name, addresses]) => ({ name, accounts: addresses.map((address) => ({ address, password: 'secret' })) })),
  };
}

export const DEFAULT_CLIENT = { ip: '198.51.100.7', port: 25, helo: 'mail.sender.test' } as const;
