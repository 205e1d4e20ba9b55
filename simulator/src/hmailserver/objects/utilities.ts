/**
 * `Utilities` (`Application.Utilities`, or `CreateObject("hMailServer.Utilities")` as real
 * JScript handlers do): the pure helpers. GUIDs are derived from a per-run counter so that
 * the same scenario gives the same report; they have the server's form `{XXXXXXXX-…}`.
 * `MakeDependent` would change Windows service dependencies: it is recorded and refused.
 */
import { createHash } from 'node:crypto';
import { toStr } from '../../runtime/values/coerce';
import { ApiObject, apiMemberTable, type Implementation } from '../apiObject';
import { ipToBigInt } from '../server/relay';
import type { SimulationContext } from '../../sandbox/context';
import type { SimulatedServer } from '../server/simulatedServer';
import { method } from './members';

const hex = (algorithm: string, text: string) => createHash(algorithm).update(text, 'utf8').digest('hex');

/** A domain name as StringParser accepts it: dot-separated labels of letters, digits and hyphens. */
export function isValidDomainName(name: string): boolean {
  return /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(name);
}

export function isValidEmailAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at <= 0) return false;
  const local = address.slice(0, at);
  return /^[^\s@<>()[\]\\,;:"]+$/.test(local) && isValidDomainName(address.slice(at + 1));
}

const LOCAL_HOST_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

const utilitiesImplementation: Implementation<UtilitiesObject> = {
  GenerateGUID: method(0, (self) => self.nextGuid()),
  MD5: method(1, (_self, [text]) => hex('md5', toStr(text))),
  SHA256: method(1, (_self, [text]) => hex('sha256', toStr(text))),
  IsValidEmailAddress: method(1, (_self, [text]) => isValidEmailAddress(toStr(text))),
  IsValidDomainName: method(1, (_self, [text]) => isValidDomainName(toStr(text))),
  IsValidIPAddress: method(1, (_self, [text]) => ipToBigInt(toStr(text)) !== undefined),
  IsLocalHost: method(1, (self, [text]) => self.isLocalHost(toStr(text))),
  MakeDependent: method(1, (self, [service]) => {
    self.ctx.record({ kind: 'com', target: `hMailServer.Utilities.MakeDependent ${toStr(service)}`, allowed: false, detail: 'Windows services are never changed' });
    return undefined;
  }),
};

export class UtilitiesObject extends ApiObject {
  constructor(
    readonly ctx: SimulationContext,
    private readonly server: SimulatedServer,
  ) {
    super(apiMemberTable('Utilities', utilitiesImplementation, ctx.version), 'Utilities');
  }

  nextGuid(): string {
    const n = ++this.server.state.guidsIssued;
    const h = hex('sha1', `hmailsim-guid-${n}`).toUpperCase();
    return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
  }

  /** The server's own names: localhost, the loopback addresses and Settings.HostName. */
  isLocalHost(name: string): boolean {
    const key = name.trim().toLowerCase();
    const hostName = String(this.server.state.settings.HostName ?? '').toLowerCase();
    return LOCAL_HOST_NAMES.has(key) || (hostName !== '' && key === hostName);
  }
}

export function makeUtilities(ctx: SimulationContext, server: SimulatedServer): UtilitiesObject {
  return new UtilitiesObject(ctx, server);
}

export { utilitiesImplementation };
