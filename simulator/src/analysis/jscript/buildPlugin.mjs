// Build hook of the JScript language service (scripts/build.mjs imports it; it lives here, next
// to what it runs, and so is staged by scripts/package.mjs with the sources).
// The ES3 library of the service is generated at build time: TypeScript's lib.es5.d.ts without
// what jscript.dll lacks (es5Builtins.ts), by es3Lib.ts. dist/jscriptService.js imports it as the
// module `hmailserver:es3-lib` (a string); the esbuild plugin below provides it.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export function es3LibPlugin(root) {
  const require = createRequire(path.join(root, 'package.json'));
  return {
    name: 'es3-lib',
    setup(build) {
      build.onResolve({ filter: /^hmailserver:es3-lib$/ }, (args) => ({ path: args.path, namespace: 'es3-lib' }));
      build.onLoad({ filter: /.*/, namespace: 'es3-lib' }, async () => {
        const generator = await esbuild.build({
          entryPoints: [path.join(root, 'simulator', 'src', 'analysis', 'jscript', 'es3Lib.ts')],
          bundle: true,
          write: false,
          platform: 'node',
          format: 'cjs',
          external: ['typescript'],
          logLevel: 'warning',
        });
        const module = { exports: {} };
        new Function('module', 'exports', 'require', generator.outputFiles[0].text)(module, module.exports, require);
        const es5 = readFileSync(require.resolve('typescript/lib/lib.es5.d.ts'), 'utf8');
        const { text, missing } = module.exports.generateEs3Lib(require('typescript'), es5);
        if (missing.length) throw new Error(`es3-lib: not found in TypeScript's lib.es5.d.ts: ${missing.join(', ')}`);
        return { contents: text, loader: 'text' };
      });
    },
  };
}

/**
 * The esbuild options of dist/jscriptService.js (the JScript language service, loaded by the
 * language server on the first JScript document): TypeScript, the ES3 library and the service.
 * The few simulator modules the server's dist/editor.js already holds are taken from it at run
 * time rather than copied.
 */
export function jscriptServiceBuild(root) {
  const fromEditor = new Map(
    ['simulator/src/editor.ts', 'simulator/src/analysis/jscript/es5Builtins.ts', 'simulator/src/syntax/lineIndex.ts', 'simulator/src/syntax/jscript/keywords.ts'].map((m) => [path.join(root, m), './editor.js']),
  );
  const shareEditor = {
    name: 'share-editor',
    setup(build) {
      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.kind !== 'import-statement' || args.pluginData === 'inner') return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'inner' });
        const bundle = fromEditor.get(resolved.path);
        return bundle ? { path: bundle, external: true } : undefined;
      });
    },
  };
  return { entryPoints: { jscriptService: 'server/src/jscript/serviceEntry.ts' }, plugins: [shareEditor, es3LibPlugin(root)] };
}
