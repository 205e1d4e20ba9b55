// Runs every test file under test/ with Node's built-in runner.
// Node 20 neither discovers .ts files nor expands globs, and a run that finds
// nothing exits 0, so the files are listed here and the number of tests that
// ran is checked against the count recorded in test/test-count.json.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const countFile = path.join(root, 'test', 'test-count.json');
const args = process.argv.slice(2);
const update = args.includes('--update-count');
const filters = args.filter((a) => !a.startsWith('--'));

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'e2e' && name !== 'fixtures') out.push(...findTests(full));
    } else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const files = findTests(path.join(root, 'test')).filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
child.on('close', (code) => {
  const summary = (label) => {
    const m = new RegExp(`^\\S+ ${label} (\\d+)\\s*$`, 'm').exec(output);
    return m ? Number(m[1]) : NaN;
  };
  const tests = summary('tests');
  const failed = summary('fail');
  if (Number.isNaN(tests)) {
    console.error('run-tests: could not read the test summary');
    process.exit(1);
  }
  if (filters.length === 0) {
    const recorded = JSON.parse(readFileSync(countFile, 'utf8')).minimum;
    if (update && failed === 0) {
      writeFileSync(countFile, JSON.stringify({ minimum: tests }, null, 2) + '\n');
      console.log(`run-tests: recorded ${tests} tests`);
    } else if (tests < recorded) {
      console.error(`run-tests: only ${tests} tests ran, but ${recorded} are recorded in test/test-count.json`);
      process.exit(1);
    }
  }
  process.exit(code ?? 1);
});
