/**
 * Runs the JScript semantics fixtures in test/jscript/fixtures/*.js.
 *
 * Each `//##` section is one test, run in a fresh engine with `Echo(...)` (JScript ToString
 * of each argument, joined by a space) and the test ProgID `Test.Headers`. `//>` lines are
 * the expected output in order; `//! <number> <description>` the expected uncaught error.
 * Sections marked `(wine)` in their title had their output checked against Wine's jscript.dll.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScriptError } from '../../../simulator/src/runtime/jscript/engine.js';
import { engineWithEcho } from './helpers.js';

interface Section {
  title: string;
  line: number;
  code: string;
  output: string[];
  error: string | null;
}

const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function parseFixture(text: string): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  let codeLines: string[] = [];
  const finish = (): void => {
    if (current) {
      current.code = codeLines.join('\n');
      sections.push(current);
    }
  };
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.startsWith('//##')) {
      finish();
      current = { title: line.slice(4).trim(), line: i + 1, code: '', output: [], error: null };
      codeLines = new Array<string>(i + 1).fill('');
      return;
    }
    if (!current) return;
    const section: Section = current;
    if (line.startsWith('//>')) section.output.push(line.slice(3).replace(/^ /, ''));
    else if (line.startsWith('//!')) section.error = line.slice(3).trim();
    codeLines.push(line);
  });
  finish();
  return sections;
}

function runSection(section: Section, fileName: string, lazyProcedures: boolean): { output: string[]; error: string | null } {
  const { engine, output } = engineWithEcho({ lazyProcedures });
  let error: string | null = null;
  try {
    engine.addCode(section.code, fileName);
  } catch (e) {
    if (!(e instanceof ScriptError)) throw e;
    error = `${e.number} ${e.description}`;
  }
  engine.close();
  return { output, error };
}

const files = readdirSync(fixtureDir).filter((f) => f.endsWith('.js')).sort();
for (const file of files) {
  describe(`jscript ${file}`, () => {
    for (const section of parseFixture(readFileSync(path.join(fixtureDir, file), 'utf8'))) {
      test(`${section.title} (line ${section.line})`, () => {
        const expected = { output: section.output, error: section.error };
        assert.deepEqual(runSection(section, file, false), expected);
        assert.deepEqual(runSection(section, file, true), expected, 'with lazyProcedures');
      });
    }
  });
}
