/**
 * Rules about the host hMailServer is (and is not): no WScript object, no named items while the
 * script loads, nothing kept between events, and Option Explicit.
 */
import type { Identifier } from '../../syntax/ast';
import type { ProcedureInfo, VbSymbol } from '../symbols';
import { eolOf, indentAt } from '../text';
import type { Rule, RuleContext, TextEdit } from './rule';

const wscript: Rule = {
  code: 'hms-wscript',
  defaultSeverity: 'error',
  description: 'WScript is the Windows Script Host object; hMailServer is not WSH, so WScript.* does not exist.',
  check(ctx: RuleContext) {
    for (const { node } of ctx.nodes.names) {
      if (node.key !== 'wscript') continue;
      const s = ctx.binding.symbolOf.get(node);
      if (s && !s.implicit) continue;
      ctx.report({
        start: node.start,
        end: node.end,
        message:
          'hMailServer does not provide the WScript object (it is not Windows Script Host): WScript.Sleep, WScript.Echo and ' +
          'WScript.Arguments fail. CreateObject("WScript.Shell") does work.',
      });
    }
  },
};

const loadTimeNamedItem: Rule = {
  code: 'hms-load-time-named-item',
  defaultSeverity: 'error',
  description: 'Result, EventLog or HMAILSERVER_* used by top-level code: the load-time syntax check runs it without them and the load fails.',
  check(ctx: RuleContext) {
    for (const { node, procedure, inClass } of ctx.nodes.names) {
      if (procedure || inClass) continue;
      // Only the named items themselves: a bare member name (`Size`) is just an Empty variable at load time.
      const s = ctx.binding.symbolOf.get(node);
      if (s?.kind !== 'namedItem') continue;
      const item = s.name;
      ctx.report({
        start: node.start,
        end: node.end,
        message:
          `Top-level code runs when hMailServer loads the script, without ${item}: the load fails and no event fires. ` +
          'Move this into an event handler.',
      });
    }
  },
};

const CACHE_TESTS: ReadonlySet<string> = new Set(['isempty', 'isobject', 'isarray', 'isnull']);

/** A script-level variable of this file (not an include's, not a host name). */
function scriptVariable(ctx: RuleContext, id: Identifier): VbSymbol | undefined {
  const s = ctx.binding.symbolOf.get(id);
  return s && s.kind === 'variable' && s.scope === ctx.binding.global && !s.uri ? s : undefined;
}

function isHandler(p: ProcedureInfo | undefined): boolean {
  return p?.role.kind === 'event' || p?.role.kind === 'rule';
}

const moduleCache: Rule = {
  code: 'hms-module-cache',
  defaultSeverity: 'warning',
  description: 'A script-level variable used as a cache between events: each event runs the script in a new engine, so nothing persists.',
  check(ctx: RuleContext) {
    const reported = new Set<VbSymbol>();
    for (const { node, procedure } of ctx.nodes.calls) {
      // `If IsEmpty(g_cache) Then …` inside a handler: the test only makes sense if a previous event left a value.
      if (!isHandler(procedure) || node.callee.kind !== 'Identifier' || !CACHE_TESTS.has(node.callee.key)) continue;
      const arg = node.args[0];
      if (!arg || arg.kind !== 'Identifier') continue;
      const s = scriptVariable(ctx, arg);
      if (!s || reported.has(s)) continue;
      const assignedInProcedure = s.assignments.some((a) => a.procedure !== undefined);
      const assignedAtTop = s.assignments.some((a) => a.procedure === undefined);
      if (!assignedInProcedure || assignedAtTop) continue;
      reported.add(s);
      ctx.report({
        start: arg.start,
        end: arg.end,
        message:
          `${s.name} is kept at script level as a cache, but nothing persists between events: hMailServer runs the whole script ` +
          `in a new engine for every event, so ${node.callee.name}(${s.name}) is always true here.`,
      });
    }
  },
};

/** Where a `Dim name` goes: the line after the procedure header, or after Option Explicit. */
export function declarationEdit(ctx: RuleContext, name: string, procedure: ProcedureInfo | undefined): TextEdit {
  const src = ctx.source;
  const eol = eolOf(src);
  if (procedure) {
    const headerEnd = ctx.parse.lines.lineEnd(ctx.parse.lines.lineAt(procedure.node.name.end));
    const indent = indentAt(src, procedure.node.start) + '    ';
    return { start: headerEnd, end: headerEnd, newText: `${eol}${indent}Dim ${name}` };
  }
  const opt = ctx.parse.ast.body.find((s) => s.kind === 'OptionExplicit');
  if (opt) {
    const end = ctx.parse.lines.lineEnd(ctx.parse.lines.lineAt(opt.end));
    return { start: end, end, newText: `${eol}Dim ${name}` };
  }
  return { start: 0, end: 0, newText: `Dim ${name}${eol}` };
}

const undeclaredVariable: Rule = {
  code: 'hms-undeclared-variable',
  defaultSeverity: 'error',
  description: 'A variable used under Option Explicit without Dim (runtime error 500 "Variable is undefined").',
  check(ctx: RuleContext) {
    // Without the runtime's table of built-ins, `Len` and a typo look alike: report nothing rather than guess.
    if (ctx.binding.host.builtins.functions.size === 0) return;
    for (const id of ctx.binding.undeclared) {
      if (id.key === 'wscript') continue;
      const procedure = ctx.binding.procedures.find((p) => p.node.start <= id.start && id.end <= p.node.end && p.scope.symbols.get(id.key)?.implicit);
      ctx.report({
        start: id.start,
        end: id.end,
        message: `Variable is undefined: '${id.name}' (Option Explicit requires a Dim).`,
        fixes: [{ title: `Add Dim ${id.name}`, preferred: true, edits: [declarationEdit(ctx, id.name, procedure)] }],
      });
    }
  },
};

export const hostRules: readonly Rule[] = [wscript, loadTimeNamedItem, moduleCache, undeclaredVariable];
