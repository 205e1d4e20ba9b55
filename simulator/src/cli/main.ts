import { parseArgs } from 'node:util';
import { checkCommand } from './check';
import { describeFailure } from './failures';
import { replayCommand } from './replay';
import { runCommand } from './run';
import { testCommand } from './test';

const USAGE = `hmailsim — run hMailServer event handlers against scenarios, as the server would

Usage:
  hmailsim run <scenario.json> [--script F] [--json] [--out DIR] [--timeout S]
  hmailsim test <files or folders…> [--reporter junit] [--junit-file F]
  hmailsim replay <scenario.json> <folder of .eml>
  hmailsim check <EventHandlers.vbs…>

Exit codes: 0 ran (script errors are reported, not fatal); 1 expectations failed or compile errors;
2 bad input or time limit.`;

const write = (text: string): void => {
  process.stdout.write(text);
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      script: { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string' },
      timeout: { type: 'string' },
      reporter: { type: 'string' },
      'junit-file': { type: 'string' },
    },
  });
  switch (command) {
    case 'run': {
      if (positionals.length !== 1) break;
      const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
      if (timeout !== undefined && !(timeout > 0)) throw new UsageError(`--timeout takes a number of seconds, not "${values.timeout}"`);
      return runCommand(positionals[0], { script: values.script, json: values.json, out: values.out, timeout }, write);
    }
    case 'test':
      if (positionals.length === 0) break;
      if (values.reporter !== undefined && values.reporter !== 'junit') throw new UsageError(`unknown reporter "${values.reporter}" (only junit)`);
      return testCommand(positionals, { reporter: values.reporter as 'junit' | undefined, junitFile: values['junit-file'] }, write);
    case 'replay':
      if (positionals.length !== 2) break;
      return replayCommand(positionals[0], positionals[1], write);
    case 'check':
      if (positionals.length === 0) break;
      return checkCommand(positionals, (line) => write(line + '\n'));
    case '--help':
    case '-h':
    case 'help':
      write(USAGE + '\n');
      return 0;
  }
  process.stderr.write(USAGE + '\n');
  return 2;
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const message = e instanceof UsageError || (e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) ? e.message : describeFailure(e);
    if (message === undefined) {
      process.stderr.write(`hmailsim: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 3;
      return;
    }
    process.stderr.write(`hmailsim: ${message}\n`);
    process.exitCode = 2;
  },
);
