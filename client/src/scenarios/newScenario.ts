/** A minimal `*.scenario.json` for a script and an `.eml` (no vscode import, so the tests load it). */
import path from 'node:path';

export interface NewScenario {
  /** Where the file goes: next to the script. */
  file: string;
  content: string;
}

/** Relative path with forward slashes, prefixed `./` when it stays in the folder (as the examples write it). */
export function relativeFrom(dir: string, target: string): string {
  const rel = path.relative(dir, target).split(path.sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/**
 * `exists` tells whether a candidate file name is taken; the first free one of
 * `<eml name>.scenario.json`, `<eml name>-2.scenario.json`, … is used.
 */
export function newScenario(scriptPath: string, emlPath: string, version: string | undefined, exists: (file: string) => boolean): NewScenario {
  const dir = path.dirname(scriptPath);
  const base = path.basename(emlPath).replace(/\.eml$/i, '').replace(/[^\w.-]+/g, '-') || 'message';
  let file = path.join(dir, `${base}.scenario.json`);
  for (let i = 2; exists(file); i++) file = path.join(dir, `${base}-${i}.scenario.json`);
  const scenario: Record<string, unknown> = {
    name: base,
    script: relativeFrom(dir, scriptPath),
  };
  if (version) scenario.hmailserver = version;
  scenario.session = { message: relativeFrom(dir, emlPath) };
  return { file, content: JSON.stringify(scenario, null, 2) + '\n' };
}
