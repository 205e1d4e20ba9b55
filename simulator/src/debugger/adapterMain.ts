/**
 * `dist/debugAdapter.js`: the hMailServer debug adapter, speaking DAP over stdio. VS Code runs
 * it as its own process (a runaway script can never freeze the editor); tests drive the same
 * program with `DebugClient`.
 */
import { DebugSession } from '@vscode/debugadapter';
import { HMailServerDebugSession } from './session';

DebugSession.run(HMailServerDebugSession);
