/**
 * Language features over real LSP: completion, hover, signature help, definition, references,
 * rename, symbols, folding, formatting, inlay hints and code actions, including typing sequences
 * on half-typed code.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  CompletionRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SignatureHelpRequest,
  SymbolKind,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type Hover,
  type Location,
  type MarkupContent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient, withCursor, type Position } from './lspClient';

let client: LspClient;
let counter = 0;

before(async () => {
  client = await LspClient.start({ debounceMs: 0, settings: { version: '5.6' } });
});
after(async () => {
  await client.stop();
});

/** Opens `marked` (with a `|` cursor) as a fresh document. */
async function openAt(marked: string): Promise<{ uri: string; position: Position; text: string }> {
  const { text, position } = withCursor(marked);
  const uri = `file:///virtual/feat${++counter}/EventHandlers.vbs`;
  await client.open(uri, text);
  return { uri, position, text };
}

async function complete(marked: string): Promise<CompletionItem[]> {
  const { uri, position } = await openAt(marked);
  const r = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionList | null;
  return r?.items ?? [];
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

async function hoverText(marked: string): Promise<string> {
  const { uri, position } = await openAt(marked);
  const h = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })) as Hover | null;
  return h ? (h.contents as MarkupContent).value : '';
}

describe('completion', () => {
  it('offers event prototypes after "Sub On", without the handlers already defined, for the configured version', async () => {
    const items = await complete('Sub OnClientConnect(oClient)\nEnd Sub\nSub On|');
    const names = labels(items);
    assert.ok(names.includes('OnAcceptMessage'));
    assert.ok(!names.includes('OnClientConnect'), 'already defined');
    assert.ok(!names.includes('OnHELO'), 'not in 5.6');
    assert.equal(names.length, 9);
    const accept = items.find((i) => i.label === 'OnAcceptMessage')!;
    assert.equal(accept.detail, 'Sub OnAcceptMessage(oClient, oMessage)');
    assert.equal((accept.textEdit as TextEdit).newText, 'OnAcceptMessage(oClient, oMessage)');
    assert.ok((accept.documentation as MarkupContent).value.length > 20);
  });

  it('offers members by type after ".", with kind, type and read-only marker', async () => {
    const items = await complete('Sub OnAcceptMessage(oClient, oMessage)\n  x = oMessage.|\nEnd Sub');
    const names = labels(items);
    assert.ok(names.includes('Subject') && names.includes('Save') && names.includes('HeaderValue'));
    const id = items.find((i) => i.label === 'ID')!;
    assert.match(id.detail!, /Message\.ID As LongLong \(read-only\)/);
  });

  it('follows member return types: Recipients(0). and Recipients.Item(0). are Recipient', async () => {
    for (const chain of ['oMessage.Recipients(0).', 'oMessage.Recipients.Item(0).']) {
      const names = labels(await complete(`Sub OnDeliverMessage(oMessage)\n  x = ${chain}|\nEnd Sub`));
      assert.ok(names.includes('OriginalAddress') && names.includes('IsLocalUser'), `${chain}: ${names.join(',')}`);
    }
  });

  it('filters members by version', async () => {
    const v56 = labels(await complete('Sub OnClientConnect(oClient)\n  x = oClient.|\nEnd Sub'));
    assert.ok(v56.includes('IPAddress') && !v56.includes('Authenticated'));
  });

  it('types named items, Set variables, CreateObject, New and With blocks', async () => {
    assert.ok(labels(await complete('Sub OnClientConnect(oClient)\n  Result.|\nEnd Sub')).includes('Value'));
    assert.ok(labels(await complete('Sub OnClientConnect(oClient)\n  HMAILSERVER_CLIENT.|\nEnd Sub')).includes('IPAddress'));
    assert.ok(
      labels(await complete('Sub X()\n  Dim app\n  Set app = CreateObject("hMailServer.Application")\n  app.Settings.|\nEnd Sub')).includes('SecurityRanges'),
    );
    assert.ok(labels(await complete('Sub OnAcceptMessage(oClient, oMessage)\n  With oMessage\n    .|\n  End With\nEnd Sub')).includes('Subject'));
    assert.ok(
      labels(await complete('Class Box\n  Public Size\n  Public Sub Grow()\n  End Sub\nEnd Class\nSub X()\n  Dim b\n  Set b = New Box\n  b.|\nEnd Sub')).includes('Grow'),
    );
    assert.ok(labels(await complete('Sub Tag(oMessage)\n  oMessage.|\nEnd Sub')).includes('Subject'), 'rule function parameter is a Message');
  });

  it('a space opens the list only after Sub/Function', async () => {
    const { uri, position } = await openAt('Sub OnClientConnect(oClient)\n  x = |\nEnd Sub');
    const spaced = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
      context: { triggerKind: 2, triggerCharacter: ' ' },
    })) as CompletionList;
    assert.deepEqual(spaced.items, []);
    const sub = await openAt('Sub |');
    const events = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: sub.uri },
      position: sub.position,
      context: { triggerKind: 2, triggerCharacter: ' ' },
    })) as CompletionList;
    assert.ok(events.items.some((i) => i.label === 'OnAcceptMessage'));
  });

  it('offers nothing after "." on an unknown object', async () => {
    assert.deepEqual(await complete('Sub X()\n  Set d = CreateObject("Some.Thing")\n  d.|\nEnd Sub'), []);
  });

  it('offers ProgIDs inside CreateObject("', async () => {
    const items = await complete('Sub X()\n  Set a = CreateObject("hMa|\nEnd Sub');
    assert.ok(labels(items).includes('hMailServer.Application'));
    const app = items.find((i) => i.label === 'hMailServer.Application')!;
    assert.deepEqual((app.textEdit as TextEdit).range.start, { line: 1, character: 24 });
  });

  it('offers keywords at statement start, symbols in scope, named items of the event and built-ins', async () => {
    const names = labels(await complete('Const LIMIT = 5\nSub OnClientConnect(oClient)\n  Dim sLocal\n  |\nEnd Sub'));
    for (const n of ['If', 'Dim', 'sLocal', 'oClient', 'LIMIT', 'Result', 'EventLog', 'HMAILSERVER_CLIENT', 'Len', 'vbCrLf', 'CreateObject']) {
      assert.ok(names.includes(n), `missing ${n}`);
    }
    assert.ok(!names.includes('HMAILSERVER_MESSAGE'), 'OnClientConnect has no message');
    const inLogon = labels(await complete('Sub OnClientLogon(oClient)\n  x = |\nEnd Sub'));
    assert.ok(!inLogon.includes('Result'), 'OnClientLogon has no Result');
    assert.ok(!inLogon.includes('If') && inLogon.includes('Not'), 'expression keywords only');
  });

  it('keeps working through a typing sequence on half-typed code', async () => {
    const uri = `file:///virtual/typing/EventHandlers.vbs`;
    const steps = ['Sub OnAcceptMessage(oClient, oMessage)\n  ', 'If oMessage.', 'If oMessage.Recip', 'If oMessage.Recipients(0).', 'If oMessage.Recipients(0).Address = "" Then Result.'];
    await client.open(uri, steps[0] + '\nEnd Sub');
    const expectations = [undefined, 'Subject', 'Recipients', 'Address', 'Value'];
    for (let i = 1; i < steps.length; i++) {
      const text = steps[0] + steps[i] + '\nEnd Sub';
      await client.change(uri, text);
      const position = { line: 1, character: 2 + steps[i].length };
      const r = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionList;
      assert.ok(labels(r.items).includes(expectations[i]!), `step ${i}: ${steps[i]}`);
    }
  });
});

describe('hover', () => {
  it('documents API members with type, access and version', async () => {
    const text = await hoverText('Sub OnClientConnect(oClient)\n  x = oClient.IPAdd|ress\nEnd Sub');
    assert.match(text, /Client\.IPAddress As String \(read-only\)/);
  });

  it('documents event handlers and their parameters', async () => {
    assert.match(await hoverText('Sub OnAccept|Message(oClient, oMessage)\nEnd Sub'), /hMailServer event/);
    assert.match(await hoverText('Sub OnAcceptMessage(oClient, oMess|age)\nEnd Sub'), /oMessage As Message/);
  });

  it('says what a Result.Value does in this event', async () => {
    assert.match(await hoverText('Sub OnSMTPData(oClient, oMessage)\n  Result.Value = |1\nEnd Sub'), /554 Rejected/);
  });

  it('shows variable types inferred from Set', async () => {
    assert.match(await hoverText('Sub X()\n  Set a|pp = CreateObject("hMailServer.Application")\nEnd Sub'), /app As Application/);
  });
});

describe('signature help', () => {
  async function sig(marked: string) {
    const { uri, position } = await openAt(marked);
    return client.connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri }, position });
  }
  it('COM methods with the active parameter, in both call forms', async () => {
    const a = await sig('Sub OnAcceptMessage(oClient, oMessage)\n  oMessage.AddRecipient "Bob", |\nEnd Sub');
    assert.match(a!.signatures[0].label, /AddRecipient\(sName As String, sAddress As String\)/);
    assert.equal(a!.activeParameter, 1);
    const b = await sig('Sub OnAcceptMessage(oClient, oMessage)\n  x = oMessage.HeaderValue(|\nEnd Sub');
    assert.match(b!.signatures[0].label, /HeaderValue/);
    assert.equal(b!.activeParameter, 0);
  });
  it('built-ins and user procedures', async () => {
    const a = await sig('Sub X()\n  x = InStr(1, "abc", |\nEnd Sub');
    assert.match(a!.signatures[0].label, /^InStr\(/);
    assert.equal(a!.activeParameter, 2);
    const b = await sig('Sub Log(sText, iLevel)\nEnd Sub\nSub X()\n  Log "a", |\nEnd Sub');
    assert.equal(b!.signatures[0].label, 'Sub Log(sText, iLevel)');
    assert.equal(b!.activeParameter, 1);
  });
});

const program = [
  'Dim gCount', // 0
  'Sub Helper(x)', // 1
  '  gCount = gCount + x', // 2
  'End Sub', // 3
  'Sub OnClientConnect(oClient)', // 4
  '  Call helper(1)', // 5
  '  GCOUNT = 0', // 6
  'End Sub', // 7
].join('\n');

describe('navigation', () => {
  it('go to definition, find references and rename are case-insensitive', async () => {
    const uri = `file:///virtual/nav/EventHandlers.vbs`;
    await client.open(uri, program);
    const def = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 5, character: 9 } })) as Location;
    assert.deepEqual(def.range.start, { line: 1, character: 4 });
    const refs = (await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position: { line: 6, character: 3 },
      context: { includeDeclaration: true },
    })) as Location[];
    assert.deepEqual(refs.map((r) => r.range.start.line), [0, 2, 2, 6]);
    const prep = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: { line: 0, character: 5 } });
    assert.ok(prep);
    const edit = (await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri },
      position: { line: 2, character: 3 },
      newName: 'gTotal',
    })) as WorkspaceEdit;
    assert.equal(edit.changes![uri].length, 4);
    assert.ok(edit.changes![uri].every((e) => e.newText === 'gTotal'));
  });

  it('refuses to rename event handlers and hMailServer names', async () => {
    const uri = `file:///virtual/nav2/EventHandlers.vbs`;
    await client.open(uri, program);
    await assert.rejects(client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: { line: 4, character: 6 } }));
  });
});

describe('document structure', () => {
  it('document symbols mark events', async () => {
    const uri = `file:///virtual/sym/EventHandlers.vbs`;
    await client.open(uri, program + '\nClass Thing\n  Public Name\n  Sub Go()\n  End Sub\nEnd Class\nSub Tag(oMessage)\nEnd Sub');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const byName = new Map(symbols.map((s) => [s.name, s]));
    assert.equal(byName.get('OnClientConnect')!.kind, SymbolKind.Event);
    assert.equal(byName.get('Helper')!.kind, SymbolKind.Function);
    assert.equal(byName.get('gCount')!.kind, SymbolKind.Variable);
    assert.equal(byName.get('Tag')!.detail, 'rule function');
    assert.deepEqual(byName.get('Thing')!.children!.map((c) => c.name).sort(), ['Go', 'Name']);
  });

  it('folding ranges cover procedures and blocks', async () => {
    const uri = `file:///virtual/fold/EventHandlers.vbs`;
    await client.open(uri, "' a\n' b\nSub X()\n  If a Then\n    b = 1\n  Else\n    b = 2\n  End If\nEnd Sub");
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    const spans = ranges!.map((r) => [r.startLine, r.endLine]);
    assert.deepEqual(spans, [[0, 1], [2, 7], [3, 4], [5, 6]]);
  });

  it('formatting indents blocks and can re-case keywords', async () => {
    const uri = `file:///virtual/fmt/EventHandlers.vbs`;
    const text = 'sub X()\nif a then\nselect case b\ncase 1\nc = "if x then"\nend select\nend if\nend sub';
    await client.open(uri, text);
    const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    })) as TextEdit[];
    const lines = text.split('\n');
    for (const e of [...edits].reverse()) lines[e.range.start.line] = e.newText;
    assert.deepEqual(lines, ['sub X()', '    if a then', '        select case b', '            case 1', '                c = "if x then"', '        end select', '    end if', 'end sub']);

    await client.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { hmailserver: { version: '5.6', format: { keywordCasing: 'pascal' } } },
    });
    const cased = (await client.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    })) as TextEdit[];
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { hmailserver: { version: '5.6' } } });
    const out = text.split('\n');
    for (const e of [...cased].reverse()) out[e.range.start.line] = e.newText;
    assert.deepEqual(out, ['Sub X()', '  If a Then', '    Select Case b', '      Case 1', '        c = "if x then"', '    End Select', '  End If', 'End Sub']);
  });
});

describe('inlay hints and code actions', () => {
  it('Result.Value = n says what n does', async () => {
    const uri = `file:///virtual/hints/EventHandlers.vbs`;
    await client.open(uri, 'Sub OnAcceptMessage(oClient, oMessage)\n  Result.Value = 1\nEnd Sub\nSub OnClientConnect(oClient)\n  Result.Value = 2\nEnd Sub');
    const hints = await client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } },
    });
    assert.deepEqual(hints!.map((h) => h.label), ['→ 554 Rejected', '→ ignored in OnClientConnect']);
  });

  async function fixes(text: string, line: number): Promise<{ title: string; result: string }[]> {
    const uri = `file:///virtual/fix${++counter}/EventHandlers.vbs`;
    await client.open(uri, text);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line, character: 0 }, end: { line, character: 200 } },
      context: { diagnostics: client.lastDiagnostics(uri) },
    });
    return (actions ?? []).map((a) => {
      const edits = ('edit' in a && a.edit?.changes?.[uri]) || [];
      return { title: a.title, result: applyEdits(text, edits) };
    });
  }

  it('quick fixes: misspelled event, missing Dim, missing Set, handler signature, BOM', async () => {
    const [rename] = await fixes('Sub OnAcceptMesage(oClient, oMessage)\nEnd Sub', 0);
    assert.equal(rename.result, 'Sub OnAcceptMessage(oClient, oMessage)\nEnd Sub');
    const [dim] = await fixes('Option Explicit\nSub OnClientConnect(oClient)\n  sIP = oClient.IPAddress\nEnd Sub', 2);
    assert.equal(dim.result, 'Option Explicit\nSub OnClientConnect(oClient)\n    Dim sIP\n  sIP = oClient.IPAddress\nEnd Sub');
    const [set] = await fixes('Sub X()\n  app = CreateObject("hMailServer.Application")\nEnd Sub', 1);
    assert.equal(set.result, 'Sub X()\n  Set app = CreateObject("hMailServer.Application")\nEnd Sub');
    const [sig] = await fixes('Sub OnExternalAccountDownload(oMessage, sUID)\nEnd Sub', 0);
    assert.equal(sig.result, 'Sub OnExternalAccountDownload(oFetchAccount, oMessage, sRemoteUID)\nEnd Sub');
    const [bom] = await fixes('Sub X()\n  s = "é"\nEnd Sub', 1);
    assert.equal(bom.result, '\uFEFFSub X()\n  s = "é"\nEnd Sub');
  });
});

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
