// Bundles every entry point into dist/ with esbuild. `--release`: minified, no source maps;
// `--outdir DIR`: somewhere else than dist/; `--metafile FILE`: esbuild's metafile of all the
// bundles (which modules each holds), as test/build/bundles.test.ts reads it.
// The simulator (with mailparser, iconv-lite, ajv) is bundled once, into dist/simulator.js; the
// other bundles — CLI, extension, debug adapter and both debug workers — load it at run time
// instead of carrying a copy each: one copy of every class (`instanceof` holds across them) and
// of every module-level state. The language server needs only the editor's slice (parser,
// analysis, API data): dist/editor.js, so it stays small in memory; it runs in its own process,
// never beside simulator.js. test/build/bundles.test.ts checks all this.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jscriptServiceBuild } from '../simulator/src/analysis/jscript/buildPlugin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const release = process.argv.includes('--release');
/** The value of `--name VALUE`, resolved as a path; undefined without the option. */
const pathOption = (name) => (process.argv.includes(name) ? path.resolve(process.argv[process.argv.indexOf(name) + 1]) : undefined);
const outdir = pathOption('--outdir') ?? path.join(root, 'dist');
const metafile = pathOption('--metafile');
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

/**
 * The engine's debug worker (dist/vbsDebugWorker.js, started by `DebugWorkerSession` from
 * simulator.js) sits below the public API and imports the engine's modules directly; its bundle
 * takes them from simulator.js, whose index.ts exports what the worker uses. So the worker
 * carries no second interpreter, and what a host's setup module makes with simulator.js
 * (`Integer(5)`, a `ComObject`) is the worker engine's own.
 */
const engineModules = new Map(
  [
    'runtime/engine/scriptEngine.ts',
    'runtime/debug/engineDebugger.ts',
    'runtime/jscript/engine.ts',
    'runtime/jscript/debug/jsDebugger.ts',
    'runtime/debug/protocol.ts',
    'runtime/debug/workerMessages.ts',
    'syntax/language.ts',
  ].map((m) => [
    path.join(root, 'simulator', 'src', m),
    './simulator.js',
  ]),
);

/**
 * Loads the modules in `modules` (source file -> bundle) from their bundle at run time instead
 * of bundling them: imports, and `require` calls (the debug adapter loads the simulator late).
 */
function shareModules(modules) {
  return {
    name: 'share-modules',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if ((args.kind !== 'import-statement' && args.kind !== 'require-call') || args.pluginData === 'inner') return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'inner' });
        const bundle = modules.get(resolved.path);
        return bundle ? { path: bundle, external: true } : undefined;
      });
    },
  };
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: release ? false : 'linked',
  minify: release,
  logLevel: 'warning',
  absWorkingDir: root,
  outdir,
  metafile: metafile !== undefined,
};

mkdirSync(outdir, { recursive: true });
const results = await Promise.all([
  esbuild.build({ ...common, entryPoints: { simulator: simulatorIndex } }),
  esbuild.build({ ...common, entryPoints: { editor: editorIndex } }),
  // The JScript language service (TypeScript), loaded by the language server on the first EventHandlers.js only.
  esbuild.build({ ...common, ...jscriptServiceBuild(root) }),
  // `DebugWorkerSession` runs scripts in a worker thread (so a looping script never blocks the host); it loads this file next to simulator.js.
  esbuild.build({ ...common, entryPoints: { vbsDebugWorker: 'simulator/src/runtime/debug/debugWorker.ts' }, plugins: [shareModules(engineModules)] }),
  ...consumers.map((e) =>
    esbuild.build({
      ...common,
      entryPoints: { [e.out]: e.in },
      external: e.external ?? [],
      banner: e.banner ? { js: e.banner } : undefined,
      plugins: [shareModules(shared)],
    }),
  ),
]);
if (metafile) {
  const merged = { inputs: {}, outputs: {} };
  for (const r of results) {
    Object.assign(merged.inputs, r.metafile.inputs);
    Object.assign(merged.outputs, r.metafile.outputs);
  }
  writeFileSync(metafile, JSON.stringify(merged, null, 1));
}
