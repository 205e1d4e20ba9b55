/**
 * Where a value sits in a JSON text, so a failed expectation links to the line of the scenario
 * that states it (`expect.outcome`, `expect.headers.X-Spam-Score`, …). A small scanner of
 * well-formed JSON; no vscode import, so the tests load it.
 */

export type JsonPath = readonly (string | number)[];

export interface JsonRange {
  /** Offset of the member's key (or of the element, in an array). */
  start: number;
  /** End of the value. */
  end: number;
}

export interface TextPosition {
  /** 0-based. */
  line: number;
  /** 0-based, in UTF-16 code units. */
  character: number;
}

const key = (path: JsonPath) => JSON.stringify(path);

/** Every member and element of a JSON text, by path; undefined when the text is not JSON. */
export function jsonRanges(text: string): Map<string, JsonRange> | undefined {
  const out = new Map<string, JsonRange>();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (): never => {
    throw new SyntaxError('not JSON');
  };
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const string = (): string => {
    if (text[i] !== '"') fail();
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: JsonPath): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        const keyStart = i;
        const name = string();
        ws();
        if (text[i++] !== ':') fail();
        const member = [...path, name];
        value(member);
        out.set(key(member), { start: keyStart, end: i });
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        ws();
        const start = i;
        const element = [...path, n];
        value(element);
        out.set(key(element), { start, end: i });
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') {
      string();
      return;
    }
    const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value([]);
    ws();
    if (i !== text.length) return undefined;
  } catch {
    return undefined;
  }
  return out;
}

/**
 * The range of `path`, or of its nearest ancestor the text has (so `expect.headers.X` falls back
 * to `expect.headers`, then `expect`); undefined when not even the first step is there.
 * Object keys match exactly first, then case-insensitively (header names).
 */
export function locateJsonPath(text: string, path: JsonPath): JsonRange | undefined {
  const ranges = jsonRanges(text);
  if (!ranges) return undefined;
  for (let n = path.length; n > 0; n--) {
    const exact = ranges.get(key(path.slice(0, n)));
    if (exact) return exact;
    const last = path[n - 1];
    if (typeof last === 'string') {
      const prefix = path.slice(0, n - 1);
      for (const [k, r] of ranges) {
        const p = JSON.parse(k) as JsonPath;
        if (p.length === n && typeof p[n - 1] === 'string' && (p[n - 1] as string).toLowerCase() === last.toLowerCase() && key(p.slice(0, n - 1)) === key(prefix)) return r;
      }
    }
  }
  return undefined;
}

/** Line and character of an offset. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: Math.min(offset, text.length) - lineStart };
}
