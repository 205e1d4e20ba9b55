/**
 * Completions at a cursor: event prototypes after `Sub`, members after `.` by type, ProgIDs in
 * `CreateObject("`, and otherwise keywords, symbols in scope, named items and built-ins.
 */
import { creatableProgIds, events, membersOf, progIdInterface } from '../../api/index';
import { parseExpression } from '../../syntax/parser';
import type { Node, WithStatement } from '../../syntax/ast';
import { nodePathAt } from '../../syntax/walk';
import type { Analysis } from '../analyze';
import { lookup, procedureAt, scopeAt } from '../binder';
import { eventOf } from '../rules/result';
import type { Scope, VbSymbol } from '../symbols';
import { UNKNOWN, type VbType } from '../types';
import { expressionBefore, lineState, statementTail } from './cursor';
import { eventDoc, memberDetail, memberDoc, symbolSignature } from './describe';

export type CompletionKind =
  | 'event'
  | 'method'
  | 'property'
  | 'variable'
  | 'constant'
  | 'function'
  | 'class'
  | 'keyword'
  | 'progId'
  | 'namedItem'
  | 'parameter';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText?: string;
  /** When set, the entry replaces the text from this offset to the cursor. */
  replaceStart?: number;
  sortText?: string;
}

const STATEMENT_KEYWORDS = [
  'Dim', 'Set', 'If', 'ElseIf', 'Else', 'End If', 'For', 'For Each', 'Next', 'Do', 'Loop', 'While', 'Wend', 'Select Case',
  'Case', 'Case Else', 'End Select', 'With', 'End With', 'Call', 'Exit Sub', 'Exit Function', 'Exit For', 'Exit Do',
  'On Error Resume Next', 'On Error GoTo 0', 'ReDim', 'ReDim Preserve', 'Const', 'Private', 'Public', 'Sub', 'End Sub',
  'Function', 'End Function', 'Class', 'End Class', 'Property Get', 'Property Let', 'Property Set', 'End Property',
  'Option Explicit', 'Erase', 'Stop',
];
const EXPRESSION_KEYWORDS = ['Not', 'Nothing', 'True', 'False', 'Empty', 'Null', 'New', 'Is', 'And', 'Or', 'Xor', 'Mod', 'Me'];

/**
 * `triggerCharacter`: the character that opened the list automatically. A space opens it only
 * after `Sub`/`Function` (for the event prototypes), never as a general list on every space.
 */
export function completionsAt(a: Analysis, offset: number, triggerCharacter?: string): CompletionEntry[] {
  const state = lineState(a, offset);
  if (state.inComment) return [];
  if (state.inString) return progIdCompletions(a, state.prefix, state.stringStart);
  const tail = statementTail(state.prefix);

  const sub = /^\s*(?:(?:Public|Private)\s+)?(?:Sub|Function)\s+(\w*)$/i.exec(tail);
  if (sub) return eventCompletions(a, offset - sub[1].length);
  if (triggerCharacter === ' ' || triggerCharacter === '"') return [];

  const dot = /\.(\w*)$/.exec(state.prefix);
  if (dot) {
    const dotAt = state.prefix.length - dot[0].length;
    const t = typeBeforeDot(a, state.prefix, dotAt, offset);
    return memberCompletions(a, t);
  }
  // Declaring a name: nothing to offer.
  if (/\b(Dim|Const|ReDim|Sub|Function|Class|Property\s+(Get|Let|Set)|For\s+Each|For)\s+(\w+\s*,\s*)*\w*$/i.test(tail)) return [];
  const atStatementStart = /^\s*\w*$/.test(tail);
  return nameCompletions(a, offset, atStatementStart);
}

/** The type of what stands before the `.` at `dotAt` (in `prefix`), or the With object for a leading dot. */
function typeBeforeDot(a: Analysis, prefix: string, dotAt: number, offset: number): VbType {
  const scope = scopeAt(a.binding, offset);
  const withType = enclosingWithType(a, offset);
  const expr = expressionBefore(prefix, dotAt);
  if (!expr.text) return withType;
  const parsed = parseExpression(expr.text);
  if (!parsed.ast) return UNKNOWN;
  return a.types.typeInScope(parsed.ast, scope, withType);
}

function enclosingWithType(a: Analysis, offset: number): VbType {
  const path = nodePathAt(a.parse.ast, offset);
  for (let i = path.length - 1; i >= 0; i--) {
    const n: Node = path[i];
    if (n.kind === 'With' && offset > (n as WithStatement).object.end) return a.types.typeOf((n as WithStatement).object);
  }
  return UNKNOWN;
}

export function memberCompletions(a: Analysis, t: VbType): CompletionEntry[] {
  if (t.kind === 'com') {
    return membersOf(t.iface, a.version).map((m) => ({
      label: m.name,
      kind: m.kind === 'method' ? 'method' : 'property',
      detail: memberDetail(m),
      documentation: memberDoc(m),
    }));
  }
  if (t.kind === 'class') {
    const cls = a.binding.classes.find((c) => c.symbol.key === t.key);
    if (!cls) return [];
    return [...cls.scope.symbols.values()]
      .filter((s) => s.visibility !== 'Private' || s.kind === 'variable')
      .map((s) => ({ label: s.name, kind: kindOf(s), detail: symbolSignature(a, s) }));
  }
  return [];
}

function eventCompletions(a: Analysis, nameStart: number): CompletionEntry[] {
  const defined = new Set(a.binding.procedures.filter((p) => p.role.kind === 'event').map((p) => p.node.name.key));
  // The name being typed is itself parsed as a procedure; it does not count as already defined.
  const typing = a.binding.procedures.find((p) => p.node.name.start === nameStart);
  if (typing) defined.delete(typing.node.name.key);
  return events(a.version)
    .filter((e) => !defined.has(e.name.toLowerCase()))
    .map((e, i) => ({
      label: e.name,
      kind: 'event' as const,
      detail: e.vbsPrototype,
      documentation: eventDoc(e),
      insertText: `${e.name}(${e.params.map((p) => p.name).join(', ')})`,
      replaceStart: nameStart,
      sortText: String(i).padStart(2, '0'),
    }));
}

function progIdCompletions(a: Analysis, prefix: string, stringStart: number): CompletionEntry[] {
  if (!/\b(CreateObject|GetObject)\s*\(\s*"[^"]*$/i.test(prefix)) return [];
  const engine = (a.builtins.progIds ?? []).map((p) => ({ label: p, kind: 'progId' as const, detail: 'VBScript engine object', replaceStart: stringStart, sortText: `2${p}` }));
  return [...creatableProgIds().map((p) => {
    const iface = progIdInterface(p);
    return {
      label: p,
      kind: 'progId' as const,
      detail: iface ? `hMailServer.${iface}` : p,
      documentation: p.toLowerCase() === 'hmailserver.application' ? 'The server object; call Authenticate before Settings or Database.' : undefined,
      replaceStart: stringStart,
      sortText: p.toLowerCase() === 'hmailserver.application' ? '0' : `1${p}`,
    };
  }), ...engine];
}

function kindOf(s: VbSymbol): CompletionKind {
  switch (s.kind) {
    case 'sub':
    case 'function':
    case 'builtinFunction':
      return 'function';
    case 'property':
      return 'property';
    case 'class':
      return 'class';
    case 'constant':
    case 'builtinConstant':
      return 'constant';
    case 'parameter':
      return 'parameter';
    case 'namedItem':
      return 'namedItem';
    default:
      return 'variable';
  }
}

function nameCompletions(a: Analysis, offset: number, atStatementStart: boolean): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  const seen = new Set<string>();
  const add = (s: VbSymbol, sortGroup: string) => {
    if (seen.has(s.key)) return;
    seen.add(s.key);
    out.push({ label: s.name, kind: kindOf(s), detail: symbolSignature(a, s), sortText: sortGroup + s.key });
  };
  const scope: Scope = scopeAt(a.binding, offset);
  let group = 0;
  for (let sc: Scope | undefined = scope; sc && sc !== a.binding.host.scope; sc = sc.parent) {
    for (const s of sc.symbols.values()) {
      // An implicit variable that is only the word being typed is not a suggestion.
      if (s.implicit && s.references.every((r) => r.start <= offset && offset <= r.end)) continue;
      add(s, String(group));
    }
    group++;
  }
  const event = eventOf(procedureAt(a.binding, offset));
  for (const item of a.binding.host.namedItems.values()) {
    if (event && !event.namedItems.includes(item.name)) continue;
    add(item, '5');
  }
  for (const s of a.binding.host.scope.symbols.values()) add(s, '6');
  for (const k of atStatementStart ? STATEMENT_KEYWORDS : EXPRESSION_KEYWORDS) {
    out.push({ label: k, kind: 'keyword', sortText: `7${k.toLowerCase()}` });
  }
  return out;
}

/**
 * Completions for an expression typed outside the document (the debugger's console), evaluated
 * in the scope at `offset` (where the script is paused): members after a `.`, otherwise names.
 */
export function expressionCompletions(a: Analysis, offset: number, text: string): CompletionEntry[] {
  const dot = /\.(\w*)$/.exec(text);
  if (dot) return memberCompletions(a, typeBeforeDot(a, text, text.length - dot[0].length, offset));
  return nameCompletions(a, offset, false);
}

/** The symbol a name in a detached expression resolves to (the debugger console uses this). */
export function resolveNameAt(a: Analysis, offset: number, name: string): VbSymbol | undefined {
  return lookup(a.binding, scopeAt(a.binding, offset), name.toLowerCase());
}
