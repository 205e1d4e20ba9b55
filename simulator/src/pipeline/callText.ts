/**
 * The line hMailServer appends to the script to fire an event (§2.3), with each string
 * argument embedded exactly as the server embeds it (§2.5). The server's escaping is uneven —
 * quotes removed in one event, doubled in another, not handled at all in a third — and a
 * value it fails to escape makes the appended line a syntax error, so the handler never runs.
 * The simulator reproduces that instead of "fixing" it.
 */
import type { ScriptLanguage } from '../syntax/language';

/** One argument of the appended call. */
export type CallArgument =
  | { kind: 'namedItem'; name: string }
  | { kind: 'nothing' }
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string; escaping: Escaping };

/** How the server turns a string into a literal, per event parameter. */
export type Escaping = 'deliveryFailed' | 'doubleQuotes' | 'none';

type Escaper = (value: string) => string;

const ESCAPERS: Record<ScriptLanguage, Record<Escaping, Escaper>> = {
  vbscript: {
    // OnDeliveryFailed: quotes are dropped, CRLF becomes `" + vbCRLF + "`, the text is trimmed.
    deliveryFailed: (v) => `"${v.trim().replace(/"/g, '').replace(/\r\n/g, '" + vbCRLF + "')}"`,
    // OnExternalAccountDownload, OnError, OnClientValidatePassword: quotes doubled; CRLF left as is.
    doubleQuotes: (v) => `"${v.replace(/"/g, '""')}"`,
    // OnBackupFailed: embedded raw.
    none: (v) => `"${v}"`,
  },
  jscript: {
    deliveryFailed: (v) => `'${v.trim().replace(/'/g, "\\'").replace(/\r\n/g, '\\r\\n')}'`,
    doubleQuotes: (v) => `'${v.replace(/'/g, "\\'")}'`,
    none: (v) => `"${v}"`,
  },
};

/** Which escaping each string parameter gets (parameters not listed are named items or numbers). */
export const PARAMETER_ESCAPING: Readonly<Record<string, Readonly<Record<string, Escaping>>>> = {
  OnDeliveryFailed: { sRecipient: 'deliveryFailed', sErrorMessage: 'deliveryFailed' },
  OnExternalAccountDownload: { sRemoteUID: 'doubleQuotes' },
  OnError: { sSource: 'doubleQuotes', sDescription: 'doubleQuotes' },
  OnClientValidatePassword: { sPassword: 'doubleQuotes' },
  OnBackupFailed: { sReason: 'none' },
};

function literal(arg: CallArgument, language: ScriptLanguage): string {
  switch (arg.kind) {
    case 'namedItem':
      return arg.name;
    case 'nothing':
      return language === 'vbscript' ? 'Nothing' : 'null';
    case 'number':
      return String(arg.value);
    case 'string':
      return ESCAPERS[language][arg.escaping](arg.value);
  }
}

/** `Call OnX(args)` (VBScript) or `OnX(args);` (JScript), without the line break. */
export function appendedCall(language: ScriptLanguage, functionName: string, args: readonly CallArgument[]): string {
  const list = args.map((a) => literal(a, language)).join(', ');
  return language === 'vbscript' ? `Call ${functionName}(${list})` : `${functionName}(${list});`;
}

/** The separator the server puts between the file and the call. */
export const CALL_SEPARATOR = '\r\n\r\n';
