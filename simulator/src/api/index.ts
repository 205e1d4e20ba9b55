/**
 * # simulator/src/api — the one declaration of the hMailServer COM API
 *
 * Everything the project knows about hMailServer's script-facing API (interfaces, members, events,
 * named items, enums, versions, Result semantics) comes from `hmailserver-com-api.json` in this
 * folder, a verbatim copy of `../shared/reference/hmailserver-com-api.json`. The simulator, the
 * language server and the debugger read it through this module only: never write a list of
 * Message members, event names or Result codes anywhere else.
 *
 * This is the bottom layer: it imports nothing from other simulator folders and nothing from vscode.
 *
 * ## Usage
 * ```ts
 * import { getInterface, getMember, membersOf, getEvent, events, resolvePath, isAvailable } from '../api';
 *
 * membersOf('Message', '5.6');                 // members a completion list should offer
 * getMember('client', 'authenticated', '5.6'); // undefined: Client.Authenticated is 5.7 / RvdH only
 * getMember('Message', 'Recipients')!.returnsInterface;   // 'Recipients'
 * resolvePath('Message', ['Recipients', '']);  // 'Recipient' ('' = default member call: Recipients(0))
 * defaultMember('Recipients')!.name;           // 'Item'
 * progIdInterface('hMailServer.Application');  // 'Application' (for CreateObject / ActiveXObject)
 * events('5.6').map((e) => e.name);            // the 10 classic events
 * getEvent('onhelo', '5.6');                   // undefined (OnHELO is 5.7 / RvdH)
 * getEvent('OnAcceptMessage')!.namedItems;     // ['Result', 'EventLog', 'HMAILSERVER_CLIENT', 'HMAILSERVER_MESSAGE']
 * resolveResult('OnAcceptMessage', 1)!.reply;  // '554 Rejected'
 * enumConstant('eMFSeen')!.value;              // 1 (not predefined in scripts!)
 * ```
 *
 * ## Versions
 * `ServerVersion` is `'5.6'` (official, 10 events), `'5.6-rvdh'` (RvdH 5.6.9 builds, 14 events) or
 * `'5.7'` (5.7.0-dev, 15 events); `DEFAULT_SERVER_VERSION` is `'5.6'`. Every member and event carries a
 * precomputed `availability`; `isAvailable(item, version)` reads it. Lookups that take an optional
 * `version` return only what exists there; without one they return everything known in any version
 * (including `Settings.SendStatistics`, removed in 5.7, and the RvdH-only settings, flagged by `origin`).
 *
 * ## Names
 * All lookups are case-insensitive (like VBScript) and return canonical spellings (JScript callers
 * compare with `===` against `.name` when case matters).
 *
 * ## Modules
 * - `types.ts`    raw JSON shapes and the normalized `Api*` types;
 * - `data.ts`     the JSON import (only place that touches it);
 * - `versions.ts` server versions, since-key parsing, availability;
 * - `catalog.ts`  interfaces, members, collections, default members, ProgIDs, enums, type navigation;
 * - `results.ts`  Result.Value semantics per event (data table) and their application;
 * - `events.ts`   events, the rule-function pseudo-event, named items (globals).
 */
export type * from './types';
export {
  DEFAULT_SERVER_VERSION,
  SERVER_VERSIONS,
  VERSION_KEYS,
  availableVersions,
  isAvailable,
  isServerVersion,
  parseServerVersion,
  parseSince,
  serverVersionInfo,
  type ServerVersionInfo,
} from './versions';
export {
  API_META,
  TYPE_MAPPING,
  allMembers,
  creatableProgIds,
  defaultMember,
  enumConstant,
  formatMember,
  enums,
  getEnum,
  getInterface,
  getMember,
  interfaces,
  memberInterface,
  membersOf,
  progIdInterface,
  resolvePath,
  typeKind,
} from './catalog';
export {
  GLOBALS_NOTE,
  RULE_FUNCTION_EVENT,
  RULE_FUNCTION_NAME,
  events,
  getEvent,
  getGlobal,
  globals,
  namedItemsFor,
  resolveResult,
} from './events';
export { RESULT_SPECS, applyResult, type ResolvedResult } from './results';
