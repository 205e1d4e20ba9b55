/**
 * EventHandlers.js over real LSP (dist/server.js), the features it shares with EventHandlers.vbs:
 * references, rename (with VBScript's refusals), document formatting, go to definition of
 * functions, variables and parameters, inlay hints and hover on `Result.Value = n`, and the
 * Result rules (`hms-result-*`) from the same API data as VBScript's.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  DefinitionRequest,
  DiagnosticTag,
  DidChangeConfigurationNotification,
  DocumentFormattingRequest,
  HoverRequest,
  InlayHintRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type InlayHint,
  type Location,
  type MarkupContent,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient, type Position } from '../lspClient';
import { jsUri, openJs } from './jsClient';

let client: LspClient;

before(async () => {
  client = await LspClient.start({ debounceMs: 0, settings: { version: '5.6' } });
});
after(async () => {
  await client.stop();
});

const script = [
  'var LIMIT = 5;', // 0
  'function Helper(s) {', // 1
  '  return String(s).length > LIMIT;', // 2
  '}', // 3
  'function OnAcceptMessage(oClient, oMessage) {', // 4
  '  var subject = oMessage.Subject;', // 5
  '  if (Helper(subject)) Result.Value = 2;', // 6
  '  oMessage.Subject = "[long] " + subject;', // 7
  '  LIMIT = LIMIT + 1;', // 8
  '}', // 9
].join('\n');

async function openScript(text = script): Promise<string> {
  const uri = jsUri('parity');
  await openJs(client, uri, text);
  return uri;
}

/** Each location as `line:character-character`, in order. */
const spans = (ranges: Range[]) =>
  ranges
    .map((r) => `${r.start.line}:${r.start.character}-${r.end.character}`)
    .sort((a, b) => {
      const [la, ca] = a.split(/[:-]/).map(Number);
      const [lb, cb] = b.split(/[:-]/).map(Number);
      return la - lb || ca - cb;
    });

async function references(uri: string, position: Position, includeDeclaration = true): Promise<string[]> {
  const r = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration } })) as Location[];
  assert.ok(r.every((l) => l.uri === uri));
  return spans(r.map((l) => l.range));
}

describe('JScript references', () => {
  it('finds a global variable and a function across the script, with or without the declaration', async () => {
    const uri = await openScript();
    assert.deepEqual(await references(uri, { line: 8, character: 3 }), ['0:4-9', '2:28-33', '8:2-7', '8:10-15']);
    assert.deepEqual(await references(uri, { line: 6, character: 8 }), ['1:9-15', '6:6-12']);
    assert.deepEqual(await references(uri, { line: 6, character: 8 }, false), ['6:6-12']);
  });

  it('finds a handler parameter without the JSDoc the service types it with', async () => {
    const uri = await openScript();
    assert.deepEqual(await references(uri, { line: 4, character: 36 }), ['4:34-42', '5:16-24', '7:2-10']);
  });

  it('finds the uses of an API member in the script only', async () => {
    const uri = await openScript();
    assert.deepEqual(await references(uri, { line: 5, character: 28 }), ['5:25-32', '7:11-18']);
  });
});

async function prepareRename(uri: string, position: Position): Promise<{ range?: Range; placeholder?: string; error?: string }> {
  try {
    const r = (await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position })) as { range: Range; placeholder: string } | null;
    return r ?? {};
  } catch (e) {
    return { error: (e as Error).message };
  }
}

async function rename(uri: string, position: Position, newName: string): Promise<{ edits?: TextEdit[]; error?: string }> {
  try {
    const r = (await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName })) as WorkspaceEdit;
    return { edits: r.changes![uri] };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('JScript rename', () => {
  it('renames a helper function, a variable and a parameter everywhere, never inside the inserted JSDoc', async () => {
    const uri = await openScript();
    const helper = await prepareRename(uri, { line: 6, character: 8 });
    assert.equal(helper.placeholder, 'Helper');
    assert.deepEqual(spans([helper.range!]), ['6:6-12']);
    const r = await rename(uri, { line: 6, character: 8 }, 'IsLong');
    assert.deepEqual(spans(r.edits!.map((e) => e.range)), ['1:9-15', '6:6-12']);
    assert.ok(r.edits!.every((e) => e.newText === 'IsLong'));
    const p = await rename(uri, { line: 5, character: 18 }, 'msg');
    assert.deepEqual(spans(p.edits!.map((e) => e.range)), ['4:34-42', '5:16-24', '7:2-10']);
    const v = await rename(uri, { line: 0, character: 5 }, 'MAX_LENGTH');
    assert.deepEqual(spans(v.edits!.map((e) => e.range)), ['0:4-9', '2:28-33', '8:2-7', '8:10-15']);
  });

  it('refuses an event handler, API members, named items and built-ins, as VBScript does', async () => {
    const uri = await openScript();
    assert.match((await prepareRename(uri, { line: 4, character: 12 })).error ?? '', /OnAcceptMessage is an event handler: hMailServer calls it by this name/);
    assert.match((await prepareRename(uri, { line: 5, character: 28 })).error ?? '', /Subject is provided by hMailServer or JScript/);
    assert.match((await prepareRename(uri, { line: 6, character: 25 })).error ?? '', /Result is provided by hMailServer or JScript/);
    assert.match((await prepareRename(uri, { line: 2, character: 20 })).error ?? '', /length is provided by hMailServer or JScript/);
    assert.match((await prepareRename(uri, { line: 2, character: 10 })).error ?? '', /String is provided by hMailServer or JScript/);
    assert.match((await rename(uri, { line: 5, character: 28 }, 'Topic')).error ?? '', /provided by hMailServer/);
  });

  it('refuses an event name or an invalid name as the new name', async () => {
    const uri = await openScript();
    assert.match((await rename(uri, { line: 1, character: 11 }, 'OnClientConnect')).error ?? '', /'OnClientConnect' is an event name: hMailServer would call it/);
    assert.match((await rename(uri, { line: 1, character: 11 }, 'my helper')).error ?? '', /not a valid JScript name/);
    assert.match((await rename(uri, { line: 1, character: 11 }, 'class')).error ?? '', /not a valid JScript name/);
  });
});

describe('JScript go to definition', () => {
  it('goes to the declaration of a variable, a global and a parameter', async () => {
    const uri = await openScript();
    const at = async (position: Position) => {
      const d = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position })) as Location | null;
      return d ? spans([d.range])[0] : null;
    };
    assert.equal(await at({ line: 7, character: 33 }), '5:6-13');
    assert.equal(await at({ line: 2, character: 30 }), '0:4-9');
    assert.equal(await at({ line: 7, character: 4 }), '4:34-42');
    assert.equal(await at({ line: 6, character: 8 }), '1:9-15');
    assert.equal(await at({ line: 5, character: 28 }), null, 'API members have no place in the script');
  });
});

/** Applies LSP edits (non-overlapping) to a text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: Position) => lineStarts[p.line] + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('JScript formatting', () => {
  const format = async (text: string, options = { tabSize: 2, insertSpaces: true }) => {
    const uri = jsUri('format');
    await openJs(client, uri, text);
    const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options })) as TextEdit[];
    await client.close(uri);
    return applyEdits(text, edits);
  };

  it('indents blocks and spaces operators, leaving semicolons and ES3 syntax alone', async () => {
    const text = 'function OnAcceptMessage(oClient,oMessage){\nvar s=oMessage.Subject\nif(s==""){\nResult.Value=2;\n}\n  }\n';
    assert.equal(
      await format(text),
      'function OnAcceptMessage(oClient, oMessage) {\n  var s = oMessage.Subject\n  if (s == "") {\n    Result.Value = 2;\n  }\n}\n',
    );
  });

  it('indents with tabs when asked, and keeps CRLF line ends', async () => {
    const text = 'function Helper(s) {\r\nreturn s;\r\n}\r\n';
    assert.equal(await format(text, { tabSize: 4, insertSpaces: false }), 'function Helper(s) {\r\n\treturn s;\r\n}\r\n');
  });

  it('leaves a formatted script unchanged, handlers included', async () => {
    assert.equal(await format(script), script);
  });
});

describe('JScript Result: inlay hints, hover and rules', () => {
  const text = [
    'function OnClientConnect(oClient) {',
    '  Result.Value = 1;',
    '  Result.Value = 2;',
    '}',
    'function OnDeliveryFailed(oMessage, sRecipient, sErrorMessage) {',
    '  Result.Value = 1;',
    '}',
    'function OnAcceptMessage(oClient, oMessage) {',
    '  Result.Message = "554 Go away";',
    '  Result.Value = 2;',
    '}',
  ].join('\n');

  it('shows what the server does with Result.Value = n, as for VBScript', async () => {
    const uri = await openScript(text);
    const hints = (await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 11, character: 0 } },
    })) as InlayHint[];
    assert.deepEqual(
      hints.map((h) => `${h.position.line}:${h.position.character} ${String(h.label)}`),
      ['1:18 → close the connection, nothing sent', '2:18 → ignored in OnClientConnect', '9:18 → 554 <Result.Message>'],
    );
    const h = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 9, character: 17 } })) as Hover;
    assert.match((h.contents as MarkupContent).value, /^\*\*Result\.Value = 2\*\* in OnAcceptMessage: 554 <Result\.Message>/);
  });

  it('hides the hints when hmailserver.inlayHints says so', async () => {
    const uri = await openScript(text);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { hmailserver: { version: '5.6', inlayHints: { resultValue: false } } } });
    const hints = (await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 11, character: 0 } },
    })) as InlayHint[];
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { hmailserver: { version: '5.6' } } });
    assert.deepEqual(hints, []);
  });

  it('reports Result where the event has none, values the event ignores and SMTP codes in the message, with VBScript codes', async () => {
    const uri = jsUri('result');
    const d: Diagnostic[] = await openJs(client, uri, text);
    assert.deepEqual(
      d.map((x) => `${x.range.start.line}:${x.code}:${x.severity}`),
      ['2:hms-result-value-ignored:2', '5:hms-result-unavailable:1', '8:hms-result-message-smtp-code:2'],
    );
    assert.match(String(d[0].message), /^OnClientConnect ignores Result\.Value = 2: only 1 \(close the connection, nothing sent\) changes anything\.$/);
    assert.deepEqual(d[0].tags, [DiagnosticTag.Unnecessary]);
    assert.match(String(d[1].message), /^OnDeliveryFailed has no Result object: this fails with "'Result' is undefined"/);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d[2].range,
      context: { diagnostics: [d[2]] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Remove "554" from the message']);
    assert.equal(applyEdits(text, actions[0].edit!.changes![uri]).split('\n')[8], '  Result.Message = "Go away";');
  });

  it('treats a one-parameter function nothing calls as a rule function, and leaves helpers alone', async () => {
    const d = await openJs(
      client,
      jsUri('rulefn'),
      'function MyRule(oMessage) {\n  Result.Value = 1;\n}\nfunction Helper(a, b) {\n  Result.Value = 1;\n}\nfunction OnAcceptMessage(oClient, oMessage) {\n  Helper(1, 2);\n}\n',
    );
    assert.deepEqual(d.map((x) => `${x.range.start.line}:${x.code}`), ['1:hms-result-value-ignored']);
    assert.match(String(d[0].message), /^Rule functions ignore Result/);
  });

  it('obeys the VBScript rule settings and suppression comments', async () => {
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { hmailserver: { version: '5.6', diagnostics: { rules: { 'hms-result-value-ignored': 'off' } } } },
    });
    const d = await openJs(client, jsUri('result-off'), text.replace('  Result.Value = 1;\n}\nfunction OnAcceptMessage', '  // hms-disable-next-line hms-result-unavailable\n  Result.Value = 1;\n}\nfunction OnAcceptMessage'));
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { hmailserver: { version: '5.6' } } });
    assert.deepEqual(d.map((x) => x.code), ['hms-result-message-smtp-code']);
  });
});
