/**
 * Runs the JScript semantics fixtures in test/jscript/fixtures/*.js.
 *
 * Each `//##` section is one test, run in a fresh engine with `Echo(...)` (JScript ToString
 * of each argument, joined by a space) and the test ProgID `Test.Headers`. `//>` lines are
 * the expected output in order; `//! <number> <description>` the expected uncaught error.
 * Sections marked `(wine)` in their title had their output checked against Wine's jscript.dll.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScriptError } from '../../../simulator/src/runtime/jscript/engine.js';
import { engineWithEcho } from './helpers.js';
import { fixtureTests, runToEnd, type FixtureSection, type SectionOutcome } from '../../fixtureSections.js';

const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

function runSection(section: FixtureSection, fileName: string, lazyProcedures: boolean): SectionOutcome {
  const { engine, output } = engineWithEcho({ lazyProcedures });
  const error = runToEnd(engine, section, fileName, ScriptError);
  return { output, error };
}

fixtureTests(fixtureDir, 'js', '//', (file) => `jscript ${file}`, runSection);
