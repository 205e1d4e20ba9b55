/** The same scenario gives byte-identical reports: report.json in two --out folders, and --json. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { hmailsim, MESSAGE, scenario, scratch } from './helpers';

// Everything that could vary: the clock, Rnd, file-system writes (overlay paths), EventLog
// timestamps, Message.Save, a bounce, an error, HTTP/exec mocks.
const SCRIPT = [
  'Randomize',
  'Sub OnAcceptMessage(oClient, oMessage)',
  '  Dim fso : Set fso = CreateObject("Scripting.FileSystemObject")',
  '  fso.CreateTextFile("C:\\hMailServer\\Events\\seen.txt", True).WriteLine Now & " " & Rnd & " " & Timer',
  '  oMessage.HeaderValue("X-Stamp") = Now & " " & Rnd',
  '  oMessage.Save',
  '  EventLog.Write "accepted " & Now & " " & Int(Rnd * 1000000)',
  '  Dim http : Set http = CreateObject("MSXML2.ServerXMLHTTP")',
  '  http.Open "GET", "https://api.example.test/check", False',
  '  http.Send',
  '  EventLog.Write "http " & http.Status',
  '  CreateObject("WScript.Shell").Run "cmd /c echo hi", 0, True',
  'End Sub',
  'Sub OnDeliveryFailed(oMessage, sRecipient, sErrorMessage)',
  '  EventLog.Write "failed " & sRecipient & " " & Now',
  '  Err.Raise 5',
  'End Sub',
  '',
].join('\r\n');

describe('determinism', () => {
  test('two runs into two folders: identical report.json, --json output, message and log files', () => {
    const dir = scratch({
      'EventHandlers.vbs': SCRIPT,
      'm.eml': MESSAGE.replace('Cheap pills', 'Hello'),
      's.scenario.json': scenario({
        environment: { now: '2026-11-24T10:00:00', timeZone: 'Europe/Berlin', seed: 7 },
        session: { mailFrom: 'alice@sender.test', rcptTo: ['bob@example.com', 'dave@remote.test'], message: 'm.eml', auth: { username: 'bob@example.com', password: 'secret' } },
        delivery: { remote: { 'dave@remote.test': '550 no such user' } },
        mocks: { pathMappings: { 'C:\\hMailServer\\Events': '.' }, http: [{ url: 'https://api.example.test/*', status: 200, body: 'ok' }], exec: [{ match: 'cmd*', exitCode: 0 }] },
      }),
    });
    const a = hmailsim(dir, 'run', 's.scenario.json', '--json', '--out', 'first');
    const b = hmailsim(dir, 'run', 's.scenario.json', '--json', '--out', path.join(dir, 'second', 'nested'));
    assert.equal(a.status, 0, a.stderr);
    assert.equal(b.status, 0, b.stderr);
    assert.equal(a.stdout, b.stdout);
    const read = (folder: string, file: string) => readFileSync(path.join(dir, folder, file));
    assert.deepEqual(read('first', 'report.json'), read('second/nested', 'report.json'));
    for (const file of ['messages/message-1.eml', 'logs/hmailserver_events.log']) assert.deepEqual(read('first', file), read('second/nested', file), file);
    // The run really exercised what could vary.
    const report = JSON.parse(a.stdout);
    assert.ok(report.sideEffects.some((s: { kind: string }) => s.kind === 'http'));
    assert.ok(report.sideEffects.some((s: { kind: string; detail?: string }) => s.kind === 'file-write' && s.detail?.includes('overlay')));
    assert.ok(report.errors.length >= 1);
    assert.deepEqual(report.failed.map((f: { recipient: string }) => f.recipient), ['dave@remote.test']);
    // Nothing in the report depends on the output folder.
    assert.ok(!a.stdout.includes(path.join(dir, 'first')) && !b.stdout.includes(path.join(dir, 'second')));
  });
});
