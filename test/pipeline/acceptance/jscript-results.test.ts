/**
 * Acceptance for EventHandlers.js: every Result meaning (reference §5) through a JScript
 * handler gives the same run as the VBScript handler of result-table.test.ts — same outcome,
 * reply, transcript, deliveries and event results — plus what differs by language (§2.3, §2.7):
 * case-sensitive handler names, the `OnX(args);` call, `null` for a missing message, `throw`.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { RunReport } from '../../../simulator/src/report/types';
import { only, simulate, vbs, type Setup } from './helpers';

const js = (...lines: string[]): string => lines.join('\r\n') + '\r\n';

/** A handler in both languages: logs that it ran, sets Value and maybe Message. */
function setters(proc: string, params: string, value: number, message?: string): { vbs: string; js: string } {
  const quoted = message === undefined ? undefined : JSON.stringify(message);
  return {
    vbs: vbs(`Sub ${proc}(${params})`, '  EventLog.Write "ran"', `  Result.Value = ${value}`, ...(quoted ? [`  Result.Message = ${quoted}`] : []), 'End Sub'),
    js: js(`function ${proc}(${params}) {`, '  EventLog.Write("ran");', `  Result.Value = ${value};`, ...(quoted ? [`  Result.Message = ${quoted};`] : []), '}'),
  };
}

/** What must not depend on the language. */
function observable(report: RunReport): unknown {
  return {
    outcome: report.outcome,
    reply: report.reply,
    transcript: report.transcript,
    delivered: report.delivered,
    failed: report.failed,
    eventLog: report.eventLog,
    events: report.events.map((e) => ({ name: e.name, fired: e.fired, skipped: e.skipped, result: e.result, error: e.error?.number })),
  };
}

async function both(pair: { vbs: string; js: string }, rest: Omit<Setup, 'script' | 'scriptName'> = {}): Promise<{ vbs: RunReport; js: RunReport }> {
  const [a, b] = await Promise.all([simulate({ ...rest, script: pair.vbs }), simulate({ ...rest, script: pair.js, scriptName: 'EventHandlers.js' })]);
  return { vbs: a.report, js: b.report };
}

const twoRecipients = { session: { rcptTo: ['bob@example.com', 'carol@example.com'] } };
const auth = (password: string) => ({ hmailserver: '5.7' as const, session: { auth: { username: 'bob@example.com', password } } });

/** [event, parameters, values, scenario]: every value the table gives a meaning, and one it ignores. */
const TABLE: Array<[string, string, number[], Setup['scenario']?]> = [
  ['OnClientConnect', 'oClient', [0, 1, 2]],
  ['OnHELO', 'oClient', [0, 1, 2, 3, 4], { hmailserver: '5.7' }],
  ['OnSMTPData', 'oClient, oMessage', [0, 1, 2, 3, 9]],
  ['OnAcceptMessage', 'oClient, oMessage', [0, 1, 2, 3, 5]],
  ['OnDeliveryStart', 'oMessage', [0, 1, 2], twoRecipients],
  ['OnDeliverMessage', 'oMessage', [0, 1, 2], twoRecipients],
  ['OnClientValidatePassword', 'oAccount, sPassword', [0, 1, 2, 7], auth('wrong')],
];

describe('JScript handlers: every Result meaning gives the same run as VBScript', () => {
  for (const [event, params, values, scenario] of TABLE) {
    for (const value of values) {
      test(`${event}: Result.Value = ${value}`, async () => {
        const runs = await both(setters(event, params, value, 'Custom reply'), { scenario });
        assert.deepEqual(observable(runs.js), observable(runs.vbs));
        assert.equal(only(runs.js, event).result?.value, value);
        assert.deepEqual(runs.js.errors, []);
      });
    }
  }

  test('a rule function: Result present, Value 1 ignored', async () => {
    const runs = await both(
      { vbs: vbs('Sub MyRule(oMessage)', '  Result.Value = 1', '  EventLog.Write "rule " & oMessage.Subject', 'End Sub'), js: js('function MyRule(oMessage) {', '  Result.Value = 1;', '  EventLog.Write("rule " + oMessage.Subject);', '}') },
      { scenario: { server: { domains: [{ name: 'example.com', accounts: [{ address: 'bob@example.com' }] }], rules: [{ name: 'r', criteria: [], actions: [{ type: 'runFunction', scriptFunction: 'MyRule' }] }] } } },
    );
    assert.deepEqual(observable(runs.js), observable(runs.vbs));
    assert.deepEqual(runs.js.eventLog, ['rule Hello there']);
  });

  test('OnExternalAccountDownload: Value 2 and Parameter are read back', async () => {
    const runs = await both(
      {
        vbs: vbs('Sub OnExternalAccountDownload(oFetchAccount, oMessage, sRemoteUID)', '  EventLog.Write oFetchAccount.Name & " " & sRemoteUID', '  Result.Value = 2', '  Result.Parameter = 14', 'End Sub'),
        js: js('function OnExternalAccountDownload(oFetchAccount, oMessage, sRemoteUID) {', '  EventLog.Write(oFetchAccount.Name + " " + sRemoteUID + " " + (oMessage === null));', '  Result.Value = 2;', '  Result.Parameter = 14;', '}'),
      },
      { scenario: { fire: [{ event: 'OnExternalAccountDownload', args: { oFetchAccount: { Name: 'Gmail' }, oMessage: null, sRemoteUID: "UID-'1'" } }] } },
    );
    assert.deepEqual(only(runs.js, 'OnExternalAccountDownload').result, { value: 2, message: '', parameter: 14 });
    // A missing message arrives as null; the UID's quotes survive the server's \' escaping.
    assert.deepEqual(runs.js.eventLog, ["Gmail UID-'1' true"]);
  });
});

describe('JScript handlers: what differs by language', () => {
  test('names are case-sensitive: OnHelo never fires, OnHELO does', async () => {
    const wrong = await simulate({ scriptName: 'EventHandlers.js', script: js('function OnHelo(oClient) { Result.Value = 2; }'), scenario: { hmailserver: '5.7' } });
    assert.equal(wrong.report.outcome, 'accepted');
    assert.equal(only(wrong.report, 'OnHELO').skipped, 'no-handler');
    const right = await simulate({ scriptName: 'EventHandlers.js', script: js('function OnHELO(oClient) { Result.Value = 2; Result.Message = "no"; }'), scenario: { hmailserver: '5.7' } });
    assert.equal(right.report.reply, '554 no');
  });

  test('a thrown error after Result.Value = 2 still rejects, and is logged as a JScript runtime error', async () => {
    const { report } = await simulate({
      scriptName: 'EventHandlers.js',
      script: js('function OnAcceptMessage(oClient, oMessage) {', '  Result.Value = 2;', '  Result.Message = "half way";', '  undefinedFunction();', '}'),
    });
    assert.equal(report.reply, '554 half way');
    assert.equal(report.errors.length, 1);
    assert.match(report.errors[0], /Source: Microsoft JScript runtime error - Error: 800A1391 - Description: 'undefinedFunction' is undefined - Line: 4/);
  });

  test('try/catch keeps an error out of the log', async () => {
    const { report } = await simulate({
      scriptName: 'EventHandlers.js',
      script: js('function OnAcceptMessage(oClient, oMessage) {', '  try { null.x = 1; } catch (e) { EventLog.Write("caught " + (e.number & 0xFFFF)); }', '}'),
    });
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.eventLog, ['caught 5007']);
  });

  test('named items are global members: a bare Value is Result.Value', async () => {
    const { report } = await simulate({ scriptName: 'EventHandlers.js', script: js('function OnAcceptMessage(oClient, oMessage) {', '  Value = 2;', '  Message = "bare";', '}') });
    assert.equal(report.reply, '554 bare');
  });

  test('call-as-lvalue sets a header that reaches the delivered message', async () => {
    const { report } = await simulate({
      scriptName: 'EventHandlers.js',
      script: js('function OnAcceptMessage(oClient, oMessage) {', '  oMessage.HeaderValue("X-Test") = "1";', '  oMessage.Save();', '}'),
    });
    assert.deepEqual(report.errors, []);
    assert.equal(report.message?.headers['X-Test'], '1');
    assert.deepEqual(report.message?.changes, [{ header: 'X-Test', before: null, after: '1' }]);
  });

  test('ES5 syntax is a compile error at load: no handler runs', async () => {
    const { report } = await simulate({ scriptName: 'EventHandlers.js', script: js('var x = 1;', 'let y = 2;', 'function OnAcceptMessage(oClient, oMessage) { Result.Value = 2; }') });
    assert.equal(report.outcome, 'accepted');
    assert.match(report.errors[0], /Source: Microsoft JScript compilation error - Error: 800A03EC - Description: Expected ';' - Line: 2/);
  });

  test('an ES5 built-in the server lacks is a runtime error', async () => {
    const { report } = await simulate({ scriptName: 'EventHandlers.js', script: js('function OnAcceptMessage(oClient, oMessage) {', '  var s = "  x ".trim();', '}') });
    assert.match(report.errors[0], /Error: 800A01B6 - Description: Object doesn't support this property or method - Line: 2/);
  });
});

describe('JScript include files', () => {
  test('eval of a file read with FileSystemObject: its functions are callable, an error inside names the file and its line', async () => {
    const lib = js('// helpers shared by several servers', 'function helper(text) {', '  EventLog.Write("helper: " + text);', '}', '', 'function boom() {', '  return missing.value;', '}');
    const main = js(
      'var fso = new ActiveXObject("Scripting.FileSystemObject");',
      'eval(fso.OpenTextFile("C:\\\\hMailServer\\\\Events\\\\lib.js", 1).ReadAll());',
      '',
      'function OnAcceptMessage(oClient, oMessage) {',
      '  helper(oMessage.Subject);',
      '  boom();',
      '}',
    );
    const { report, dir } = await simulate({ scriptName: 'EventHandlers.js', script: main, files: { 'lib/lib.js': lib }, scenario: { mocks: { files: { 'C:\\hMailServer\\Events\\lib.js': 'lib/lib.js' } } } });
    assert.deepEqual(report.eventLog, ['helper: Hello there']);
    const e = only(report, 'OnAcceptMessage');
    assert.equal(e.error?.number, 5009, JSON.stringify(e.error));
    assert.equal(e.error?.line, 7, 'the line inside lib.js');
    assert.equal(e.error?.file, path.join(dir, 'lib', 'lib.js'));
  });
});
