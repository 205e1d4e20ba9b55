/**
 * The host side of a debug worker's request channel, shared by the single-script session and
 * the debug adapter's pipeline worker: numbered requests, their answers, and the wake-up a
 * worker needs — a running script checks ATTENTION at its next poll, a waiting one sleeps on WAKE.
 */
import type { MessagePort } from 'node:worker_threads';
import { ATTENTION, WAKE } from './workerMessages.js';

export class WorkerRequests {
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  constructor(
    private readonly port: MessagePort,
    private readonly shared: Int32Array,
  ) {}

  /** Sends `body` with a fresh id and wakes the worker; settles when `answer` gets the response. */
  send<T>(body: object): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.port.postMessage({ ...body, id });
      Atomics.store(this.shared, ATTENTION, 1);
      Atomics.add(this.shared, WAKE, 1);
      Atomics.notify(this.shared, WAKE);
    });
  }

  /** A response from the worker. */
  answer(m: { id: number; error?: string; result?: unknown }): void {
    const p = this.pending.get(m.id);
    this.pending.delete(m.id);
    if (m.error !== undefined) p?.reject(new Error(m.error));
    else p?.resolve(m.result);
  }

  /** The worker is gone: every open request fails with `message`. */
  rejectAll(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }
}
