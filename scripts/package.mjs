// npm run package: the .vsix, built from release bundles (minified, no source maps) with
// @vscode/vsce, non-interactively (repository, LICENSE and the PNG icon are in place, so vsce asks
// nothing). .vscodeignore is an allow-list: dist/*.js, the grammars, language configurations,
// snippets, icon, scenario schema, README, CHANGELOG, LICENSE.
//
//   node scripts/package.mjs [--out FILE]     default: hmailserver-scripting.vsix in the repository
//
// Everything happens in a staging copy of the sources (node_modules linked, not copied): the
// working tree's dist/ (a development build other tools and tests may be using) is never touched.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = path.resolve(outIndex >= 0 ? args[outIndex + 1] : path.join(root, 'hmailserver-scripting.vsix'));

/** What the release build and vsce read. */
const STAGED = [
  'package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'tsconfig.json',
  'scripts/build.mjs', 'simulator', 'server', 'client', 'syntaxes', 'snippets', 'images', 'docs',
];

function run(label, cmd, cmdArgs, cwd) {
  const r = spawnSync(cmd, cmdArgs, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CI: 'true' } });
  if (r.status !== 0) throw new Error(`${label} failed (${r.error?.message ?? `exit ${r.status}`})`);
}

const stage = mkdtempSync(path.join(os.tmpdir(), 'hmailserver-package-'));
try {
  for (const entry of STAGED) {
    const from = path.join(root, entry);
    if (!existsSync(from)) continue;
    mkdirSync(path.dirname(path.join(stage, entry)), { recursive: true });
    cpSync(from, path.join(stage, entry), { recursive: true, filter: (src) => path.basename(src) !== 'node_modules' });
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'junction');
  run('release build', process.execPath, [path.join(stage, 'scripts', 'build.mjs'), '--release'], stage);
  mkdirSync(path.dirname(out), { recursive: true });
  // The marketplace README is written for admins (the repository README is for developers); its
  // screenshots ship in the .vsix and stay relative, so the details page shows them offline too.
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  run('vsce package', process.execPath, [vsce, 'package', '--no-dependencies', '--readme-path', 'docs/marketplace/README.md', '--no-rewrite-relative-links', '--out', out], stage);
  const bundles = readdirSync(path.join(stage, 'dist')).filter((f) => f.endsWith('.js')).sort();
  for (const f of bundles) console.log(`package: dist/${f} ${(statSync(path.join(stage, 'dist', f)).size / 1024).toFixed(1)} KiB`);
  console.log(`package: ${path.relative(process.cwd(), out) || out} ${(statSync(out).size / 1024).toFixed(1)} KiB`);
} catch (e) {
  console.error(`package: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
