/**
 * Debug-console completions for JScript, from the stopped script itself (the worker answers
 * them): without a `.`, the names the frame sees — its locals, the script's globals, the named
 * items, the built-ins — and JScript's keywords; after `expr.`, the members of what `expr` is
 * now (evaluated without side effects): an hMailServer object's members as the API declares
 * them for the run's version, a script object's properties (its prototypes' included).
 */
import { JSCRIPT_KEYWORDS, getInterface, isComObject, JsObject, membersOf, type JsValue, type ServerVersion } from '../index';
import type { CompletionTarget } from './workerProtocol';

export interface CompletionScope {
  /** Evaluates without side effects; undefined when it cannot. */
  evaluate(expression: string): JsValue;
  /** Every name the frame sees, innermost first. */
  names(): Array<{ name: string; value: JsValue }>;
}

const PRIMITIVE_WRAPPERS: Record<string, string> = { string: 'String', number: 'Number', boolean: 'Boolean' };

/** Where the member access before `dot` begins: identifiers, dots and balanced `(…)` / `[…]` (`oMessage.Recipients(0)`). */
function objectExpressionStart(text: string, dot: number): number {
  let i = dot;
  let depth = 0;
  while (i > 0) {
    const c = text[i - 1];
    if (c === ')' || c === ']') depth++;
    else if (c === '(' || c === '[') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && !/[\w$.]/.test(c)) break;
    i--;
  }
  return i;
}

function kindOf(v: JsValue): CompletionTarget['type'] {
  return v instanceof JsObject && v.cls === 'Function' ? 'function' : 'variable';
}

function membersOfValue(v: JsValue, version: ServerVersion, scope: CompletionScope): CompletionTarget[] {
  if (isComObject(v)) {
    const api = getInterface(v.typeName);
    if (!api) return [];
    return membersOf(api.name, version).map((m) => ({ label: m.name, type: m.kind === 'method' ? 'method' : 'property', ...(m.type ? { detail: m.type } : {}) }));
  }
  let o: JsObject | null = v instanceof JsObject ? v : null;
  if (o === null && typeof v in PRIMITIVE_WRAPPERS) {
    const proto = scope.evaluate(`${PRIMITIVE_WRAPPERS[typeof v]}.prototype`);
    o = proto instanceof JsObject ? proto : null;
  }
  const out: CompletionTarget[] = [];
  const seen = new Set<string>();
  for (; o !== null; o = o.proto) {
    for (const key of o.ownKeys()) {
      if (seen.has(key) || /^\d+$/.test(key)) continue;
      seen.add(key);
      const value = o.getOwn(key);
      out.push({ label: key, type: value instanceof JsObject && value.cls === 'Function' ? 'method' : 'property' });
    }
  }
  return out;
}

/** `text` is the console line, `column` the 0-based cursor in it; `start`s are 0-based in `text`. */
export function jsCompletions(text: string, column: number, version: ServerVersion, scope: CompletionScope): CompletionTarget[] {
  // `? expr` is the console's print command, not JScript: blank it out, keeping columns.
  const code = text.slice(0, column).replace(/^(\s*)\?/, '$1 ');
  const partial = /[A-Za-z_$][\w$]*$/.exec(code)?.[0] ?? '';
  const start = code.length - partial.length;
  const at = (items: CompletionTarget[]): CompletionTarget[] => items.map((item) => ({ ...item, start, length: partial.length }));
  if (code[start - 1] === '.') {
    const from = objectExpressionStart(code, start - 1);
    const expression = code.slice(from, start - 1).trim();
    if (expression === '') return [];
    return at(membersOfValue(scope.evaluate(expression), version, scope));
  }
  if (/[\w$)\]]\s*$/.test(code.slice(0, start)) && partial === '') return [];
  const seen = new Set<string>();
  const out: CompletionTarget[] = [];
  for (const { name, value } of scope.names()) {
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ label: name, type: kindOf(value) });
  }
  for (const keyword of JSCRIPT_KEYWORDS) if (!seen.has(keyword)) out.push({ label: keyword, type: 'keyword' });
  return at(out);
}
