/**
 * PasswordValidator::ValidatePassword: how the server checks a login (SMTP AUTH, POP3, IMAP,
 * `Application.Authenticate` for non-Administrator users, `Account.ValidatePassword`).
 *
 * Order: apply the default domain to a bare user name; the account must exist, be active and
 * be in an active domain (else no check and no event); then OnClientValidatePassword (5.7.0-dev)
 * may decide (0 accept — even an empty password, 1 reject, anything else built-in); the built-in
 * check rejects an empty password and compares.
 */
import { domainOf, findAccount, findDomain, settingValue } from './state';
import type { AccountRow, ServerState } from './types';

/**
 * Fires OnClientValidatePassword and returns the Result.Value the handler left (undefined when
 * the event does not fire: other versions, no handler). Supplied by the pipeline.
 */
export type PasswordHook = (account: AccountRow, password: string) => number | undefined;

/** The address a login name stands for: `bob` → `bob@<Settings.DefaultDomain>` when one is set. */
export function loginAddress(state: ServerState, username: string): string {
  if (username.includes('@')) return username;
  const defaultDomain = String(settingValue(state, 'DefaultDomain') ?? '');
  return defaultDomain === '' ? username : `${username}@${defaultDomain}`;
}

/** The account whose credentials these are, or undefined. */
export function validatePassword(state: ServerState, username: string, password: string, hook?: PasswordHook): AccountRow | undefined {
  const account = findAccount(state, loginAddress(state, username));
  if (!account || !account.Active) return undefined;
  const domain = findDomain(state, domainOf(account.Address));
  if (!domain || !domain.Active) return undefined;
  return checkAccountPassword(account, password, hook) ? account : undefined;
}

/** The check itself, for a known account (Account.ValidatePassword). */
export function checkAccountPassword(account: AccountRow, password: string, hook?: PasswordHook): boolean {
  const verdict = hook?.(account, password);
  if (verdict === 0) return true;
  if (verdict === 1) return false;
  return password !== '' && password === account.Password;
}
