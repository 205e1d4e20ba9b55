// The TextMate grammar (syntaxes/hmailserver-vbscript.tmLanguage.json):
// - scope assertions in test/grammar/cases/*.vbs, checked with vscode-tmgrammar-test;
// - full-token snapshots of test/grammar/snapshots/*.vbs, checked with vscode-tmgrammar-snap
//   (after an intended grammar change: node_modules/.bin/vscode-tmgrammar-snap -u
//    --config test/grammar/grammar-config.json 'test/grammar/snapshots/*.vbs', then review the diff);
// - the generated event / named-item lists match the API data exactly.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { events, globals } from '../../simulator/src/api';

const root = path.resolve(__dirname, '..', '..');
const grammarPath = path.join(root, 'syntaxes', 'hmailserver-vbscript.tmLanguage.json');
const config = path.join('test', 'grammar', 'grammar-config.json');

interface Rule {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  patterns?: Rule[];
  captures?: Record<string, Rule>;
  beginCaptures?: Record<string, Rule>;
  endCaptures?: Record<string, Rule>;
}
interface Grammar extends Rule {
  scopeName: string;
  repository: Record<string, Rule>;
}

const grammar = JSON.parse(readFileSync(grammarPath, 'utf8')) as Grammar;

/** Path of a CLI of vscode-tmgrammar-test, from its package.json `bin` (portable, unlike .bin/ shims). */
function toolBin(name: string): string {
  const pkgDir = path.join(root, 'node_modules', 'vscode-tmgrammar-test');
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  return path.join(pkgDir, pkg.bin[name]);
}

function runTool(name: string, pattern: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [toolBin(name), '--config', config, pattern], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

function vbsFiles(dir: string): string[] {
  return readdirSync(path.join(root, 'test', 'grammar', dir)).filter((f) => f.endsWith('.vbs'));
}

/** The words of a generated `(?i)(?<![\w.])(?:A|B|C)(?!\w)` alternation. */
function alternation(entry: string): string[] {
  const match = grammar.repository[entry]?.match ?? '';
  const m = /\(\?:([^()]*)\)/.exec(match);
  assert.ok(m, `repository.${entry}.match is not a word alternation: ${match}`);
  return m[1].split('|');
}

const sorted = (xs: readonly string[]) => [...xs].sort((a, b) => a.localeCompare(b, 'en'));

describe('TextMate grammar', () => {
  it('is a grammar for source.vbscript.hmailserver whose includes all resolve', () => {
    assert.equal(grammar.scopeName, 'source.vbscript.hmailserver');
    const missing: string[] = [];
    const visit = (rule: Rule | undefined) => {
      if (!rule) return;
      if (rule.include?.startsWith('#') && !(rule.include.slice(1) in grammar.repository)) missing.push(rule.include);
      for (const r of rule.patterns ?? []) visit(r);
      for (const caps of [rule.captures, rule.beginCaptures, rule.endCaptures]) for (const r of Object.values(caps ?? {})) visit(r);
    };
    visit(grammar);
    for (const r of Object.values(grammar.repository)) visit(r);
    assert.deepEqual(missing, []);
  });

  it('lists exactly the events of the API data', () => {
    assert.deepEqual(sorted(alternation('hmailserver-event-names')), sorted(events().map((e) => e.name)));
    assert.equal(alternation('hmailserver-event-names').length, 15);
  });

  it('lists exactly the named items of the API data (Result, EventLog, HMAILSERVER_*)', () => {
    const items = alternation('hmailserver-named-items');
    assert.deepEqual(sorted(items), sorted(globals().map((g) => g.name)));
    assert.ok(items.includes('Result') && items.includes('EventLog') && items.includes('HMAILSERVER_MESSAGE'));
  });

  it('is up to date with scripts/gen-grammar.mjs', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'gen-grammar.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  });

  it('passes the scope assertions in test/grammar/cases (vscode-tmgrammar-test)', () => {
    assert.ok(vbsFiles('cases').length >= 8);
    const r = runTool('vscode-tmgrammar-test', 'test/grammar/cases/*.vbs');
    assert.equal(r.status, 0, r.output);
    assert.doesNotMatch(r.output, /ERROR/);
  });

  it('matches the token snapshots in test/grammar/snapshots (vscode-tmgrammar-snap)', () => {
    const files = vbsFiles('snapshots');
    assert.ok(files.length > 0);
    // The tool silently creates a missing .snap and passes: require them to be committed.
    for (const f of files) assert.ok(existsSync(path.join(root, 'test', 'grammar', 'snapshots', `${f}.snap`)), `${f}.snap is missing`);
    const r = runTool('vscode-tmgrammar-snap', 'test/grammar/snapshots/*.vbs');
    assert.equal(r.status, 0, r.output);
    assert.doesNotMatch(r.output, /ERROR|Generating snapshot/);
  });
});
