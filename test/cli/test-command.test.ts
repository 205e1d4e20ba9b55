/** `hmailsim test`: passing and failing scenarios, diffs, the summary line, exit codes, JUnit. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { hmailsim, hmailsimWith, MESSAGE, scenario, SCRIPT, scratch, STACK } from './helpers';

const passing = scenario({ name: 'spam is rejected', expect: { outcome: 'rejected', reply: '554 Spam, go away', eventLog: ['rejected 198.51.100.7'], errors: 0 } });
const failing = scenario({ name: 'wrong expectation', expect: { outcome: 'accepted', reply: '554 Spam, go away', headers: { 'X-Checked': 'yes' } } });

describe('hmailsim test', () => {
  test('all passing: one ✔ line each, "N passed, 0 failed", exit 0', () => {
    const dir = scratch({ 'EventHandlers.vbs': SCRIPT, 'm.eml': MESSAGE, 'a.scenario.json': passing, 'sub/b.scenario.json': { ...passing, name: 'second', script: '../EventHandlers.vbs', session: { ...passing.session, message: '../m.eml' } } });
    const r = hmailsim(dir, 'test', '.');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^✔ spam is rejected {2}\(a\.scenario\.json\)$/m);
    assert.match(r.stdout, /^✔ second {2}\(sub\/b\.scenario\.json\)$/m);
    assert.match(r.stdout, /^2 passed, 0 failed$/m);
  });

  test('a failing expectation prints a diff per field and exits 1', () => {
    const dir = scratch({ 'EventHandlers.vbs': SCRIPT, 'm.eml': MESSAGE, 'a.scenario.json': passing, 'b.scenario.json': failing });
    const r = hmailsim(dir, 'test', 'a.scenario.json', 'b.scenario.json');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^✖ wrong expectation {2}\(b\.scenario\.json\)\n {2}outcome:\n {4}- accepted\n {4}\+ rejected\n {2}headers\.X-Checked:\n {4}- yes\n {4}\+ null$/m);
    // reply matched: no diff for it.
    assert.doesNotMatch(r.stdout, /^ {2}reply:/m);
    assert.match(r.stdout, /\n1 passed, 1 failed\n$/);
  });

  test('scenarios without expect are not counted; a scenario that cannot run is a failure and exits 2', () => {
    const dir = scratch({ 'EventHandlers.vbs': SCRIPT, 'm.eml': MESSAGE, 'a.scenario.json': passing, 'c.scenario.json': scenario({ name: 'no expect' }), 'd.scenario.json': '{ "script": ' });
    const r = hmailsim(dir, 'test', '.');
    assert.equal(r.status, 2);
    assert.match(r.stdout, /^✖ d\.scenario\.json\n {2}.*d\.scenario\.json:1:\d+: invalid JSON/m);
    assert.doesNotMatch(r.stdout, /no expect/);
    assert.match(r.stdout, /^1 passed, 1 failed$/m);
    assert.doesNotMatch(r.stdout + r.stderr, STACK);
  });

  test('--reporter junit prints JUnit XML after the summary; --junit-file writes it', () => {
    const dir = scratch({ 'EventHandlers.vbs': SCRIPT, 'm.eml': MESSAGE, 'a.scenario.json': passing, 'b.scenario.json': failing });
    const r = hmailsim(dir, 'test', '.', '--reporter', 'junit');
    assert.equal(r.status, 1);
    const xml = r.stdout.slice(r.stdout.indexOf('<?xml'));
    assert.match(xml, /<testsuites tests="2" failures="1" errors="0"/);
    assert.match(xml, /<testcase name="spam is rejected" classname="a\.scenario\.json" time="[\d.]+"\/>/);
    assert.match(xml, /<testcase name="wrong expectation" classname="b\.scenario\.json" time="[\d.]+">\n {6}<failure message=" {2}outcome:">/);
    const toFile = hmailsim(dir, 'test', '.', '--reporter', 'junit', '--junit-file', 'junit.xml');
    assert.equal(toFile.status, 1);
    assert.doesNotMatch(toFile.stdout, /<\?xml/);
    assert.match(readFileSync(path.join(dir, 'junit.xml'), 'utf8'), /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites tests="2" failures="1"/);
  });

  test('a path that does not exist is bad input: one line, exit 2', () => {
    const r = hmailsim(scratch({}), 'test', 'nowhere');
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'hmailsim: nowhere: no such file or directory\n');
    assert.doesNotMatch(r.stdout + r.stderr, STACK);
  });

  test('an unknown reporter is a usage error, exit 2', () => {
    const dir = scratch({});
    const r = hmailsim(dir, 'test', '.', '--reporter', 'tap');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^hmailsim: unknown reporter "tap" \(only junit\)\n$/);
  });

  test('the bundled examples pass, in VBScript and in JScript alike', () => {
    // Run from the repository, with the run folders in a scratch folder (never inside the repository).
    const r = hmailsimWith({ cwd: path.resolve(import.meta.dirname, '../..'), tmp: path.join(scratch({}), 'tmp') }, 'test', 'examples');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^10 passed, 0 failed$/m);
    // Every VBScript scenario has a JScript twin with the same expectations.
    assert.equal((r.stdout.match(/\(JScript\) {2}\(examples\/scenarios\/jscript\//g) ?? []).length, 5, r.stdout);
  });
});
