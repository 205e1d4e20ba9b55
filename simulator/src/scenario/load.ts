/**
 * Reading `*.scenario.json` files: JSON with a clear error for every mistake (file, line and
 * JSON path), validated against the shipped JSON Schema, paths resolved against the scenario's
 * folder, and defaults applied so that `{ "script": …, "session": { "message": … } }` runs.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SERVER_VERSION, isServerVersion, type ServerVersion } from '../api';
import schema from './scenario.schema.json';
import type { Scenario, ScenarioEnvironment } from './types';

/** Bad input in a scenario: the message names the file and where in it. */
export class ScenarioError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'ScenarioError';
  }
}

/** A scenario ready to run: defaults applied, paths absolute. */
export interface ResolvedScenario {
  /** The scenario file, or a description for one made on the fly. */
  file: string;
  /** Folder that relative paths in the scenario are resolved against. */
  dir: string;
  name: string;
  scriptPath: string;
  messagePath?: string;
  version: ServerVersion;
  environment: Required<ScenarioEnvironment>;
  timeoutSeconds: number;
  scenario: Scenario;
}

/** What can override a scenario file (a launch configuration, the command line, settings), below the file itself. */
export interface ScenarioOverrides {
  script?: string;
  hmailserver?: ServerVersion;
  timeoutSeconds?: number;
}

export const DEFAULT_ENVIRONMENT: Required<ScenarioEnvironment> = {
  now: '2026-01-01T10:00:00',
  timeZone: 'UTC',
  locale: 1033,
  seed: 1,
};
export const DEFAULT_TIMEOUT_SECONDS = 30;

const ajv = new Ajv({ allErrors: false, strict: false });
const validate = ajv.compile<Scenario>(schema);

export function loadScenario(file: string, overrides: ScenarioOverrides = {}): ResolvedScenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ScenarioError(`${file}: cannot read the scenario (${(e as NodeJS.ErrnoException).code ?? String(e)})`, file);
  }
  return resolveScenario(parseScenarioJson(text, file), file, path.dirname(path.resolve(file)), overrides);
}

export function parseScenarioJson(text: string, file: string): Scenario {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ScenarioError(`${file}${jsonErrorLocation(text, (e as Error).message)}: invalid JSON: ${(e as Error).message}`, file);
  }
  if (!validate(data)) throw new ScenarioError(`${file}: ${describeSchemaError(validate.errors?.[0])}`, file);
  return data;
}

/**
 * Applies defaults and resolves paths. The scenario's own settings win over `overrides`
 * (a launch configuration or VS Code setting), which win over the built-in defaults; a
 * `script` override on the command line (`--script`) replaces the scenario's script.
 */
export function resolveScenario(scenario: Scenario, file: string, dir: string, overrides: ScenarioOverrides = {}, scriptOverrideWins = true): ResolvedScenario {
  const scriptRelative = scriptOverrideWins && overrides.script ? overrides.script : (scenario.script ?? overrides.script);
  if (!scriptRelative) throw new ScenarioError(`${file}: no script given`, file);
  const scriptPath = path.resolve(dir, scriptRelative);
  if (!existsSync(scriptPath)) throw new ScenarioError(`${file}: script not found: ${scriptPath}`, file);
  const messageRelative = scenario.session?.message;
  const messagePath = messageRelative === undefined ? undefined : path.resolve(dir, messageRelative);
  if (messagePath !== undefined && !existsSync(messagePath)) throw new ScenarioError(`${file}: message not found: ${messagePath}`, file);
  const version = scenario.hmailserver ?? overrides.hmailserver ?? DEFAULT_SERVER_VERSION;
  if (!isServerVersion(version)) throw new ScenarioError(`${file}: unknown hMailServer version ${String(version)}`, file);
  return {
    file,
    dir,
    name: scenario.name ?? path.basename(file).replace(/\.scenario\.json$|\.json$/i, ''),
    scriptPath,
    messagePath,
    version,
    environment: { ...DEFAULT_ENVIRONMENT, ...scenario.environment },
    timeoutSeconds: scenario.limits?.timeoutSeconds ?? overrides.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    scenario,
  };
}

function describeSchemaError(error: ErrorObject | undefined): string {
  if (!error) return 'invalid scenario';
  const where = error.instancePath || '(top level)';
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}: unknown property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
    case 'enum':
      return `${where} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'required':
      return `${where}: missing "${(error.params as { missingProperty: string }).missingProperty}"`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

/** Node's JSON errors give an offset ("at position 12"); editors want a line and column. */
function jsonErrorLocation(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  // "Unexpected end of JSON input" has no position: the end of the text is where it went wrong.
  if (!m && !/end of JSON input/.test(message)) return '';
  const offset = m ? Number(m[1]) : text.length;
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `:${before.length}:${before[before.length - 1].length + 1}`;
}
