/**
 * Server plumbing over real LSP: capabilities, stdio and IPC transports, debounced diagnostics,
 * initialization options, and cancellation.
 */
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  CompletionRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { LspClient, serverPath } from './lspClient';

describe('server over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ debounceMs: 0 });
  });
  after(async () => {
    await client.stop();
  });

  it('advertises every feature', () => {
    const caps = client.initializeResult!.capabilities;
    for (const key of [
      'completionProvider',
      'hoverProvider',
      'signatureHelpProvider',
      'definitionProvider',
      'referencesProvider',
      'renameProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'documentFormattingProvider',
      'inlayHintProvider',
      'codeActionProvider',
    ] as const) {
      assert.ok(caps[key], key);
    }
    assert.ok(caps.completionProvider!.triggerCharacters!.includes('.'));
  });

  it('publishes diagnostics for each version of a document and clears them on close', async () => {
    const uri = 'file:///virtual/plumbing/EventHandlers.vbs';
    const first = await client.open(uri, 'Sub OnClientConnect(oClient)\n  WScript.Sleep 1\nEnd Sub');
    assert.equal(first.length, 1);
    const second = await client.change(uri, 'Sub OnClientConnect(oClient)\nEnd Sub');
    assert.equal(second.length, 0);
    const cleared = client.nextDiagnostics(uri);
    await client.close(uri);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('answers requests against the latest text even before its diagnostics are out', async () => {
    const uri = 'file:///virtual/plumbing2/EventHandlers.vbs';
    await client.open(uri, 'Sub OnClientConnect(oClient)\n  \nEnd Sub');
    await client.edit(uri, { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, 'oClient.');
    const r = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 10 } });
    assert.ok(r && 'items' in r && r.items.some((i) => i.label === 'IPAddress'));
  });

  it('answers a request cancelled while it waits in the queue with RequestCancelled, without computing it', async () => {
    const uri = 'file:///virtual/plumbing3/EventHandlers.vbs';
    const body = Array.from({ length: 3000 }, (_, i) => `Sub Helper${i}(oMessage)\n  x = oMessage.Subject & "${i}"\nEnd Sub`).join('\n');
    await client.open(uri, body);
    // The edit makes the next request re-analyse the whole file: the one behind it waits in the queue.
    await client.edit(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, "' edited\n");
    const slow = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 6 } });
    const source = new CancellationTokenSource();
    const queued = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 6 } }, source.token);
    source.cancel();
    await assert.rejects(queued, (e: { code?: number }) => e.code === -32800);
    assert.ok(await slow);
  });

  it('keeps diagnostics in place through a sequence of edits inside procedures', async () => {
    const uri = 'file:///virtual/plumbing4/EventHandlers.vbs';
    const text = ['Sub A()', '  x = 1', 'End Sub', 'Sub OnClientConnect(oClient)', '  WScript.Sleep 1', 'End Sub'].join('\n');
    assert.deepEqual((await client.open(uri, text)).map((d) => d.range.start.line), [4]);
    // Lines inserted in the first procedure push the later finding down.
    let v = await client.edit(uri, { start: { line: 1, character: 7 }, end: { line: 1, character: 7 } }, '\n  y = 2\n  z = 3');
    assert.deepEqual((await client.nextDiagnostics(uri, v)).diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['hms-wscript', 6, 2]]);
    // A syntax error inside a procedure, then its fix.
    v = await client.edit(uri, { start: { line: 2, character: 7 }, end: { line: 2, character: 7 } }, ' +');
    const broken = (await client.nextDiagnostics(uri, v)).diagnostics.map((d) => String(d.code));
    assert.ok(broken.some((c) => c.startsWith('vbs')), broken.join());
    v = await client.edit(uri, { start: { line: 2, character: 7 }, end: { line: 2, character: 9 } }, '');
    assert.deepEqual((await client.nextDiagnostics(uri, v)).diagnostics.map((d) => [d.code, d.range.start.line]), [['hms-wscript', 6]]);
    // Hover still finds the right node after the shifts.
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 22 } });
    assert.match(JSON.stringify(h), /oClient As Client/);
  });

  it('returns empty answers for documents it does not know', async () => {
    const r = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///nowhere.vbs' }, position: { line: 0, character: 0 } });
    assert.equal(r, null);
  });
});

describe('settings pulled with workspace/configuration', () => {
  it('uses the client\'s hmailserver section, and pulls it again on didChangeConfiguration', async () => {
    const configuration: Record<string, unknown> = { version: '5.7' };
    const client = await LspClient.start({ debounceMs: 0, configuration });
    try {
      const uri = 'file:///virtual/config/EventHandlers.vbs';
      const text = 'Sub OnHELO(oClient)\nEnd Sub';
      // The pull happens after `initialized`; diagnostics are re-published once it is answered.
      let ds = await client.open(uri, text);
      if (ds.length > 0) ds = (await client.nextDiagnostics(uri)).diagnostics;
      assert.deepEqual(ds, []);
      configuration.version = '5.6';
      const next = client.nextDiagnostics(uri);
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      assert.deepEqual((await next).diagnostics.map((d) => d.code), ['hms-unavailable-in-version']);
    } finally {
      await client.stop();
    }
  });
});

describe('debounce', () => {
  it('waits debounceMs after the last edit, and publishes once for a burst', async () => {
    const client = await LspClient.start({ debounceMs: 150 });
    try {
      const uri = 'file:///virtual/debounce/EventHandlers.vbs';
      await client.open(uri, 'Sub X()\nEnd Sub');
      let published = 0;
      const counting = client.nextDiagnostics(uri, 4).then((p) => {
        published++;
        return p;
      });
      const start = Date.now();
      for (let i = 0; i < 3; i++) await client.edit(uri, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, "'");
      const p = await counting;
      assert.equal(p.version, 4);
      assert.ok(Date.now() - start >= 140, `published after ${Date.now() - start} ms`);
      assert.equal(published, 1);
    } finally {
      await client.stop();
    }
  });
});

describe('server over IPC', () => {
  it('initializes and answers over --node-ipc', async () => {
    const child = fork(serverPath, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
      assert.ok(result.capabilities.hoverProvider);
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});
