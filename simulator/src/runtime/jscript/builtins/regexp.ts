/**
 * RegExp (ES3 15.10) on top of JavaScript's engine, with jscript.dll's behaviour where it
 * differs: capture groups that did not take part are "" (not undefined), a zero-length
 * global match advances `lastIndex` by one, the match array has `index`, `input` and
 * `lastIndex`, and the constructor keeps the last match in `RegExp.$1`…`$9`, `input` ($_),
 * `lastMatch` ($&), `lastParen` ($+), `leftContext` ($`), `rightContext` ($'), `index` and
 * `lastIndex`.
 */
import { JsErr, raiseJs } from '../errors.js';
import { toInteger, toStr } from '../conversions.js';
import type { NativeFunction } from '../functions.js';
import type { Realm } from '../realm.js';
import { DONTDELETE, DONTENUM, JsObject, READONLY, type JsValue } from '../values.js';
import { arg, E, makeConstructor } from './helpers.js';

export class RegExpObject extends JsObject {
  /** Always global, so a search can start at any index; `global` says what the script asked for. */
  matcher: RegExp;

  constructor(
    proto: JsObject,
    public source: string,
    public reFlags: string,
  ) {
    super(proto, 'RegExp');
    this.matcher = compile(source, reFlags);
    this.init();
  }

  init(): void {
    this.define('source', this.source, READONLY | DONTENUM | DONTDELETE);
    this.define('global', this.reFlags.includes('g'), READONLY | DONTENUM | DONTDELETE);
    this.define('ignoreCase', this.reFlags.includes('i'), READONLY | DONTENUM | DONTDELETE);
    this.define('multiline', this.reFlags.includes('m'), READONLY | DONTENUM | DONTDELETE);
    this.define('lastIndex', 0, DONTENUM | DONTDELETE);
  }

  get global(): boolean {
    return this.reFlags.includes('g');
  }
}

function compile(source: string, flags: string): RegExp {
  if (!/^[gim]*$/.test(flags) || new Set(flags).size !== flags.length) raiseJs(JsErr.RegExpSyntax);
  try {
    return new RegExp(source, flags.replace('g', '') + 'g');
  } catch {
    return raiseJs(JsErr.RegExpSyntax);
  }
}

const regexpCtor = new WeakMap<Realm, NativeFunction>();

export function newRegExp(realm: Realm, source: string, flags: string): RegExpObject {
  return new RegExpObject(realm.regexpProto, source, flags);
}

export function newRegExpFromLiteral(realm: Realm, source: string, flags: string): RegExpObject {
  return newRegExp(realm, source, flags);
}

export interface MatchResult {
  index: number;
  end: number;
  /** [match, group1 …]; groups that did not participate are "". */
  groups: string[];
}

/** One match of `re` in `s` from `from`, updating the RegExp constructor's statics. */
export function matchAt(realm: Realm, re: RegExpObject, s: string, from: number): MatchResult | null {
  const m = re.matcher;
  m.lastIndex = from;
  const r = m.exec(s);
  if (r === null) return null;
  const groups = r.map((g) => g ?? '');
  const result = { index: r.index, end: r.index + r[0].length, groups };
  updateStatics(realm, s, result);
  return result;
}

function updateStatics(realm: Realm, input: string, m: MatchResult): void {
  // The statics live on the constructor: a match made before the script named RegExp creates it.
  if (!regexpCtor.has(realm)) realm.regexpFamily?.();
  const ctor = regexpCtor.get(realm);
  if (!ctor) return;
  const set = (name: string, v: JsValue): void => ctor.define(name, v, DONTENUM);
  for (let i = 1; i <= 9; i++) set(`$${i}`, m.groups[i] ?? '');
  set('input', input);
  set('$_', input);
  set('lastMatch', m.groups[0]);
  set('$&', m.groups[0]);
  const lastParen = m.groups.length > 1 ? m.groups[m.groups.length - 1] : '';
  set('lastParen', lastParen);
  set('$+', lastParen);
  set('leftContext', input.slice(0, m.index));
  set('$`', input.slice(0, m.index));
  set('rightContext', input.slice(m.end));
  set("$'", input.slice(m.end));
  set('index', m.index);
  set('lastIndex', m.end);
}

/** RegExp.prototype.exec (ES3 15.10.6.2) with jscript.dll's extras. */
export function regexpExec(realm: Realm, re: RegExpObject, s: string): JsValue {
  const global = re.global;
  let i = global ? toInteger(re.get('lastIndex')) : 0;
  if (i < 0 || i > s.length) {
    re.put('lastIndex', 0);
    return null;
  }
  const m = matchAt(realm, re, s, i);
  if (m === null) {
    re.put('lastIndex', 0);
    return null;
  }
  i = m.end === m.index ? m.end + 1 : m.end;
  if (global) re.put('lastIndex', i);
  const a = realm.newArray(m.groups);
  a.put('index', m.index);
  a.put('input', s);
  a.put('lastIndex', m.end === m.index ? m.end + 1 : m.end);
  return a;
}

export function thisRegExp(t: JsValue): RegExpObject {
  return t instanceof RegExpObject ? t : raiseJs(JsErr.RegExpExpected);
}

export function toRegExp(realm: Realm, v: JsValue): RegExpObject {
  if (v instanceof RegExpObject) return v;
  return newRegExp(realm, v === undefined ? '' : toStr(v), '');
}

export function installRegExp(realm: Realm): void {
  const create = (args: JsValue[], asCall: boolean): JsValue => {
    const p = arg(args, 0);
    const f = arg(args, 1);
    if (p instanceof RegExpObject) {
      if (f !== undefined) return raiseJs(JsErr.RegExpSyntax);
      return asCall ? p : newRegExp(realm, p.source, p.reFlags);
    }
    return newRegExp(realm, p === undefined ? '' : toStr(p), f === undefined ? '' : toStr(f));
  };
  const ctor = makeConstructor(realm, 'RegExp', 2, realm.regexpProto, (_t, args) => create(args, true), (args) => create(args, false));
  regexpCtor.set(realm, ctor);
  for (const name of ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9', 'input', '$_', 'lastMatch', '$&', 'lastParen', '$+', 'leftContext', '$`', 'rightContext', "$'"]) {
    ctor.define(name, '', DONTENUM);
  }
  ctor.define('index', -1, DONTENUM);
  ctor.define('lastIndex', -1, DONTENUM);
  realm.methods(realm.regexpProto, {
    exec: [1, (t, args) => regexpExec(realm, thisRegExp(t), toStr(args.length > 0 ? args[0] : ctor.get('input')))],
    test: [1, (t, args) => regexpExec(realm, thisRegExp(t), toStr(args.length > 0 ? args[0] : ctor.get('input'))) !== null],
    toString: E(0, (t) => {
      const re = thisRegExp(t);
      return `/${re.source}/${re.reFlags}`;
    }),
    compile: [2, (t, args) => {
      const re = thisRegExp(t);
      const p = arg(args, 0);
      const f = arg(args, 1);
      const source = p instanceof RegExpObject ? p.source : p === undefined ? '' : toStr(p);
      const flags = p instanceof RegExpObject ? p.reFlags : f === undefined ? '' : toStr(f);
      re.matcher = compile(source, flags);
      re.source = source;
      re.reFlags = flags;
      re.init();
      return undefined;
    }],
  });
}

