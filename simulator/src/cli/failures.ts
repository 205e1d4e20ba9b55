/** Bad input and time limits end a command with one clear line, never a stack trace. */
import { ScenarioError, SimulationError } from '../index';

/** The one-line message for an expected failure, or undefined for a bug (which should surface). */
export function describeFailure(e: unknown): string | undefined {
  if (e instanceof ScenarioError || e instanceof SimulationError) return e.message;
  return undefined;
}
