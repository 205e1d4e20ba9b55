/**
 * Keeping the server's memory close to what it holds.
 *
 * Each analysis of a long file leaves a few MB of garbage, most of it promoted to V8's old
 * generation because an analysis lives until the next edit. V8 lets that grow to several times
 * the live heap before it collects, and keeps the pages afterwards, so while someone types in a
 * 5,000-line file the process would climb towards 200 MB. Two measures, set up before the first
 * document arrives (V8's semi-space size cannot be changed once the process runs: Node 20 ignores
 * `--max-semi-space-size` set here, so the young generation is left alone):
 * - a full collection right after a publication once the heap has doubled since the last one,
 *   which runs between keystrokes rather than inside a request;
 * - one full collection once the user has stopped typing for a moment, which returns the pages.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const IDLE_MS = 1500;

setFlagsFromString('--expose-gc');
/** `gc` exists in contexts created after --expose-gc; undefined if the runtime refuses the flag. */
const collect = runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;

/** Below this the heap is left to V8 alone. */
const FLOOR_BYTES = 48 * 1024 * 1024;

let timer: NodeJS.Timeout | undefined;
let pending = false;
let liveAfterLast = 0;

function fullCollection(): void {
  if (!collect) return;
  collect();
  liveAfterLast = getHeapStatistics().used_heap_size;
}

/** Called after each piece of work; the collection runs when none follows within IDLE_MS. */
export function collectWhenIdle(): void {
  if (!collect) return;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    fullCollection();
  }, IDLE_MS);
  // Never keep the process alive just for this.
  timer.unref();
}

/** Called after diagnostics went out: collects on the next turn if the heap has doubled. */
export function collectIfGrown(): void {
  if (!collect || pending) return;
  const used = getHeapStatistics().used_heap_size;
  if (used < FLOOR_BYTES || used < 2 * liveAfterLast) return;
  pending = true;
  setImmediate(() => {
    pending = false;
    fullCollection();
  });
}
