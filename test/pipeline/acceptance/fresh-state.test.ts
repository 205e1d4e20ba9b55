/**
 * Acceptance: every firing is a fresh engine running the whole file, then the call (§2.3).
 * Nothing persists between events; top-level code runs before every handler (and once at load).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { simulate, vbs } from './helpers';

const ALL_SMTP_AND_DELIVERY = ['OnClientConnect(oClient)', 'OnSMTPData(oClient, oMessage)', 'OnAcceptMessage(oClient, oMessage)', 'OnDeliveryStart(oMessage)', 'OnDeliverMessage(oMessage)'];

describe('fresh state per firing', () => {
  test('a global counter incremented at top level and in handlers is 1 when every handler starts', async () => {
    const handlers = ALL_SMTP_AND_DELIVERY.map((sig) => vbs(`Sub ${sig}`, `  EventLog.Write "${sig.split('(')[0]} sees " & g_count`, '  g_count = g_count + 1', '  Bump', 'End Sub')).join('');
    const { report } = await simulate({
      script: vbs('Dim g_count', 'g_count = g_count + 1', 'Sub Bump()', '  g_count = g_count + 10', 'End Sub') + handlers + vbs('Sub MyRule(oMessage)', '  EventLog.Write "MyRule sees " & g_count', 'End Sub'),
      scenario: {
        server: { domains: [{ name: 'example.com', accounts: [{ address: 'bob@example.com' }] }], rules: [{ name: 'r', criteria: [], actions: [{ type: 'runFunction', scriptFunction: 'MyRule' }] }] },
        fire: [{ event: 'OnBackupCompleted' }],
      },
    });
    assert.deepEqual(report.eventLog, [
      'OnClientConnect sees 1',
      'OnSMTPData sees 1',
      'OnAcceptMessage sees 1',
      'OnDeliveryStart sees 1',
      'MyRule sees 1',
      'OnDeliverMessage sees 1',
    ]);
    assert.deepEqual(report.errors, []);
  });

  test('top-level code runs at load and before each handler that fires (not for skipped events)', async () => {
    const { report } = await simulate({
      script: vbs(
        'Dim stamp : stamp = CreateObject("Scripting.FileSystemObject").OpenTextFile("C:\\hMailServer\\Events\\stamp.txt").ReadAll',
        'Sub OnClientConnect(oClient)',
        '  EventLog.Write "connect " & stamp',
        'End Sub',
        'Sub OnAcceptMessage(oClient, oMessage)',
        '  EventLog.Write "accept " & stamp',
        'End Sub',
      ),
      scenario: { mocks: { files: { 'C:\\hMailServer\\Events\\stamp.txt': { content: 'v1' } } } },
    });
    assert.deepEqual(report.eventLog, ['connect v1', 'accept v1']);
    // One read at load, one per fired handler — OnSMTPData/OnDelivery* have no handler and ran nothing.
    assert.deepEqual(
      report.sideEffects.filter((s) => s.kind === 'file-read').map((s) => s.event),
      ['load', 'OnClientConnect', 'OnAcceptMessage'],
    );
  });

  test('a cache "loaded once" in a global is loaded again in every event (IsEmpty is always True)', async () => {
    const { report } = await simulate({
      script: vbs(
        'Dim g_cache',
        'Function Cached()',
        '  If IsEmpty(g_cache) Then g_cache = "loaded" : EventLog.Write "cache miss"',
        '  Cached = g_cache',
        'End Function',
        'Sub OnSMTPData(oClient, oMessage) : Cached : Cached : End Sub',
        'Sub OnAcceptMessage(oClient, oMessage) : Cached : End Sub',
      ),
    });
    assert.deepEqual(report.eventLog, ['cache miss', 'cache miss']);
  });

  test('Result is new in every event: a Message set in OnSMTPData is gone in OnAcceptMessage', async () => {
    const { report } = await simulate({
      script: vbs(
        'Sub OnSMTPData(oClient, oMessage)',
        '  Result.Message = "from SMTPData"',
        '  Result.Parameter = 3',
        'End Sub',
        'Sub OnAcceptMessage(oClient, oMessage)',
        '  EventLog.Write "[" & Result.Value & "|" & Result.Message & "|" & Result.Parameter & "]"',
        '  Result.Value = 2',
        'End Sub',
      ),
    });
    assert.deepEqual(report.eventLog, ['[0||0]']);
    assert.equal(report.reply, '554 ');
  });

  test('code added with ExecuteGlobal in one event does not exist in the next', async () => {
    const { report } = await simulate({
      script: vbs(
        'Sub OnSMTPData(oClient, oMessage)',
        '  ExecuteGlobal "Dim g_added : g_added = 42 : Sub Added() : EventLog.Write ""added ran"" : End Sub"',
        '  Added',
        'End Sub',
        'Sub OnAcceptMessage(oClient, oMessage)',
        '  EventLog.Write "g_added=[" & g_added & "]"',
        '  Added',
        'End Sub',
      ),
    });
    assert.deepEqual(report.eventLog, ['added ran', 'g_added=[]']);
    assert.equal(report.errors.length, 1);
    assert.match(report.errors[0], /Error: 800A0023 - Description: Sub or Function not defined: 'Added' - Line: 7 Column: 2 - Code: Added$/);
  });

  test('Class_Terminate of an object a handler kept in a global runs when the firing ends', async () => {
    const { report } = await simulate({
      script: vbs(
        'Class Tracker',
        '  Private Sub Class_Terminate() : EventLog.Write "terminated" : End Sub',
        'End Class',
        'Dim g_tracker',
        'Sub OnSMTPData(oClient, oMessage)',
        '  Set g_tracker = New Tracker',
        '  EventLog.Write "created"',
        'End Sub',
        'Sub OnAcceptMessage(oClient, oMessage)',
        '  EventLog.Write "tracker is empty: " & IsEmpty(g_tracker)',
        'End Sub',
      ),
    });
    assert.deepEqual(report.eventLog, ['created', 'terminated', 'tracker is empty: True']);
  });
});
