/** `hmailsim run`: the human report, --json (schemaVersion 1 and the fields), --out, --script, --timeout. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { hmailsim, MESSAGE, scenario, SCRIPT, scratch, STACK } from './helpers';

describe('hmailsim run', () => {
  test('prints a human report: outcome, events with Result, transcript, event log; exit 0', () => {
    const dir = scratch({ 'EventHandlers.vbs': SCRIPT, 'm.eml': MESSAGE, 's.scenario.json': scenario() });
    const r = hmailsim(dir, 'run', 's.scenario.json', '--out', 'out');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Scenario  pills$/m);
    assert.match(r.stdout, /^Outcome   REJECTED  554 Spam, go away$/m);
    assert.match(r.stdout, /^ {2}\d+\. OnAcceptMessage: Result\.Value = 2, Message = "Spam, go away"$/m);
    assert.match(r.stdout, /^ {2}\d+\. OnClientConnect: skipped \(no handler in the script\)$/m);
    assert.match(r.stdout, /^ {2}C: DATA\n {2}S: 354 OK, send\.$/m);
    assert.match(r.stdout, /^EventLog\.Write\n {2}rejected 198\.51\.100\.7$/m);
    assert.match(r.stdout, new RegExp(`^Output    ${path.join(dir, 'out').replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}$`, 'm'));
    assert.equal(r.stderr, '');
  });

  test('--json prints the report with schemaVersion 1 and every field the issue lists', () => {
    const dir = scratch({ 'EventHandlers.vbs': SCRIPT, 'm.eml': MESSAGE.replace('Cheap pills', 'Lunch'), 's.scenario.json': scenario() });
    const r = hmailsim(dir, 'run', 's.scenario.json', '--json', '--out', 'out');
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.schemaVersion, 1);
    for (const key of ['outcome', 'reply', 'transcript', 'events', 'delivered', 'failed', 'message', 'eventLog', 'errors', 'sideEffects']) assert.ok(key in report, key);
    assert.equal(report.outcome, 'accepted');
    assert.equal(report.reply, '250 Queued (0.000 seconds)');
    for (const t of report.transcript) {
      assert.ok(t.from === 'client' || t.from === 'server');
      assert.equal(typeof t.line, 'string');
    }
    assert.deepEqual(report.delivered, ['bob@example.com']);
    assert.deepEqual(report.failed, []);
    assert.equal(report.message.subject, 'Lunch');
    assert.equal(report.message.headers['X-Checked'], 'yes');
    assert.equal(report.message.file, 'messages/message-1.eml');
    assert.ok(existsSync(path.join(dir, 'out', report.message.file)));
    const accept = report.events.find((e: { name: string }) => e.name === 'OnAcceptMessage');
    assert.deepEqual(Object.keys(accept).sort(), ['args', 'fired', 'name', 'ordinal', 'result'].sort());
    assert.deepEqual(accept.result, { value: 0, message: '', parameter: 0 });
    assert.deepEqual(report.events.map((e: { ordinal: number }) => e.ordinal), report.events.map((_: unknown, i: number) => i + 1));
    const skipped = report.events.filter((e: { fired: boolean }) => !e.fired);
    assert.ok(skipped.length > 0 && skipped.every((e: { skipped: string }) => ['no-handler', 'version', 'load-failed'].includes(e.skipped)));
    // sideEffects: kind, target, allowed, event
    const save = report.sideEffects.find((s: { kind: string }) => s.kind === 'file-write');
    assert.equal(save.allowed, true);
    assert.equal(save.event, 'OnAcceptMessage');
    assert.equal(typeof save.target, 'string');
  });

  test('--json: an event error carries number, description, file, line, column and logLine', () => {
    const dir = scratch({ 'EventHandlers.vbs': 'Sub OnAcceptMessage(oClient, oMessage)\r\n  x = 1 / 0\r\nEnd Sub\r\n', 'm.eml': MESSAGE, 's.scenario.json': scenario() });
    const r = hmailsim(dir, 'run', 's.scenario.json', '--json', '--out', 'out');
    assert.equal(r.status, 0, 'script errors are reported, not fatal');
    const report = JSON.parse(r.stdout);
    const e = report.events.find((x: { name: string }) => x.name === 'OnAcceptMessage').error;
    for (const key of ['number', 'description', 'file', 'line', 'column', 'logLine']) assert.ok(key in e, key);
    assert.equal(e.file, path.join(dir, 'EventHandlers.vbs'));
    assert.equal(e.line, 2);
    assert.deepEqual(report.errors, [e.logLine]);
    assert.ok(readdirSync(path.join(dir, 'out', 'logs')).some((n) => n.startsWith('ERROR_hmailserver_')));
  });

  test('--out DIR holds messages/, logs/ and report.json (the same report as --json)', () => {
    const dir = scratch({ 'EventHandlers.vbs': SCRIPT, 'm.eml': MESSAGE.replace('Cheap pills', 'Hi'), 's.scenario.json': scenario() });
    const r = hmailsim(dir, 'run', 's.scenario.json', '--json', '--out', 'out');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readdirSync(path.join(dir, 'out')).sort(), ['logs', 'messages', 'report.json']);
    assert.equal(readFileSync(path.join(dir, 'out', 'report.json'), 'utf8'), r.stdout);
    // The user's .eml is never written.
    assert.equal(readFileSync(path.join(dir, 'm.eml'), 'utf8'), MESSAGE.replace('Cheap pills', 'Hi'));
  });

  test('without --out the files go to $TMPDIR/hmailsim/<name>-<timestamp>/', () => {
    const dir = scratch({ 'EventHandlers.vbs': SCRIPT, 'm.eml': MESSAGE, 's.scenario.json': scenario() });
    const r = hmailsim(dir, 'run', 's.scenario.json');
    assert.equal(r.status, 0, r.stderr);
    const runs = readdirSync(path.join(dir, 'tmp', 'hmailsim'));
    assert.equal(runs.length, 1);
    assert.match(runs[0], /^pills-\d{8}-\d{6}$/);
    assert.ok(existsSync(path.join(dir, 'tmp', 'hmailsim', runs[0], 'report.json')));
    assert.match(r.stdout, new RegExp(`Output    .*${runs[0]}`));
  });

  test('--script replaces the scenario\'s script', () => {
    const dir = scratch({ 'EventHandlers.vbs': SCRIPT, 'other.vbs': 'Sub OnClientConnect(oClient)\r\n  Result.Value = 1\r\nEnd Sub\r\n', 'm.eml': MESSAGE, 's.scenario.json': scenario() });
    const r = hmailsim(dir, 'run', 's.scenario.json', '--json', '--script', 'other.vbs', '--out', 'out');
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.script, 'other.vbs');
    assert.equal(report.outcome, 'disconnected');
  });

  test('--timeout: a handler looping forever ends with one line naming file, event and line; exit 2', () => {
    const dir = scratch({ 'loop.vbs': 'Sub OnAcceptMessage(oClient, oMessage)\r\n  Do While True\r\n    n = n + 1\r\n  Loop\r\nEnd Sub\r\n', 'm.eml': MESSAGE, 's.scenario.json': scenario({ script: 'loop.vbs' }) });
    const started = Date.now();
    const r = hmailsim(dir, 'run', 's.scenario.json', '--timeout', '1', '--out', 'out');
    assert.ok(Date.now() - started < 20_000);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^hmailsim: s\.scenario\.json: OnAcceptMessage in .*loop\.vbs:[234] ran longer than the 1 s time limit/);
    assert.doesNotMatch(r.stderr, STACK);
  });

  test('top-level code looping at load is a time limit too: one line, exit 2', () => {
    const dir = scratch({ 'loop.vbs': 'Dim n\r\nDo\r\n  n = n + 1\r\nLoop\r\nSub OnAcceptMessage(oClient, oMessage)\r\nEnd Sub\r\n', 'm.eml': MESSAGE, 's.scenario.json': scenario({ script: 'loop.vbs' }) });
    const r = hmailsim(dir, 'run', 's.scenario.json', '--timeout', '1', '--out', 'out');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^hmailsim: s\.scenario\.json: the script's top-level code \(run at load\) in .*loop\.vbs:[234] ran longer than the 1 s time limit .*\n$/);
    assert.doesNotMatch(r.stderr, STACK);
  });

  test('limits.timeoutSeconds applies without --timeout; --timeout replaces it (like --script)', () => {
    const dir = scratch({ 'loop.vbs': 'Sub OnClientConnect(oClient)\r\n  Do : Loop\r\nEnd Sub\r\n', 'm.eml': MESSAGE, 's.scenario.json': scenario({ script: 'loop.vbs', limits: { timeoutSeconds: 1 } }) });
    const own = hmailsim(dir, 'run', 's.scenario.json', '--out', 'out');
    assert.equal(own.status, 2);
    assert.match(own.stderr, /^hmailsim: s\.scenario\.json: OnClientConnect in .*loop\.vbs:2 ran longer than the 1 s time limit/);
    const flag = hmailsim(dir, 'run', 's.scenario.json', '--timeout', '2', '--out', 'out2');
    assert.equal(flag.status, 2);
    assert.match(flag.stderr, /ran longer than the 2 s time limit/);
  });
});
