/**
 * Include files over real LSP: `ExecuteGlobal` of a file read through FileSystemObject, resolved
 * through `hmailserver.pathMappings`, or listed in `hmailserver.includeFiles`, contributes its
 * declarations (no undeclared-variable reports, go to definition into the include).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type CompletionList,
  type Location,
} from 'vscode-languageserver-protocol/node';
import { LspClient } from './lspClient';

const dir = mkdtempSync(path.join(tmpdir(), 'hms-include-'));
writeFileSync(path.join(dir, 'lib.vbs'), 'Dim g_Blocked\r\nFunction IsBlocked(sIP)\r\n  IsBlocked = (sIP = g_Blocked)\r\nEnd Function\r\n');
writeFileSync(path.join(dir, 'extra.vbs'), 'Const EXTRA_LIMIT = 10\r\n');

const script = [
  'Option Explicit',
  'Include "C:\\hMailServer\\Events\\lib.vbs"',
  'Sub Include(sFile)',
  '  Dim oFSO',
  '  Set oFSO = CreateObject("Scripting.FileSystemObject")',
  '  ExecuteGlobal oFSO.OpenTextFile(sFile).ReadAll',
  'End Sub',
  'Sub OnClientConnect(oClient)',
  '  If IsBlocked(oClient.IPAddress) Then Result.Value = 1',
  '  If EXTRA_LIMIT > 5 Then Exit Sub',
  'End Sub',
].join('\r\n');

let client: LspClient;
before(async () => {
  client = await LspClient.start({
    debounceMs: 0,
    settings: { version: '5.6', pathMappings: { 'C:\\hMailServer\\Events': dir }, includeFiles: [path.join(dir, 'extra.vbs')] },
  });
});
after(async () => {
  await client.stop();
});

describe('include files', () => {
  it('contribute their declarations to the script', async () => {
    const uri = pathToFileURL(path.join(dir, 'EventHandlers.vbs')).toString();
    const ds = await client.open(uri, script);
    assert.deepEqual(ds.map((d) => `${d.code} ${d.message}`), []);
    const def = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 8, character: 8 } })) as Location;
    assert.equal(def.uri, pathToFileURL(path.join(dir, 'lib.vbs')).toString());
    assert.deepEqual(def.range.start, { line: 1, character: 9 });
    const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 9, character: 2 } })) as CompletionList;
    assert.ok(items.items.some((i) => i.label === 'IsBlocked') && items.items.some((i) => i.label === 'EXTRA_LIMIT'));
  });

  it('re-checks open scripts when an include file changes on disk', async () => {
    const uri = pathToFileURL(path.join(dir, 'Second.vbs')).toString();
    assert.deepEqual(await client.open(uri, script), []);
    const extra = path.join(dir, 'extra.vbs');
    writeFileSync(extra, 'Const OTHER_LIMIT = 10\r\n');
    // A different modification time than the cached one, even on coarse file systems.
    utimesSync(extra, new Date(), new Date(Date.now() + 5000));
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(extra).toString(), type: FileChangeType.Changed }],
    });
    const ds = (await next).diagnostics;
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['hms-undeclared-variable', 9]]);
    writeFileSync(extra, 'Const EXTRA_LIMIT = 10\r\n');
    utimesSync(extra, new Date(), new Date(Date.now() + 10000));
  });

  it('are missed names again when the mapping does not resolve', async () => {
    const other = await LspClient.start({ debounceMs: 0, settings: { version: '5.6' } });
    try {
      const ds = await other.open('file:///virtual/noinclude/EventHandlers.vbs', script);
      assert.deepEqual(
        ds.map((d) => d.code),
        ['hms-undeclared-variable', 'hms-undeclared-variable'],
      );
    } finally {
      await other.stop();
    }
  });
});
