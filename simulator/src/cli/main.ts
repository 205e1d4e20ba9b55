import { checkCommand } from './check';

const USAGE = `hmailsim — simulate hMailServer event handlers

Usage:
  hmailsim check <EventHandlers.vbs…>   outline and compile errors of each script

Exit codes: 0 fine, 1 problems found, 2 bad input.`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  const out = (line: string): void => {
    process.stdout.write(line + '\n');
  };
  switch (command) {
    case 'check':
      if (rest.length === 0) break;
      return checkCommand(rest, out);
    case '--help':
    case '-h':
    case 'help':
      out(USAGE);
      return 0;
  }
  process.stderr.write(USAGE + '\n');
  return 2;
}

process.exitCode = main(process.argv.slice(2));
