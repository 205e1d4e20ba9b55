/**
 * The analysis layer called directly (the debugger's console uses it the same way): the type of
 * expressions in scope, scopes and symbols, roles of procedures.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, type Analysis } from '../../simulator/src/analysis/analyze';
import { scopeAt } from '../../simulator/src/analysis/binder';
import { typeLabel } from '../../simulator/src/analysis/types';
import { parseExpression } from '../../simulator/src/syntax/parser';
import { builtinCatalog } from '../../server/src/builtins';

const script = [
  'Option Explicit', // 0
  'Class Box', // 1
  '  Public Size', // 2
  '  Public Function Self()', // 3
  '    Set Self = Me', // 4
  '  End Function', // 5
  'End Class', // 6
  'Function GetApp()', // 7
  '  Set GetApp = CreateObject("hMailServer.Application")', // 8
  'End Function', // 9
  'Sub OnExternalAccountDownload(oFetchAccount, oMessage, sRemoteUID)', // 10
  '  Dim app, re, b, fso, mixed', // 11
  '  Set app = GetApp()', // 12
  '  Set re = New RegExp', // 13
  '  Set b = New Box', // 14
  '  Set fso = CreateObject("Scripting.Dictionary")', // 15
  '  Set mixed = oMessage', // 16
  '  Set mixed = fso', // 17
  '  With oMessage.Recipients', // 18
  '    x = 1', // 19
  '  End With', // 20
  'End Sub', // 21
  'Sub StampIt(msg)', // 22
  '  x = 1', // 23
  'End Sub', // 24
].join('\n');

function typeAt(a: Analysis, line: number, expression: string): string {
  const offset = a.parse.lines.offsetAt({ line, character: 2 });
  const e = parseExpression(expression).ast!;
  return typeLabel(a.types.typeInScope(e, scopeAt(a.binding, offset)));
}

describe('analysis: types', () => {
  const a = analyze(script, { version: '5.6', builtins: builtinCatalog() });

  it('event parameters come from the prototypes, by position', () => {
    assert.equal(typeAt(a, 19, 'oFetchAccount'), 'FetchAccount');
    assert.equal(typeAt(a, 19, 'oMessage'), 'Message');
    assert.equal(typeAt(a, 19, 'sRemoteUID'), 'String');
  });

  it('member return types, default members and collections', () => {
    assert.equal(typeAt(a, 19, 'oMessage.Recipients(0)'), 'Recipient');
    assert.equal(typeAt(a, 19, 'oMessage.Recipients.Item(0)'), 'Recipient');
    assert.equal(typeAt(a, 19, 'oMessage.Recipients(0).Address'), 'String');
    assert.equal(typeAt(a, 19, 'oMessage.Attachments'), 'Attachments');
  });

  it('Set assignments, function results, ProgIDs and New', () => {
    assert.equal(typeAt(a, 19, 'app'), 'Application');
    assert.equal(typeAt(a, 19, 'app.Settings.SecurityRanges'), 'SecurityRanges');
    assert.equal(typeAt(a, 19, 're'), 'VBScript.RegExp');
    assert.equal(typeAt(a, 19, 'b'), 'Box');
    assert.equal(typeAt(a, 19, 'b.Self()'), 'Box');
    assert.equal(typeAt(a, 19, 'fso'), 'Scripting.Dictionary');
    assert.equal(typeAt(a, 19, 'CreateObject("Vendor.Unknown")'), 'Variant');
  });

  it('named items and a rule function parameter', () => {
    assert.equal(typeAt(a, 19, 'Result'), 'Result');
    assert.equal(typeAt(a, 19, 'HMAILSERVER_FETCHACCOUNT'), 'FetchAccount');
    assert.equal(typeAt(a, 23, 'msg'), 'Message');
  });

  it('unknown or conflicting values stay Variant', () => {
    assert.equal(typeAt(a, 19, 'mixed'), 'Variant');
    assert.equal(typeAt(a, 19, 'CreateObject("Some.Unknown").Foo'), 'Variant');
  });

  it('With blocks type their leading dots', () => {
    const withStatement = a.parse.ast.body.flatMap((s) => (s.kind === 'Procedure' ? s.body : [])).find((s) => s.kind === 'With');
    assert.ok(withStatement && withStatement.kind === 'With');
    assert.equal(typeLabel(a.types.typeOf(withStatement.object)), 'Recipients');
  });
});

describe('analysis: completions for the debugger console', () => {
  it('completes members and names of an expression typed at a paused location', async () => {
    const { expressionCompletions } = await import('../../simulator/src/analysis/index');
    const a = analyze(script, { version: '5.6', builtins: builtinCatalog() });
    const paused = a.parse.lines.offsetAt({ line: 19, character: 4 });
    const members = expressionCompletions(a, paused, 'oMessage.Recipients(0).').map((e) => e.label);
    assert.ok(members.includes('OriginalAddress'));
    const names = expressionCompletions(a, paused, 'oFe').map((e) => e.label);
    assert.ok(names.includes('oFetchAccount') && names.includes('Result') && !names.includes('If'));
  });
});

describe('analysis: scopes and roles', () => {
  const a = analyze(script, { version: '5.6', builtins: builtinCatalog() });

  it('knows globals, procedures, classes, locals and parameters', () => {
    assert.deepEqual([...a.binding.global.symbols.keys()].sort(), ['box', 'getapp', 'onexternalaccountdownload', 'stampit']);
    const handler = a.binding.procedures.find((p) => p.node.name.name === 'OnExternalAccountDownload')!;
    assert.deepEqual([...handler.scope.symbols.values()].map((s) => `${s.kind} ${s.name}`).slice(0, 4), [
      'parameter oFetchAccount',
      'parameter oMessage',
      'parameter sRemoteUID',
      'variable app',
    ]);
  });

  it('tells events, rule functions and helpers apart', () => {
    const roles = Object.fromEntries(a.binding.procedures.map((p) => [p.node.name.name, p.role.kind]));
    assert.deepEqual(roles, { Self: 'method', GetApp: 'helper', OnExternalAccountDownload: 'event', StampIt: 'rule' });
  });

  it('reports x as undeclared under Option Explicit, twice', () => {
    assert.deepEqual(a.diagnostics.map((d) => d.code), ['hms-undeclared-variable', 'hms-undeclared-variable']);
  });
});

describe('analysis: half-typed code', () => {
  it('every prefix of a realistic file analyses and answers every query without throwing', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { repoRoot } = await import('./lspClient');
    const { completionsAt, hoverAt, definitionAt, referencesAt, prepareRenameAt, signatureAt, documentOutline, foldingRegions, resultValueHints, formatDocument } =
      await import('../../simulator/src/analysis/index');
    const src = readFileSync(path.join(repoRoot, 'test/server/fixtures/realistic.vbs'), 'utf8');
    for (let cut = 0; cut <= src.length; cut += 41) {
      const text = src.slice(0, cut);
      const a = analyze(text, { builtins: builtinCatalog() });
      for (const off of [cut, Math.max(0, cut - 3), cut >> 1]) {
        completionsAt(a, off);
        hoverAt(a, off);
        definitionAt(a, off);
        referencesAt(a, off, true);
        prepareRenameAt(a, off);
        signatureAt(a, off);
      }
      documentOutline(a);
      foldingRegions(a);
      resultValueHints(a);
      formatDocument(text, { tabSize: 4, insertSpaces: true, keywordCasing: 'pascal' });
    }
  });
});

describe('analysis: formatting and load-time names', () => {
  it('continuation lines sit one level deeper and the statement still opens its block', async () => {
    const { formatDocument } = await import('../../simulator/src/analysis/index');
    const text = 'Sub X()\nIf a And _\nb Then\nc = 1\nEnd If\nEnd Sub';
    let out = text;
    for (const e of formatDocument(text, { tabSize: 2, insertSpaces: true, keywordCasing: 'preserve' }).reverse()) {
      out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    }
    assert.equal(out, 'Sub X()\n  If a And _\n    b Then\n    c = 1\n  End If\nEnd Sub');
  });

  it('a bare member name at top level is not a load-time named item, EventLog is', () => {
    const a = analyze('Size = 5\nEventLog.Write "x"', { builtins: builtinCatalog() });
    assert.deepEqual(a.diagnostics.map((d) => `${d.code}@${a.parse.lines.positionAt(d.start).line}`), ['hms-load-time-named-item@1']);
  });
});

describe('analysis: incremental re-parse', () => {
  it('gives exactly the full parse (tree, errors, comments) along chains of random edits', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { repoRoot } = await import('./lspClient');
    const { parse } = await import('../../simulator/src/syntax/parser');
    const { reparse } = await import('../../simulator/src/analysis/incrementalParse');
    const src = readFileSync(path.join(repoRoot, 'test/server/fixtures/realistic.vbs'), 'utf8');
    const snippets = ['x', ' ', '"', "'", '_', '\n', 'End Sub\n', 'If a Then\n', 'End If\n', 'Dim q\n', ':', '(', 'oMessage.', 'Next\n', 'Class K\n', 'Sub Z()\n', 'Do\n', ' _\n'];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const comparable = (r: { ast: unknown; diagnostics: { code: number; message: string; start: number; end: number; range: unknown }[]; comments: unknown }) =>
      JSON.stringify({ ast: r.ast, diagnostics: r.diagnostics.map(({ code, message, start, end, range }) => ({ code, message, start, end, range })), comments: r.comments });
    let reused = 0;
    let reusedWithErrors = 0;
    for (let chain = 0; chain < 30; chain++) {
      let text = src;
      let previous = parse(text);
      for (let step = 0; step < 20; step++) {
        const at = random(text.length);
        const next = text.slice(0, at) + snippets[random(snippets.length)] + text.slice(at + random(4));
        const incremental = reparse(previous, next);
        const full = parse(next);
        if (incremental) {
          reused++;
          if (incremental.diagnostics.length > 0) reusedWithErrors++;
          assert.equal(comparable(incremental), comparable(full), `chain ${chain}, step ${step}, edit at ${at}`);
        }
        previous = incremental ?? full;
        text = next;
      }
    }
    assert.ok(reused > 20 && reusedWithErrors > 5, `re-parsed incrementally: ${reused} of 600 (${reusedWithErrors} with errors)`);
  });
});
