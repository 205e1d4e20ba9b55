/**
 * The ProgIDs the sandbox provides, as the contract asks: canonical ProgID → factory taking the
 * run's context. The engine's registry matches case-insensitively and strips version suffixes
 * (`Msxml2.XMLHTTP.3.0` → `MSXML2.XMLHTTP`), so only base names are listed — except
 * `WinHttp.WinHttpRequest.5.1`, which Windows registers only with its version.
 */
import type { VbsObject } from '../runtime/objects/comObject.js';
import type { SimulationContext } from './context.js';
import { createCommand, createConnection, createRecordset } from './adodb.js';
import { createStream } from './adodbStream.js';
import { FileSystemObject } from './fileSystem/fileSystemObject.js';
import { createServerXmlHttp, createWinHttpRequest, createXmlHttp } from './http.js';
import { createMockObject } from './mockObjects.js';
import { WshShell } from './shell.js';

export type SandboxFactory = (ctx: SimulationContext) => VbsObject;

export const sandboxProgIds: Record<string, SandboxFactory> = {
  'Scripting.FileSystemObject': (ctx) => new FileSystemObject(ctx),
  'WScript.Shell': (ctx) => new WshShell(ctx),
  'MSXML2.XMLHTTP': (ctx) => createXmlHttp(ctx, 'MSXML2.XMLHTTP'),
  'Microsoft.XMLHTTP': (ctx) => createXmlHttp(ctx, 'Microsoft.XMLHTTP'),
  'MSXML2.ServerXMLHTTP': (ctx) => createServerXmlHttp(ctx),
  'WinHttp.WinHttpRequest.5.1': (ctx) => createWinHttpRequest(ctx),
  'ADODB.Connection': (ctx) => createConnection(ctx),
  'ADODB.Recordset': (ctx) => createRecordset(ctx),
  'ADODB.Command': (ctx) => createCommand(ctx),
  'ADODB.Stream': (ctx) => createStream(ctx),
};

/** Factories for the scenario's `mocks.objects`, same shape as `sandboxProgIds`. */
export function mockObjectProgIds(ctx: SimulationContext): Record<string, SandboxFactory> {
  const out: Record<string, SandboxFactory> = {};
  for (const [progId, mock] of Object.entries(ctx.mocks.objects ?? {})) out[progId] = (c) => createMockObject(c, progId, mock);
  return out;
}

/**
 * Registers everything for one run: the sandbox's objects, then `mocks.objects` for ProgIDs
 * the sandbox does not implement (a mock cannot replace the sandboxed FileSystemObject, so a
 * scenario cannot switch the safety net off). Anything else stays unregistered: error 429.
 */
export function registerSandboxProgIds(registry: { register(progId: string, factory: () => unknown): unknown; has(progId: string): boolean }, ctx: SimulationContext): void {
  for (const [progId, factory] of Object.entries(sandboxProgIds)) registry.register(progId, () => factory(ctx));
  for (const [progId, factory] of Object.entries(mockObjectProgIds(ctx))) {
    if (!isSandboxProgId(progId)) registry.register(progId, () => factory(ctx));
  }
}

/** Whether the sandbox itself implements `progId` (versions stripped like the engine does). */
export function isSandboxProgId(progId: string): boolean {
  const keys = new Set(Object.keys(sandboxProgIds).map((k) => k.toLowerCase()));
  for (let key = progId.trim().toLowerCase(); ; ) {
    if (keys.has(key)) return true;
    const m = /^(.*)\.\d+$/.exec(key);
    if (!m) return false;
    key = m[1];
  }
}
