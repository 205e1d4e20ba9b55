/**
 * What the Testing view shows for a `*.scenario.json`: one test per scenario with `expect`,
 * placed on the `"expect"` line (so the gutter offers Run there). No vscode import.
 */
import { positionAt, locateJsonPath, type TextPosition } from '../scenarios/jsonLocation';
import { parseScenarioInfo } from '../scenarios/scenarioFile';

export interface ScenarioTestSpec {
  /** The test item's id: the scenario's path. */
  id: string;
  file: string;
  /** The scenario's `name` (or its file name). */
  label: string;
  /** Where it is, relative to the workspace. */
  description: string;
  /** The `"expect"` member, when the text is JSON. */
  range?: { start: TextPosition; end: TextPosition };
}

export function isScenarioFile(file: string): boolean {
  return /\.scenario\.json$/i.test(file);
}

/** The test for a scenario file, or undefined when it has no `expect` (or is no scenario). */
export function scenarioTestSpec(file: string, text: string, relativePath: string): ScenarioTestSpec | undefined {
  if (!isScenarioFile(file)) return undefined;
  const info = parseScenarioInfo(file, text);
  if (!info.hasExpect) return undefined;
  const at = locateJsonPath(text, ['expect']);
  return {
    id: file,
    file,
    label: info.name,
    description: relativePath,
    range: at ? { start: positionAt(text, at.start), end: positionAt(text, at.end) } : undefined,
  };
}
