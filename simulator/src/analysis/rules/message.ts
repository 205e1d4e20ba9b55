/**
 * Rules about working with hMailServer objects: message changes that are never saved, and
 * administrator-only objects reached without authenticating.
 */
import type { Expression, MemberExpression, Node, WithStatement } from '../../syntax/ast';
import type { ProcedureInfo, VbSymbol } from '../symbols';
import type { VbType } from '../types';
import { eventOf } from './result';
import type { Rule, RuleContext } from './rule';

/** The object an access chain starts from: a variable, or the With block a leading dot refers to. */
type Root = VbSymbol | WithStatement | Expression;

function rootOf(ctx: RuleContext, e: Expression): Root | undefined {
  let cur: Expression = e;
  for (;;) {
    if (cur.kind === 'Member') {
      if (!cur.object) {
        const w = ctx.binding.withOf.get(cur);
        if (!w) return undefined;
        const inner = rootOf(ctx, w.object);
        return inner ?? w;
      }
      cur = cur.object;
    } else if (cur.kind === 'Call') {
      if (cur.callee.kind === 'Identifier' && cur.callee.key === 'createobject') return cur;
      cur = cur.callee;
    } else if (cur.kind === 'Paren') {
      cur = cur.expression;
    } else if (cur.kind === 'Identifier') {
      return ctx.binding.symbolOf.get(cur);
    } else {
      return undefined;
    }
  }
}

/** Message members whose writes live only in memory until Save. */
const NOT_CONTENT = new Set(['flag', 'encodefields']);
const MUTATING_METHODS = new Set(['addrecipient', 'clearrecipients']);
/** Methods on objects reached from a message (attachments, headers) that change it. */
const MUTATING_CHILD_METHODS = new Set(['add', 'clear', 'delete']);

function memberOf(e: Expression): MemberExpression | undefined {
  if (e.kind === 'Member') return e;
  if (e.kind === 'Call' && e.callee.kind === 'Member') return e.callee;
  return undefined;
}

function isMessageType(t: VbType): boolean {
  return t.kind === 'com' && t.iface === 'Message';
}

function isMessage(ctx: RuleContext, e: Expression | null | undefined, m: MemberExpression): boolean {
  return isMessageType(e ? ctx.types.typeOf(e) : ctx.types.objectTypeOf(m));
}

const unsavedMessage: Rule = {
  code: 'hms-unsaved-message',
  defaultSeverity: 'warning',
  description: 'Message properties changed in a handler that never calls Save: the change is lost.',
  check(ctx: RuleContext) {
    const changes = new Map<ProcedureInfo, { node: Node; root: Root }[]>();
    const saves: { procedure: ProcedureInfo; root: Root; at: number }[] = [];
    const passedToProcedures = new Set<Root>();
    const add = (p: ProcedureInfo | undefined, node: Node, root: Root | undefined) => {
      if (!p || !root) return;
      const list = changes.get(p) ?? [];
      list.push({ node, root });
      changes.set(p, list);
    };
    for (const { node, procedure } of ctx.nodes.assignments) {
      const m = memberOf(node.target);
      if (!m || NOT_CONTENT.has(m.name.key) || !isMessage(ctx, m.object, m)) continue;
      const t = ctx.types.memberTarget(m);
      if (t.kind === 'api' && t.member.writable) add(procedure, node, rootOf(ctx, m));
    }
    for (const { node, procedure } of ctx.nodes.calls) {
      const m = memberOf(node.callee);
      if (!m || !procedure) continue;
      const key = m.name.key;
      if (MUTATING_METHODS.has(key) && isMessage(ctx, m.object, m)) add(procedure, node, rootOf(ctx, m));
      else if (MUTATING_CHILD_METHODS.has(key)) {
        // `oMessage.Attachments(0).Delete`: only when the chain starts at the message itself.
        const t = ctx.types.objectTypeOf(m);
        const root = rootOf(ctx, m);
        const fromMessage = root !== undefined && isSymbol(root) && isMessageType(ctx.types.symbolType(root));
        if (fromMessage && t.kind === 'com' && (t.iface.startsWith('Attachment') || t.iface.startsWith('MessageHeader'))) add(procedure, node, root);
      }
    }
    // Most handlers change nothing: saves and hand-overs only matter where something changed.
    if (changes.size === 0) return;
    for (const { node, procedure } of ctx.nodes.calls) {
      if (!procedure || !changes.has(procedure)) continue;
      // Handing the message to a helper: the helper may save it.
      for (const a of node.args) if (a.kind !== 'Missing') passedToProcedures.add(rootOf(ctx, a) ?? a);
      const m = memberOf(node.callee);
      if (!m || m.name.key !== 'save' || !isMessage(ctx, m.object, m)) continue;
      const root = rootOf(ctx, m);
      if (root) saves.push({ procedure, root, at: node.start });
    }
    for (const [procedure, list] of changes) {
      // Edits in OnSMTPData are pointless (no data yet) and saving there is wrong: not this rule's case.
      if (eventOf(procedure)?.name === 'OnSMTPData') continue;
      const first = list.find(
        (c) => !passedToProcedures.has(c.root) && !saves.some((s) => s.root === c.root && (s.procedure === procedure || isGlobal(c.root)) && s.at > c.node.start),
      );
      if (!first) continue;
      const name = isSymbol(first.root) ? first.root.name : 'the message';
      ctx.report({
        start: first.node.start,
        end: first.node.end,
        message: `This changes ${name} but ${procedure.node.name.name} never calls ${name === 'the message' ? 'Save' : `${name}.Save`} afterwards: the change only exists in memory and is lost.`,
      });
    }
  },
};

function isSymbol(root: Root): root is VbSymbol {
  return 'references' in root;
}

function isGlobal(root: Root): boolean {
  return isSymbol(root) && root.scope.kind === 'global';
}

const ADMIN_MEMBERS = new Set(['settings', 'database']);

const unauthenticatedAdmin: Rule = {
  code: 'hms-unauthenticated-admin',
  defaultSeverity: 'warning',
  description: 'Settings or Database reached through hMailServer.Application without Authenticate as an administrator.',
  check(ctx: RuleContext) {
    const adminAccess = ctx.nodes.members.filter(({ node }) => ADMIN_MEMBERS.has(node.name.key));
    if (adminAccess.length === 0) return;
    const authenticated = new Set<Root>();
    for (const { node } of ctx.nodes.members) {
      if (node.name.key !== 'authenticate') continue;
      const t = ctx.types.objectTypeOf(node);
      const root = rootOf(ctx, node);
      if (t.kind === 'com' && t.iface === 'Application' && root) authenticated.add(root);
    }
    for (const { node } of adminAccess) {
      const t = ctx.types.objectTypeOf(node);
      if (t.kind !== 'com' || t.iface !== 'Application') continue;
      const root = rootOf(ctx, node);
      if (!root || authenticated.has(root)) continue;
      // An Application obtained from a helper function may well be authenticated there.
      if (isSymbol(root) && root.assignments.some((a) => !isCreateObject(a.value))) continue;
      ctx.report({
        start: node.name.start,
        end: node.name.end,
        message:
          `Application.${node.name.name} needs server-administrator rights: call Authenticate("Administrator", password) on this ` +
          'Application object first, or the access fails with "You do not have access to this property / method".',
      });
    }
  },
};

function isCreateObject(e: Expression): boolean {
  return e.kind === 'Call' && e.callee.kind === 'Identifier' && e.callee.key === 'createobject';
}

export const messageRules: readonly Rule[] = [unsavedMessage, unauthenticatedAdmin];
