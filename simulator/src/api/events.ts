/**
 * Events, the rule "Run function" pseudo-event, the named items (globals) and Result semantics.
 */
import { typeKind } from './catalog';
import { RAW_API } from './data';
import { applyResult, buildResultSemantics, type ResolvedResult } from './results';
import type { ApiEvent, ApiEventParam, ApiGlobal, RawEvent, RawGlobal, ServerVersion } from './types';
import { eventAvailability, isAvailable } from './versions';

const lower = (s: string) => s.toLowerCase();

/** Name under which the rule "Run function" call appears in the data (`'<custom rule function>'`). */
export const RULE_FUNCTION_NAME: string = RAW_API.customRuleFunction.name;

// ---------------------------------------------------------------------------------------------
// Globals (named items)
// ---------------------------------------------------------------------------------------------

const ALL_EVENTS = 'all events';
const RULE_FUNCTIONS = 'custom rule functions';
const QUALIFIER = /^(.*?)\s*\((.*)\)$/;

const eventNames = new Map([...RAW_API.events, RAW_API.customRuleFunction].map((e) => [lower(e.name), e.name]));

function normalizeGlobal(g: RawGlobal): ApiGlobal {
  const availableIn: string[] = [];
  const qualifiers: Record<string, string> = {};
  for (const entry of g.availableIn) {
    if (entry === ALL_EVENTS) {
      availableIn.push(...RAW_API.events.map((e) => e.name));
      continue;
    }
    if (entry === RULE_FUNCTIONS) {
      availableIn.push(RULE_FUNCTION_NAME);
      continue;
    }
    // "<custom rule function>" itself contains no parentheses; "Name (only when ...)" does.
    const m = entry.startsWith('<') ? null : QUALIFIER.exec(entry);
    const name = eventNames.get(lower(m ? m[1] : entry));
    if (!name) throw new Error(`global ${g.name}: unknown event "${entry}"`);
    availableIn.push(name);
    if (m) qualifiers[name] = m[2];
  }
  return { name: g.name, type: g.type, availableIn, qualifiers, description: g.description };
}

const globalList: ApiGlobal[] = RAW_API.globals.map(normalizeGlobal);
const globalByName = new Map(globalList.map((g) => [lower(g.name), g]));

/** The named items the server can inject: Result, EventLog, HMAILSERVER_CLIENT/MESSAGE/FETCHACCOUNT/ACCOUNT. */
export function globals(): readonly ApiGlobal[] {
  return globalList;
}

/** A named item by name (case-insensitive, as VBScript resolves it). */
export function getGlobal(name: string): ApiGlobal | undefined {
  return globalByName.get(lower(name));
}

/** Note on how named items behave (SCRIPTITEM_GLOBALMEMBERS, no WScript object, ...). */
export const GLOBALS_NOTE: string = RAW_API.globalsNote;

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

function normalizeEvent(e: RawEvent, isRuleFunction: boolean): ApiEvent {
  const params: ApiEventParam[] = e.params.map((p) => ({
    name: p.name,
    type: p.type,
    typeKind: typeKind(p.type),
    namedItem: p.namedItem,
    passedAs: p.passedAs,
    nullable: p.nullable,
    values: p.values,
  }));
  return {
    name: e.name,
    vbsPrototype: e.vbs,
    jsPrototype: e.js,
    params,
    hasResult: e.resultObject,
    result: e.resultObject ? buildResultSemantics(e.name, e.result, e.resultDefault ?? 0) : undefined,
    namedItems: globalList.filter((g) => g.availableIn.includes(e.name)).map((g) => g.name),
    since: e.since,
    availability: eventAvailability(isRuleFunction ? undefined : e.availability, e.name),
    protocols: e.protocols ?? [],
    firedFrom: e.firedFrom,
    when: e.when,
    clientFields: e.clientFields,
    messageState: e.messageState,
    notes: e.notes ?? [],
    description: e.description,
    generatedCall: { vbscript: e.generatedCall.vbscript, jscript: e.generatedCall.jscript, note: e.generatedCall.note },
    internalEventId: e.internalEventId,
    handlerRequired: e.handlerRequired,
    isRuleFunction,
  };
}

const eventList: ApiEvent[] = RAW_API.events.map((e) => normalizeEvent(e, false));
const eventByName = new Map(eventList.map((e) => [lower(e.name), e]));

/** The rule "Run function" call: `Sub <Name>(oMessage)`, Result present but ignored, every version. */
export const RULE_FUNCTION_EVENT: ApiEvent = normalizeEvent(RAW_API.customRuleFunction, true);

/** The events of `version` (all 15 without one), in the JSON's order. Excludes the rule function. */
export function events(version?: ServerVersion): readonly ApiEvent[] {
  return version === undefined ? eventList : eventList.filter((e) => isAvailable(e, version));
}

/** An event by name, case-insensitively (VBScript's `Sub OnHelo` fires); `undefined` if unknown or absent in `version`. */
export function getEvent(name: string, version?: ServerVersion): ApiEvent | undefined {
  const e = eventByName.get(lower(name));
  if (!e || (version !== undefined && !isAvailable(e, version))) return undefined;
  return e;
}

/** Named items visible when `eventName` fires (EventLog always; Result and HMAILSERVER_* per event). */
export function namedItemsFor(eventName: string): readonly string[] {
  if (lower(eventName) === lower(RULE_FUNCTION_NAME)) return RULE_FUNCTION_EVENT.namedItems;
  return getEvent(eventName)?.namedItems ?? [];
}

/**
 * What the server does with the Result a handler left behind, e.g.
 * `resolveResult('OnAcceptMessage', 2, 'Go away')` → action `'reject'`, reply `"554 Go away"`.
 * `undefined` when the event has no Result object (OnClientLogon, OnDeliveryFailed, OnError, ...).
 */
export function resolveResult(eventName: string, value: number, message = '', parameter = 0): ResolvedResult | undefined {
  const e = lower(eventName) === lower(RULE_FUNCTION_NAME) ? RULE_FUNCTION_EVENT : getEvent(eventName);
  return e?.result ? applyResult(e.result, value, message, parameter) : undefined;
}
