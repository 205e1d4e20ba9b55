/**
 * What simulated objects need from the run they belong to: the server version, the clock,
 * the scenario's mocks, the virtual file system, and a recorder for side effects.
 * Scripts are untrusted: everything they reach outside the engine goes through here, is
 * answered from the scenario, and is recorded — never the real machine.
 */
import type { ServerVersion } from '../api';
import type { ScenarioMocks } from '../scenario/types';

export type SideEffectKind = 'file-read' | 'file-write' | 'file-delete' | 'exec' | 'http' | 'sql' | 'registry' | 'com';

export interface SideEffect {
  kind: SideEffectKind;
  /** A path, URL, command line, SQL text, registry key or ProgID. */
  target: string;
  /** False when the sandbox refused it (the script saw an error or an empty answer). */
  allowed: boolean;
  /** The event whose handler caused it (filled in by the recorder); `load` for top-level code at load time. */
  event?: string;
  /** Short human-readable extra, e.g. the HTTP status or the exit code returned. */
  detail?: string;
}

/**
 * The file system a script sees. Windows paths (case-insensitive, `/` = `\`) resolve to, in order:
 * files written earlier in this run (the overlay in the output folder), `mocks.files`, and path
 * mappings to real folders (read-only). Writes and deletes only ever touch the overlay.
 */
export interface VirtualFileSystem {
  readFile(windowsPath: string): Buffer | undefined;
  writeFile(windowsPath: string, data: Buffer | string): void;
  deleteFile(windowsPath: string): boolean;
  fileExists(windowsPath: string): boolean;
  folderExists(windowsPath: string): boolean;
  createFolder(windowsPath: string): void;
  /** Entries directly inside a folder: names with their kind. */
  list(windowsPath: string): Array<{ name: string; isFolder: boolean; size: number }>;
  /** Where an overlay file lives on the real disk (inside the output folder), for the report. */
  overlayPath(windowsPath: string): string | undefined;
}

export interface SimulationContext {
  readonly version: ServerVersion;
  /** The simulated clock (ms since the Unix epoch) and time zone, from the scenario's environment. */
  now(): number;
  readonly timeZone: string;
  readonly mocks: ScenarioMocks;
  readonly fs: VirtualFileSystem;
  /** The run's output folder (messages/, logs/, the file-system overlay, report.json). */
  readonly outputDir: string;
  record(effect: SideEffect): void;
}
