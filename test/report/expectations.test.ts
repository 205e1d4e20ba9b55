import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkExpectations, formatMismatch } from '../../simulator/src/report/expectations';
import { junitReport } from '../../simulator/src/report/junit';
import type { RunReport } from '../../simulator/src/report/types';

const report: RunReport = {
  schemaVersion: 1,
  scenario: 's',
  script: 'EventHandlers.vbs',
  hmailserver: '5.6',
  outcome: 'rejected',
  reply: '554 spam',
  transcript: [],
  events: [],
  delivered: ['b@x.test', 'a@x.test'],
  failed: [{ recipient: 'c@y.test', error: '550 no' }],
  message: { subject: 'Hi', headers: { 'X-Spam': 'YES', Subject: 'Hi' } },
  eventLog: ['first line', 'rejected spam from 1.2.3.4', 'done'],
  errors: [],
  sideEffects: [],
};

describe('expectations', () => {
  test('a matching expectation has no mismatches (lists compare as sets)', () => {
    assert.deepEqual(
      checkExpectations({ outcome: 'rejected', reply: '554 spam', delivered: ['a@x.test', 'b@x.test'], failed: ['c@y.test'], headers: { 'x-spam': 'YES', 'X-Gone': null }, subject: 'Hi', eventLog: ['rejected spam', 'done'], errors: 0 }, report),
      [],
    );
  });

  test('each wrong field is one mismatch', () => {
    const m = checkExpectations({ outcome: 'accepted', headers: { 'X-Spam': 'NO', Subject: null }, eventLog: ['done', 'first'] }, report);
    assert.deepEqual(m.map((x) => x.field), ['outcome', 'headers.X-Spam', 'headers.Subject', 'eventLog']);
  });

  test('a mismatch prints as a diff', () => {
    assert.equal(formatMismatch({ field: 'reply', expected: '554 Rejected', actual: '250 Queued' }), '  reply:\n    - 554 Rejected\n    + 250 Queued');
  });

  test('JUnit XML escapes and counts', () => {
    const xml = junitReport([
      { name: 'ok', file: 'a.json', seconds: 0.01, failures: [] },
      { name: 'bad <one>', file: 'b.json', seconds: 0.02, failures: ['  reply:\n - x'] },
      { name: 'broken', file: 'c.json', seconds: 0, failures: [], error: 'c.json: invalid JSON' },
    ]);
    assert.match(xml, /<testsuites tests="3" failures="1" errors="1"/);
    assert.match(xml, /name="bad &lt;one&gt;"/);
    assert.match(xml, /<error message="c\.json: invalid JSON"\/>/);
  });
});
