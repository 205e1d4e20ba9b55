/**
 * Diagnostics over real LSP: every rule fires on the mistake it describes, stays silent on valid
 * code (including a realistic handler file), and obeys settings and suppression comments.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DidChangeConfigurationNotification, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspClient, repoRoot } from './lspClient';

let client: LspClient;
let counter = 0;
const nextUri = () => `file:///virtual/diag${++counter}/EventHandlers.vbs`;

before(async () => {
  client = await LspClient.start({ debounceMs: 0, settings: { version: '5.6' } });
});
after(async () => {
  await client.stop();
});

async function diagnose(text: string): Promise<Diagnostic[]> {
  const uri = nextUri();
  const d = await client.open(uri, text);
  await client.close(uri);
  return d;
}

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code));

/** [rule code, a script that must trigger it, the 0-based line it must be on]. */
const cases: Array<[string, string, number]> = [
  ['hms-misspelled-event', 'Sub OnAcceptMesage(oClient, oMessage)\nEnd Sub', 0],
  ['hms-handler-signature', 'Sub OnExternalAccountDownload(oMessage, sRemoteUID)\nEnd Sub', 0],
  ['hms-unavailable-in-version', 'Sub OnHELO(oClient)\nEnd Sub', 0],
  ['hms-unavailable-in-version', 'Sub OnClientConnect(oClient)\n  If oClient.Authenticated Then Exit Sub\nEnd Sub', 1],
  ['hms-unknown-member', 'Sub OnDeliverMessage(oMessage)\n  x = oMessage.Header\nEnd Sub', 1],
  ['hms-unknown-member', 'Sub OnDeliverMessage(oMessage)\n  x = oMessage.Recipients(0).Adress\nEnd Sub', 1],
  ['hms-read-only-property', 'Sub OnDeliverMessage(oMessage)\n  oMessage.Size = 5\nEnd Sub', 1],
  ['hms-missing-set', 'Sub OnDeliverMessage(oMessage)\n  Dim app\n  app = CreateObject("hMailServer.Application")\nEnd Sub', 2],
  ['hms-missing-set', 'Sub OnDeliverMessage(oMessage)\n  r = oMessage.Recipients\nEnd Sub', 1],
  ['hms-misplaced-set', 'Sub OnDeliverMessage(oMessage)\n  Set s = oMessage.Subject\nEnd Sub', 1],
  ['hms-result-unavailable', 'Sub OnClientLogon(oClient)\n  Result.Value = 1\nEnd Sub', 1],
  ['hms-result-unavailable', 'Sub OnDeliveryFailed(oMessage, sRecipient, sErrorMessage)\n  Result.Value = 1\nEnd Sub', 1],
  ['hms-result-value-ignored', 'Sub OnClientConnect(oClient)\n  Result.Value = 2\nEnd Sub', 1],
  ['hms-result-value-ignored', 'Sub OnDeliveryStart(oMessage)\n  Result.Value = 3\nEnd Sub', 1],
  ['hms-result-message-smtp-code', 'Sub OnSMTPData(oClient, oMessage)\n  Result.Message = "550 Blocked"\n  Result.Value = 2\nEnd Sub', 1],
  ['hms-for-each-collection', 'Sub OnDeliverMessage(oMessage)\n  For Each r In oMessage.Recipients\n  Next\nEnd Sub', 1],
  ['hms-wscript', 'Sub OnClientConnect(oClient)\n  WScript.Sleep 1000\nEnd Sub', 1],
  ['hms-load-time-named-item', 'EventLog.Write "loaded"\nSub OnClientConnect(oClient)\nEnd Sub', 0],
  ['hms-module-cache', 'Dim g_list\nSub OnAcceptMessage(oClient, oMessage)\n  If IsEmpty(g_list) Then g_list = Split("a,b", ",")\nEnd Sub', 2],
  ['hms-unsaved-message', 'Sub OnAcceptMessage(oClient, oMessage)\n  oMessage.Subject = "[tag] " & oMessage.Subject\nEnd Sub', 1],
  ['hms-unsaved-message', 'Sub OnDeliverMessage(oMessage)\n  oMessage.HeaderValue("X-Test") = "1"\nEnd Sub', 1],
  [
    'hms-unauthenticated-admin',
    'Sub OnClientConnect(oClient)\n  Dim app\n  Set app = CreateObject("hMailServer.Application")\n  app.Settings.SecurityRanges.Refresh\nEnd Sub',
    3,
  ],
  ['hms-undeclared-variable', 'Option Explicit\nSub OnClientConnect(oClient)\n  sIP = oClient.IPAddress\nEnd Sub', 2],
  ['hms-utf8-without-bom', "Sub OnClientConnect(oClient)\n  EventLog.Write \"Verbindung geöffnet\"\nEnd Sub", 1],
];

describe('each rule fires on its mistake', () => {
  for (const [code, text, line] of cases) {
    it(`${code}: ${text.split('\n')[line].trim()}`, async () => {
      const ds = await diagnose(text);
      const hit = ds.find((d) => d.code === code);
      assert.ok(hit, `expected ${code}, got ${JSON.stringify(codes(ds))}`);
      assert.equal(hit.range.start.line, line);
      assert.equal(hit.source, 'hmailserver');
    });
  }
});

describe('valid code produces no diagnostics', () => {
  it('a realistic handler file (real-world patterns), for every version', async () => {
    const text = readFileSync(path.join(repoRoot, 'test/server/fixtures/realistic.vbs'), 'utf8');
    for (const version of ['5.6', '5.6-rvdh', '5.7']) {
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { hmailserver: { version } } });
      const ds = await diagnose(text);
      assert.deepEqual(
        ds.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`),
        [],
        `version ${version}`,
      );
    }
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { hmailserver: { version: '5.6' } } });
  });

  it('a rule function named like an On… helper is not a misspelled event', async () => {
    const ds = await diagnose('Sub OnSpamHandler(oMessage)\n  Set h = CreateObject("BitMinistry.Handler")\n  h.Handle oMessage\nEnd Sub');
    assert.deepEqual(codes(ds), []);
  });

  it('OnHelo in any case is the OnHELO event under 5.7, and a 3-parameter OnExternalAccountDownload is fine', async () => {
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { hmailserver: { version: '5.7' } } });
    const ds = await diagnose(
      'Sub OnHelo(oClient)\n  If oClient.Authenticated Then Result.Value = 0\nEnd Sub\nSub OnExternalAccountDownload(oFetchAccount, oMessage, sRemoteUID)\nEnd Sub',
    );
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { hmailserver: { version: '5.6' } } });
    assert.deepEqual(codes(ds), []);
  });

  it('members of unknown objects are never reported', async () => {
    const ds = await diagnose('Sub OnClientConnect(oClient)\n  Set d = CreateObject("DNSLibrary.DNSResolver")\n  x = d.Whatever(oClient.IPAddress).Foo\nEnd Sub');
    assert.deepEqual(codes(ds), []);
  });

  it('top-level code without named items is fine, and so is Result in a rule function', async () => {
    const ds = await diagnose('Dim re\nSet re = New RegExp\nSub MarkIt(oMessage)\n  Result.Value = 0\n  oMessage.Subject = "x"\n  oMessage.Save\nEnd Sub');
    assert.deepEqual(codes(ds), []);
  });
});

describe('compile errors', () => {
  it('keep the VBScript number as code, are errors, and cannot be switched off', async () => {
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { hmailserver: { version: '5.6', diagnostics: { rules: { vbs1002: 'off', 'hms-wscript': 'off' } } } },
    });
    const ds = await diagnose('Sub OnClientConnect(oClient)\n  If Then\nEnd Sub');
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { hmailserver: { version: '5.6' } } });
    const compile = ds.filter((d) => String(d.code).startsWith('vbs'));
    assert.ok(compile.length > 0, JSON.stringify(ds));
    assert.ok(compile.every((d) => d.severity === 1 && d.source === 'vbscript'));
  });
});

describe('settings and suppression', () => {
  it('hmailserver.diagnostics.rules changes severities and switches rules off', async () => {
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { hmailserver: { version: '5.6', diagnostics: { rules: { 'hms-wscript': 'hint', 'hms-result-value-ignored': 'off' } } } },
    });
    const ds = await diagnose('Sub OnClientConnect(oClient)\n  WScript.Sleep 1\n  Result.Value = 2\nEnd Sub');
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { hmailserver: { version: '5.6' } } });
    assert.deepEqual(codes(ds), ['hms-wscript']);
    assert.equal(ds[0].severity, 4);
  });

  it("' hms-disable-next-line and ' hms-disable-line suppress (all rules, or the listed codes)", async () => {
    const ds = await diagnose(
      [
        'Sub OnClientConnect(oClient)',
        "  ' hms-disable-next-line hms-wscript",
        '  WScript.Sleep 1',
        '  WScript.Sleep 2 \' hms-disable-line',
        "  ' hms-disable-next-line hms-unknown-member, hms-module-cache",
        '  WScript.Sleep 3',
        'End Sub',
      ].join('\n'),
    );
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['hms-wscript', 5]]);
  });

  it('the configured version decides which members exist', async () => {
    const text = 'Sub OnClientConnect(oClient)\n  x = oClient.SessionID\nEnd Sub';
    assert.deepEqual(codes(await diagnose(text)), ['hms-unavailable-in-version']);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { hmailserver: { version: '5.7' } } });
    const later = await diagnose(text);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { hmailserver: { version: '5.6' } } });
    assert.deepEqual(codes(later), []);
  });
});

describe('encoding', () => {
  it('a file saved with a BOM is fine; without one the non-ASCII text is reported', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hms-bom-'));
    const text = 'Sub OnClientConnect(oClient)\r\n  EventLog.Write "Grüße"\r\nEnd Sub\r\n';
    const withBom = path.join(dir, 'with.vbs');
    const without = path.join(dir, 'without.vbs');
    writeFileSync(withBom, '\uFEFF' + text, 'utf8');
    writeFileSync(without, text, 'utf8');
    assert.deepEqual(codes(await client.open(pathToFileURL(withBom).toString(), text)), []);
    const ds = await client.open(pathToFileURL(without).toString(), text);
    assert.deepEqual(codes(ds), ['hms-utf8-without-bom']);
    assert.equal(ds[0].range.start.line, 1);
  });
});
