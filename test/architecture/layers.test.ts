import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

// The architecture, checked: imports point down the layers, there are no import cycles, the
// simulator never imports vscode, and no source file grows past ~800 lines.
const root = path.resolve(import.meta.dirname, '../..');

/** Layer of each folder; a module may import (at run time) only from its own layer or below. */
const LAYERS: Array<[prefix: string, layer: number]> = [
  ['simulator/src/syntax/', 0],
  ['simulator/src/api/', 0],
  ['simulator/src/runtime/', 1],
  ['simulator/src/analysis/', 1],
  ['simulator/src/sandbox/', 2],
  ['simulator/src/hmailserver/', 2],
  ['simulator/src/scenario/', 3],
  ['simulator/src/report/', 3],
  ['simulator/src/pipeline/', 3],
  ['simulator/src/index.ts', 4],
  ['simulator/src/editor.ts', 4],
  ['simulator/src/cli/', 5],
  ['simulator/src/debugger/', 5],
  ['server/src/', 5],
  ['client/src/', 6],
];

function layerOf(file: string): number {
  const entry = LAYERS.find(([prefix]) => file.startsWith(prefix));
  if (!entry) throw new Error(`no layer declared for ${file}`);
  return entry[1];
}

function sources(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(path.join(root, dir))) return;
    for (const name of readdirSync(path.join(root, dir))) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.ts')) out.push(rel);
    }
  };
  ['simulator/src', 'server/src', 'client/src'].forEach(walk);
  return out;
}

/** Run-time imports (`import type` and `export type` are erased and do not count). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*?from\s+['"]([^'"]+)['"]/gm)) {
    const spec = m[1];
    if (!spec.startsWith('.')) {
      out.push(spec);
      continue;
    }
    const base = path.posix.join(path.posix.dirname(file), spec).replace(/\.js$/, '');
    const resolved = [`${base}.ts`, `${base}/index.ts`].find((c) => existsSync(path.join(root, c)));
    if (resolved) out.push(resolved);
  }
  return out;
}

describe('architecture', () => {
  const files = sources();
  const graph = new Map(files.map((f) => [f, importsOf(f)]));

  test('imports point down the layers', () => {
    const violations: string[] = [];
    for (const [file, deps] of graph) {
      for (const dep of deps) {
        if (!dep.includes('/')) continue;
        if (!dep.startsWith('simulator/') && !dep.startsWith('server/') && !dep.startsWith('client/')) continue;
        if (layerOf(dep) > layerOf(file)) violations.push(`${file} -> ${dep}`);
      }
    }
    assert.deepEqual(violations, []);
  });

  test('modules inside the simulator never import its public entries (only the CLI and outer layers do)', () => {
    const publicEntries = ['simulator/src/index.ts', 'simulator/src/editor.ts'];
    const offenders = [...graph].filter(([f, deps]) => f.startsWith('simulator/src/') && layerOf(f) < 5 && !publicEntries.includes(f) && deps.some((d) => publicEntries.includes(d)));
    assert.deepEqual(offenders.map(([f]) => f), []);
  });

  test('no import cycles', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].join(' -> '));
        return;
      }
      state.set(f, 'visiting');
      for (const d of graph.get(f) ?? []) if (graph.has(d)) visit(d, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    assert.deepEqual(cycles, []);
  });

  test('the simulator is free of vscode', () => {
    const offenders = [...graph].filter(([f, deps]) => f.startsWith('simulator/') && deps.some((d) => d === 'vscode' || d.startsWith('vscode-languageserver')));
    assert.deepEqual(offenders.map(([f]) => f), []);
  });

  test('no source file past 800 lines', () => {
    const long = files.map((f) => [f, readFileSync(path.join(root, f), 'utf8').split('\n').length] as const).filter(([, n]) => n > 800);
    assert.deepEqual(long, []);
  });
});
