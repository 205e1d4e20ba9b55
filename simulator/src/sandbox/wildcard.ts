/**
 * The `*` patterns of `mocks.http`, `mocks.exec` and `mocks.sql`: `*` matches any run of
 * characters (also none), everything else is literal, and the whole text must match.
 * Matching ignores case and collapses runs of white space, because admins copy command
 * lines and SQL from scripts where spacing and keyword case are incidental.
 */

const cache = new Map<string, RegExp>();

function compile(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    const body = normalizeSpace(pattern)
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*');
    re = new RegExp(`^${body}$`, 'i');
    cache.set(pattern, re);
  }
  return re;
}

/** Trims and turns every run of white space (line breaks included) into one space. */
export function normalizeSpace(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

export function wildcardMatch(pattern: string, text: string): boolean {
  return compile(pattern).test(normalizeSpace(text));
}

/** The first rule whose pattern matches (first match wins, as the scenario format says). */
export function firstMatch<T>(rules: readonly T[] | undefined, text: string, patternOf: (rule: T) => string | undefined, also?: (rule: T) => boolean): T | undefined {
  if (!rules) return undefined;
  for (const rule of rules) {
    const pattern = patternOf(rule);
    if (pattern !== undefined && wildcardMatch(pattern, text) && (!also || also(rule))) return rule;
  }
  return undefined;
}
