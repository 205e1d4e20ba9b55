/**
 * JScript's conditional compilation (`/*@cc_on … @*\/`, `@if`/`@elif`/`@else`/`@end`, `@set`),
 * applied before parsing as jscript.dll's scanner does it. Until `@cc_on` is seen, `/*@ … @*\/`
 * is an ordinary comment; afterwards the comment markers vanish, the code between them is
 * compiled, and the branches of `@if` not taken are dropped. Removed text becomes spaces and
 * line breaks stay, so lines and columns the parser reports still point into the user's file
 * (only a variable whose value is longer than its name shifts the rest of its own line).
 */

/** What jscript.dll 5.8 on 32-bit Windows predefines (`@_jscript_build` is that of Windows 7). */
const PREDEFINED: Record<string, number | boolean> = {
  _jscript: true,
  _jscript_version: 5.8,
  _jscript_build: 16385,
  _microsoft: true,
  _win32: true,
  _x86: true,
};

export interface ConditionalCompilationError {
  code: number;
  message: string;
  start: number;
  end: number;
}

export interface Preprocessed {
  text: string;
  error?: ConditionalCompilationError;
}

class CcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

/** Blank text keeps line breaks, so positions after it do not move. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

export function applyConditionalCompilation(source: string): Preprocessed {
  // Nearly every script has none: don't scan them.
  if (!source.includes('@cc_on')) return { text: source };
  try {
    return { text: new Preprocessor(source).run() };
  } catch (e) {
    if (!(e instanceof CcError)) throw e;
    return { text: source, error: { code: e.code, message: e.message, start: e.start, end: e.end } };
  }
}

interface Branch {
  /** This branch's code is compiled. */
  active: boolean;
  /** Some branch of this `@if` was taken already. */
  taken: boolean;
  /** The enclosing code is compiled. */
  outer: boolean;
  start: number;
}

class Preprocessor {
  private readonly out: string[];
  private on = false;
  private readonly vars = new Map<string, number | boolean>(Object.entries(PREDEFINED));
  private readonly branches: Branch[] = [];
  private pos = 0;

  constructor(private readonly src: string) {
    this.out = src.split('');
  }

  private get active(): boolean {
    const top = this.branches[this.branches.length - 1];
    return top === undefined || top.active;
  }

  private erase(start: number, end: number): void {
    for (let i = start; i < end; i++) if (this.out[i] !== '\r' && this.out[i] !== '\n') this.out[i] = ' ';
  }

  run(): string {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos];
      const start = this.pos;
      if (c === '"' || c === "'") {
        this.skipString(c);
      } else if (c === '/' && s[this.pos + 1] === '*') {
        const end = s.indexOf('*/', this.pos + 2);
        const close = end < 0 ? s.length : end + 2;
        if (s[this.pos + 2] === '@' && (this.on || s.startsWith('@cc_on', this.pos + 2))) {
          // `/*@` opens compiled code; its `@*/` closes it. Both markers disappear.
          // `/*` goes; the `@` that follows starts a directive (`/*@if`) or is erased as a lone `@`.
          const inner = end < 0 ? s.length : s[end - 1] === '@' && end - 1 >= start + 3 ? end - 1 : end;
          this.erase(start, start + 2);
          this.erase(inner, close);
          this.on = true;
          this.scanCode(start + 2, inner);
          this.pos = close;
        } else {
          if (!this.active) this.erase(start, close);
          this.pos = close;
        }
      } else if (c === '/' && s[this.pos + 1] === '/') {
        let end = this.pos;
        while (end < s.length && s[end] !== '\n' && s[end] !== '\r') end++;
        if (s[this.pos + 2] === '@' && (this.on || s.startsWith('@cc_on', this.pos + 2))) {
          this.erase(start, start + 2);
          this.on = true;
          this.scanCode(start + 2, end);
        } else if (!this.active) {
          this.erase(start, end);
        }
        this.pos = end;
      } else if (c === '@' && this.on) {
        this.directive();
      } else {
        if (!this.active && c !== '\r' && c !== '\n') this.out[this.pos] = ' ';
        this.pos++;
      }
    }
    const open = this.branches[this.branches.length - 1];
    if (open) throw new CcError(1029, "Expected '@end'", open.start, open.start + 3);
    return this.out.join('');
  }

  /** Code inside `/*@ … @*\/`: directives and strings, as in plain code. */
  private scanCode(start: number, end: number): void {
    this.pos = start;
    while (this.pos < end) {
      const c = this.src[this.pos];
      if (c === '"' || c === "'") this.skipString(c, end);
      else if (c === '@') this.directive(end);
      else {
        if (!this.active && c !== '\r' && c !== '\n') this.out[this.pos] = ' ';
        this.pos++;
      }
    }
  }

  private skipString(quote: string, limit = this.src.length): void {
    const start = this.pos;
    this.pos++;
    while (this.pos < limit && this.src[this.pos] !== quote && this.src[this.pos] !== '\n') {
      if (this.src[this.pos] === '\\') this.pos++;
      this.pos++;
    }
    this.pos = Math.min(this.pos + 1, limit);
    if (!this.active) this.erase(start, this.pos);
  }

  private word(): string {
    const m = /^@?[A-Za-z_$][\w$]*/.exec(this.src.slice(this.pos, this.pos + 64));
    return m ? m[0] : '@';
  }

  private directive(limit = this.src.length): void {
    const start = this.pos;
    const word = this.word();
    const name = word.slice(1);
    if (name === '') {
      this.pos++;
      return this.erase(start, this.pos);
    }
    switch (name) {
      case 'cc_on':
        this.pos += word.length;
        this.erase(start, this.pos);
        return;
      case 'if':
      case 'elif': {
        this.pos += word.length;
        const value = this.parenthesised(limit);
        const truthy = toBoolean(value);
        if (name === 'if') {
          this.branches.push({ active: this.active && truthy, taken: truthy, outer: this.active, start });
        } else {
          const top = this.requireBranch(start, word);
          top.active = top.outer && !top.taken && truthy;
          top.taken ||= truthy;
        }
        this.erase(start, this.pos);
        return;
      }
      case 'else': {
        this.pos += word.length;
        const top = this.requireBranch(start, word);
        top.active = top.outer && !top.taken;
        top.taken = true;
        this.erase(start, this.pos);
        return;
      }
      case 'end':
        this.pos += word.length;
        this.requireBranch(start, word);
        this.branches.pop();
        this.erase(start, this.pos);
        return;
      case 'set': {
        this.pos += word.length;
        this.skipSpaces(limit);
        const variable = this.word();
        if (!variable.startsWith('@') || variable.length < 2) throw new CcError(1032, "Expected '@'", this.pos, this.pos + 1);
        this.pos += variable.length;
        this.skipSpaces(limit);
        if (this.src[this.pos] !== '=') throw new CcError(1011, "Expected '='", this.pos, this.pos + 1);
        this.pos++;
        const value = this.expression(limit);
        if (this.active) this.vars.set(variable.slice(1), value);
        this.erase(start, this.pos);
        return;
      }
      default: {
        // A conditional-compilation variable used as a value in compiled code.
        this.pos += Math.max(word.length, 1);
        if (!this.active) return this.erase(start, this.pos);
        const literal = literalOf(this.vars.get(name));
        const span = this.pos - start;
        if (literal.length <= span) {
          for (let i = 0; i < span; i++) this.out[start + i] = i < literal.length ? literal[i] : ' ';
        } else {
          // Longer than the name it replaces (rare): the surplus goes into the first character's slot.
          this.out[start] = literal.slice(0, literal.length - span + 1);
          for (let i = 1; i < span; i++) this.out[start + i] = literal[literal.length - span + i];
        }
      }
    }
  }

  private requireBranch(start: number, word: string): Branch {
    const top = this.branches[this.branches.length - 1];
    if (!top) throw new CcError(1002, 'Syntax error', start, start + word.length);
    return top;
  }

  private skipSpaces(limit: number): void {
    while (this.pos < limit && /\s/.test(this.src[this.pos])) this.pos++;
  }

  private parenthesised(limit: number): number | boolean {
    this.skipSpaces(limit);
    if (this.src[this.pos] !== '(') throw new CcError(1005, "Expected '('", this.pos, this.pos + 1);
    let depth = 0;
    const start = this.pos;
    for (; this.pos < limit; this.pos++) {
      if (this.src[this.pos] === '(') depth++;
      else if (this.src[this.pos] === ')' && --depth === 0) break;
    }
    if (depth !== 0) throw new CcError(1006, "Expected ')'", start, this.pos);
    this.pos++;
    return this.evaluate(this.src.slice(start + 1, this.pos - 1), start + 1);
  }

  /** The expression of `@set`: up to the end of the line or the comment. */
  private expression(limit: number): number | boolean {
    const start = this.pos;
    while (this.pos < limit && this.src[this.pos] !== '\n' && this.src[this.pos] !== '\r' && !this.src.startsWith('@*/', this.pos)) this.pos++;
    return this.evaluate(this.src.slice(start, this.pos), start);
  }

  /**
   * Conditional-compilation expressions hold numbers, `true`/`false`, `@variables` and
   * JScript operators. Variables become literals; the result is computed by a small
   * recursive-descent evaluator (never by the host's `eval`: scripts are untrusted).
   */
  private evaluate(text: string, offset: number): number | boolean {
    const tokens = text.match(/@[A-Za-z_$][\w$]*|\d+(?:\.\d*)?|\.\d+|true|false|[<>=!]=?=?|&&|\|\||[-+*/%()!~&|^]/g) ?? [];
    let i = 0;
    const fail = (): never => {
      throw new CcError(1031, 'Expected constant', offset, offset + text.length);
    };
    const peek = () => tokens[i];
    const primary = (): number | boolean => {
      const t = tokens[i++];
      if (t === undefined) return fail();
      if (t === '(') {
        const v = binary(0);
        if (tokens[i++] !== ')') fail();
        return v;
      }
      if (t === '!') return !toBoolean(primary());
      if (t === '-') return -toNumber(primary());
      if (t === '+') return toNumber(primary());
      if (t === '~') return ~toNumber(primary());
      if (t === 'true' || t === 'false') return t === 'true';
      if (t.startsWith('@')) return this.vars.get(t.slice(1)) ?? NaN;
      if (/^[\d.]/.test(t)) return Number(t);
      return fail();
    };
    const LEVELS: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!=', '===', '!=='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];
    const binary = (level: number): number | boolean => {
      if (level === LEVELS.length) return primary();
      let left = binary(level + 1);
      while (peek() !== undefined && LEVELS[level].includes(peek()!)) {
        const op = tokens[i++];
        const right = binary(level + 1);
        left = apply(op, left, right);
      }
      return left;
    };
    const value = binary(0);
    if (i !== tokens.length) fail();
    return value;
  }
}

function toNumber(v: number | boolean): number {
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

function toBoolean(v: number | boolean): boolean {
  return typeof v === 'boolean' ? v : v !== 0 && !Number.isNaN(v);
}

function apply(op: string, a: number | boolean, b: number | boolean): number | boolean {
  const x = toNumber(a);
  const y = toNumber(b);
  switch (op) {
    case '||': return toBoolean(a) || toBoolean(b);
    case '&&': return toBoolean(a) && toBoolean(b);
    case '|': return x | y;
    case '^': return x ^ y;
    case '&': return x & y;
    case '==': case '===': return x === y;
    case '!=': case '!==': return x !== y;
    case '<': return x < y;
    case '>': return x > y;
    case '<=': return x <= y;
    case '>=': return x >= y;
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/': return x / y;
    default: return x % y;
  }
}

function literalOf(v: number | boolean | undefined): string {
  if (v === undefined) return 'NaN';
  return String(v);
}
