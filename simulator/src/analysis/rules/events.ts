/**
 * Rules about event handlers: names the server will never call, and handlers whose parameter
 * count does not match the call the server generates.
 */
import { events } from '../../api/index';
import type { ProcedureDeclaration } from '../../syntax/ast';
import { editDistance } from '../text';
import type { Rule, RuleContext, TextEdit } from './rule';

/** A name this close to an event's is a typo, not a different procedure. */
function closeEnough(name: string, eventName: string): boolean {
  const d = editDistance(name.toLowerCase(), eventName.toLowerCase());
  return d > 0 && d <= (eventName.length >= 10 ? 2 : 1);
}

const misspelledEvent: Rule = {
  code: 'hms-misspelled-event',
  defaultSeverity: 'warning',
  description: 'A Sub named almost like an event: hMailServer calls handlers by exact name (case-insensitive), so it never runs.',
  check(ctx: RuleContext) {
    for (const p of ctx.binding.procedures) {
      if (p.classInfo || p.role.kind === 'event') continue;
      // A procedure the script calls itself is a helper with a similar name, not a typo.
      if (p.symbol.references.length > 1) continue;
      const name = p.node.name.name;
      const match = events().find((e) => closeEnough(name, e.name));
      if (!match) continue;
      ctx.report({
        start: p.node.name.start,
        end: p.node.name.end,
        message: `hMailServer never calls ${name}; did you mean ${match.name}?`,
        fixes: [{ title: `Rename to ${match.name}`, preferred: true, edits: [{ start: p.node.name.start, end: p.node.name.end, newText: match.name }] }],
      });
    }
  },
};

/** The edit that gives `p` exactly the parameters in `names`. */
export function parameterListEdit(source: string, p: ProcedureDeclaration, names: readonly string[]): TextEdit {
  const list = names.join(', ');
  if (p.parameters.length > 0) {
    return { start: p.parameters[0].start, end: p.parameters[p.parameters.length - 1].end, newText: list };
  }
  let i = p.name.end;
  while (source[i] === ' ' || source[i] === '\t') i++;
  if (source[i] === '(') {
    const close = source.indexOf(')', i);
    const eol = source.slice(i).search(/[\r\n]/);
    if (close > i && (eol < 0 || close < i + eol)) return { start: i + 1, end: close, newText: list };
  }
  return { start: p.name.end, end: p.name.end, newText: `(${list})` };
}

const handlerSignature: Rule = {
  code: 'hms-handler-signature',
  defaultSeverity: 'error',
  description: 'An event handler whose parameter count differs from the call the server makes (a runtime error on every firing).',
  check(ctx: RuleContext) {
    for (const p of ctx.binding.procedures) {
      if (p.role.kind !== 'event') continue;
      const e = p.role.event;
      const expected = e.params.length;
      const actual = p.node.parameters.length;
      if (expected === actual) continue;
      const names = e.params.map((x) => x.name);
      const list = names.length ? names.join(', ') : 'no arguments';
      ctx.report({
        start: p.node.name.start,
        end: p.node.name.end,
        message:
          `hMailServer calls ${e.name} with ${expected} argument${expected === 1 ? '' : 's'} (${list}); ` +
          `with ${actual} parameter${actual === 1 ? '' : 's'} every call fails with "Wrong number of arguments or invalid property assignment".`,
        fixes: [{ title: `Change the parameters to (${names.join(', ')})`, preferred: true, edits: [parameterListEdit(ctx.source, p.node, names)] }],
      });
    }
  },
};

export const eventRules: readonly Rule[] = [misspelledEvent, handlerSignature];
