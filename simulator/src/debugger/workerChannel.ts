/**
 * The pipeline worker's side of the channel to the adapter: requests read synchronously from
 * the port (the script thread may be stopped or busy: no event loop to rely on), events and
 * answers posted back, and the run's output sent in batches.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { ATTENTION, WAKE, type OutputCategory, type PipelineWorkerData, type WorkerEvent, type WorkerMessage, type WorkerRequest } from './workerProtocol';

const data = workerData as PipelineWorkerData;
/** ATTENTION / WAKE (see `workerProtocol.ts`); the engine debugger checks ATTENTION between statements. */
export const shared = new Int32Array(data.shared);

export function post(event: WorkerEvent): void {
  parentPort!.postMessage(event);
}

/** The answer to request `id`: what `fn` returns, or the message of what it throws. */
export function response(id: number, fn: () => unknown): WorkerEvent {
  try {
    return { type: 'response', id, result: fn() };
  } catch (e) {
    return { type: 'response', id, error: e instanceof Error ? e.message : String(e) };
  }
}

export function respond(id: number, fn: () => unknown): void {
  post(response(id, fn));
}

export function failure(message: string): never {
  throw new Error(message);
}

export function nextRequest(): WorkerRequest | undefined {
  return receiveMessageOnPort(data.port)?.message as WorkerRequest | undefined;
}

/** Blocks until a request arrives (the thread has nothing else to do: stopped, or between runs). */
export function waitForRequest(): WorkerRequest {
  for (;;) {
    const seen = Atomics.load(shared, WAKE);
    const req = nextRequest();
    if (req) return req;
    Atomics.wait(shared, WAKE, seen);
  }
}

/**
 * Run output (transcript, EventLog, events) comes in bursts of short lines: they are sent in
 * batches — at the latest FLUSH_MS after the first, and always before a stop or the run's end —
 * so a run costs a few messages instead of one per line. A script that keeps running (an
 * endless loop) is asked to poll (`ATTENTION`), and the poll flushes (`flushDueOutput`): no line
 * waits for the script.
 */
const FLUSH_MS = 20;
const buffered: Array<WorkerEvent & { type: 'output' }> = [];
let bufferedSince = 0;

export function output(category: OutputCategory, text: string, where?: { fileName: string; line: number }): void {
  const last = buffered[buffered.length - 1];
  if (last && where === undefined && last.fileName === undefined && last.category === category) last.text += text + '\n';
  else buffered.push({ type: 'output', category, text: text + '\n', ...where });
  if (last === undefined) bufferedSince = Date.now();
  flushDueOutput();
}

/** Sends the buffered output if it has waited long enough; otherwise asks the script to poll again. */
export function flushDueOutput(): void {
  if (buffered.length === 0) return;
  if (Date.now() - bufferedSince >= FLUSH_MS) flushOutput();
  else Atomics.store(shared, ATTENTION, 1);
}

/**
 * Sends the buffered output, then `last` (a stop, the run's answer) if given — all in one message:
 * each message wakes the adapter's thread, and a run's end is then one wake-up, not two or more.
 */
export function flushOutput(last?: WorkerEvent): void {
  const events: WorkerEvent[] = buffered.splice(0);
  if (last !== undefined) events.push(last);
  if (events.length === 1) post(events[0]);
  else if (events.length > 1) parentPort!.postMessage(events satisfies WorkerMessage);
}
