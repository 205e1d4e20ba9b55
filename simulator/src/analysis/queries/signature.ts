/**
 * Signature help: the procedure being called at the cursor (COM methods and indexed properties,
 * built-ins, the script's own procedures) and which argument the cursor is in. Both call forms
 * count: `Foo(a, |` and the statement form `obj.Method a, |`.
 */
import { KEYWORDS } from '../../syntax/lexer';
import { parseExpression } from '../../syntax/parser';
import type { Analysis } from '../analyze';
import { lookup, scopeAt } from '../binder';
import type { VbSymbol } from '../symbols';
import { countCommas, expressionBefore, lineState, openParenBefore, statementTail } from './cursor';
import { memberDoc, symbolSignature } from './describe';

export interface SignatureInfo {
  label: string;
  parameters: string[];
  documentation?: string;
  activeParameter: number;
}

export function signatureAt(a: Analysis, offset: number): SignatureInfo | undefined {
  const state = lineState(a, offset);
  if (state.inComment || state.inString) return undefined;
  const prefix = state.prefix;
  const paren = openParenBefore(prefix, prefix.length);
  if (paren >= 0) {
    let end = paren;
    while (end > 0 && prefix[end - 1] === ' ') end--;
    const callee = expressionBefore(prefix, end).text;
    if (callee && !KEYWORDS.has(callee.toLowerCase())) {
      const sig = signatureOf(a, callee, offset);
      if (sig) return { ...sig, activeParameter: clamp(countCommas(prefix, paren + 1, prefix.length), sig.parameters.length) };
    }
  }
  const tail = statementTail(prefix);
  const m = /^\s*(?:Call\s+)?([A-Za-z_.][\w.]*(?:\([^()]*\))?(?:\.[A-Za-z_]\w*)*)\s+(?!=)(.*)$/.exec(tail);
  if (!m || KEYWORDS.has(m[1].toLowerCase()) || /^(=|\.)/.test(m[2])) return undefined;
  const sig = signatureOf(a, m[1], offset);
  if (!sig) return undefined;
  return { ...sig, activeParameter: clamp(countCommas(m[2], 0, m[2].length), sig.parameters.length) };
}

function clamp(i: number, n: number): number {
  return n === 0 ? 0 : Math.min(i, n - 1);
}

function signatureOf(a: Analysis, calleeText: string, offset: number): Omit<SignatureInfo, 'activeParameter'> | undefined {
  const parsed = parseExpression(calleeText);
  const e = parsed.ast;
  if (!e) return undefined;
  const scope = scopeAt(a.binding, offset);
  if (e.kind === 'Member') {
    const t = a.types.memberTarget(e, { scope });
    if (t.kind === 'api') {
      const m = t.member;
      if (m.params.length === 0 && m.kind === 'property') return undefined;
      const parameters = m.params.map((p) => `${p.direction === 'out' ? 'ByRef ' : ''}${p.name} As ${p.type}`);
      const ret = m.type === 'void' ? '' : ` As ${m.type}`;
      return { label: `${m.interfaceName}.${m.name}(${parameters.join(', ')})${ret}`, parameters, documentation: memberDoc(m) };
    }
    if (t.kind === 'class') return userSignature(a, t.symbol);
    return undefined;
  }
  if (e.kind === 'Identifier') {
    const s = lookup(a.binding, scope, e.key);
    if (!s) return undefined;
    if (s.kind === 'builtinFunction') {
      const f = a.builtins.functions.get(s.key);
      if (!f) return undefined;
      const parameters = [...(f.params ?? Array.from({ length: f.maxArgs }, (_, i) => `arg${i + 1}`))].map((p, i) => (i >= f.minArgs ? `[${p}]` : p));
      return { label: `${f.name}(${parameters.join(', ')})`, parameters, documentation: f.doc };
    }
    if (s.kind === 'globalMember' && s.apiMember && s.apiMember.params.length) {
      const m = s.apiMember;
      const parameters = m.params.map((p) => `${p.name} As ${p.type}`);
      return { label: `${m.name}(${parameters.join(', ')})`, parameters, documentation: memberDoc(m) };
    }
    return userSignature(a, s);
  }
  return undefined;
}

function userSignature(a: Analysis, s: VbSymbol): Omit<SignatureInfo, 'activeParameter'> | undefined {
  const p = s.procedure?.node;
  if (!p) return undefined;
  const parameters = p.parameters.map((x) => `${x.byVal ? 'ByVal ' : ''}${x.name.name}${x.isArray ? '()' : ''}`);
  return { label: symbolSignature(a, s), parameters };
}
