/**
 * The host side of a debug session: starts the script in a worker (see `debugWorker.ts`
 * for why) and offers the debugging interface as promises and events. The host thread
 * never blocks, whatever the script does; `terminate()` kills the worker.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import type { EvaluateOptions, EvaluateResult, ResumeCommand, ScopeInfo, StackFrameInfo, StopEvent, VariableInfo } from './protocol.js';
import { SHARED_INTS, type DebugEvent, type DebugRequest, type DebugWorkerData } from './workerMessages.js';
import { WorkerRequests } from './workerRequests.js';

export interface DebugWorkerOptions extends Omit<DebugWorkerData, 'shared' | 'port' | 'breakpoints' | 'stopOnEntry'> {
  breakpoints?: DebugWorkerData['breakpoints'];
  stopOnEntry?: boolean;
  /** The worker script; defaults to `debugWorker.ts` next to this file (tests, tsx) or `vbsDebugWorker.js` next to the bundle. */
  workerScript?: string;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Starts the worker script: the bundled `vbsDebugWorker.js` next to the bundle, or, when
 * running from TypeScript sources (tests), `debugWorker.ts` through tsx's loaders.
 */
function startWorker(workerScript: string | undefined, options: import('node:worker_threads').WorkerOptions): Worker {
  if (workerScript) return new Worker(workerScript, options);
  const here = __filename;
  if (!here.endsWith('.ts')) {
    const bundled = path.join(path.dirname(here), 'vbsDebugWorker.js');
    return new Worker(existsSync(bundled) ? bundled : path.join(path.dirname(here), 'debugWorker.js'), options);
  }
  const source = path.join(path.dirname(here), 'debugWorker.ts');
  const bootstrap = `require('tsx/cjs'); require(${JSON.stringify(source)});`;
  return new Worker(bootstrap, { ...options, eval: true });
}

export interface DebugWorkerSessionEvents {
  stopped: [StopEvent];
  output: [string];
  exited: [DebugEvent & { type: 'exited' }];
}

export class DebugWorkerSession extends EventEmitter<DebugWorkerSessionEvents> {
  private readonly worker: Worker;
  private readonly shared = new Int32Array(new SharedArrayBuffer(SHARED_INTS * 4));
  private readonly port: import('node:worker_threads').MessagePort;
  private readonly requests: WorkerRequests;
  private exited = false;

  constructor(options: DebugWorkerOptions) {
    super();
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.requests = new WorkerRequests(this.port, this.shared);
    const { workerScript, ...rest } = options;
    const data: DebugWorkerData = {
      ...rest,
      breakpoints: options.breakpoints ?? [],
      stopOnEntry: options.stopOnEntry ?? false,
      shared: this.shared.buffer as SharedArrayBuffer,
      port: channel.port2,
    };
    // A roomy stack: deep VBScript recursion reaches error 28 by the depth limit, not by the JS stack.
    this.worker = startWorker(workerScript, { workerData: data, transferList: [channel.port2], resourceLimits: { stackSizeMb: 64 } });
    this.worker.on('message', (m: DebugEvent) => this.onMessage(m));
    this.worker.on('error', (e) => this.finish({ type: 'exited', error: { message: e.message } }));
    this.worker.on('exit', () => this.finish({ type: 'exited', error: { message: 'worker exited' } }));
  }

  private onMessage(m: DebugEvent): void {
    switch (m.type) {
      case 'response':
        this.requests.answer(m);
        break;
      case 'stopped':
        this.emit('stopped', m.event);
        break;
      case 'output':
        this.emit('output', m.text);
        break;
      case 'exited':
        this.finish(m);
        break;
    }
  }

  private finish(m: DebugEvent & { type: 'exited' }): void {
    if (this.exited) return;
    this.exited = true;
    this.requests.rejectAll('The script has ended');
    this.port.close();
    this.emit('exited', m);
  }

  private request<T>(req: DistributiveOmit<DebugRequest, 'id'>): Promise<T> {
    if (this.exited) return Promise.reject(new Error('The script has ended'));
    return this.requests.send<T>(req);
  }

  setBreakpoints(fileName: string, lines: number[]): Promise<number[]> {
    return this.request({ type: 'setBreakpoints', fileName, lines });
  }
  /** Stops the script at its next statement or loop iteration. */
  pause(): Promise<boolean> {
    return this.request({ type: 'pause' });
  }
  resume(command: ResumeCommand): Promise<boolean> {
    return this.request({ type: 'resume', command });
  }
  continue(): Promise<boolean> {
    return this.resume('continue');
  }
  stepIn(): Promise<boolean> {
    return this.resume('stepIn');
  }
  stepOver(): Promise<boolean> {
    return this.resume('stepOver');
  }
  stepOut(): Promise<boolean> {
    return this.resume('stepOut');
  }
  stackTrace(): Promise<StackFrameInfo[]> {
    return this.request({ type: 'stackTrace' });
  }
  scopes(frameId: number): Promise<ScopeInfo[]> {
    return this.request({ type: 'scopes', frameId });
  }
  variables(variablesReference: number): Promise<VariableInfo[]> {
    return this.request({ type: 'variables', variablesReference });
  }
  evaluate(expression: string, frameId: number, options?: EvaluateOptions): Promise<EvaluateResult> {
    return this.request({ type: 'evaluate', expression, frameId, options });
  }
  execute(statements: string, frameId: number): Promise<EvaluateResult> {
    return this.request({ type: 'execute', statements, frameId });
  }
  /** Aborts the script wherever it is (running, looping or stopped). */
  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
