/**
 * Acceptance: loading the script (§2.2). The whole file runs once with no named items; a
 * compile error or a runtime error at load means no event fires — the server keeps working
 * without scripts, so the SMTP session and delivery still complete.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { RunReport } from '../../../simulator/src/report/types';
import { simulate, vbs } from './helpers';

const HANDLERS = vbs(
  'Sub OnClientConnect(oClient) : Result.Value = 1 : End Sub',
  'Sub OnAcceptMessage(oClient, oMessage) : Result.Value = 2 : End Sub',
  'Sub OnDeliveryStart(oMessage) : Result.Value = 1 : End Sub',
);

/** The script did not load: every event is reported as skipped "load-failed", the message went through. */
function assertWorkedWithoutScripts(report: RunReport): void {
  assert.equal(report.outcome, 'accepted');
  assert.equal(report.reply, '250 Queued (0.000 seconds)');
  assert.deepEqual(report.delivered, ['bob@example.com']);
  assert.ok(report.events.length >= 5);
  for (const e of report.events) {
    assert.equal(e.fired, false, e.name);
    assert.equal(e.skipped, 'load-failed', e.name);
    assert.equal(e.result, undefined);
  }
  assert.deepEqual(
    report.events.map((e) => e.name),
    ['OnClientConnect', 'OnSMTPData', 'OnAcceptMessage', 'OnDeliveryStart', 'OnDeliverMessage', 'OnBackupFailed'],
  );
  assert.deepEqual(report.eventLog, []);
}

const withFire = { fire: [{ event: 'OnBackupFailed', args: { sReason: 'x' } }] };

describe('load failures (§2.2)', () => {
  test('a compile error: nothing fires, the error is logged in the server format, the session completes', async () => {
    const { report, out } = await simulate({ script: HANDLERS + vbs('Sub Broken()', '  If x = 1', '    x = 2', '  End If', 'End Sub'), scenario: withFire });
    assertWorkedWithoutScripts(report);
    assert.deepEqual(report.errors, [
      "Script Error: Source: Microsoft VBScript compilation error - Error: 800A03F9 - Description: Expected 'Then' - Line: 5 Column: 10 - Code: If x = 1",
    ]);
    const logs = readdirSync(path.join(out!, 'logs'));
    assert.ok(logs.includes('ERROR_hmailserver_2026-01-01.log'), logs.join());
  });

  test('a runtime error in top-level code fails the load', async () => {
    const { report } = await simulate({ script: vbs('Dim ratio', 'ratio = 1 / 0') + HANDLERS, scenario: withFire });
    assertWorkedWithoutScripts(report);
    assert.deepEqual(report.errors, ['Script Error: Source: Microsoft VBScript runtime error - Error: 800A000B - Description: Division by zero - Line: 2 Column: 0 - Code: ratio = 1 / 0']);
  });

  test('a top-level EventLog.Write fails the load (no named items at load)', async () => {
    const { report } = await simulate({ script: vbs('EventLog.Write "script loaded"') + HANDLERS, scenario: withFire });
    assertWorkedWithoutScripts(report);
    assert.equal(report.errors.length, 1);
    assert.match(report.errors[0], /^Script Error: Source: Microsoft VBScript runtime error - Error: 800A01A8 - Description: Object required: 'EventLog' - Line: 1 Column: 0 - Code: EventLog\.Write "script loaded"$/);
  });

  test('a top-level Result.Value under Option Explicit fails the load with "Variable is undefined"', async () => {
    const { report } = await simulate({ script: vbs('Option Explicit', 'Result.Value = 0') + HANDLERS, scenario: withFire });
    assertWorkedWithoutScripts(report);
    assert.match(report.errors[0], /Error: 800A01F4 - Description: Variable is undefined: 'Result' - Line: 2 /);
  });

  test('a top-level error under On Error Resume Next does not fail the load', async () => {
    const { report } = await simulate({ script: vbs('On Error Resume Next', 'EventLog.Write "at load"', 'On Error GoTo 0') + HANDLERS });
    assert.equal(report.outcome, 'disconnected');
    // At firing time EventLog exists: the top-level line writes before each handler.
    assert.deepEqual(report.eventLog, ['at load']);
    assert.deepEqual(report.errors, []);
  });

  test('the load error is written to logs/ERROR_hmailserver_<date>.log in the server format', async () => {
    const { out } = await simulate({ script: vbs('x = 1 / 0') + HANDLERS, scenario: { environment: { now: '2026-11-24T10:00:00', timeZone: 'Europe/Berlin' } } });
    const text = readFileSync(path.join(out!, 'logs', 'ERROR_hmailserver_2026-11-24.log'), 'utf8');
    assert.match(text, /^"ERROR"\t\d+\t"2026-11-24 10:00:00\.\d{3}"\t"Script Error: Source: Microsoft VBScript runtime error - Error: 800A000B - Description: Division by zero - Line: 1 Column: 0 - Code: x = 1 \/ 0"\r\n$/);
  });
});

describe('script decoding at load (§2.1)', () => {
  const body = (text: string) => Buffer.from(vbs('Sub OnAcceptMessage(oClient, oMessage)', `  EventLog.Write "${text}"`, 'End Sub'), 'utf8');

  test('UTF-8 with a BOM is read as UTF-8', async () => {
    const { report } = await simulate({ script: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body('Grüße')]) });
    assert.deepEqual(report.eventLog, ['Grüße']);
  });

  test('UTF-8 without a BOM is misread as ANSI, as on the server', async () => {
    const { report } = await simulate({ script: body('Grüße') });
    assert.deepEqual(report.eventLog, ['GrÃ¼ÃŸe']);
  });

  test('UTF-16LE with a BOM', async () => {
    const text = vbs('Sub OnAcceptMessage(oClient, oMessage)', '  EventLog.Write "€ ok"', 'End Sub');
    const { report } = await simulate({ script: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    assert.deepEqual(report.eventLog, ['€ ok']);
  });
});
