/**
 * EventHandlers.js over real LSP (dist/server.js, which loads dist/jscriptService.js on the first
 * JScript document): diagnostics (syntax errors `js…` from the ES3 parser, `hms-*` rules with
 * settings and suppression), completions, resolve, hover, signature help, quick fixes, and
 * VBScript documents beside them unchanged.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  SymbolKind,
  type DocumentSymbol,
  type FoldingRange,
  type Location,
  InsertTextFormat,
  type CodeAction,
  type CompletionList,
  type Diagnostic,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient, repoRoot } from '../lspClient';
import { completeJs, hoverJs, jsUri, labels, openJs, openJsAt, resolveJs, signatureJs } from './jsClient';

let client: LspClient;

before(async () => {
  client = await LspClient.start({ debounceMs: 0, settings: { version: '5.6' } });
});
after(async () => {
  await client.stop();
});

async function diagnose(text: string): Promise<Diagnostic[]> {
  const uri = jsUri('diag');
  const d = await openJs(client, uri, text);
  await client.close(uri);
  return d;
}

const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.code}`);

describe('JScript diagnostics', () => {
  it('reports a syntax error of the ES3 parser as js<number>, an error from source jscript', async () => {
    const d = await diagnose('function OnAcceptMessage(oClient, oMessage) {\n  let x = 1;\n}\n');
    assert.equal(d.length, 1);
    assert.match(String(d[0].code), /^js10\d\d$/);
    assert.equal(d[0].source, 'jscript');
    assert.equal(d[0].severity, 1);
    assert.equal(d[0].range.start.line, 1);
  });

  it('accepts call-as-lvalue and a clean handler file: no diagnostics', async () => {
    const d = await diagnose(
      [
        'function Trim(s) { return String(s).replace(/^\\s+|\\s+$/g, ""); }',
        'function OnAcceptMessage(oClient, oMessage) {',
        '  oMessage.HeaderValue("X-Checked") = "1";',
        '  for (var i = 0; i < oMessage.Recipients.Count; i++) EventLog.Write(oMessage.Recipients(i).Address);',
        '  if (Trim(oMessage.Subject) == "") Result.Value = 1;',
        '  oMessage.Save();',
        '}',
        'function OnClientConnect(oClient) {',
        '  var app = new ActiveXObject("hMailServer.Application");',
        '  app.Authenticate("Administrator", "secret");',
        '  if (oClient.IPAddress == "127.0.0.1") Result.Value = 0;',
        '}',
      ].join('\r\n'),
    );
    assert.deepEqual(d, []);
  });

  it('finds nothing to report in the bundled examples/EventHandlers.js', async () => {
    assert.deepEqual(await diagnose(readFileSync(path.join(repoRoot, 'examples', 'EventHandlers.js'), 'utf8')), []);
  });

  it('reports ES5 built-ins jscript.dll lacks as hms-js-es5-builtin errors with a clear message', async () => {
    const d = await diagnose('function OnAcceptMessage(oClient, oMessage) {\n  var s = oMessage.Subject.trim();\n  var j = JSON.stringify(s);\n}\n');
    assert.deepEqual(summary(d), ['1:hms-js-es5-builtin', '2:hms-js-es5-builtin']);
    assert.match(d[0].message as string, /^jscript\.dll \(ES3\) has no String\.prototype\.trim: it fails on the server\./);
    assert.equal(d[0].severity, 1);
    assert.equal(d[0].source, 'hmailserver');
  });

  it('reports wrongly cased and misspelled handlers, and events the version lacks, but not a parameter count', async () => {
    const d = await diagnose('function OnSmtpData(oClient, oMessage) {}\nfunction OnAcceptMesage(oClient, oMessage) {}\nfunction OnHELO(oClient) {}\nfunction OnClientConnect() {}\n');
    assert.deepEqual(summary(d), ['0:hms-misspelled-event', '1:hms-misspelled-event', '2:hms-unavailable-in-version']);
    assert.equal(d[0].message, 'JScript is case-sensitive: hMailServer calls OnSMTPData, never OnSmtpData.');
  });

  it('reports unknown members and members the version lacks on hMailServer objects', async () => {
    const d = await diagnose('function OnClientConnect(oClient) {\n  var a = oClient.IPAdress;\n  var b = oClient.SessionID;\n  var c = oClient.ipaddress;\n}\n');
    assert.deepEqual(summary(d), ['1:hms-unknown-member', '2:hms-unavailable-in-version']);
  });

  it('reports WScript and named items used by top-level code, as for VBScript', async () => {
    const d = await diagnose('var log = EventLog;\nfunction OnClientConnect(oClient) {\n  WScript.Sleep(10);\n}\n');
    assert.deepEqual(summary(d), ['0:hms-load-time-named-item', '2:hms-wscript']);
  });

  it('reports non-ASCII text in a file without a BOM, as for VBScript (the server reads it as ANSI)', async () => {
    const d = await diagnose('function OnAcceptMessage(oClient, oMessage) {\n  oMessage.Subject = "Grüße";\n}\n');
    assert.deepEqual(summary(d), ['1:hms-utf8-without-bom']);
    assert.deepEqual(await diagnose('\uFEFFfunction OnAcceptMessage(oClient, oMessage) {\n  oMessage.Subject = "Grüße";\n}\n'), []);
  });

  it('obeys rule settings and suppression comments', async () => {
    const text = 'function OnAcceptMessage(oClient, oMessage) {\n  // hms-disable-next-line hms-js-es5-builtin\n  var s = oMessage.Subject.trim();\n  var t = s.trim(); // hms-disable-line\n  var k = Object.keys({});\n}\n';
    assert.deepEqual(summary(await diagnose(text)), ['4:hms-js-es5-builtin']);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { hmailserver: { version: '5.6', diagnostics: { rules: { 'hms-js-es5-builtin': 'warning' } } } },
    });
    const d = await diagnose(text);
    assert.deepEqual(d.map((x) => x.severity), [2]);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { hmailserver: { version: '5.6' } } });
  });

  it('follows the configured version: OnHELO and Client.SessionID are fine in 5.7', async () => {
    const text = 'function OnHELO(oClient) {\n  var id = oClient.SessionID;\n}\n';
    assert.deepEqual(summary(await diagnose(text)), ['0:hms-unavailable-in-version', '1:hms-unavailable-in-version']);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { hmailserver: { version: '5.7' } } });
    assert.deepEqual(await diagnose(text), []);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { hmailserver: { version: '5.6' } } });
  });

  it('leaves VBScript documents to the VBScript analysis', async () => {
    const uri = 'file:///virtual/jsside/EventHandlers.vbs';
    const vbs = await client.open(uri, 'Sub OnAcceptMesage(oClient, oMessage)\nEnd Sub\nSub X(\n');
    assert.ok(vbs.some((d) => String(d.code).startsWith('vbs')));
    assert.ok(vbs.some((d) => d.code === 'hms-misspelled-event'));
    const js = await diagnose('Sub OnAcceptMessage(oClient, oMessage)\nEnd Sub\n');
    assert.ok(js.length > 0 && js.every((d) => String(d.code).startsWith('js')), JSON.stringify(js));
    await client.close(uri);
  });
});

describe('JScript completion', () => {
  it('offers handler skeletons of the configured version after "function "', async () => {
    const items = await completeJs(client, 'function OnClientConnect(oClient) {}\nfunction |', ' ');
    const names = labels(items);
    assert.ok(names.includes('OnAcceptMessage') && !names.includes('OnClientConnect') && !names.includes('OnHELO'));
    const accept = items.find((i) => i.label === 'OnAcceptMessage')!;
    assert.equal(accept.detail, 'function OnAcceptMessage(oClient, oMessage)');
    assert.equal((accept.textEdit as TextEdit).newText, 'OnAcceptMessage(oClient, oMessage) {\n\t$0\n}');
    assert.equal(accept.insertTextFormat, InsertTextFormat.Snippet);
  });

  it('offers the members of the event parameters, typed, with details on resolve', async () => {
    const items = await completeJs(client, 'function OnAcceptMessage(oClient, oMessage) {\n  oMessage.|\n}', '.');
    const names = labels(items);
    for (const m of ['Subject', 'HeaderValue', 'Recipients', 'Save', 'Attachments']) assert.ok(names.includes(m), m);
    assert.ok(!names.includes('trim') && !names.includes('oClient'), 'only Message members');
    const resolved = await resolveJs(client, items.find((i) => i.label === 'HeaderValue')!);
    assert.equal(resolved.detail, '(method) hMailServer.Message.HeaderValue(FieldName: string): string');
    assert.match((resolved.documentation as MarkupContent).value, /header/i);
  });

  it('types oMessage.Recipients(0), named items and ActiveXObject variables', async () => {
    assert.ok(labels(await completeJs(client, 'function OnDeliverMessage(oMessage) {\n  oMessage.Recipients(0).|\n}', '.')).includes('Address'));
    assert.ok(labels(await completeJs(client, 'function OnClientConnect(oClient) {\n  Result.|\n}', '.')).includes('Value'));
    assert.ok(labels(await completeJs(client, 'function OnClientConnect(oClient) {\n  HMAILSERVER_CLIENT.|\n}', '.')).includes('IPAddress'));
    const app = labels(await completeJs(client, 'var app = new ActiveXObject("hMailServer.Application");\nfunction OnClientConnect(oClient) {\n  app.|\n}', '.'));
    assert.ok(app.includes('Authenticate') && app.includes('Settings'));
  });

  it('offers hMailServer ProgIDs in new ActiveXObject("', async () => {
    const names = labels(await completeJs(client, 'var app = new ActiveXObject("|");', '"'));
    assert.ok(names.includes('hMailServer.Application'));
    assert.ok(names.includes('Scripting.FileSystemObject'));
  });

  it('answers a completion right after an edit for the new text', async () => {
    const { uri } = await openJsAt(client, 'function OnClientConnect(oClient) {\n  |\n}');
    await client.edit(uri, { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, 'oClient.');
    const r = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 10 },
      context: { triggerKind: 2, triggerCharacter: '.' },
    })) as CompletionList;
    assert.ok(labels(r.items).includes('IPAddress'));
  });
});

describe('JScript hover, signature help and quick fixes', () => {
  it('hovers a member with its type and the API description', async () => {
    const text = await hoverJs(client, 'function OnAcceptMessage(oClient, oMessage) {\n  var s = oMessage.Sub|ject;\n}');
    assert.match(text, /hMailServer\.Message\.Subject: string/);
    assert.match(text, /Subject header/);
  });

  it('hovers a handler with the event documentation', async () => {
    const text = await hoverJs(client, 'function OnAcc|eptMessage(oClient, oMessage) {\n}');
    assert.match(text, /oMessage: hMailServer\.Message/);
  });

  it('helps with the arguments of COM methods', async () => {
    const s = await signatureJs(client, 'var app = new ActiveXObject("hMailServer.Application");\napp.Authenticate("Administrator", |');
    assert.equal(s!.signatures[0].label, 'Authenticate(Username: string, Password: string): hMailServer.Account');
    assert.equal(s!.activeParameter, 1);
  });

  it('renames a misspelled handler and corrects an unknown member', async () => {
    const { uri } = await openJsAt(client, 'function OnSmtpData(oClient, oMessage) {}\nfunction OnDeliverMessage(oMessage) {\n  var s = oMessage.Subjekt;\n}|');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 3, character: 1 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Rename to OnSMTPData', 'Change to Subject']);
    assert.equal(actions[0].edit!.changes![uri][0].newText, 'OnSMTPData');
  });
});

describe('JScript outline, folding and definition', () => {
  const script = [
    '/* settings',
    '   of the script */',
    'var LIMIT = 5;',
    'function Helper(s) {',
    '  return s;',
    '}',
    'function OnAcceptMessage(oClient, oMessage) {',
    '  var n = Helper(oMessage.Subject);',
    '}',
  ].join('\n');

  it('lists handlers as events, helpers as functions and globals as variables', async () => {
    const uri = jsUri('outline');
    await openJs(client, uri, script);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => [s.name, s.kind]), [['LIMIT', SymbolKind.Variable], ['Helper', SymbolKind.Function], ['OnAcceptMessage', SymbolKind.Event]]);
    const accept = symbols[2];
    assert.deepEqual([accept.range.start.line, accept.range.end.line, accept.selectionRange.start.character], [6, 8, 9]);
    const folds = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) as FoldingRange[];
    assert.deepEqual(folds.map((f) => [f.startLine, f.endLine, f.kind ?? '']).sort(), [[0, 1, 'comment'], [3, 4, ''], [6, 7, '']]);
  });

  it('gives every symbol a range that contains its name, prototype methods included (VS Code rejects the outline otherwise)', async () => {
    const uri = jsUri('outline-example');
    await openJs(client, uri, readFileSync(path.join(repoRoot, 'examples', 'EventHandlers.js'), 'utf8'));
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    const all: DocumentSymbol[] = [];
    const collect = (list: DocumentSymbol[]) => list.forEach((d) => { all.push(d); collect(d.children ?? []); });
    collect(symbols);
    assert.ok(all.some((d) => d.name === 'words'), JSON.stringify(all.map((d) => d.name)));
    for (const d of all) assert.ok(before(d.range.start, d.selectionRange.start) && before(d.selectionRange.end, d.range.end), `${d.name}: ${JSON.stringify(d)}`);
  });

  it('goes to the declaration of a function the script calls', async () => {
    const uri = jsUri('definition');
    await openJs(client, uri, script);
    const d = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 7, character: 12 } })) as Location;
    assert.deepEqual(d.range.start, { line: 3, character: 9 });
  });
});
