/**
 * Rules about members of typed objects and object assignment: unknown members, read-only
 * properties, members or events the configured server version lacks, `Set`, and `For Each` over
 * hMailServer collections.
 */
import { availableVersions, defaultMember, getInterface, isAvailable, membersOf, type ApiMember, type ServerVersion } from '../../api/index';
import type { Expression, MemberExpression } from '../../syntax/ast';
import { editDistance } from '../text';
import { isObjectType, typeLabel, type VbType } from '../types';
import type { Fix, Rule, RuleContext } from './rule';

function versionList(item: { readonly availability: Readonly<Record<ServerVersion, boolean>> }): string {
  const v = availableVersions(item);
  return v.length ? `available in ${v.join(', ')}` : 'not in any supported version';
}

const unknownMember: Rule = {
  code: 'hms-unknown-member',
  defaultSeverity: 'error',
  description: 'A member that the object\'s type does not have ("Object doesn\'t support this property or method" at run time).',
  check(ctx: RuleContext) {
    for (const { node } of ctx.nodes.members) {
      if (!node.name.name) continue;
      const target = ctx.types.memberTarget(node);
      if (target.kind !== 'unknownMember') continue;
      const t = target.objectType;
      const candidates = t.kind === 'com' ? membersOf(t.iface, ctx.version).map((m) => m.name) : classMemberNames(ctx, t);
      const near = closest(node.name.name, candidates);
      const fixes: Fix[] = near ? [{ title: `Change to ${near}`, preferred: true, edits: [{ start: node.name.start, end: node.name.end, newText: near }] }] : [];
      ctx.report({
        start: node.name.start,
        end: node.name.end,
        message: `${typeLabel(t)} has no member '${node.name.name}'${near ? `; did you mean ${near}?` : '.'}`,
        fixes,
      });
    }
  },
};

function classMemberNames(ctx: RuleContext, t: VbType): string[] {
  if (t.kind !== 'class') return [];
  const cls = ctx.binding.classes.find((c) => c.symbol.key === t.key);
  return cls ? [...cls.scope.symbols.values()].map((s) => s.name) : [];
}

function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

const unavailableInVersion: Rule = {
  code: 'hms-unavailable-in-version',
  defaultSeverity: 'warning',
  description: 'An event or member that the configured hMailServer version (hmailserver.version) does not have.',
  check(ctx: RuleContext) {
    for (const p of ctx.binding.procedures) {
      if (p.role.kind !== 'event' || isAvailable(p.role.event, ctx.version)) continue;
      const e = p.role.event;
      ctx.report({
        start: p.node.name.start,
        end: p.node.name.end,
        message: `hMailServer ${ctx.version} has no ${e.name} event, so it never calls this handler (${versionList(e)}).`,
      });
    }
    for (const { node } of ctx.nodes.members) {
      const target = ctx.types.memberTarget(node);
      if (target.kind !== 'api' || isAvailable(target.member, ctx.version)) continue;
      const m = target.member;
      ctx.report({
        start: node.name.start,
        end: node.name.end,
        message: `${m.interfaceName}.${m.name} does not exist in hMailServer ${ctx.version} (${versionList(m)}).`,
      });
    }
  },
};

/** The API property an assignment target writes, if it is one: `o.Subject = …`, `o.HeaderValue("X") = …`. */
function assignedProperty(ctx: RuleContext, target: Expression): { member: ApiMember; name: MemberExpression } | undefined {
  const m = target.kind === 'Member' ? target : target.kind === 'Call' && target.callee.kind === 'Member' ? target.callee : undefined;
  if (!m) return undefined;
  const t = ctx.types.memberTarget(m);
  return t.kind === 'api' ? { member: t.member, name: m } : undefined;
}

const readOnlyProperty: Rule = {
  code: 'hms-read-only-property',
  defaultSeverity: 'error',
  description: 'An assignment to a property that can only be read.',
  check(ctx: RuleContext) {
    for (const { node } of ctx.nodes.assignments) {
      const p = assignedProperty(ctx, node.target);
      if (!p || p.member.kind !== 'property' || p.member.writable) continue;
      ctx.report({
        start: p.name.name.start,
        end: p.name.name.end,
        message: `${p.member.interfaceName}.${p.member.name} is read-only.`,
      });
    }
  },
};

/** A plain `=` of this value is an error: an object without a usable default value. */
function needsSet(ctx: RuleContext, t: VbType): boolean {
  if (!isObjectType(t)) return false;
  if (t.kind === 'class') {
    // `Public Default Property Get`/`Function`: `x = obj` reads it, which is valid. A class from an
    // include file is not bound here, so nothing is known about its default.
    const cls = ctx.binding.classes.find((c) => c.symbol.key === t.key);
    return cls !== undefined && !cls.node.members.some((m) => m.kind === 'Procedure' && m.isDefault);
  }
  if (t.kind !== 'com') return true;
  const d = defaultMember(t.iface);
  // With a default property and no index, `x = obj` reads that property: valid VBScript.
  return !d || d.params.length > 0 || d.kind === 'method';
}

const missingSet: Rule = {
  code: 'hms-missing-set',
  defaultSeverity: 'error',
  description: 'An object assigned without Set (VBScript then reads its default value and fails).',
  check(ctx: RuleContext) {
    for (const { node } of ctx.nodes.assignments) {
      if (node.isSet || (node.target.kind !== 'Identifier' && node.target.kind !== 'Member')) continue;
      const t = ctx.types.typeOf(node.value);
      if (!needsSet(ctx, t)) continue;
      ctx.report({
        start: node.start,
        end: node.value.end,
        message: `${typeLabel(t)} is an object: assign it with Set (without it VBScript reads the object's default value and fails).`,
        fixes: [{ title: 'Add Set', preferred: true, edits: [{ start: node.target.start, end: node.target.start, newText: 'Set ' }] }],
      });
    }
  },
};

const misplacedSet: Rule = {
  code: 'hms-misplaced-set',
  defaultSeverity: 'error',
  description: 'Set used with a value that is not an object (runtime error 424 "Object required").',
  check(ctx: RuleContext) {
    for (const { node } of ctx.nodes.assignments) {
      if (!node.isSet) continue;
      const t = ctx.types.typeOf(node.value);
      if (t.kind !== 'primitive' || t.name === 'Empty') continue;
      ctx.report({
        start: node.start,
        end: node.value.end,
        message: `Set assigns objects only, and this value is a ${t.name} (runtime error 424 "Object required").`,
        fixes: [{ title: 'Remove Set', preferred: true, edits: [{ start: node.start, end: node.target.start, newText: '' }] }],
      });
    }
  },
};

const forEachCollection: Rule = {
  code: 'hms-for-each-collection',
  defaultSeverity: 'error',
  description: 'For Each over an hMailServer object: they have no enumerator, so the loop fails on the server.',
  check(ctx: RuleContext) {
    for (const { node } of ctx.nodes.forEach) {
      const t = ctx.types.typeOf(node.collection);
      if (t.kind !== 'com') continue;
      const coll = getInterface(t.iface)?.collection;
      const hint = coll ? ` Loop with For i = 0 To ${exprText(ctx, node.collection)}.${coll.countMember} - 1 and .Item(i) instead.` : '';
      ctx.report({
        start: node.collection.start,
        end: node.collection.end,
        message: `hMailServer's ${t.iface} cannot be enumerated with For Each (it has no _NewEnum); the loop fails on the server.${hint}`,
      });
    }
  },
};

function exprText(ctx: RuleContext, e: Expression): string {
  return ctx.source.slice(e.start, e.end);
}

export const memberRules: readonly Rule[] = [unknownMember, unavailableInVersion, readOnlyProperty, missingSet, misplacedSet, forEachCollection];
