/** What the extension reads from a `*.scenario.json` (no vscode import). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ScenarioInfo {
  file: string;
  /** `name`, or the file name without `.scenario.json`. */
  name: string;
  /** The handler file, absolute; undefined when the JSON has none or does not parse. */
  script?: string;
  /** The message the client sends (`session.message`), absolute; undefined when the JSON has none. */
  message?: string;
  hasExpect: boolean;
  /** `limits.timeoutSeconds`: the scenario's own per-handler time limit, which beats the setting. */
  timeoutSeconds?: number;
  /** `expect` as written, when it is an object. */
  expect?: Record<string, unknown>;
}

export function scenarioDisplayName(file: string): string {
  return path.basename(file).replace(/\.scenario\.json$/i, '');
}

export function parseScenarioInfo(file: string, text: string): ScenarioInfo {
  const info: ScenarioInfo = { file, name: scenarioDisplayName(file), hasExpect: false };
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return info;
  }
  if (typeof json !== 'object' || json === null) return info;
  const o = json as Record<string, unknown>;
  if (typeof o.name === 'string' && o.name.trim()) info.name = o.name;
  if (typeof o.script === 'string') info.script = path.resolve(path.dirname(file), o.script);
  const session = o.session;
  if (typeof session === 'object' && session !== null && typeof (session as Record<string, unknown>).message === 'string') {
    info.message = path.resolve(path.dirname(file), (session as Record<string, string>).message);
  }
  const limits = o.limits;
  if (typeof limits === 'object' && limits !== null) {
    const t = (limits as Record<string, unknown>).timeoutSeconds;
    if (typeof t === 'number' && t > 0) info.timeoutSeconds = t;
  }
  info.hasExpect = typeof o.expect === 'object' && o.expect !== null && !Array.isArray(o.expect);
  if (info.hasExpect) info.expect = o.expect as Record<string, unknown>;
  return info;
}

export function readScenarioInfo(file: string): ScenarioInfo {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // Unreadable: reported when it runs.
  }
  return parseScenarioInfo(file, text);
}

/** Whether two paths name the same file (case-insensitive on Windows). */
export function samePath(a: string, b: string): boolean {
  const n = (p: string) => (process.platform === 'win32' ? path.resolve(p).toLowerCase() : path.resolve(p));
  return n(a) === n(b);
}

/** The scenarios whose `script` is `script`, sorted by file. */
export function scenariosForScript(scenarios: readonly ScenarioInfo[], script: string): ScenarioInfo[] {
  return scenarios.filter((s) => s.script !== undefined && samePath(s.script, script)).sort((a, b) => a.file.localeCompare(b.file));
}
