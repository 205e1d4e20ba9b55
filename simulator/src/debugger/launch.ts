/**
 * The `launch` request's attributes and the scenario they name. A scenario file's own
 * settings win over the launch configuration (which VS Code already filled from its settings);
 * without a scenario, `script` + `message` (+ client, envelope, version) make one on the fly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { ResolvedScenario, Scenario, ScenarioClient, ScenarioOverrides, ServerVersion } from '../index';
import { outputFolder } from '../cli/output';
import { simulator } from './simulator';

export interface LaunchArguments extends DebugProtocol.LaunchRequestArguments {
  /** A `*.scenario.json` file. */
  scenario?: string;
  /** The event script, for a scenario made on the fly (or when the scenario names none). */
  script?: string;
  /** The `.eml` the client sends (on-the-fly scenario). */
  message?: string;
  /** The connecting client: an IP address, or `{ ip, port, helo }`. */
  client?: string | ScenarioClient;
  mailFrom?: string;
  rcptTo?: string | string[];
  /** hMailServer version: 5.6, 5.6-rvdh or 5.7. */
  hmailserver?: string;
  /** Time limit per handler in seconds (a scenario's own limit wins). */
  timeoutSeconds?: number;
  /** Stop at the first statement that runs. */
  stopOnEntry?: boolean;
  /** Event names whose handler start stops the script. */
  stopOnEvent?: string[];
  /** Where the run's files go (default: a fresh folder under the system temp folder). */
  output?: string;
  /** Folder relative paths are resolved against (default: the adapter's working folder). */
  cwd?: string;
}

export interface Launch {
  scenario: ResolvedScenario;
  outputDir: string;
  stopOnEntry: boolean;
  stopOnEvent: string[];
}

/** Bad launch attributes: shown to the user as the launch error. */
export class LaunchError extends Error {}

export function resolveLaunch(args: LaunchArguments): Launch {
  const { isServerVersion, ScenarioError } = simulator();
  const cwd = path.resolve(args.cwd ?? process.cwd());
  if (args.hmailserver !== undefined && !isServerVersion(args.hmailserver)) {
    throw new LaunchError(`"hmailserver" must be 5.6, 5.6-rvdh or 5.7, not ${JSON.stringify(args.hmailserver)}`);
  }
  const overrides: ScenarioOverrides = { hmailserver: args.hmailserver as ServerVersion | undefined, timeoutSeconds: args.timeoutSeconds };
  let scenario: ResolvedScenario;
  try {
    scenario = args.scenario ? fromFile(path.resolve(cwd, args.scenario), args, overrides) : onTheFly(args, cwd, overrides);
  } catch (e) {
    if (e instanceof ScenarioError) throw new LaunchError(e.message);
    throw e;
  }
  return {
    scenario,
    outputDir: outputFolder(scenario.name, args.output ? path.resolve(cwd, args.output) : undefined),
    stopOnEntry: args.stopOnEntry === true,
    stopOnEvent: args.stopOnEvent ?? [],
  };
}

function fromFile(file: string, args: LaunchArguments, overrides: ScenarioOverrides): ResolvedScenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new LaunchError(`${file}: cannot read the scenario (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  // The scenario's own script wins; the launch configuration's fills in when it names none.
  return simulator().resolveScenario(parsed(text, file), file, path.dirname(file), { ...overrides, script: args.script }, false);
}

/** The last scenario file parsed and validated: a restart re-reads the file but skips both while its text is unchanged. */
let lastParsed: { file: string; text: string; scenario: Scenario } | null = null;

function parsed(text: string, file: string): Scenario {
  if (lastParsed !== null && lastParsed.file === file && lastParsed.text === text) return lastParsed.scenario;
  const scenario = simulator().parseScenarioJson(text, file);
  lastParsed = { file, text, scenario };
  return scenario;
}

function onTheFly(args: LaunchArguments, cwd: string, overrides: ScenarioOverrides): ResolvedScenario {
  if (!args.script || !args.message) throw new LaunchError('Give "scenario", or "script" and "message" (an .eml file)');
  const client: ScenarioClient | undefined = typeof args.client === 'string' ? { ip: args.client } : args.client;
  const scenario: Scenario = {
    name: path.basename(args.message).replace(/\.eml$/i, ''),
    script: args.script,
    session: {
      message: args.message,
      ...(client ? { client } : {}),
      ...(args.mailFrom !== undefined ? { mailFrom: args.mailFrom } : {}),
      ...(args.rcptTo !== undefined ? { rcptTo: typeof args.rcptTo === 'string' ? [args.rcptTo] : args.rcptTo } : {}),
    },
  };
  return simulator().resolveScenario(scenario, 'launch configuration', cwd, overrides);
}
