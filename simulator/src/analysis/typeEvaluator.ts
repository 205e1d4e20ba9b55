/**
 * The type of each expression, where one can be known.
 *
 * Types flow from what the server passes (event parameters, named items), from the API's member
 * types, from `CreateObject("<ProgID>")` and `New`, and through assignments: a variable's type is
 * the agreement of every value assigned to it anywhere (flow-insensitive: a script that reuses a
 * variable for two kinds of object gets Variant, and no member diagnostics).
 */
import { defaultMember, getInterface, getMember, progIdInterface, typeKind, type ApiMember } from '../api/index';
import type { Argument, CallExpression, Expression, Identifier, MemberExpression } from '../syntax/ast';
import { lookup, type Binding } from './binder';
import type { Scope, VbSymbol } from './symbols';
import { NOTHING, UNKNOWN, comType, joinTypes, primitive, type VbType } from './types';

/** RegExp is the one class VBScript itself provides to `New`. */
const REGEXP_TYPE: VbType = { kind: 'external', progId: 'VBScript.RegExp' };

/** What a member access resolves to, for hover, completion, and diagnostics. */
export type MemberTarget =
  | { kind: 'api'; member: ApiMember; objectType: VbType }
  | { kind: 'class'; symbol: VbSymbol; objectType: VbType }
  | { kind: 'unknownMember'; objectType: VbType }
  | { kind: 'untyped' };

/** Converts a type name from the API declaration into a VbType. */
export function typeFromApi(name: string): VbType {
  switch (typeKind(name)) {
    case 'interface':
      return comType(getInterface(name)?.name ?? name);
    case 'enum':
      return primitive('Long');
    case 'void':
      return UNKNOWN;
    default:
      return name === 'Variant' ? UNKNOWN : primitive(name);
  }
}

/**
 * Evaluates expression types of one bound script. Results are memoized per node; expressions
 * parsed on their own (the text before a `.` being completed) are evaluated in an explicit scope.
 */
export class TypeEvaluator {
  private readonly memo = new Map<Expression, VbType>();
  private readonly symbolMemo = new Map<VbSymbol, VbType>();
  private readonly inProgress = new Set<VbSymbol>();
  private readonly memberMemo = new Map<MemberExpression, MemberTarget>();

  constructor(private readonly b: Binding) {}

  /** The type of an expression of the bound program. */
  typeOf(e: Expression): VbType {
    const cached = this.memo.get(e);
    if (cached) return cached;
    const t = this.evaluate(e, undefined);
    this.memo.set(e, t);
    return t;
  }

  /** The type of a detached expression, its names resolved in `scope`; `withType` stands for a leading dot. */
  typeInScope(e: Expression, scope: Scope, withType?: VbType): VbType {
    return this.evaluate(e, { scope, withType });
  }

  symbolType(s: VbSymbol): VbType {
    const cached = this.symbolMemo.get(s);
    if (cached) return cached;
    // `Set x = x.Parent` and mutually recursive functions: unknown rather than a loop.
    if (this.inProgress.has(s)) return UNKNOWN;
    this.inProgress.add(s);
    const t = this.computeSymbolType(s);
    this.inProgress.delete(s);
    this.symbolMemo.set(s, t);
    return t;
  }

  /** The member a `Member` node (or a name in a detached expression) refers to. */
  memberTarget(m: MemberExpression, ctx?: DetachedContext): MemberTarget {
    if (ctx) return this.memberOfType(this.objectTypeOf(m, ctx), m.name.name);
    // Several rules ask about the same member: resolve each once.
    let t = this.memberMemo.get(m);
    if (!t) {
      t = this.memberOfType(this.objectTypeOf(m), m.name.name);
      this.memberMemo.set(m, t);
    }
    return t;
  }

  memberOfType(objectType: VbType, name: string): MemberTarget {
    if (objectType.kind === 'com') {
      const member = getMember(objectType.iface, name);
      return member ? { kind: 'api', member, objectType } : { kind: 'unknownMember', objectType };
    }
    if (objectType.kind === 'class') {
      const cls = this.b.classes.find((c) => c.symbol.key === objectType.key);
      // A class from an include file: its members are not bound here.
      if (!cls) return { kind: 'untyped' };
      const symbol = cls.scope.symbols.get(name.toLowerCase());
      return symbol ? { kind: 'class', symbol, objectType } : { kind: 'unknownMember', objectType };
    }
    return { kind: 'untyped' };
  }

  /** The type of the object of `m`: its expression, or the enclosing With's for a leading dot. */
  objectTypeOf(m: MemberExpression, ctx?: DetachedContext): VbType {
    if (m.object) return this.eval(m.object, ctx);
    if (ctx) return ctx.withType ?? UNKNOWN;
    const w = this.b.withOf.get(m);
    return w ? this.typeOf(w.object) : UNKNOWN;
  }

  // ---------------------------------------------------------------------------- internals

  private eval(e: Expression, ctx: DetachedContext | undefined): VbType {
    return ctx ? this.evaluate(e, ctx) : this.typeOf(e);
  }

  private symbolOfName(id: Identifier, ctx: DetachedContext | undefined): VbSymbol | undefined {
    return ctx ? lookup(this.b, ctx.scope, id.key) : this.b.symbolOf.get(id);
  }

  private evaluate(e: Expression, ctx: DetachedContext | undefined): VbType {
    switch (e.kind) {
      case 'NumberLiteral':
        return primitive(e.numberKind);
      case 'StringLiteral':
        return primitive('String');
      case 'DateLiteral':
        return primitive('Date');
      case 'BooleanLiteral':
        return primitive('Boolean');
      case 'NothingLiteral':
        return NOTHING;
      case 'EmptyLiteral':
        return primitive('Empty');
      case 'NullLiteral':
        return primitive('Null');
      case 'Me': {
        const cls = ctx ? (ctx.scope.classInfo ?? ctx.scope.parent?.classInfo) : this.b.meOf.get(e);
        return cls ? { kind: 'class', name: cls.symbol.name, key: cls.symbol.key } : UNKNOWN;
      }
      case 'Unary':
        return e.operator === 'Not' ? primitive('Boolean') : primitive('Double');
      case 'Binary':
        return binaryType(e.operator);
      case 'Paren':
        return this.eval(e.expression, ctx);
      case 'Identifier': {
        const s = this.symbolOfName(e, ctx);
        return s ? this.symbolType(s) : UNKNOWN;
      }
      case 'Member':
        return this.memberValueType(this.memberTarget(e, ctx), false);
      case 'Call':
        return this.callType(e, ctx);
      case 'New': {
        if (e.className.key === 'regexp') return REGEXP_TYPE;
        const s = ctx ? lookup(this.b, ctx.scope, e.className.key) : this.b.symbolOf.get(e.className);
        return s?.kind === 'class' ? { kind: 'class', name: s.name, key: s.key } : UNKNOWN;
      }
    }
  }

  /** The value a member access yields; `called` when written with an argument list. */
  private memberValueType(t: MemberTarget, called: boolean, args: readonly Argument[] = []): VbType {
    if (t.kind === 'api') {
      const m = t.member;
      const type = typeFromApi(m.type);
      // `oMessage.Recipients(0)`: arguments to a property without index parameters go to the
      // default member of the object it returns.
      if (called && m.kind === 'property' && !m.indexed && args.length > 0) return this.defaultMemberType(type);
      return type;
    }
    if (t.kind === 'class') return this.symbolType(t.symbol);
    return UNKNOWN;
  }

  private defaultMemberType(t: VbType): VbType {
    if (t.kind !== 'com') return UNKNOWN;
    const d = defaultMember(t.iface);
    return d ? typeFromApi(d.type) : UNKNOWN;
  }

  private callType(e: CallExpression, ctx: DetachedContext | undefined): VbType {
    const callee = e.callee;
    if (callee.kind === 'Member') return this.memberValueType(this.memberTarget(callee, ctx), true, e.args);
    if (callee.kind === 'Identifier') {
      const s = this.symbolOfName(callee, ctx);
      // CreateObject is the engine's, not the script's, unless the script defines its own.
      if (!s || s.kind === 'builtinFunction' || s.implicit) return this.builtinCallType(callee, e);
      if (s.kind === 'function' || s.kind === 'property') return this.symbolType(s);
      if (s.kind === 'globalMember' && s.apiMember) return this.memberValueType({ kind: 'api', member: s.apiMember, objectType: UNKNOWN }, true, e.args);
      return e.args.length > 0 ? this.defaultMemberType(this.symbolType(s)) : this.symbolType(s);
    }
    return e.args.length > 0 ? this.defaultMemberType(this.eval(callee, ctx)) : this.eval(callee, ctx);
  }

  private builtinCallType(callee: Identifier, e: CallExpression): VbType {
    if (callee.key !== 'createobject') return UNKNOWN;
    const arg = e.args[0];
    if (!arg || arg.kind !== 'StringLiteral') return UNKNOWN;
    const progId = arg.value.trim();
    const iface = progIdInterface(progId);
    if (iface) return comType(iface);
    // A class the engine itself provides (Scripting.Dictionary …): an object whose members are not
    // declared here. Any other ProgID stays Variant, as nothing is known about it.
    const known = this.b.host.builtins.progIds ?? [];
    const key = progId.toLowerCase();
    // ProgIDs compare case-insensitively; a versioned one (`MSXML2.XMLHTTP.6.0`) matches its base.
    return known.some((p) => {
      const lower = p.toLowerCase();
      return lower === key || key.startsWith(`${lower}.`);
    })
      ? { kind: 'external', progId }
      : UNKNOWN;
  }

  private computeSymbolType(s: VbSymbol): VbType {
    switch (s.kind) {
      case 'namedItem':
        return s.apiGlobal ? typeFromApi(s.apiGlobal.type) : UNKNOWN;
      case 'globalMember':
        return s.apiMember ? typeFromApi(s.apiMember.type) : UNKNOWN;
      case 'constant':
        return s.constValue ? this.typeOf(s.constValue) : UNKNOWN;
      case 'parameter':
        return this.parameterType(s);
      case 'variable':
      case 'function':
      case 'property':
        return joinTypes(s.assignments.map((a) => this.typeOf(a.value)));
      default:
        return UNKNOWN;
    }
  }

  private parameterType(s: VbSymbol): VbType {
    const proc = s.scope.procedure;
    const index = s.paramIndex ?? -1;
    if (proc?.role.kind === 'event') {
      const p = proc.role.event.params[index];
      if (p) return typeFromApi(p.type);
    }
    if (proc?.role.kind === 'rule' && index === 0) return comType('Message');
    // A helper's parameter takes whatever callers pass; only its own Set assignments tell.
    return joinTypes(s.assignments.map((a) => this.typeOf(a.value)));
  }
}

export interface DetachedContext {
  scope: Scope;
  withType?: VbType;
}

function binaryType(op: string): VbType {
  switch (op) {
    case '&':
      return primitive('String');
    case '=':
    case '<>':
    case '<':
    case '>':
    case '<=':
    case '>=':
    case 'Is':
      return primitive('Boolean');
    case 'And':
    case 'Or':
    case 'Xor':
    case 'Eqv':
    case 'Imp':
      return primitive('Long');
    default:
      return primitive('Double');
  }
}
