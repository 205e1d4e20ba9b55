/**
 * Builds a `SimulationContext` for a run: the pipeline (and tests) call
 * `createSimulationContext` once per scenario run, switch `recorder.currentEvent` as events
 * fire, call `releaseOpenFiles(ctx)` after each firing, and read `recorder.effects` for the report.
 */
import type { ServerVersion } from '../api/index.js';
import type { ScenarioMocks } from '../scenario/types.js';
import type { SimulationContext } from './context.js';
import { configureSandbox, type SandboxSettings } from './environment.js';
import { SideEffectRecorder } from './recorder.js';
import { createVirtualFileSystem, type SandboxFileSystem, type VirtualFileSystemOptions } from './fileSystem/virtualFileSystem.js';

export interface SimulationOptions {
  version?: ServerVersion;
  /** The simulated clock in ms since the epoch (default: a fixed clock at `Date.now()` of creation). */
  now?: () => number;
  timeZone?: string;
  mocks?: ScenarioMocks;
  /** The scenario's folder: mock file paths and path mappings are relative to it. */
  scenarioDir: string;
  /** The run's output folder (overlay in `<outputDir>/fs`); memory-only overlay without it. */
  outputDir?: string;
  /** Overrides of the file system's defaults (current directory, extra folders, write limits). */
  fileSystem?: Omit<VirtualFileSystemOptions, 'mocks' | 'scenarioDir' | 'outputDir' | 'clock'>;
  /** Environment variables and special folders instead of (merged over) the defaults. */
  machine?: Partial<SandboxSettings>;
  recorder?: SideEffectRecorder;
}

export interface Simulation {
  ctx: SimulationContext;
  fs: SandboxFileSystem;
  recorder: SideEffectRecorder;
}

export function createSimulationContext(options: SimulationOptions): Simulation {
  const recorder = options.recorder ?? new SideEffectRecorder();
  const fixed = Date.now();
  const now = options.now ?? (() => fixed);
  const mocks = options.mocks ?? {};
  const fs = createVirtualFileSystem({ ...options.fileSystem, mocks, scenarioDir: options.scenarioDir, outputDir: options.outputDir, clock: now });
  const ctx: SimulationContext = {
    version: options.version ?? '5.6',
    now,
    timeZone: options.timeZone ?? 'UTC',
    mocks,
    fs,
    outputDir: options.outputDir ?? '',
    record: recorder.record,
  };
  configureSandbox(ctx, options.machine ?? {});
  return { ctx, fs, recorder };
}
