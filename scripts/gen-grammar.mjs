// Fills the generated parts of syntaxes/hmailserver-vbscript.tmLanguage.json from the API data
// (simulator/src/api/hmailserver-com-api.json): the hMailServer event names and the named items
// (Result, EventLog, HMAILSERVER_*). The rest of the grammar is written by hand.
//
//   node scripts/gen-grammar.mjs          rewrite the two generated entries in place
//   node scripts/gen-grammar.mjs --check  exit 1 when the grammar is out of date (used by the tests)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const grammarPath = path.join(root, 'syntaxes', 'hmailserver-vbscript.tmLanguage.json');
const apiPath = path.join(root, 'simulator', 'src', 'api', 'hmailserver-com-api.json');

/** A case-insensitive whole-word alternation that does not fire after a '.' (member access). */
export function wordAlternation(words) {
  const sorted = [...new Set(words)].sort((a, b) => a.localeCompare(b, 'en'));
  for (const w of sorted) if (!/^[A-Za-z]\w*$/.test(w)) throw new Error(`not an identifier: ${w}`);
  return `(?i)(?<![\\w.])(?:${sorted.join('|')})(?!\\w)`;
}

/** The generated repository entries: name → expected `match`. */
export function generatedMatches(api = JSON.parse(readFileSync(apiPath, 'utf8'))) {
  return {
    'hmailserver-event-names': wordAlternation(api.events.map((e) => e.name)),
    'hmailserver-named-items': wordAlternation(api.globals.map((g) => g.name)),
  };
}

function replaceMatch(text, entry, match) {
  const re = new RegExp(`("${entry}"\\s*:\\s*\\{[^{}]*?"match"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`);
  if (!re.test(text)) throw new Error(`grammar has no repository entry "${entry}" with a "match"`);
  return text.replace(re, (_, head) => head + JSON.stringify(match));
}

function outOfDate(grammar, expected) {
  return Object.entries(expected).filter(([entry, match]) => grammar.repository?.[entry]?.match !== match).map(([e]) => e);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const expected = generatedMatches();
  const text = readFileSync(grammarPath, 'utf8');
  if (process.argv.includes('--check')) {
    const stale = outOfDate(JSON.parse(text), expected);
    if (stale.length > 0) {
      console.error(`gen-grammar: ${stale.join(', ')} out of date; run node scripts/gen-grammar.mjs`);
      process.exit(1);
    }
    console.log('gen-grammar: up to date');
  } else {
    let next = text;
    for (const [entry, match] of Object.entries(expected)) next = replaceMatch(next, entry, match);
    const stale = outOfDate(JSON.parse(next), expected);
    if (stale.length > 0) throw new Error(`gen-grammar: could not update ${stale.join(', ')}`);
    if (next !== text) writeFileSync(grammarPath, next);
    console.log(`gen-grammar: ${next === text ? 'already up to date' : 'updated'} ${path.relative(root, grammarPath)}`);
  }
}
