// "Insert event handler" asks the language server for the events (completion after `Sub ` on a
// probe document), so the list comes from the API data for the configured version. This drives
// the real server with the client's probe.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CompletionItemKind, CompletionRequest, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol/node';
import { PROBE_SCHEME, completionCall, eventProbe, handlerSnippet } from '../../client/src/handlerText';
import { events } from '../../simulator/src/api/index';
import { LspClient, repoRoot } from '../server/lspClient';

async function offered(client: LspClient, uri: string, text: string): Promise<CompletionItem[]> {
  const probe = eventProbe(text);
  await client.open(uri, probe.text);
  const result = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: probe.position })) as CompletionList | CompletionItem[] | null;
  await client.close(uri);
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.filter((i) => i.kind === CompletionItemKind.Event);
}

describe('event handlers offered through the language server', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ configuration: { version: '5.7' } });
  });
  after(() => client.stop());

  it('lists every event of the configured version for an empty file', async () => {
    const items = await offered(client, `${PROBE_SCHEME}:/events-1.vbs`, '');
    assert.deepEqual(items.map((i) => i.label).sort(), events('5.7').map((e) => e.name).sort());
    const accept = items.find((i) => i.label === 'OnAcceptMessage')!;
    assert.equal(completionCall({ label: accept.label, textEdit: accept.textEdit as { newText: string } }), 'OnAcceptMessage(oClient, oMessage)');
    assert.equal(handlerSnippet('vbscript', 'OnAcceptMessage(oClient, oMessage)'), 'Sub OnAcceptMessage(oClient, oMessage)\n\t$0\nEnd Sub\n');
  });

  it('leaves out the handlers the script already has', async () => {
    const script = readFileSync(path.join(repoRoot, 'examples', 'EventHandlers.vbs'), 'utf8');
    const defined = [...script.matchAll(/^\s*Sub\s+(On\w+)/gim)].map((m) => m[1]);
    assert.ok(defined.length > 0);
    const labels = (await offered(client, `${PROBE_SCHEME}:/events-2.vbs`, script)).map((i) => i.label);
    for (const name of defined) assert.ok(!labels.includes(name), `${name} is already defined`);
    assert.equal(labels.length, events('5.7').length - defined.filter((d) => events('5.7').some((e) => e.name === d)).length);
  });
});
