/** `hmailsim replay`: every .eml of a folder through one scenario, then a summary table. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { hmailsim, MESSAGE, scenario, SCRIPT, scratch, STACK } from './helpers';

describe('hmailsim replay', () => {
  test('one line per message and a summary table by outcome and reply', () => {
    const dir = scratch({
      'EventHandlers.vbs': SCRIPT,
      'm.eml': MESSAGE,
      's.scenario.json': scenario(),
      'archive/1.eml': MESSAGE,
      'archive/2.eml': MESSAGE.replace('Cheap pills', 'Lunch'),
      'archive/3.eml': MESSAGE.replace('Cheap pills', 'More pills'),
      'archive/notes.txt': 'not a message',
    });
    const r = hmailsim(dir, 'replay', 's.scenario.json', 'archive');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^rejected {5}1\.eml {2}554 Spam, go away$/m);
    assert.match(r.stdout, /^accepted {5}2\.eml {2}250 Queued \(0\.000 seconds\)$/m);
    assert.match(r.stdout, /^Summary\n {6}2 {2}rejected {5}554 Spam, go away\n {6}1 {2}accepted {5}250 Queued \(0\.000 seconds\)\n {2}3 message\(s\), 0 script error\(s\)\n$/m);
    assert.doesNotMatch(r.stdout, /notes\.txt/);
    // Replays write nothing: no run folders.
    assert.ok(!existsSync(path.join(dir, 'tmp', 'hmailsim')));
  });

  test('script errors are counted; a malformed .eml is "not run" with its reason, exit 2, no stack trace', () => {
    const dir = scratch({
      'EventHandlers.vbs': 'Sub OnAcceptMessage(oClient, oMessage)\r\n  x = 1 / 0\r\nEnd Sub\r\n',
      'm.eml': MESSAGE,
      's.scenario.json': scenario(),
      'archive/good.eml': MESSAGE,
      'archive/bad.eml': '%PDF-1.4 not a message\r\n',
    });
    const r = hmailsim(dir, 'replay', 's.scenario.json', 'archive');
    assert.equal(r.status, 2);
    assert.match(r.stdout, /^not run {6}bad\.eml {2}.*bad\.eml: malformed message/m);
    assert.match(r.stdout, /^accepted {5}good\.eml {2}250 Queued \(0\.000 seconds\) {2}\(1 script error\(s\)\)$/m);
    assert.match(r.stdout, /^ {6}1 {2}not run$/m);
    assert.match(r.stdout, /^ {2}2 message\(s\), 1 script error\(s\)$/m);
    assert.doesNotMatch(r.stdout + r.stderr, STACK);
  });

  test('a missing folder is bad input: one line, exit 2', () => {
    const dir = scratch({ 'EventHandlers.vbs': SCRIPT, 'm.eml': MESSAGE, 's.scenario.json': scenario() });
    const r = hmailsim(dir, 'replay', 's.scenario.json', 'no-such-folder');
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^hmailsim: no-such-folder: no such file or directory$/m);
    assert.doesNotMatch(r.stderr, STACK);
  });
});
