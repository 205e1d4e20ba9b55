/** Bad input and time limits end a command with one clear line, never a stack trace. */
import { ScenarioError, SimulationError } from '../index';

/** Bad command-line input that is not a scenario (a folder or file that does not exist). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** The one-line message for an expected failure, or undefined for a bug (which should surface). */
export function describeFailure(e: unknown): string | undefined {
  if (e instanceof ScenarioError || e instanceof SimulationError || e instanceof InputError) return e.message;
  return undefined;
}

/** `fs` errors on a path the user gave, as one line: `archive: no such file or directory`. */
export function inputErrorFor(target: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'ENOTDIR' ? 'not a folder' : code === 'EACCES' ? 'permission denied' : (code ?? String(e));
  return new InputError(`${target}: ${reason}`);
}
