// Bundles every entry point into dist/ with esbuild.
// The simulator (with mailparser) is bundled once, into dist/simulator.js; the other bundles
// load it at run time instead of carrying a copy each. The language server needs only the
// editor's slice (parser, analysis, API data): dist/editor.js, so it stays small in memory.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const release = process.argv.includes('--release');
const simulatorIndex = path.join(root, 'simulator', 'src', 'index.ts');
const editorIndex = path.join(root, 'simulator', 'src', 'editor.ts');
/** Public entries other bundles load at run time instead of bundling. */
const shared = new Map([
  [simulatorIndex, './simulator.js'],
  [editorIndex, './editor.js'],
]);

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
      const bundle = shared.get(resolved.path);
      if (bundle) return { path: bundle, external: true };
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
  esbuild.build({ ...common, entryPoints: { editor: editorIndex }, outdir: 'dist' }),
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
