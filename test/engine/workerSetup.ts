/** Host objects for scripts run in a debug worker by the tests: `Echo` sends output to the host. */
import type { ScriptEngine } from '../../simulator/src/runtime/engine/scriptEngine.js';
import type { JScriptEngine } from '../../simulator/src/runtime/jscript/engine.js';

export function setup(engine: ScriptEngine | JScriptEngine, output: (text: string) => void): void {
  engine.addObject('Echo', (...args: unknown[]) => output(args.join(' ')));
}
