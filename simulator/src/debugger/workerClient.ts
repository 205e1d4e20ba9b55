/**
 * The adapter's side of the pipeline worker: starts it, turns requests into promises, and
 * passes its events on. The adapter's thread never blocks, whatever the script does;
 * `terminate()` ends the worker wherever it is (running, looping or stopped).
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
// The request channel only (a few lines, no state): the adapter's thread starts the worker before it loads the simulator.
import { SHARED_INTS } from '../runtime/debug/workerMessages';
import { WorkerRequests } from '../runtime/debug/workerRequests';
import type { PipelineWorkerData, WorkerEvent, WorkerMessage, WorkerRequest } from './workerProtocol';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type RequestBody = DistributiveOmit<WorkerRequest, 'id'>;

/** The bundled worker next to the adapter bundle, or the TypeScript source through tsx (tests of the sources). */
function startWorker(options: import('node:worker_threads').WorkerOptions): Worker {
  const here = __filename;
  if (!here.endsWith('.ts')) {
    const bundled = path.join(path.dirname(here), 'debugPipelineWorker.js');
    return new Worker(existsSync(bundled) ? bundled : path.join(path.dirname(here), 'pipelineWorker.js'), options);
  }
  const source = path.join(path.dirname(here), 'pipelineWorker.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { ...options, eval: true });
}

export interface WorkerClientEvents {
  stopped: [WorkerEvent & { type: 'stopped' }];
  output: [WorkerEvent & { type: 'output' }];
  /** The worker died (terminated, or crashed: `error` says why). */
  exit: [error?: string];
}

export class WorkerClient extends EventEmitter<WorkerClientEvents> {
  private readonly worker: Worker;
  private readonly shared = new Int32Array(new SharedArrayBuffer(SHARED_INTS * 4));
  private readonly port: MessagePort;
  private readonly requests: WorkerRequests;
  private alive = true;

  constructor() {
    super();
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.requests = new WorkerRequests(this.port, this.shared);
    const data: PipelineWorkerData = { shared: this.shared.buffer as SharedArrayBuffer, port: channel.port2 };
    // A roomy stack: deep VBScript recursion reaches error 28 by the depth limit, not by the JS stack.
    this.worker = startWorker({ workerData: data, transferList: [channel.port2], resourceLimits: { stackSizeMb: 64 } });
    this.worker.on('message', (m: WorkerMessage) => {
      if (Array.isArray(m)) for (const e of m) this.onMessage(e);
      else this.onMessage(m);
    });
    this.worker.on('error', (e) => this.finish(e.stack ?? e.message));
    this.worker.on('exit', () => this.finish());
  }

  get running(): boolean {
    return this.alive;
  }

  private onMessage(m: WorkerEvent): void {
    switch (m.type) {
      case 'response':
        this.requests.answer(m);
        break;
      case 'stopped':
        this.emit('stopped', m);
        break;
      case 'output':
        this.emit('output', m);
        break;
    }
  }

  private finish(error?: string): void {
    if (!this.alive) return;
    this.alive = false;
    this.requests.rejectAll('The debug worker has ended');
    this.port.close();
    this.emit('exit', error);
  }

  request<T>(body: RequestBody): Promise<T> {
    if (!this.alive) return Promise.reject(new Error('The debug worker has ended'));
    return this.requests.send<T>(body);
  }

  async terminate(): Promise<void> {
    if (!this.alive) return;
    await this.worker.terminate();
    this.finish();
  }
}
