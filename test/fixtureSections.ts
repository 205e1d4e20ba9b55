/**
 * The semantics fixtures of both engines (test/engine/fixtures/*.vbs, test/jscript/fixtures/*.js)
 * share one format, in the language's line comment `c`: `c##` starts a section (one test, its
 * title after the marker), `c>` lines are the expected output in order, `c! <number> <description>`
 * the expected uncaught error. This reads them and registers the tests.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface FixtureSection {
  title: string;
  /** 1-based line of the section's `##` marker. */
  line: number;
  code: string;
  output: string[];
  error: string | null;
}

export interface SectionOutcome {
  output: string[];
  error: string | null;
}

export function parseFixture(text: string, comment: string): FixtureSection[] {
  const title = `${comment}##`;
  const out = `${comment}>`;
  const err = `${comment}!`;
  const sections: FixtureSection[] = [];
  let current: FixtureSection | null = null;
  let codeLines: string[] = [];
  const finish = (): void => {
    if (current) {
      current.code = codeLines.join('\n');
      sections.push(current);
    }
  };
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.startsWith(title)) {
      finish();
      current = { title: line.slice(title.length).trim(), line: i + 1, code: '', output: [], error: null };
      // Keep line numbers of the section equal to the file's, so failures point at the fixture line.
      codeLines = new Array<string>(i + 1).fill('');
      return;
    }
    if (!current) return;
    const section: FixtureSection = current;
    if (line.startsWith(out)) section.output.push(line.slice(out.length).replace(/^ /, ''));
    else if (line.startsWith(err)) section.error = line.slice(err.length).trim();
    codeLines.push(line);
  });
  finish();
  return sections;
}

/**
 * One suite per fixture file in `dir` ending in `.${extension}` (line comment `comment`), one test
 * per section, each run twice: with procedures compiled up front and on first call (as the
 * simulator does) — the semantics must not change.
 */
export function fixtureTests(
  dir: string,
  extension: string,
  comment: string,
  suiteName: (file: string) => string,
  runSection: (section: FixtureSection, fileName: string, lazyProcedures: boolean) => SectionOutcome,
): void {
  const files = readdirSync(dir).filter((f) => f.endsWith(`.${extension}`)).sort();
  for (const file of files) {
    describe(suiteName(file), () => {
      for (const section of parseFixture(readFileSync(path.join(dir, file), 'utf8'), comment)) {
        test(`${section.title} (line ${section.line})`, () => {
          const expected = { output: section.output, error: section.error };
          assert.deepEqual(runSection(section, file, false), expected);
          assert.deepEqual(runSection(section, file, true), expected, 'with lazyProcedures');
        });
      }
    });
  }
}

/**
 * Runs `code` in `engine` and closes it (like cscript at the end of a script: globals are
 * released, pending terminators run); a script error the engine raises becomes `error`.
 */
export function runToEnd(
  engine: { addCode(code: string, fileName: string): unknown; close(): void },
  section: FixtureSection,
  fileName: string,
  scriptError: abstract new (...args: never[]) => { number: number; description: string },
): string | null {
  let error: string | null = null;
  try {
    engine.addCode(section.code, fileName);
  } catch (e) {
    if (!(e instanceof scriptError)) throw e;
    error = `${e.number} ${e.description}`;
  }
  engine.close();
  return error;
}
