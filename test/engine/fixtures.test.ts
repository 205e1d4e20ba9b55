/**
 * Runs the VBScript semantics fixtures in test/engine/fixtures/*.vbs.
 *
 * Each `'##` section is one test, run in a fresh engine (twice: compiling procedures up front
 * and on first call) that has a host procedure `Echo`
 * (arguments converted with CStr and joined by a space; Null prints as `Null`, Empty as "").
 * `'>` lines are the expected output in order; `'! <number> <text>` the expected uncaught error.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScriptEngine, ScriptError } from '../../simulator/src/runtime/engine/scriptEngine.js';
import { VariantFunction } from '../../simulator/src/runtime/objects/hostBridge.js';
import { toStr } from '../../simulator/src/runtime/values/coerce.js';

interface Section {
  title: string;
  line: number;
  code: string;
  output: string[];
  error: string | null;
}

const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function parseFixture(text: string): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  let codeLines: string[] = [];
  const lines = text.split(/\r?\n/);
  const finish = () => {
    if (current) {
      current.code = codeLines.join('\n');
      sections.push(current);
    }
  };
  lines.forEach((line, i) => {
    if (line.startsWith("'##")) {
      finish();
      current = { title: line.slice(3).trim(), line: i + 1, code: '', output: [], error: null };
      // Keep line numbers of the section equal to the file's, so failures point at the fixture line.
      codeLines = new Array<string>(i + 1).fill('');
      return;
    }
    if (!current) return;
    const section: Section = current;
    if (line.startsWith("'>")) section.output.push(line.slice(2).replace(/^ /, ''));
    else if (line.startsWith("'!")) section.error = line.slice(2).trim();
    codeLines.push(line);
  });
  finish();
  return sections;
}

function runSection(section: Section, fileName: string, lazyProcedures: boolean): { output: string[]; error: string | null } {
  const output: string[] = [];
  const engine = new ScriptEngine({ lazyProcedures });
  engine.addObject(
    'Echo',
    new VariantFunction((args) => {
      output.push(args.map((a) => (a === null ? 'Null' : toStr(a))).join(' '));
      return undefined;
    }),
  );
  let error: string | null = null;
  try {
    engine.addCode(section.code, fileName);
  } catch (e) {
    if (!(e instanceof ScriptError)) throw e;
    error = `${e.number} ${e.description}`;
  }
  // Like cscript at the end of a script: globals are released, pending Class_Terminates run.
  engine.close();
  return { output, error };
}

const files = readdirSync(fixtureDir).filter((f) => f.endsWith('.vbs')).sort();
for (const file of files) {
  describe(file, () => {
    for (const section of parseFixture(readFileSync(path.join(fixtureDir, file), 'utf8'))) {
      test(`${section.title} (line ${section.line})`, () => {
        const expected = { output: section.output, error: section.error };
        assert.deepEqual(runSection(section, file, false), expected);
        // The simulator compiles procedures on first call: the semantics must not change.
        assert.deepEqual(runSection(section, file, true), expected, 'with lazyProcedures');
      });
    }
  });
}
