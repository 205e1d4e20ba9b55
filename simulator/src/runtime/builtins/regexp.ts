/**
 * VBScript's RegExp object (`New RegExp`, `CreateObject("VBScript.RegExp")`) and its
 * Matches / Match / SubMatches collections.
 *
 * VBScript's regular expressions are JScript's (ES3) dialect, which JavaScript's RegExp
 * without the `u` flag still accepts. What JavaScript added later — lookbehind, named
 * groups, `\k<name>` — is rejected with error 5017, as vbscript.dll would, instead of being
 * given a meaning VBScript never had. The pattern is compiled lazily, when Test, Execute or
 * Replace runs, which is also when Windows reports a bad pattern.
 */
import { raise, RuntimeError } from '../errors';
import { ComObject, MemberTable, type MemberDefinition } from '../objects/comObject';
import { deref, toBool, toStr } from '../values/coerce';
import { makeLong, type Value } from '../values/variant';
import { intArg } from './args';

/** JavaScript-only constructs VBScript's engine does not know. */
const UNSUPPORTED = /\(\?<[=!]|\(\?<[A-Za-z_]|\\k</;

function compileError(message: string): never {
  if (/nothing to repeat/i.test(message)) raise(RuntimeError.RegExpUnexpectedQuantifier);
  if (/unterminated character class/i.test(message)) raise(RuntimeError.RegExpExpectedBracket);
  if (/unterminated group/i.test(message)) raise(RuntimeError.RegExpExpectedParen);
  if (/range out of order/i.test(message)) raise(RuntimeError.RegExpInvalidRange);
  return raise(RuntimeError.RegExpSyntaxError);
}

/** Compiles a VBScript pattern into a JavaScript RegExp (always with `g`, to iterate with lastIndex). */
export function compilePattern(pattern: string, ignoreCase: boolean, multiline: boolean): RegExp {
  if (UNSUPPORTED.test(pattern)) raise(RuntimeError.RegExpSyntaxError);
  try {
    return new RegExp(pattern, `g${ignoreCase ? 'i' : ''}${multiline ? 'm' : ''}`);
  } catch (e) {
    return compileError(e instanceof Error ? e.message : String(e));
  }
}

// ---- SubMatches -------------------------------------------------------------------------

const subMatchesTable = new MemberTable<SubMatches>(
  {
    Count: { get: (s) => makeLong(s.groups.length) },
    Item: { get: (s, args) => s.item(args) },
  },
  { defaultMember: 'Item' },
);

export class SubMatches extends ComObject {
  constructor(readonly groups: Value[]) {
    super(subMatchesTable, 'ISubMatches');
  }

  item(args: Value[]): Value {
    if (args.length !== 1) raise(RuntimeError.WrongNumberOfArguments);
    const i = intArg(deref(args[0]));
    if (i < 0 || i >= this.groups.length) raise(RuntimeError.InvalidProcedureCall);
    return this.groups[i];
  }

  enumerate(): Iterable<Value> {
    return this.groups.slice();
  }
}

// ---- Match ------------------------------------------------------------------------------

const matchTable = new MemberTable<Match>(
  {
    Value: { get: (m) => m.value },
    FirstIndex: { get: (m) => makeLong(m.firstIndex) },
    Length: { get: (m) => makeLong(m.value.length) },
    // `m.SubMatches(0)`: arguments to this argument-less property index its value, as in COM.
    SubMatches: { get: (m, args) => (args.length === 0 ? m.subMatches : m.subMatches.item(args)) },
  },
  { defaultMember: 'Value' },
);

export class Match extends ComObject {
  readonly subMatches: SubMatches;

  constructor(
    readonly value: string,
    readonly firstIndex: number,
    groups: Value[],
  ) {
    super(matchTable, 'IMatch2');
    this.subMatches = new SubMatches(groups);
  }
}

// ---- Matches ----------------------------------------------------------------------------

const matchesTable = new MemberTable<MatchCollection>(
  {
    Count: { get: (m) => makeLong(m.matches.length) },
    Item: { get: (m, args) => m.item(args) },
  },
  { defaultMember: 'Item' },
);

export class MatchCollection extends ComObject {
  constructor(readonly matches: Match[]) {
    super(matchesTable, 'IMatchCollection2');
  }

  item(args: Value[]): Value {
    if (args.length !== 1) raise(RuntimeError.WrongNumberOfArguments);
    const i = intArg(deref(args[0]));
    if (i < 0 || i >= this.matches.length) raise(RuntimeError.InvalidProcedureCall);
    return this.matches[i];
  }

  enumerate(): Iterable<Value> {
    return this.matches.slice();
  }
}

// ---- RegExp -----------------------------------------------------------------------------

/**
 * A string parameter of a COM method: the argument goes through VariantChangeType without
 * VARIANT_ALPHABOOL, so a Boolean arrives as "-1"/"0" rather than "True"/"False", and Null
 * cannot be converted at all (Type mismatch, not VBScript's "Invalid use of Null").
 */
function comString(v: Value): string {
  const d = deref(v);
  if (typeof d === 'boolean') return d ? '-1' : '0';
  if (d === null) raise(RuntimeError.TypeMismatch);
  return toStr(d);
}

function stringProperty(get: (r: RegExpObject) => string, set: (r: RegExpObject, v: string) => void): MemberDefinition<RegExpObject> {
  return { get: (r) => get(r), set: (r, _args, v) => set(r, comString(v)) };
}

function boolProperty(get: (r: RegExpObject) => boolean, set: (r: RegExpObject, v: boolean) => void): MemberDefinition<RegExpObject> {
  return { get: (r) => get(r), set: (r, _args, v) => set(r, toBool(deref(v))) };
}

function oneStringArg(args: Value[]): string {
  if (args.length !== 1) raise(RuntimeError.WrongNumberOfArguments);
  return comString(args[0]);
}

const regExpTable = new MemberTable<RegExpObject>({
  Pattern: stringProperty(
    (r) => r.pattern,
    (r, v) => {
      r.pattern = v;
      r.invalidate();
    },
  ),
  IgnoreCase: boolProperty(
    (r) => r.ignoreCase,
    (r, v) => {
      r.ignoreCase = v;
      r.invalidate();
    },
  ),
  Multiline: boolProperty(
    (r) => r.multiline,
    (r, v) => {
      r.multiline = v;
      r.invalidate();
    },
  ),
  Global: boolProperty(
    (r) => r.global,
    (r, v) => {
      r.global = v;
    },
  ),
  Test: { call: (r, args) => r.test(oneStringArg(args)), pure: true },
  Execute: { call: (r, args) => r.execute(oneStringArg(args)), pure: true },
  Replace: {
    call: (r, args) => {
      if (args.length !== 2) raise(RuntimeError.WrongNumberOfArguments);
      return r.replace(comString(args[0]), comString(args[1]));
    },
    pure: true,
  },
});

export class RegExpObject extends ComObject {
  pattern = '';
  ignoreCase = false;
  global = false;
  multiline = false;
  /** The compiled pattern (with `g`, iterated through lastIndex) and its first-match-only twin for Replace. */
  private compiled: RegExp | undefined;
  private compiledOnce: RegExp | undefined;

  constructor() {
    super(regExpTable, 'IRegExp2');
  }

  invalidate(): void {
    this.compiled = undefined;
    this.compiledOnce = undefined;
  }

  private regex(): RegExp {
    if (!this.compiled) this.compiled = compilePattern(this.pattern, this.ignoreCase, this.multiline);
    this.compiled.lastIndex = 0;
    return this.compiled;
  }

  test(s: string): boolean {
    return this.regex().test(s);
  }

  execute(s: string): MatchCollection {
    const re = this.regex();
    const out: Match[] = [];
    for (;;) {
      const m = re.exec(s);
      if (!m) break;
      // Unmatched groups are Empty in SubMatches.
      out.push(new Match(m[0], m.index, m.slice(1).map((g) => (g === undefined ? undefined : g))));
      if (!this.global) break;
      if (m[0] === '') re.lastIndex++; // step over an empty match
    }
    return new MatchCollection(out);
  }

  /** `$1`…`$99`, `$&`, `` $` ``, `$'` and `$$` in the replacement mean what they mean in JScript. */
  replace(s: string, by: string): string {
    const re = this.regex();
    if (this.global) return s.replace(re, by);
    this.compiledOnce ??= new RegExp(re.source, re.flags.replace('g', ''));
    return s.replace(this.compiledOnce, by);
  }
}

export function createRegExp(): RegExpObject {
  return new RegExpObject();
}
