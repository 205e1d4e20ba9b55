// Bundles every entry point into dist/ with esbuild.
// The simulator (and, later, mailparser) is bundled once, into dist/simulator.js;
// the other bundles load it at run time instead of carrying a copy each.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const release = process.argv.includes('--release');
const simulatorIndex = path.join(root, 'simulator', 'src', 'index.ts');

/** Entries that consume the simulator through its public API (simulator/src/index.ts). */
const consumers = [
  { in: 'simulator/src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'server/src/main.ts', out: 'server' },
  { in: 'simulator/src/debugger/adapterMain.ts', out: 'debugAdapter' },
  { in: 'simulator/src/debugger/pipelineWorker.ts', out: 'debugPipelineWorker' },
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
].filter((e) => existsSync(path.join(root, e.in)));

const shareSimulator = {
  name: 'share-simulator',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'import-statement' || args.pluginData === 'inner') return undefined;
      if (!args.path.startsWith('.')) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'inner' });
      if (resolved.path === simulatorIndex) return { path: './simulator.js', external: true };
      return undefined;
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: release ? false : 'linked',
  minify: release,
  logLevel: 'warning',
  absWorkingDir: root,
};

mkdirSync(path.join(root, 'dist'), { recursive: true });
await Promise.all([
  esbuild.build({ ...common, entryPoints: { simulator: simulatorIndex }, outdir: 'dist' }),
  // The debugger runs scripts in a worker thread (so a looping script never blocks the host); it loads this file next to simulator.js.
  esbuild.build({ ...common, entryPoints: { vbsDebugWorker: 'simulator/src/runtime/debug/debugWorker.ts' }, outdir: 'dist' }),
  ...consumers.map((e) =>
    esbuild.build({
      ...common,
      entryPoints: { [e.out]: e.in },
      outdir: 'dist',
      external: e.external ?? [],
      banner: e.banner ? { js: e.banner } : undefined,
      plugins: [shareSimulator],
    }),
  ),
]);
