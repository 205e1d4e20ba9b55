/**
 * What is under the cursor, and everything that follows from it: hover text, the declaration,
 * the references, and a rename.
 */
import { getEvent } from '../../api/index';
import type { Identifier, MemberExpression, Node } from '../../syntax/ast';
import type { Range } from '../../syntax/lineIndex';
import { nodePathAt } from '../../syntax/walk';
import type { Analysis } from '../analyze';
import { procedureAt } from '../binder';
import { eventOf } from '../rules/result';
import { numericLiteral, resultMemberOf, resultValueMeaning } from '../resultInfo';
import { isUserSymbol, type Span, type VbSymbol } from '../symbols';
import type { MemberTarget } from '../typeEvaluator';
import { typeLabel } from '../types';
import { eventDoc, memberDetail, memberDoc, symbolSignature } from './describe';

export type Target =
  | { kind: 'symbol'; symbol: VbSymbol; id: Identifier }
  | { kind: 'member'; member: MemberTarget; id: Identifier; node: MemberExpression };

/** The name under the cursor and what it refers to. */
export function targetAt(a: Analysis, offset: number): Target | undefined {
  const path = nodePathAt(a.parse.ast, offset);
  const leaf = path[path.length - 1] as Node | undefined;
  if (!leaf || leaf.kind !== 'Identifier') return undefined;
  const parent = path[path.length - 2];
  if (parent?.kind === 'Member' && parent.name === leaf) {
    return { kind: 'member', member: a.types.memberTarget(parent), id: leaf, node: parent };
  }
  const symbol = a.binding.symbolOf.get(leaf);
  return symbol ? { kind: 'symbol', symbol, id: leaf } : undefined;
}

export interface HoverInfo {
  markdown: string;
  start: number;
  end: number;
}

const code = (text: string) => '```vbscript\n' + text + '\n```';

export function hoverAt(a: Analysis, offset: number): HoverInfo | undefined {
  const valueHover = resultValueHover(a, offset);
  if (valueHover) return valueHover;
  const t = targetAt(a, offset);
  if (!t) return undefined;
  const span = { start: t.id.start, end: t.id.end };
  if (t.kind === 'member') {
    const m = t.member;
    if (m.kind === 'api') return { ...span, markdown: `${code(memberDetail(m.member))}\n\n${memberDoc(m.member)}` };
    if (m.kind === 'class') return { ...span, markdown: code(symbolSignature(a, m.symbol)) };
    if (m.kind === 'unknownMember') return { ...span, markdown: `${typeLabel(m.objectType)} has no member \`${t.id.name}\`.` };
    return undefined;
  }
  const s = t.symbol;
  const proc = s.procedure;
  if (proc && proc.role.kind === 'event' && proc.node.name === t.id) {
    const e = proc.role.event;
    return { ...span, markdown: `${code(e.vbsPrototype)}\n\n**hMailServer event.** ${eventDoc(e)}` };
  }
  if (proc && proc.role.kind === 'rule' && proc.node.name === t.id) {
    return { ...span, markdown: `${code(symbolSignature(a, s))}\n\nCalled by a rule's "Run function" action with the message (the Result object is ignored).` };
  }
  const parts = [code(symbolSignature(a, s))];
  if (s.kind === 'namedItem' && s.apiGlobal) parts.push(s.apiGlobal.description);
  if (s.kind === 'globalMember' && s.apiMember) parts.push(memberDoc(s.apiMember));
  if (s.kind === 'parameter' && proc?.role.kind === 'event') {
    const p = proc.role.event.params[s.paramIndex ?? -1];
    if (p) parts.push(`Passed by hMailServer as \`${p.namedItem ?? p.passedAs ?? p.type}\`.${p.nullable ? ` ${p.nullable}` : ''}`);
  }
  if (s.kind === 'builtinFunction' || s.kind === 'builtinConstant') {
    const doc = s.kind === 'builtinFunction' ? a.builtins.functions.get(s.key)?.doc : a.builtins.constants.get(s.key)?.doc;
    if (doc) parts.push(doc);
  }
  if (s.implicit) parts.push('Not declared: VBScript creates it on first use.');
  return { ...span, markdown: parts.join('\n\n') };
}

/** Hover over the number in `Result.Value = 2`: what the server does with it in this event. */
function resultValueHover(a: Analysis, offset: number): HoverInfo | undefined {
  const path = nodePathAt(a.parse.ast, offset);
  const assignment = [...path].reverse().find((n) => n.kind === 'Assignment');
  if (!assignment || assignment.kind !== 'Assignment' || offset < assignment.value.start) return undefined;
  if (resultMemberOf(a.types, assignment) !== 'value') return undefined;
  const value = numericLiteral(assignment.value);
  const event = eventOf(procedureAt(a.binding, offset));
  if (value === undefined || !event) return undefined;
  const meaning = resultValueMeaning(event, value);
  if (!meaning) return undefined;
  const description = meaning.outcome ? `\n\n${meaning.outcome.description}` : '';
  return { start: assignment.value.start, end: assignment.value.end, markdown: `**Result.Value = ${value}** in ${event.isRuleFunction ? 'a rule function' : event.name}: ${meaning.label}${description}` };
}

export interface Location {
  /** Undefined: the analysed document. */
  uri?: string;
  /** Offsets in the analysed document (when `uri` is undefined). */
  span?: Span;
  /** Range in another document. */
  range?: Range;
}

export function definitionAt(a: Analysis, offset: number): Location | undefined {
  const t = targetAt(a, offset);
  if (!t) return undefined;
  const s = t.kind === 'symbol' ? t.symbol : t.member.kind === 'class' ? t.member.symbol : undefined;
  if (!s) return undefined;
  if (s.uri && s.declarationRange) return { uri: s.uri, range: s.declarationRange };
  if (s.declaration) return { span: s.declaration };
  return undefined;
}

/** Every occurrence of the symbol: its references plus member accesses on instances of its class. */
export function occurrencesOf(a: Analysis, s: VbSymbol): Span[] {
  const spans: Span[] = s.references.map((r) => ({ start: r.start, end: r.end }));
  if (s.scope.kind === 'class') {
    for (const { node } of a.nodes.members) {
      const m = a.types.memberTarget(node);
      if (m.kind === 'class' && m.symbol === s) spans.push({ start: node.name.start, end: node.name.end });
    }
  }
  return spans.sort((x, y) => x.start - y.start);
}

function symbolAt(a: Analysis, offset: number): { symbol: VbSymbol; id: Identifier } | undefined {
  const t = targetAt(a, offset);
  if (!t) return undefined;
  if (t.kind === 'symbol') return { symbol: t.symbol, id: t.id };
  return t.member.kind === 'class' ? { symbol: t.member.symbol, id: t.id } : undefined;
}

export function referencesAt(a: Analysis, offset: number, includeDeclaration: boolean): Span[] {
  const found = symbolAt(a, offset);
  if (!found) return [];
  const decl = found.symbol.declaration;
  return occurrencesOf(a, found.symbol).filter((r) => includeDeclaration || !decl || r.start !== decl.start);
}

export type RenameCheck = { ok: true; span: Span; name: string } | { ok: false; reason: string };

/** Whether the name under the cursor can be renamed (only what the script itself declares). */
export function prepareRenameAt(a: Analysis, offset: number): RenameCheck {
  const found = symbolAt(a, offset);
  if (!found) return { ok: false, reason: 'Nothing to rename here.' };
  const s = found.symbol;
  if (!isUserSymbol(s)) return { ok: false, reason: `${s.name} is provided by hMailServer or VBScript and cannot be renamed.` };
  if (s.uri) return { ok: false, reason: `${s.name} is declared in an include file.` };
  if (s.procedure?.role.kind === 'event') return { ok: false, reason: `${s.name} is an event handler: hMailServer calls it by this name.` };
  return { ok: true, span: { start: found.id.start, end: found.id.end }, name: s.name };
}

const VALID_NAME = /^[A-Za-z][A-Za-z0-9_]{0,254}$/;

export function renameAt(a: Analysis, offset: number, newName: string): { edits: Span[]; error?: undefined } | { error: string } {
  const check = prepareRenameAt(a, offset);
  if (!check.ok) return { error: check.reason };
  if (!VALID_NAME.test(newName)) return { error: `'${newName}' is not a valid VBScript name.` };
  if (getEvent(newName)) return { error: `'${newName}' is an event name: hMailServer would call it.` };
  const found = symbolAt(a, offset);
  return { edits: found ? occurrencesOf(a, found.symbol) : [] };
}
