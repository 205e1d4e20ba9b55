/**
 * Acceptance: how string arguments are embedded in the appended call (§2.5), through real
 * firings. A value the server fails to escape breaks the call: the handler does not run and
 * the compile error is logged at the call's line (two lines below the file).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { only, simulate, vbs } from './helpers';

/** A script of `lines` (CRLF, final CRLF): the appended call sits on line lines + 3. */
const remoteScenario = (reply: string) => ({
  session: { rcptTo: ['dave@remote.test'], auth: { username: 'bob@example.com', password: 'secret' }, mailFrom: 'bob@example.com' },
  delivery: { remote: { 'dave@remote.test': reply } },
});

const failedHandler = vbs(
  'Sub OnDeliveryFailed(oMessage, sRecipient, sErrorMessage)',
  '  EventLog.Write "[" & sRecipient & "][" & sErrorMessage & "]"',
  'End Sub',
);

describe('§2.5 OnDeliveryFailed (VBScript): quotes removed, CRLF joined with vbCRLF, trimmed', () => {
  test('quotes in the error are removed, not doubled', async () => {
    const { report } = await simulate({ script: failedHandler, scenario: remoteScenario('550 5.1.1 "dave" is unknown') });
    assert.deepEqual(report.eventLog, ['[dave@remote.test][550 5.1.1 dave is unknown]']);
    assert.deepEqual(report.errors, []);
    // The report's failed list keeps the server's own text.
    assert.deepEqual(report.failed, [{ recipient: 'dave@remote.test', error: '550 5.1.1 "dave" is unknown' }]);
  });

  test('a multi-line error arrives with its CRLF (the call is not broken)', async () => {
    const { report } = await simulate({ script: failedHandler, scenario: remoteScenario('550-first line\r\n550 second line') });
    assert.deepEqual(report.eventLog, ['[dave@remote.test][550-first line\r\n550 second line]']);
    assert.deepEqual(report.errors, []);
  });

  test('surrounding white space is trimmed', async () => {
    const { report } = await simulate({ script: failedHandler, scenario: remoteScenario('  550 gone   ') });
    assert.deepEqual(report.eventLog, ['[dave@remote.test][550 gone]']);
  });

  test('the EventLog file writes the CRLF as [nl]', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { out } = await simulate({ script: failedHandler, scenario: remoteScenario('550-a\r\n550 b') });
    const log = readFileSync(path.join(out!, 'logs', 'hmailserver_events.log'));
    assert.deepEqual([...log.subarray(0, 2)], [0xff, 0xfe]);
    const text = log.subarray(2).toString('utf16le');
    assert.match(text, /\t"\[dave@remote\.test\]\[550-a\[nl\]550 b\]"\r\n$/);
  });
});

describe('§2.5 OnError: quotes doubled, CRLF not handled', () => {
  const onError = vbs(
    'Sub OnError(iSeverity, iCode, sSource, sDescription)',
    '  EventLog.Write iSeverity & "|" & iCode & "|" & sSource & "|" & sDescription & "|" & TypeName(iCode)',
    'End Sub',
    'Sub OnBackupCompleted()',
    'End Sub',
  );

  test('a quote in the description is doubled and arrives intact; numbers are numeric literals', async () => {
    const { report } = await simulate({
      script: onError,
      scenario: { fire: [{ event: 'OnError', args: { iSeverity: 2, iCode: 5016, sSource: 'Src "x"', sDescription: 'Could not "load"' } }] },
    });
    assert.deepEqual(report.eventLog, ['2|5016|Src "x"|Could not "load"|Integer']);
    assert.deepEqual(report.errors, []);
  });

  test('a multi-line description breaks the call: the handler does not run, the error is at the call line', async () => {
    const { report } = await simulate({
      script: onError,
      scenario: { fire: [{ event: 'OnError', args: { iSeverity: 1, iCode: 5000, sSource: 'X', sDescription: 'first\r\nsecond' } }] },
    });
    assert.deepEqual(report.eventLog, []);
    const e = only(report, 'OnError');
    assert.equal(e.fired, true);
    assert.ok(e.error, 'the broken call is a script error');
    // 5 script lines + CRLF: the file is 6 lines by the engine's count, the call is on line 8.
    assert.equal(e.error.line, 8);
    assert.equal(e.error.source, 'Microsoft VBScript compilation error');
    assert.equal(e.error.number, 1033);
    assert.match(e.error.logLine, /^Script Error: Source: Microsoft VBScript compilation error - Error: 800A0409 - Description: Unterminated string constant - Line: 8 Column: \d+ - Code: Call OnError\(1, 5000, "X", "first/);
    assert.deepEqual(report.errors, [e.error.logLine]);
  });

  test('top-level code does not run either when the call is broken (the whole text fails to compile)', async () => {
    const { report } = await simulate({
      script: vbs('Dim list : list = CreateObject("Scripting.FileSystemObject").OpenTextFile("C:\\hMailServer\\Events\\list.txt").ReadAll') + onError,
      scenario: {
        mocks: { files: { 'C:\\hMailServer\\Events\\list.txt': { content: 'a' } } }, fire: [{ event: 'OnError', args: { iSeverity: 1, iCode: 1, sSource: 'X', sDescription: 'a\r\nb' } }, { event: 'OnBackupCompleted' }] },
    });
    assert.deepEqual(report.sideEffects.filter((s) => s.event === 'OnError'), []);
    // …while the load and the other firing did run the top-level code.
    assert.deepEqual(report.sideEffects.filter((s) => s.kind === 'file-read').map((s) => s.event), ['load', 'OnBackupCompleted']);
  });
});

describe('§2.5 OnBackupFailed: no escaping at all', () => {
  const onBackupFailed = vbs('Sub OnBackupFailed(sReason)', '  EventLog.Write "reason: " & sReason', 'End Sub');

  test('a plain reason arrives', async () => {
    const { report } = await simulate({ script: onBackupFailed, scenario: { fire: [{ event: 'OnBackupFailed', args: { sReason: 'disk full' } }] } });
    assert.deepEqual(report.eventLog, ['reason: disk full']);
  });

  test('a reason with a quote breaks the call: the handler does not run, a compile error at the call line', async () => {
    const { report } = await simulate({ script: onBackupFailed, scenario: { fire: [{ event: 'OnBackupFailed', args: { sReason: 'cannot write "D:\\Backup"' } }] } });
    assert.deepEqual(report.eventLog, []);
    const e = only(report, 'OnBackupFailed');
    assert.equal(e.error?.line, 6);
    assert.equal(e.error?.source, 'Microsoft VBScript compilation error');
    assert.match(e.error?.logLine ?? '', /- Line: 6 Column: \d+ - Code: Call OnBackupFailed\("cannot write "D:\\Backup""\)$/);
  });

  test('a reason with two quotes around a word is still broken (not "unescaped" by accident)', async () => {
    const { report } = await simulate({ script: onBackupFailed, scenario: { fire: [{ event: 'OnBackupFailed', args: { sReason: 'a ""b"" c' } }] } });
    // "a ""b"" c" embedded raw is `"a ""b"" c"`: valid VBScript whose value is a "b" c.
    assert.deepEqual(report.eventLog, ['reason: a "b" c']);
  });
});

describe('§2.5 OnExternalAccountDownload and OnClientValidatePassword: quotes doubled; Nothing for no message', () => {
  const download = vbs(
    'Sub OnExternalAccountDownload(oFetchAccount, oMessage, sRemoteUID)',
    '  If oMessage Is Nothing Then',
    '    EventLog.Write "seen before: " & sRemoteUID',
    '  Else',
    '    EventLog.Write "new: " & sRemoteUID & " " & oMessage.Subject & " state " & oMessage.State & " id " & oMessage.ID',
    '  End If',
    'End Sub',
  );

  test('oMessage null → Nothing (a UID downloaded earlier); a quote in the UID is doubled', async () => {
    const { report } = await simulate({ script: download, scenario: { fire: [{ event: 'OnExternalAccountDownload', args: { oFetchAccount: { Name: 'pop' }, oMessage: null, sRemoteUID: 'UID "7"' } }] } });
    assert.deepEqual(report.eventLog, ['seen before: UID "7"']);
    assert.deepEqual(report.errors, []);
    assert.equal(only(report, 'OnExternalAccountDownload').args.oMessage, null);
  });

  test('oMessage by .eml path: a fetched message, State 0 and ID 0', async () => {
    const { report } = await simulate({
      script: download,
      files: { 'fetched.eml': 'From: x@y.test\r\nSubject: Fetched one\r\n\r\nbody\r\n' },
      scenario: { fire: [{ event: 'OnExternalAccountDownload', args: { oFetchAccount: { Name: 'pop' }, oMessage: 'fetched.eml', sRemoteUID: 'U1' } }] },
    });
    assert.deepEqual(report.eventLog, ['new: U1 Fetched one state 0 id 0']);
  });

  test('OnClientValidatePassword: a quote in the password is doubled and arrives intact (5.7)', async () => {
    const { report } = await simulate({
      script: vbs('Sub OnClientValidatePassword(oAccount, sPassword)', '  EventLog.Write "pw=" & sPassword', '  If sPassword = "se""cret" Then Result.Value = 0', 'End Sub'),
      scenario: { hmailserver: '5.7', session: { auth: { username: 'bob@example.com', password: 'se"cret' } } },
    });
    assert.deepEqual(report.eventLog, ['pw=se"cret']);
    assert.ok(report.transcript.some((t) => t.line === '235 authenticated.'));
  });
});
