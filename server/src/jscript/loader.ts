/**
 * Loads dist/jscriptService.js (next to dist/server.js) the first time a JScript document needs it.
 *
 * TypeScript's language service makes a new type checker on every edit, and V8 lets the heap grow
 * to twice what survives before collecting (and keeps the pages): a 1,000-line EventHandlers.js
 * then held the server above 200 MB. A growing factor of 1.35 keeps it near 140 MB, for a few
 * milliseconds more per analysis (bench/jscript-server.bench.ts). VBScript-only sessions never get here.
 */
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { JScriptService } from '../../../simulator/src/analysis/jscript/service';
import type { JScriptHostData } from '../../../simulator/src/editor';

type Entry = { createJScriptService(host: JScriptHostData): JScriptService };

let entry: Entry | undefined;

export function loadJScriptService(host: JScriptHostData): JScriptService {
  if (!entry) {
    setFlagsFromString('--heap-growing-percent=35');
    // The young generation: --max-semi-space-size is read when V8 sets the heap up, so set at run
    // time it changes nothing (Node 20: new space still grows to 2 × 16 MB). The growth factor is
    // read on each growth: 1 keeps the semi-spaces at 1 MB. TypeScript's
    // structures live until the next edit anyway, so a larger nursery only held ~35 MB of garbage.
    setFlagsFromString('--semi-space-growth-factor=1');
    // A computed path: esbuild leaves the require alone, so the service stays in its own bundle.
    const file = path.join(__dirname, 'jscriptService.js');
    try {
      entry = require(file) as Entry;
    } catch (e) {
      throw new Error(`The JScript language service (${file}) could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return entry.createJScriptService(host);
}
