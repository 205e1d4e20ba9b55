/**
 * The editor's slice of the simulator's public API: parsing, analysis, the API declaration and
 * the built-in catalog — what the language server (and the debugger's console) need, without
 * the engine's pipeline, the hMailServer model or mailparser. It is bundled on its own
 * (`dist/editor.js`), so the language server stays small in memory; `index.ts` re-exports it.
 */
import { sandboxProgIds } from './sandbox/progIds';

export * from './analysis/index';
export * from './analysis/jscript/index';
/** For dist/jscriptService.js, which takes the modules editor.js holds from it (simulator/src/analysis/jscript/buildPlugin.mjs). */
export { LineIndex } from './syntax/lineIndex';
export { languageOfPath, type ScriptLanguage } from './syntax/language';
export { builtinCatalog } from './runtime/engine/builtinCatalog';
export {
  DEFAULT_SERVER_VERSION,
  SERVER_VERSIONS,
  isServerVersion,
  parseServerVersion,
  events,
  getEvent,
  getInterface,
  membersOf,
} from './api/index';
export type { ServerVersion, ApiEvent, ApiInterface, ApiMember } from './api/index';

/** The ProgIDs of the COM objects the simulator's sandbox lets scripts create. */
export function sandboxProgIdNames(): string[] {
  return Object.keys(sandboxProgIds);
}
