// The release bundles hold the simulator once: dist/simulator.js carries the VBScript engine,
// the pipeline and their npm dependencies (mailparser, iconv-lite, ajv, …), and every other
// bundle that needs them — CLI, debug adapter, its pipeline worker, the engine's debug worker —
// loads it at run time. A second copy would not only weigh megabytes: its classes would be
// other classes (`instanceof` fails across copies) and its module state other state. The
// exception is the language server's side — dist/editor.js (parser, analysis, API data, built-in
// catalog) and the bundles that load it — which runs in its own process, never beside
// simulator.js. Within one process, no module is there twice.
// Builds the release bundles once (node scripts/build.mjs --release) into a temporary folder and
// reads esbuild's metafile (which modules each bundle holds) and the shipped code.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

const root = path.resolve(__dirname, '..', '..');

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }>; imports: Array<{ path: string; external?: boolean }> }>;
}

/** Strings only one part of the simulator has, as they appear in the shipped (minified) code. */
const MARKERS = {
  mailparser: 'Failed to parse HTML',
  'iconv-lite': 'Encoding not recognized',
  ajv: 'strict mode: ',
  'the VBScript engine': "Sub or Function not defined: '",
  'the VBScript front end': 'Cannot use parentheses when calling a Sub',
};

/**
 * Modules the debug adapter's thread bundles although simulator.js has them too: the request
 * channel it starts the pipeline worker with before it loads the simulator (a few lines, no state).
 */
const REQUEST_CHANNEL = /^simulator\/src\/runtime\/debug\/(workerRequests|workerMessages)\.ts$/;

describe('the release bundles', () => {
  let dir: string;
  /** Bundle name (`simulator`) -> its modules (paths relative to the repository) and what it loads at run time. */
  let bundles: Map<string, { inputs: Set<string>; loads: Set<string> }>;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hmailserver-bundles-test-'));
    const metafile = path.join(dir, 'meta.json');
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--release', '--outdir', dir, '--metafile', metafile], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, `the release build failed:\n${r.stdout}\n${r.stderr}`);
    const meta = JSON.parse(readFileSync(metafile, 'utf8')) as Metafile;
    bundles = new Map(
      Object.entries(meta.outputs)
        .filter(([out]) => out.endsWith('.js'))
        .map(([out, o]) => [
          path.basename(out, '.js'),
          { inputs: new Set(Object.keys(o.inputs)), loads: new Set(o.imports.filter((i) => i.external && i.path.startsWith('./')).map((i) => i.path)) },
        ]),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const code = (bundle: string) => readFileSync(path.join(dir, `${bundle}.js`), 'utf8');

  it('reports the size of each bundle', (t) => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
    for (const f of files) t.diagnostic(`dist/${f}: ${(statSync(path.join(dir, f)).size / 1024).toFixed(1)} KiB`);
    for (const bundle of ['simulator', 'editor', 'cli', 'server', 'extension', 'debugAdapter', 'debugPipelineWorker', 'vbsDebugWorker']) {
      assert.ok(files.includes(`${bundle}.js`), `dist/${bundle}.js is missing`);
    }
  });

  it('holds each module of the simulator and each of its npm packages in simulator.js only', () => {
    const simulator = bundles.get('simulator')!.inputs;
    for (const pkg of ['mailparser', 'iconv-lite', 'ajv']) {
      assert.ok([...simulator].some((i) => i.includes(`node_modules/${pkg}/`)), `${pkg} is not in simulator.js (is the metafile what this test expects?)`);
    }
    /** What a bundle may share with simulator.js. */
    const allowed = (name: string, loads: Set<string>): RegExp | undefined => {
      // The language server's side (editor.js and what loads it), in its own process: front end (with acorn, the JScript parser),
      // analysis, API data and built-ins; no pipeline, no hMailServer model, none of the simulator's other npm packages.
      if (name === 'editor' || loads.has('./editor.js')) return /^simulator\/src\/((syntax|api|analysis|runtime|sandbox)\/|editor\.ts$)|node_modules\/acorn\//;
      if (name === 'debugAdapter') return REQUEST_CHANNEL;
      return undefined;
    };
    const copies: string[] = [];
    for (const [name, { inputs, loads }] of bundles) {
      if (name === 'simulator') continue;
      const pattern = allowed(name, loads);
      copies.push(...[...inputs].filter((i) => simulator.has(i) && !pattern?.test(i)).map((i) => `${name}.js: ${i}`));
    }
    assert.deepEqual(copies, []);
  });

  it('holds no module twice in the bundles one process loads together', () => {
    const copies: string[] = [];
    for (const [name, { inputs, loads }] of bundles) {
      for (const other of loads) {
        const loaded = bundles.get(path.basename(other, '.js'));
        assert.ok(loaded, `${name}.js loads ${other}, which the build did not make`);
        const shared = [...inputs].filter((i) => loaded.inputs.has(i) && !(name === 'debugAdapter' && REQUEST_CHANNEL.test(i)));
        copies.push(...shared.map((i) => `${name}.js and ${other.slice(2)}: ${i}`));
      }
    }
    assert.deepEqual(copies, []);
  });

  it('carries mailparser, iconv-lite, ajv and the VBScript engine in simulator.js only (the front end also in editor.js)', () => {
    const found = Object.fromEntries(
      Object.entries(MARKERS).map(([part, marker]) => [part, [...bundles.keys()].filter((b) => code(b).includes(marker)).sort()]),
    );
    assert.deepEqual(found, {
      mailparser: ['simulator'],
      'iconv-lite': ['simulator'],
      ajv: ['simulator'],
      'the VBScript engine': ['simulator'],
      'the VBScript front end': ['editor', 'simulator'],
    });
  });

  it('lets the CLI, the debug adapter and both debug workers load simulator.js, and no bundle load both simulator.js and editor.js', () => {
    for (const name of ['cli', 'debugAdapter', 'debugPipelineWorker', 'vbsDebugWorker']) {
      assert.deepEqual([...bundles.get(name)!.loads], ['./simulator.js'], `${name}.js`);
    }
    assert.ok(bundles.get('server')!.loads.has('./editor.js'), 'server.js loads editor.js');
    for (const [name, { loads }] of bundles) assert.ok(!(loads.has('./simulator.js') && loads.has('./editor.js')), `${name}.js loads both`);
  });

  it("runs the engine's debug worker on the host's simulator: values made with simulator.js keep their type", async () => {
    // A setup module, as a host writes one: it uses the simulator's API to hand the script an Integer.
    const setupModule = path.join(dir, 'setup.js');
    writeFileSync(
      setupModule,
      `const sim = require(${JSON.stringify(path.join(dir, 'simulator.js'))});\n` +
        `exports.setup = (engine, output) => {\n` +
        `  engine.addObject('Echo', (...args) => output(args.join(' ')));\n` +
        `  engine.addObject('Host', { Five: sim.Integer(5) });\n` +
        `};\n`,
    );
    // The bundle, not the sources: `DebugWorkerSession` starts vbsDebugWorker.js next to simulator.js.
    const sim = require(path.join(dir, 'simulator.js')) as typeof import('../../simulator/src/index');
    const session = new sim.DebugWorkerSession({ source: 'Echo TypeName(Host.Five), Host.Five + 1', fileName: 'types.vbs', setupModule });
    const output: string[] = [];
    session.on('output', (text) => output.push(text));
    const [exited] = await once(session, 'exited');
    assert.deepEqual(exited, { type: 'exited' });
    assert.deepEqual(output, ['Integer 6']);
  });
});
