/**
 * Runs the VBScript semantics fixtures in test/engine/fixtures/*.vbs.
 *
 * Each `'##` section is one test, run in a fresh engine (twice: compiling procedures up front
 * and on first call) that has a host procedure `Echo`
 * (arguments converted with CStr and joined by a space; Null prints as `Null`, Empty as "").
 * `'>` lines are the expected output in order; `'! <number> <text>` the expected uncaught error.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScriptEngine, ScriptError } from '../../simulator/src/runtime/engine/scriptEngine.js';
import { VariantFunction } from '../../simulator/src/runtime/objects/hostBridge.js';
import { toStr } from '../../simulator/src/runtime/values/coerce.js';
import { fixtureTests, runToEnd, type FixtureSection, type SectionOutcome } from '../fixtureSections.js';

const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

function runSection(section: FixtureSection, fileName: string, lazyProcedures: boolean): SectionOutcome {
  const output: string[] = [];
  const engine = new ScriptEngine({ lazyProcedures });
  engine.addObject(
    'Echo',
    new VariantFunction((args) => {
      output.push(args.map((a) => (a === null ? 'Null' : toStr(a))).join(' '));
      return undefined;
    }),
  );
  const error = runToEnd(engine, section, fileName, ScriptError);
  return { output, error };
}

fixtureTests(fixtureDir, 'vbs', "'", (file) => file, runSection);
