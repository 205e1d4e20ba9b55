/**
 * Acceptance: script errors in hMailServer's words (§2.6) — the exact log line, the line
 * numbers the server prints (the appended call counts), HRESULTs, and the ERROR log file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { formatReport } from '../../../simulator/src/report/text';
import { only, simulate, vbs } from './helpers';

describe('the log line (§2.6)', () => {
  test('a runtime error in a handler: source, HRESULT, description, 1-based line, 0-based column, trimmed code', async () => {
    const { report, dir } = await simulate({
      script: vbs('Option Explicit', '', 'Sub OnAcceptMessage(oClient, oMessage)', '    Dim n', '    n = 7 Mod 0', 'End Sub'),
    });
    const e = only(report, 'OnAcceptMessage');
    assert.deepEqual(
      { number: e.error?.number, file: e.error?.file, line: e.error?.line, column: e.error?.column },
      { number: 11, file: path.join(dir, 'EventHandlers.vbs'), line: 5, column: 4 },
    );
    assert.equal(e.error?.logLine, 'Script Error: Source: Microsoft VBScript runtime error - Error: 800A000B - Description: Division by zero - Line: 5 Column: 4 - Code: n = 7 Mod 0');
    assert.deepEqual(report.errors, [e.error?.logLine]);
  });

  test('the handler is aborted at the error; the run goes on (the next events still fire)', async () => {
    const { report } = await simulate({
      script: vbs('Sub OnSMTPData(oClient, oMessage)', '  EventLog.Write "before"', '  Err.Raise 5', '  EventLog.Write "after"', 'End Sub', 'Sub OnAcceptMessage(oClient, oMessage) : EventLog.Write "accept" : End Sub'),
    });
    assert.deepEqual(report.eventLog, ['before', 'accept']);
    assert.equal(report.outcome, 'accepted');
  });

  test('Err.Raise with a user number: 800A + the number; vbObjectError numbers keep their HRESULT and source', async () => {
    const { report } = await simulate({
      script: vbs(
        'Sub OnSMTPData(oClient, oMessage)',
        '  Err.Raise 1000, "MyCheck", "custom failure"',
        'End Sub',
        'Sub OnAcceptMessage(oClient, oMessage)',
        '  Err.Raise vbObjectError + 513, "Blacklist", "lookup failed"',
        'End Sub',
      ),
    });
    assert.equal(report.errors.length, 2);
    assert.match(report.errors[0], /^Script Error: Source: MyCheck - Error: 800A03E8 - Description: custom failure - Line: 2 Column: 2 - Code: Err\.Raise 1000, "MyCheck", "custom failure"$/);
    assert.match(report.errors[1], /^Script Error: Source: Blacklist - Error: 80040201 - Description: lookup failed - Line: 5 Column: 2 - Code: /);
  });

  test('On Error Resume Next keeps an error out of the log', async () => {
    const { report } = await simulate({ script: vbs('Sub OnAcceptMessage(oClient, oMessage)', '  On Error Resume Next', '  x = 1 / 0', '  EventLog.Write "err " & Err.Number', 'End Sub') });
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.eventLog, ['err 11']);
  });
});

describe('errors in the appended call', () => {
  const wrongArity = (text: string) => ({ script: text, scenario: {} });

  test('wrong number of parameters: error 450 reported at the file\'s line count + 2 (file ends with CRLF)', async () => {
    // 3 lines and a final CRLF: the server's text is file + CRLF CRLF + call, the call is line 6.
    const { report } = await simulate(wrongArity(vbs('Sub OnAcceptMessage(oMessage)', '  EventLog.Write "never"', 'End Sub')));
    const e = only(report, 'OnAcceptMessage');
    assert.equal(e.error?.number, 450);
    assert.equal(e.error?.line, 6);
    assert.match(e.error?.logLine ?? '', /^Script Error: Source: Microsoft VBScript runtime error - Error: 800A01C2 - Description: Wrong number of arguments or invalid property assignment(: 'OnAcceptMessage')? - Line: 6 Column: 0 - Code: Call OnAcceptMessage\(HMAILSERVER_CLIENT, HMAILSERVER_MESSAGE\)$/);
    assert.deepEqual(report.eventLog, []);
    // The Sub never ran: Result untouched, the message is accepted.
    assert.equal(report.outcome, 'accepted');
  });

  test('without a final line break the call is one line closer (2 past the last line)', async () => {
    const { report } = await simulate(wrongArity('Sub OnAcceptMessage(oMessage)\r\n  EventLog.Write "never"\r\nEnd Sub'));
    assert.equal(only(report, 'OnAcceptMessage').error?.line, 5);
  });

  test('LF-only line ends count the same way', async () => {
    const { report } = await simulate(wrongArity('Sub OnAcceptMessage(oMessage)\n  EventLog.Write "never"\nEnd Sub\n'));
    assert.equal(only(report, 'OnAcceptMessage').error?.line, 6);
  });

  test('a Function works as well as a Sub; its return value is ignored', async () => {
    const { report } = await simulate({ script: vbs('Function OnAcceptMessage(oClient, oMessage)', '  OnAcceptMessage = 1', '  Result.Value = 2 : Result.Message = "from a Function"', 'End Function') });
    assert.equal(report.reply, '554 from a Function');
    assert.deepEqual(report.errors, []);
  });

  test('handler names are case-insensitive (Sub onacceptmessage fires)', async () => {
    const { report } = await simulate({ script: vbs('Sub onacceptMESSAGE(a, b)', '  Result.Value = 1', 'End Sub') });
    assert.equal(report.reply, '554 Rejected');
  });
});

describe('the ERROR log file', () => {
  test('logs/ERROR_hmailserver_<date>.log: one "ERROR" line per script error, in order, CRLF-terminated', async () => {
    const { out } = await simulate({
      script: vbs('Sub OnSMTPData(oClient, oMessage) : Err.Raise 5 : End Sub', 'Sub OnAcceptMessage(oClient, oMessage)', '  x = 1 / 0', 'End Sub'),
      scenario: { environment: { now: '2026-11-24T23:59:30', timeZone: 'Europe/Berlin' } },
    });
    const text = readFileSync(path.join(out!, 'logs', 'ERROR_hmailserver_2026-11-24.log'), 'utf8');
    const lines = text.split('\r\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[2], '');
    assert.match(lines[0], /^"ERROR"\t\d+\t"2026-11-24 23:59:30\.\d{3}"\t"Script Error: Source: Microsoft VBScript runtime error - Error: 800A0005 - Description: Invalid procedure call or argument - Line: 1 Column: \d+ - Code: Sub OnSMTPData/);
    assert.match(lines[1], /\t"Script Error: Source: Microsoft VBScript runtime error - Error: 800A000B - Description: Division by zero - Line: 3 Column: 2 - Code: x = 1 \/ 0"$/);
  });

  test('no script error, no ERROR file', async () => {
    const { readdirSync } = await import('node:fs');
    const { out } = await simulate({ script: vbs('Sub OnAcceptMessage(oClient, oMessage) : End Sub') });
    assert.deepEqual(readdirSync(path.join(out!, 'logs')), ['hmailserver_events.log']);
  });

  test('the human report names file:line for each error', async () => {
    const { report, out } = await simulate({ script: vbs('Sub OnAcceptMessage(oClient, oMessage)', '  x = 1 / 0', 'End Sub') });
    const text = formatReport(report, out!);
    assert.match(text, /OnAcceptMessage: Result\.Value = 0, error 11 at .*EventHandlers\.vbs:2: Division by zero/);
    assert.match(text, /Script errors \(1\)\n {2}Script Error: Source: Microsoft VBScript runtime error - Error: 800A000B/);
  });
});
