/**
 * COMAuthentication: who an `hMailServer.Application` object (and everything reached through
 * it) acts as. One instance is shared by the Application and its sub-objects, so a later
 * `Authenticate` changes the rights of objects obtained earlier, as on the server.
 *
 * - A new object is server admin at once when the administrator password is empty
 *   (AttempAnonymousAuthentication).
 * - `Authenticate` first forgets the previous login; "Administrator" (any case) with the
 *   administrator password is server admin (a dummy account named "Administrator"); anyone
 *   else goes through the password validator, and their account's AdminLevel decides.
 */
import { validatePassword } from '../server/passwords';
import type { SimulatedServer } from '../server/simulatedServer';
import { ACCOUNT_DEFAULTS } from '../server/defaults';
import type { AccountRow } from '../server/types';
import { accessDenied } from './members';

const SERVER_ADMIN = 2;
const DOMAIN_ADMIN = 1;

function administratorAccount(): AccountRow {
  return { ...ACCOUNT_DEFAULTS, ID: 0, DomainID: 0, Address: 'Administrator', AdminLevel: SERVER_ADMIN };
}

export class Authentication {
  private account: AccountRow | undefined;

  constructor(private readonly server: SimulatedServer) {
    if (server.state.administratorPassword === '') this.account = administratorAccount();
  }

  /** The account now logged in, or undefined after a failed login. */
  authenticate(username: string, password: string): AccountRow | undefined {
    this.account = undefined;
    const state = this.server.state;
    if (username.toLowerCase() === 'administrator') {
      const expected = state.administratorPassword;
      // An unset administrator password only accepts an empty one.
      if (password === expected) this.account = administratorAccount();
    } else {
      this.account = validatePassword(state, username, password, this.server.passwordHook);
    }
    return this.account;
  }

  get isAuthenticated(): boolean {
    return this.account !== undefined;
  }

  get isServerAdmin(): boolean {
    return this.account?.AdminLevel === SERVER_ADMIN;
  }

  get isDomainAdmin(): boolean {
    return this.isServerAdmin || this.account?.AdminLevel === DOMAIN_ADMIN;
  }

  /** The logged-in account's domain (0 for Administrator / nobody). */
  get domainId(): number {
    return this.account?.DomainID ?? 0;
  }

  get accountId(): number {
    return this.account?.ID ?? 0;
  }

  requireAuthenticated(): void {
    if (!this.isAuthenticated) accessDenied();
  }

  requireServerAdmin(): void {
    if (!this.isServerAdmin) accessDenied();
  }

  requireDomainAdmin(): void {
    if (!this.isDomainAdmin) accessDenied();
  }
}
