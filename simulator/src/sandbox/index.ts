/**
 * The simulated Windows world a script runs in: file system, processes, registry, network,
 * databases and third-party COM objects, all answered from the scenario and recorded.
 */
export type { SideEffect, SideEffectKind, SimulationContext, VirtualFileSystem } from './context.js';
export { createSimulationContext, type Simulation, type SimulationOptions } from './simulation.js';
export { SideEffectRecorder, recordEffect, readFileRecorded, writeFileRecorded } from './recorder.js';
export { configureSandbox, expandEnvironmentStrings, releaseOpenFiles, sourceFileOf, DEFAULT_ENVIRONMENT, DEFAULT_SPECIAL_FOLDERS, type SandboxSettings } from './environment.js';
export {
  createVirtualFileSystem,
  isSandboxFileSystem,
  SandboxConfigError,
  DEFAULT_CURRENT_DIRECTORY,
  type FileInfo,
  type SandboxFileSystem,
  type VirtualFileSystemOptions,
} from './fileSystem/virtualFileSystem.js';
export { decodeAnsi, encodeAnsi } from './fileSystem/encoding.js';
export { sandboxProgIds, mockObjectProgIds, registerSandboxProgIds, isSandboxProgId, type SandboxFactory } from './progIds.js';
export { runSql, type SqlResult } from './sql.js';
export { DENIED_EXIT_CODE } from './shell.js';
export { wildcardMatch } from './wildcard.js';
