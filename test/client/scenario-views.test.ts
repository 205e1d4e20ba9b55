// The pure parts of CodeLens, the Testing view and the after-run views: which scenarios run a
// script, the test item of a scenario file, a run's report against `expect` (in step with
// `hmailsim test`), where an expectation is written, the transcript document, the message diff's
// two files, and the event handlers the CodeLens goes above (from the real language server).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DocumentSymbolRequest, SymbolKind, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { eventHandlerSymbols } from '../../client/src/codelens/handlers';
import { jsonRanges, locateJsonPath, positionAt } from '../../client/src/scenarios/jsonLocation';
import { startScenarioRun, type ScenarioRunResult } from '../../client/src/scenarios/runner';
import { messageDiffTarget, transcriptText, type LastRun } from '../../client/src/scenarios/runViews';
import { parseScenarioInfo, readScenarioInfo, samePath, scenariosForScript, type ScenarioInfo } from '../../client/src/scenarios/scenarioFile';
import { scenarioTestSpec } from '../../client/src/testing/testItems';
import { compareWithExpect, valueText, verdictOf } from '../../client/src/testing/verdict';
import type { RunReport } from '../../simulator/src/report/types';
import { checkExpectations } from '../../simulator/src/report/expectations';
import type { ScenarioExpectations } from '../../simulator/src/scenario/types';
import { LspClient } from '../server/lspClient';

const root = path.resolve(__dirname, '..', '..');
const cliPath = path.join(root, 'dist', 'cli.js');
const examples = path.join(root, 'examples');
const exampleScenarios = readdirSync(path.join(examples, 'scenarios'))
  .filter((f) => f.endsWith('.scenario.json'))
  .map((f) => path.join(examples, 'scenarios', f));

function result(report: RunReport | undefined, extra: Partial<ScenarioRunResult> = {}): ScenarioRunResult {
  return { exitCode: report ? 0 : 2, output: '', error: '', report, outDir: '/tmp/run', timedOut: false, cancelled: false, durationMs: 12, ...extra };
}

function fakeReport(over: Partial<RunReport> = {}): RunReport {
  return {
    schemaVersion: 1,
    scenario: 'x',
    script: 'EventHandlers.vbs',
    hmailserver: '5.6',
    outcome: 'accepted',
    reply: '250 Queued (0.000 seconds)',
    transcript: [
      { from: 'server', line: '220 mail.example.com ESMTP' },
      { from: 'client', line: 'EHLO mail.shop.test' },
    ],
    events: [],
    delivered: ['bob@example.com'],
    failed: [],
    message: { subject: 'Hello', headers: { Subject: 'Hello', 'X-Spam-Score': '0' }, file: 'messages/message-1.eml' },
    eventLog: ['accepted for bob@example.com;', 'done'],
    errors: [],
    sideEffects: [],
    ...over,
  };
}

describe('scenarios of a script', () => {
  it('reads script, message, time limit and expect, paths relative to the scenario', () => {
    const info = parseScenarioInfo(
      '/ws/scenarios/a.scenario.json',
      '\uFEFF{"script":"../EventHandlers.vbs","session":{"message":"../mail/a.eml"},"limits":{"timeoutSeconds":2},"expect":{"outcome":"accepted"}}',
    );
    assert.ok(samePath(info.script!, '/ws/EventHandlers.vbs'));
    assert.ok(samePath(info.message!, '/ws/mail/a.eml'));
    assert.equal(info.timeoutSeconds, 2);
    assert.deepEqual(info.expect, { outcome: 'accepted' });
    assert.equal(parseScenarioInfo('/ws/b.scenario.json', '{"script":"x.vbs","expect":[1]}').hasExpect, false);
  });

  it('picks the scenarios whose script resolves to the file, and only those', () => {
    const infos: ScenarioInfo[] = [
      ...exampleScenarios.map(readScenarioInfo),
      parseScenarioInfo('/other/x.scenario.json', '{"script":"EventHandlers.vbs"}'),
      parseScenarioInfo('/other/broken.scenario.json', '{'),
    ];
    const forExamples = scenariosForScript(infos, path.join(examples, 'EventHandlers.vbs'));
    assert.deepEqual(forExamples.map((s) => s.file), [...exampleScenarios].sort());
    assert.deepEqual(scenariosForScript(infos, '/other/EventHandlers.vbs').map((s) => path.basename(s.file)), ['x.scenario.json']);
    assert.deepEqual(scenariosForScript(infos, '/nowhere/EventHandlers.vbs'), []);
  });
});

describe('where an expectation is written', () => {
  const text = '{\n  "name": "n",\n  "expect": {\n    "outcome": "rejected",\n    "headers": { "X-Spam-Score": "5" },\n    "eventLog": ["a", "b \\"q\\""]\n  }\n}\n';

  it('finds members and array elements, their ancestors when missing, header names in any case', () => {
    const at = (p: (string | number)[]) => {
      const r = locateJsonPath(text, p);
      return r && { ...positionAt(text, r.start), text: text.slice(r.start, r.end) };
    };
    assert.deepEqual(at(['expect', 'outcome']), { line: 3, character: 4, text: '"outcome": "rejected"' });
    assert.deepEqual(at(['expect', 'headers', 'x-spam-score']), { line: 4, character: 17, text: '"X-Spam-Score": "5"' });
    assert.deepEqual(at(['expect', 'eventLog', 1]), { line: 5, character: 22, text: '"b \\"q\\""' });
    assert.equal(at(['expect', 'reply'])?.line, 2, 'a missing field falls back to "expect"');
    assert.equal(at(['nothing', 'here']), undefined);
    assert.equal(jsonRanges('{ "a": 1, }'), undefined);
    assert.equal(jsonRanges('[1, 2] x'), undefined);
    assert.ok(jsonRanges('\uFEFF{"a":[true,false,null,-1.5e3,{}]}'));
  });

  it('matches what JSON.parse reads in every example scenario', () => {
    for (const file of exampleScenarios) {
      const source = readFileSync(file, 'utf8');
      const ranges = jsonRanges(source);
      assert.ok(ranges, file);
      const json = JSON.parse(source);
      for (const [key, r] of ranges) {
        const p = JSON.parse(key) as (string | number)[];
        const value = p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], json);
        const written = source.slice(r.start, r.end);
        const valueText = typeof p[p.length - 1] === 'string' ? written.slice(written.indexOf(':') + 1) : written;
        assert.deepEqual(JSON.parse(valueText), value, `${path.basename(file)} ${key}`);
      }
    }
  });
});

describe('Testing view items', () => {
  it('a scenario with expect is a test, placed on "expect"; without expect or JSON, none', () => {
    const file = path.join(examples, 'scenarios', 'spam-rejected.scenario.json');
    const text = readFileSync(file, 'utf8');
    const spec = scenarioTestSpec(file, text, 'examples/scenarios/spam-rejected.scenario.json');
    const expectLine = text.split('\n').findIndex((l) => l.includes('"expect"'));
    assert.equal(spec?.id, file);
    assert.equal(spec?.label, 'Spam is rejected at end of data');
    assert.equal(spec?.description, 'examples/scenarios/spam-rejected.scenario.json');
    assert.equal(spec?.range?.start.line, expectLine);
    assert.equal(scenarioTestSpec('/ws/a.scenario.json', '{"script":"x.vbs"}', 'a.scenario.json'), undefined);
    assert.equal(scenarioTestSpec('/ws/a.scenario.json', '{"expect":', 'a.scenario.json'), undefined);
    assert.equal(scenarioTestSpec('/ws/package.json', '{"expect":{}}', 'package.json'), undefined);
    assert.equal(scenarioTestSpec('/ws/b.scenario.json', '{"expect":{"errors":0}}', 'b.scenario.json')?.label, 'b');
  });
});

describe('a report against expect', () => {
  it('fails field by field exactly where hmailsim test does', () => {
    const report = fakeReport();
    const cases: ScenarioExpectations[] = [
      {},
      { outcome: 'accepted', reply: '250 Queued (0.000 seconds)', delivered: ['bob@example.com'], errors: 0 },
      { outcome: 'rejected' },
      { reply: '554 no' },
      { delivered: ['carol@example.com', 'bob@example.com'] },
      { failed: ['bob@example.com'] },
      { failed: [] },
      { subject: 'Hello' },
      { subject: 'Bye' },
      { headers: { 'x-spam-score': '0', 'X-Absent': null } },
      { headers: { 'X-Spam-Score': '5', Subject: null, 'X-Missing': 'v' } },
      { eventLog: ['accepted', 'done'] },
      { eventLog: ['done', 'accepted'] },
      { errors: 1 },
    ];
    for (const expect of cases) {
      const ours = compareWithExpect(expect, report).map((m) => ({ field: m.field, expected: m.expected, actual: m.actual }));
      assert.deepEqual(ours, checkExpectations(expect, report), JSON.stringify(expect));
    }
  });

  it('gives each failure a message, expected and actual text for the diff, and the path in the scenario', () => {
    const report = fakeReport({ errors: ['Error: Type mismatch (line 3)'] });
    const v = verdictOf({ outcome: 'rejected', headers: { 'X-Spam-Score': '5', Subject: null }, eventLog: ['accepted', 'never'], delivered: ['bob@example.com'], errors: 0 }, result(report));
    assert.equal(v.status, 'failed');
    if (v.status !== 'failed') return;
    assert.deepEqual(
      v.failures.map((f) => [f.field, f.path, f.expected, f.actual]),
      [
        ['outcome', ['expect', 'outcome'], 'rejected', 'accepted'],
        ['headers.X-Spam-Score', ['expect', 'headers', 'X-Spam-Score'], '5', '0'],
        ['headers.Subject', ['expect', 'headers', 'Subject'], 'null', 'Hello'],
        ['eventLog', ['expect', 'eventLog', 1], '[\n  "accepted",\n  "never"\n]', '[\n  "accepted for bob@example.com;",\n  "done"\n]'],
        ['errors', ['expect', 'errors'], '0', '1'],
      ],
    );
    assert.equal(v.failures[0].message, 'outcome: expected "rejected", got "accepted"');
    assert.equal(v.failures[2].message, 'Subject: expected absent, got "Hello"');
    assert.match(v.failures[3].message, /"never"/);
    assert.match(v.failures[4].message, /expected 0 script errors, got 1: Error: Type mismatch/);
    assert.equal(valueText(['a']), '[\n  "a"\n]');
  });

  it('passes, errors without a report, skips when cancelled or without expect', () => {
    assert.deepEqual(verdictOf({ outcome: 'accepted' }, result(fakeReport())), { status: 'passed' });
    assert.deepEqual(verdictOf({ outcome: 'accepted' }, result(undefined, { error: 'hmailsim: missing.vbs: no such file' })), {
      status: 'errored',
      message: 'missing.vbs: no such file',
    });
    assert.equal(verdictOf({}, result(undefined, { timedOut: true, durationMs: 60_000 })).status, 'errored');
    assert.equal(verdictOf({}, result(undefined, { cancelled: true })).status, 'skipped');
    assert.equal(verdictOf(undefined, result(fakeReport())).status, 'skipped');
  });
});

describe('after a run: transcript and message diff', () => {
  const run = (r: ScenarioRunResult, message: string | undefined = '/ws/mail/a.eml'): LastRun => ({
    scenarioFile: '/ws/a.scenario.json',
    name: 'A',
    message,
    result: r,
    finishedAt: new Date(2026, 10, 24, 10, 0, 0),
  });

  it('the transcript document: a header, then the session as C:/S: lines', () => {
    const text = transcriptText(run(result(fakeReport())), 'a.scenario.json');
    const lines = text.split('\n');
    assert.equal(lines[0], 'SMTP transcript of "A"');
    assert.equal(lines[1], 'Scenario  a.scenario.json');
    assert.equal(lines[2], 'Outcome   ACCEPTED  250 Queued (0.000 seconds)');
    assert.match(lines[3], /^Run\s+.*12 ms, files in \/tmp\/run$/);
    assert.deepEqual(lines.slice(5), ['S: 220 mail.example.com ESMTP', 'C: EHLO mail.shop.test', '']);
    assert.match(transcriptText(run(result(fakeReport({ transcript: [] })))), /only fired events ran/);
    assert.match(transcriptText(run(result(undefined, { error: 'hmailsim: bad scenario' }))), /No transcript: bad scenario\.\n$/);
    assert.match(transcriptText(run(result(undefined, { cancelled: true }))), /cancelled/);
  });

  it('the message diff compares the .eml as sent with the queued file of the run folder', () => {
    const t = messageDiffTarget(run(result(fakeReport())));
    assert.ok('changed' in t);
    assert.equal(t.original, '/ws/mail/a.eml');
    assert.equal(t.changed, path.resolve('/tmp/run', 'messages/message-1.eml'));
    assert.equal(t.title, 'a.eml ↔ as queued (A)');
    const rejected = messageDiffTarget(run(result(fakeReport({ outcome: 'rejected', reply: '554 spam', message: { subject: 's', headers: {} } }))));
    assert.ok('problem' in rejected);
    assert.match(rejected.problem, /not queued \(rejected: 554 spam\)/);
    assert.equal(rejected.original, '/ws/mail/a.eml');
    assert.ok('problem' in messageDiffTarget(run(result(undefined))));
    assert.ok('problem' in messageDiffTarget({ ...run(result(fakeReport())), message: undefined }));
  });
});

describe('the example scenarios through the CLI, judged as the Testing view judges them', () => {
  let dir: string;
  before(() => {
    assert.ok(existsSync(cliPath), 'dist/cli.js: run npm run build first');
    dir = mkdtempSync(path.join(os.tmpdir(), 'hmailserver-client-views-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('every example with expect passes; a changed expect fails with the real values; the queued message exists', async () => {
    for (const file of exampleScenarios) {
      const info = readScenarioInfo(file);
      if (!info.hasExpect) continue;
      const r = await startScenarioRun({ cliPath, scenarioPath: file, outDir: path.join(dir, path.basename(file)), timeoutSeconds: info.timeoutSeconds ?? 30 }).result;
      assert.deepEqual(verdictOf(info.expect, r), { status: 'passed' }, `${path.basename(file)}: ${r.error}`);
      const wrong = verdictOf({ ...info.expect, outcome: r.report!.outcome === 'accepted' ? 'rejected' : 'accepted' }, r);
      assert.equal(wrong.status, 'failed');
      if (wrong.status === 'failed') assert.equal(wrong.failures[0].actual, r.report!.outcome);
      const diff = messageDiffTarget({ scenarioFile: file, name: info.name, message: info.message, result: r, finishedAt: new Date() });
      if ('changed' in diff) {
        assert.ok(existsSync(diff.original) && existsSync(diff.changed), path.basename(file));
        assert.ok(readFileSync(diff.changed, 'latin1').length > 0);
      }
      assert.match(transcriptText({ scenarioFile: file, name: info.name, result: r, finishedAt: new Date() }), r.report!.transcript.length ? /^S: 220 /m : /only fired events/);
    }
  });
});

describe('CodeLens targets: the event handlers the language server marks', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('lists the Subs hMailServer calls, not functions, classes or their methods', async () => {
    const uri = 'file:///ws/EventHandlers.vbs';
    await client.open(uri, readFileSync(path.join(examples, 'EventHandlers.vbs'), 'utf8'));
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const handlers = eventHandlerSymbols(symbols, SymbolKind.Event);
    assert.deepEqual(handlers.map((h) => h.name), ['OnClientConnect', 'OnAcceptMessage', 'OnDeliveryFailed', 'OnError']);
    assert.equal(handlers[1].range.start.line, 69);
    await client.close(uri);

    const other = 'file:///ws/misspelled.vbs';
    await client.open(other, 'Sub OnAcceptMesage(oClient, oMessage)\r\nEnd Sub\r\nClass C\r\n  Sub OnClientConnect(oClient)\r\n  End Sub\r\nEnd Class\r\n');
    const none = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: other } })) as DocumentSymbol[];
    assert.deepEqual(eventHandlerSymbols(none, SymbolKind.Event), []);
    assert.deepEqual(eventHandlerSymbols(null, SymbolKind.Event), []);
  });
});
