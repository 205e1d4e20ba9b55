/**
 * The simulator for the adapter's thread, loaded when first needed instead of at start-up.
 *
 * The adapter's thread speaks DAP and starts the pipeline worker; the simulator (the public
 * API, `dist/simulator.js` in the bundle) it needs only for a launch, breakpoint lines and
 * console completions. Loading it on first use lets the adapter answer `initialize` and start
 * the worker at once, so the worker loads the simulator (each thread has its own) while this
 * thread does. The worker's side imports it as usual: it needs it from its first line.
 */
import type * as Simulator from '../index';

let loaded: typeof Simulator | undefined;

export function simulator(): typeof Simulator {
  // A `require` call, not an import, is what defers the loading; scripts/build.mjs turns it
  // into a `require('./simulator.js')` as it does the imports of the public API.
  loaded ??= require('../index') as typeof Simulator;
  return loaded;
}
