/**
 * Expressions → closures `(frame) => value` (ES3 section 11).
 */
import type * as estree from 'acorn';
import { isComObject } from '../../objects/comObject.js';
import { construct, getIndexed, getMember, propertyKey } from '../access.js';
import { toBoolean, toInt32, toNumber, typeOf } from '../conversions.js';
import { JsErr, raiseJs } from '../errors.js';
import { UserFunction } from '../functions.js';
import { binaryOperators } from '../operators.js';
import type { Eval, JsFrame } from '../runtime.js';
import { newRegExpFromLiteral } from '../builtins/regexp.js';
import { JsObject, type JsValue } from '../values.js';
import { compileAssignment, compileUpdate } from './assign.js';
import { compileCall, nameForErrors } from './calls.js';
import type { CompileContext } from './context.js';
import { compileFunctionTemplate } from './functions.js';
import { compileName } from './names.js';

type Node = estree.Node;

export function compileExpression(ctx: CompileContext, node: Node): Eval {
  switch (node.type) {
    case 'Literal':
      return compileLiteral(ctx, node as estree.Literal);
    case 'Identifier': {
      const name = (node as estree.Identifier).name;
      if (name === 'undefined') {
        const access = compileName(ctx, name);
        return access.getOrUndefined;
      }
      return compileName(ctx, name).get;
    }
    case 'ThisExpression':
      return (f) => f.thisv;
    case 'ArrayExpression':
      return compileArray(ctx, node as estree.ArrayExpression);
    case 'ObjectExpression':
      return compileObject(ctx, node as estree.ObjectExpression);
    case 'FunctionExpression': {
      const template = compileFunctionTemplate(ctx, node as estree.FunctionExpression);
      const realm = ctx.realm;
      return (f) => new UserFunction(realm, template, f.env);
    }
    case 'UnaryExpression':
      return compileUnary(ctx, node as estree.UnaryExpression);
    case 'UpdateExpression':
      return compileUpdate(ctx, node as estree.UpdateExpression);
    case 'BinaryExpression':
      return compileBinary(ctx, node as estree.BinaryExpression);
    case 'LogicalExpression': {
      const n = node as estree.LogicalExpression;
      const left = ctx.expr(n.left);
      const right = ctx.expr(n.right);
      return n.operator === '&&'
        ? (f) => {
            const l = left(f);
            return toBoolean(l) ? right(f) : l;
          }
        : (f) => {
            const l = left(f);
            return toBoolean(l) ? l : right(f);
          };
    }
    case 'AssignmentExpression':
      return compileAssignment(ctx, node as estree.AssignmentExpression);
    case 'ConditionalExpression': {
      const n = node as estree.ConditionalExpression;
      const test = ctx.expr(n.test);
      const yes = ctx.expr(n.consequent);
      const no = ctx.expr(n.alternate);
      return (f) => (toBoolean(test(f)) ? yes(f) : no(f));
    }
    case 'CallExpression':
      return compileCall(ctx, node as estree.CallExpression);
    case 'NewExpression': {
      const n = node as estree.NewExpression;
      const callee = ctx.expr(n.callee);
      const args = n.arguments.map((a) => ctx.expr(a));
      const realm = ctx.realm;
      return (f) => {
        const c = callee(f);
        const values = new Array<JsValue>(args.length);
        for (let i = 0; i < args.length; i++) values[i] = args[i](f);
        return construct(realm, c, values);
      };
    }
    case 'MemberExpression':
      return compileMember(ctx, node as estree.MemberExpression);
    case 'SequenceExpression': {
      const parts = (node as estree.SequenceExpression).expressions.map((e) => ctx.expr(e));
      return (f) => {
        let v: JsValue;
        for (let i = 0; i < parts.length; i++) v = parts[i](f);
        return v;
      };
    }
    default:
      return raiseJs(JsErr.SyntaxError);
  }
}

function compileLiteral(ctx: CompileContext, node: estree.Literal): Eval {
  const regex = (node as estree.Literal & { regex?: { pattern: string; flags: string } }).regex;
  if (regex) {
    const realm = ctx.realm;
    const { pattern, flags } = regex;
    // A new object per evaluation, as jscript.dll does (not ES3's one object per literal).
    return () => newRegExpFromLiteral(realm, pattern, flags);
  }
  const value = node.value as JsValue;
  return () => value;
}

function compileArray(ctx: CompileContext, node: estree.ArrayExpression): Eval {
  const elements = node.elements.map((e) => (e === null ? null : ctx.expr(e)));
  // jscript.dll counts a trailing comma as one more (undefined) element: [1, 2,].length is 3, [,].length 2.
  let lastValue: estree.Node | null = null;
  for (const e of node.elements) if (e !== null) lastValue = e;
  const tail = ctx.unit.source.slice(lastValue === null ? node.start + 1 : lastValue.end, node.end - 1);
  const extra = /,$/.test(tail.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '').trim()) ? 1 : 0;
  const realm = ctx.realm;
  const length = elements.length + extra;
  return (f) => {
    const a = realm.newArray();
    for (let i = 0; i < elements.length; i++) {
      const e = elements[i];
      if (e !== null) a.writableProps().set(String(i), e(f));
    }
    a.length = length;
    return a;
  };
}

function compileObject(ctx: CompileContext, node: estree.ObjectExpression): Eval {
  const props = node.properties.map((p) => {
    const prop = p as estree.Property;
    const key = prop.key.type === 'Identifier' ? prop.key.name : propertyKey((prop.key as estree.Literal).value as JsValue);
    return { key, value: ctx.expr(prop.value) };
  });
  const realm = ctx.realm;
  return (f) => {
    const o = realm.newObject();
    for (let i = 0; i < props.length; i++) o.put(props[i].key, props[i].value(f));
    return o;
  };
}

export function compileMember(ctx: CompileContext, node: estree.MemberExpression): Eval {
  const object = ctx.expr(node.object);
  const realm = ctx.realm;
  const baseText = nameForErrors(ctx, node.object);
  if (!node.computed) {
    const key = (node.property as estree.Identifier).name;
    return (f) => {
      const base = object(f);
      if (base instanceof JsObject) return base.get(key);
      return getMember(realm, base, key, baseText);
    };
  }
  const property = ctx.expr(node.property);
  return (f) => getIndexed(realm, object(f), property(f), baseText);
}

function compileUnary(ctx: CompileContext, node: estree.UnaryExpression): Eval {
  const arg = node.argument;
  switch (node.operator) {
    case 'typeof': {
      if (arg.type === 'Identifier') {
        const get = compileName(ctx, arg.name).getOrUndefined;
        return (f) => typeOf(get(f));
      }
      const e = ctx.expr(arg);
      return (f) => typeOf(e(f));
    }
    case 'delete':
      return compileDelete(ctx, arg);
    case 'void': {
      const e = ctx.expr(arg);
      return (f) => {
        e(f);
        return undefined;
      };
    }
    case '!': {
      const e = ctx.expr(arg);
      return (f) => !toBoolean(e(f));
    }
    case '-': {
      const e = ctx.expr(arg);
      return (f) => -toNumber(e(f));
    }
    case '+': {
      const e = ctx.expr(arg);
      return (f) => toNumber(e(f));
    }
    case '~': {
      const e = ctx.expr(arg);
      return (f) => ~toInt32(e(f));
    }
  }
  return raiseJs(JsErr.SyntaxError);
}

function compileDelete(ctx: CompileContext, arg: Node): Eval {
  if (arg.type === 'Identifier') return compileName(ctx, (arg as estree.Identifier).name).delete;
  if (arg.type === 'MemberExpression') {
    const m = arg as estree.MemberExpression;
    const object = ctx.expr(m.object);
    const key: (f: JsFrame) => string = m.computed
      ? ((k) => (f: JsFrame) => propertyKey(k(f)))(ctx.expr(m.property))
      : ((name) => () => name)((m.property as estree.Identifier).name);
    const realm = ctx.realm;
    return (f) => {
      const base = object(f);
      const k = key(f);
      if (base instanceof JsObject) return base.deleteOwn(k);
      if (isComObject(base)) return raiseJs(JsErr.ActionNotSupported);
      realm.toObject(base);
      return true;
    };
  }
  const e = ctx.expr(arg);
  return (f) => {
    e(f);
    return true;
  };
}

function compileBinary(ctx: CompileContext, node: estree.BinaryExpression): Eval {
  const left = ctx.expr(node.left);
  const right = ctx.expr(node.right);
  switch (node.operator) {
    case '+':
      return (f) => {
        const a = left(f);
        const b = right(f);
        if (typeof a === 'number' && typeof b === 'number') return a + b;
        if (typeof a === 'string' && typeof b === 'string') return a + b;
        return binaryOperators['+'](a, b);
      };
    case '<':
      return (f) => {
        const a = left(f);
        const b = right(f);
        if (typeof a === 'number' && typeof b === 'number') return a < b;
        return binaryOperators['<'](a, b);
      };
    case '===':
      return (f) => {
        const a = left(f);
        const b = right(f);
        if (typeof a !== 'object' || typeof b !== 'object') return a === b;
        return binaryOperators['==='](a, b);
      };
  }
  const op = binaryOperators[node.operator];
  if (!op) return raiseJs(JsErr.SyntaxError);
  return (f) => {
    const a = left(f);
    return op(a, right(f));
  };
}

