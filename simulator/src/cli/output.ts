/** Where a run's files go: `--out DIR`, or a fresh `$TMPDIR/hmailsim/<name>-<timestamp>/`. */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function outputFolder(name: string, requested: string | undefined, now = new Date()): string {
  if (requested) return path.resolve(requested);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'run';
  const base = path.join(os.tmpdir(), 'hmailsim');
  mkdirSync(base, { recursive: true });
  // Several runs in the same second (hmailsim test, replay) each get their own folder.
  for (let i = 0; ; i++) {
    const candidate = path.join(base, `${safe}-${stamp}${i === 0 ? '' : `-${i}`}`);
    try {
      mkdirSync(candidate);
      return candidate;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
