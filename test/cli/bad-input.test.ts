/** Bad input ends in one clear line naming the file, exit 2, never a stack trace. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hmailsim, MESSAGE, scenario, SCRIPT, scratch, STACK } from './helpers';

function oneLine(r: { status: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.equal(r.stdout, '');
  const lines = r.stderr.replace(/\n$/, '').split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], pattern);
  assert.doesNotMatch(r.stderr, STACK);
  assert.doesNotMatch(r.stderr, /internal error/);
}

describe('bad input', () => {
  test('a missing scenario file', () => {
    oneLine(hmailsim(scratch({}), 'run', 'missing.scenario.json'), /^hmailsim: missing\.scenario\.json: cannot read the scenario \(ENOENT\)$/);
  });

  test('invalid JSON names the file, line and column', () => {
    const dir = scratch({ 's.scenario.json': '{\n  "script": "EventHandlers.vbs",\n  "session": { "message": "m.eml", }\n}\n' });
    oneLine(hmailsim(dir, 'run', 's.scenario.json'), /^hmailsim: s\.scenario\.json:3:\d+: invalid JSON: /);
  });

  test('a schema violation names the property', () => {
    const dir = scratch({ 'EventHandlers.vbs': SCRIPT, 's.scenario.json': { script: 'EventHandlers.vbs', hmailserver: '5.8' } });
    oneLine(hmailsim(dir, 'run', 's.scenario.json'), /^hmailsim: s\.scenario\.json: \/hmailserver must be one of "5\.6", "5\.6-rvdh", "5\.7"$/);
  });

  test('a missing script or message', () => {
    const dir = scratch({ 'EventHandlers.vbs': SCRIPT, 's.scenario.json': scenario({ script: 'nope.vbs' }), 't.scenario.json': scenario() });
    oneLine(hmailsim(dir, 'run', 's.scenario.json'), /^hmailsim: s\.scenario\.json: script not found: .*nope\.vbs$/);
    oneLine(hmailsim(dir, 'run', 't.scenario.json'), /^hmailsim: t\.scenario\.json: message not found: .*m\.eml$/);
  });

  test('a malformed .eml names the message file and what is wrong', () => {
    const dir = scratch({ 'EventHandlers.vbs': SCRIPT, 'm.eml': '%PDF-1.4 binary junk\r\n\r\n', 's.scenario.json': scenario() });
    oneLine(hmailsim(dir, 'run', 's.scenario.json'), /^hmailsim: .*m\.eml: malformed message: /);
  });

  test('a mock file that does not exist names the scenario', () => {
    const dir = scratch({ 'EventHandlers.vbs': SCRIPT, 'm.eml': MESSAGE, 's.scenario.json': scenario({ mocks: { files: { 'C:\\x.txt': 'missing.txt' } } }) });
    oneLine(hmailsim(dir, 'run', 's.scenario.json'), /^hmailsim: s\.scenario\.json: mocks: /);
  });

  test('a fire entry with an unknown event or argument names the scenario and the entry', () => {
    const dir = scratch({
      'EventHandlers.vbs': SCRIPT,
      'm.eml': MESSAGE,
      'a.scenario.json': scenario({ fire: [{ event: 'OnQuit' }] }),
      'b.scenario.json': scenario({ fire: [{ event: 'OnBackupFailed', args: { reason: 'x' } }] }),
    });
    oneLine(hmailsim(dir, 'run', 'a.scenario.json', '--out', 'o1'), /^hmailsim: a\.scenario\.json: fire\[0\]: hMailServer has no event OnQuit$/);
    oneLine(hmailsim(dir, 'run', 'b.scenario.json', '--out', 'o2'), /^hmailsim: b\.scenario\.json: fire\[0\] OnBackupFailed: unknown argument "reason" \(OnBackupFailed takes sReason\)$/);
  });

  test('a bad environment (time zone) names the scenario', () => {
    const dir = scratch({ 'EventHandlers.vbs': SCRIPT, 'm.eml': MESSAGE, 's.scenario.json': scenario({ environment: { timeZone: 'Mars/Olympus' } }) });
    oneLine(hmailsim(dir, 'run', 's.scenario.json', '--out', 'o'), /^hmailsim: s\.scenario\.json: environment: /);
  });

  test('a bad --timeout value and an unknown option are usage errors', () => {
    const dir = scratch({});
    oneLine(hmailsim(dir, 'run', 's.scenario.json', '--timeout', '0'), /^hmailsim: --timeout takes a number of seconds, not "0"$/);
    oneLine(hmailsim(dir, 'run', 's.scenario.json', '--fast'), /^hmailsim: .*--fast/);
  });
});
