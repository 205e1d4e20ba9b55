/** What the extension reads from a `*.scenario.json` (no vscode import). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ScenarioInfo {
  file: string;
  /** `name`, or the file name without `.scenario.json`. */
  name: string;
  /** The handler file, absolute; undefined when the JSON has none or does not parse. */
  script?: string;
  hasExpect: boolean;
}

export function scenarioDisplayName(file: string): string {
  return path.basename(file).replace(/\.scenario\.json$/i, '');
}

export function parseScenarioInfo(file: string, text: string): ScenarioInfo {
  const info: ScenarioInfo = { file, name: scenarioDisplayName(file), hasExpect: false };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return info;
  }
  if (typeof json !== 'object' || json === null) return info;
  const o = json as Record<string, unknown>;
  if (typeof o.name === 'string' && o.name.trim()) info.name = o.name;
  if (typeof o.script === 'string') info.script = path.resolve(path.dirname(file), o.script);
  info.hasExpect = typeof o.expect === 'object' && o.expect !== null;
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
