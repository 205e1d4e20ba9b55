/**
 * The server's settings: the `hmailserver` configuration section, read from the client
 * (`workspace/configuration`, `didChangeConfiguration`) or from `initializationOptions.settings`
 * for clients that do not answer configuration requests.
 */
import { DEFAULT_SERVER_VERSION, parseServerVersion, type ServerVersion } from '../../simulator/src/editor';
import { parseRuleSeverity } from '../../simulator/src/editor';
import type { RuleSeverity } from '../../simulator/src/editor';

export interface ServerSettings {
  /** `hmailserver.version`: which server line completions and diagnostics target. */
  version: ServerVersion;
  /** `hmailserver.diagnostics.rules`: rule code → off | hint | information | warning | error. */
  rules: Record<string, RuleSeverity>;
  /** `hmailserver.includeFiles`: extra files whose declarations the script may use. */
  includeFiles: string[];
  /** `hmailserver.pathMappings`: Windows path prefix → local folder (shared with the simulator). */
  pathMappings: Record<string, string>;
  /** `hmailserver.format.keywordCasing`: `preserve`, or `pascal` to rewrite keywords as `End If`. */
  keywordCasing: 'preserve' | 'pascal';
  /** `hmailserver.inlayHints.resultValue`: show what `Result.Value = n` does. */
  resultValueHints: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  version: DEFAULT_SERVER_VERSION,
  rules: {},
  includeFiles: [],
  pathMappings: {},
  keywordCasing: 'preserve',
  resultValueHints: true,
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a value at a dotted path, accepting both nested objects and flat `"a.b"` keys. */
function at(section: Record<string, unknown>, path: string): unknown {
  if (path in section) return section[path];
  const [head, ...rest] = path.split('.');
  const next = section[head];
  return rest.length && isRecord(next) ? at(next, rest.join('.')) : rest.length ? undefined : next;
}

/** Settings from a raw `hmailserver` section; anything malformed falls back to the default. */
export function normalizeSettings(raw: unknown): ServerSettings {
  if (!isRecord(raw)) return { ...DEFAULT_SETTINGS };
  const version = typeof at(raw, 'version') === 'string' ? parseServerVersion(at(raw, 'version') as string) : undefined;
  const rules: Record<string, RuleSeverity> = {};
  const rawRules = at(raw, 'diagnostics.rules');
  if (isRecord(rawRules)) {
    for (const [code, value] of Object.entries(rawRules)) {
      const severity = parseRuleSeverity(value);
      if (severity) rules[code.toLowerCase()] = severity;
    }
  }
  const includes = at(raw, 'includeFiles');
  const mappings = at(raw, 'pathMappings');
  const casing = at(raw, 'format.keywordCasing');
  const hints = at(raw, 'inlayHints.resultValue');
  return {
    version: version ?? DEFAULT_SETTINGS.version,
    rules,
    includeFiles: Array.isArray(includes) ? includes.filter((x): x is string => typeof x === 'string') : [],
    pathMappings: isRecord(mappings)
      ? Object.fromEntries(Object.entries(mappings).filter((e): e is [string, string] => typeof e[1] === 'string'))
      : {},
    keywordCasing: casing === 'pascal' ? 'pascal' : 'preserve',
    resultValueHints: hints !== false,
  };
}
