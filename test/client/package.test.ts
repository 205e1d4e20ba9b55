// npm run package: the .vsix holds the release bundles (the simulator in one of them only) and
// the extension's static files, and nothing else (no sources, no source maps, no node_modules),
// under 5 MB. Packages once.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';

const root = path.resolve(__dirname, '..', '..');

interface ZipEntry {
  name: string;
  size: number;
  compressedSize: number;
  method: number;
  localOffset: number;
}

/** The entries of a zip file, read from its central directory. */
function zipEntries(zip: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'not a zip file: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(p), 0x02014b50, 'bad central directory entry');
    const nameLength = zip.readUInt16LE(p + 28);
    entries.push({
      name: zip.toString('utf8', p + 46, p + 46 + nameLength),
      method: zip.readUInt16LE(p + 10),
      compressedSize: zip.readUInt32LE(p + 20),
      size: zip.readUInt32LE(p + 24),
      localOffset: zip.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return entries;
}

function readEntry(zip: Buffer, e: ZipEntry): Buffer {
  const start = e.localOffset + 30 + zip.readUInt16LE(e.localOffset + 26) + zip.readUInt16LE(e.localOffset + 28);
  const data = zip.subarray(start, start + e.compressedSize);
  return e.method === 0 ? data : inflateRawSync(data);
}

describe('the packaged .vsix', () => {
  let dir: string;
  let vsix: string;
  let zip: Buffer;
  let entries: ZipEntry[];
  let names: string[];

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hmailserver-vsix-test-'));
    vsix = path.join(dir, 'hmailserver-scripting.vsix');
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.mjs'), '--out', vsix], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
    zip = readFileSync(vsix);
    entries = zipEntries(zip);
    names = entries.map((e) => e.name);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is under 5 MB; reports the size of each bundle', (t) => {
    const size = statSync(vsix).size;
    t.diagnostic(`vsix: ${(size / 1024).toFixed(1)} KiB, ${entries.length} files`);
    for (const e of entries.filter((x) => x.name.startsWith('extension/dist/'))) {
      t.diagnostic(`${e.name.slice('extension/'.length)}: ${(e.size / 1024).toFixed(1)} KiB (${(e.compressedSize / 1024).toFixed(1)} KiB compressed)`);
    }
    // The simulator ships once, in dist/simulator.js (test/build/bundles.test.ts checks each module): no other bundle carries
    // mailparser or the VBScript engine.
    const copies = entries
      .filter((e) => e.name.startsWith('extension/dist/') && e.name !== 'extension/dist/simulator.js')
      .filter((e) => ['Failed to parse HTML', "Sub or Function not defined: '"].some((marker) => readEntry(zip, e).includes(marker)))
      .map((e) => e.name.slice('extension/'.length));
    assert.deepEqual(copies, [], 'bundles with their own copy of the simulator');
    assert.ok(size < 5 * 1024 * 1024, `${size} bytes`);
  });

  it('holds no sources, source maps or node_modules', () => {
    const bad = names.filter((n) => /\.(ts|tsx|mts|cts|map)$/.test(n) || /(^|\/)node_modules\//.test(n) || /(^|\/)(test|examples|notes|bench|scripts)\//.test(n));
    assert.deepEqual(bad, []);
    const fromSources = names.filter((n) => n.startsWith('extension/') && /\/src\//.test(n) && !n.endsWith('scenario.schema.json'));
    assert.deepEqual(fromSources, []);
  });

  it('holds the bundles, minified, and the files the manifest names', () => {
    for (const bundle of ['extension', 'server', 'editor', 'cli', 'simulator', 'debugAdapter', 'debugPipelineWorker', 'vbsDebugWorker']) {
      assert.ok(names.includes(`extension/dist/${bundle}.js`), `dist/${bundle}.js is missing`);
    }
    const extension = readEntry(zip, entries.find((e) => e.name === 'extension/dist/extension.js')!).toString('utf8');
    assert.ok(!extension.includes('sourceMappingURL'), 'release bundles carry no source map reference');
    // Minified code is a few very long lines (esbuild turns "\n" strings into template literals, so the count of lines alone says little).
    const lines = extension.split('\n').length;
    assert.ok(extension.length / lines > 500, `release bundles are minified (${lines} lines, ${extension.length} characters)`);

    const manifest = JSON.parse(readEntry(zip, entries.find((e) => e.name === 'extension/package.json')!).toString('utf8'));
    const c = manifest.contributes;
    const referenced: string[] = [
      manifest.main,
      manifest.icon,
      ...c.languages.map((l: { configuration?: string }) => l.configuration).filter(Boolean),
      ...c.grammars.map((g: { path: string }) => g.path),
      ...c.snippets.map((s: { path: string }) => s.path),
      ...c.jsonValidation.map((j: { url: string }) => j.url),
      ...(c.walkthroughs ?? []).flatMap((w: { steps: { media: { markdown?: string; image?: string } }[] }) =>
        w.steps.map((s) => s.media.markdown ?? s.media.image).filter((m): m is string => typeof m === 'string'),
      ),
    ];
    for (const ref of referenced) {
      const entry = 'extension/' + path.posix.normalize(ref).replace(/^\.\//, '');
      assert.ok(names.includes(entry), `${ref} (named in package.json) is not in the .vsix`);
    }
    for (const doc of ['extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt']) {
      assert.ok(names.some((n) => n.toLowerCase() === doc.toLowerCase()), `${doc} is missing`);
    }
    // The marketplace README is the admins' one, and every screenshot it shows ships with it.
    const readme = readEntry(zip, entries.find((e) => e.name.toLowerCase() === 'extension/readme.md')!).toString('utf8');
    assert.doesNotMatch(readme, /npm ci/, 'the packaged README must be the admin README, not the developer one');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 4, 'the README shows screenshots');
    for (const image of images) assert.ok(names.includes(`extension/${image}`), `${image} (shown in the README) is not in the .vsix`);
  });
});
