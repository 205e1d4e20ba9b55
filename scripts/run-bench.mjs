// Runs every bench/*.bench.ts, each bundled by esbuild first (as the product ships: running
// the TypeScript through a loader would slow the interpreter several times) and run in its
// own process, so one workload's JIT state and heap do not colour the next.
// Run from the repository root; benchmarks find their files relative to it.
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const outDir = path.join(root, 'bench', '.out');
mkdirSync(outDir, { recursive: true });
const benches = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of benches) {
  const outfile = path.join(outDir, file.replace(/\.ts$/, '.mjs'));
  buildSync({
    entryPoints: [path.join(root, 'bench', file)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // Bundled CommonJS dependencies still call require().
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  const result = spawnSync(process.execPath, [outfile], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed++;
  console.log('');
}
process.exit(failed > 0 ? 1 : 0);
