/** `hmailsim run <scenario>`: one scenario, a readable report (or `--json`), files in the output folder. */
import { formatReport, loadScenario, runScenario, type ScenarioOverrides } from '../index';
import { outputFolder } from './output';

export interface RunFlags {
  script?: string;
  json?: boolean;
  out?: string;
  timeout?: number;
}

export async function runCommand(file: string, flags: RunFlags, out: (text: string) => void): Promise<number> {
  const overrides: ScenarioOverrides = { script: flags.script, timeoutSeconds: flags.timeout };
  const loaded = loadScenario(file, overrides);
  // Like --script, --timeout on the command line replaces the scenario's own limit.
  const scenario = flags.timeout === undefined ? loaded : { ...loaded, timeoutSeconds: flags.timeout };
  const outputDir = outputFolder(scenario.name, flags.out);
  const report = await runScenario(scenario, { outputDir });
  out(flags.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, outputDir));
  return 0;
}
