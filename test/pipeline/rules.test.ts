import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyRules, ruleMatches, type RuleSubject } from '../../simulator/src/pipeline/rules';
import type { ScenarioRule } from '../../simulator/src/scenario/types';

const subject: RuleSubject = {
  header: (name) => ({ from: '"Alice" <alice@sender.test>', 'x-spam': 'YES', to: 'bob@example.com' })[name.toLowerCase()] ?? '',
  subject: () => 'Quarterly REPORT',
  body: () => 'numbers inside',
  sizeKb: () => 12,
  recipients: () => ['bob@example.com'],
  deliveryAttempt: 1,
};

const rule = (criteria: ScenarioRule['criteria'], useAnd = true): ScenarioRule => ({ name: 'r', useAnd, criteria, actions: [] });

describe('rules', () => {
  const cases: [string, ScenarioRule['criteria'][number], boolean][] = [
    ['equals is case-insensitive', { field: 'Subject', match: 'equals', value: 'quarterly report' }, true],
    ['contains', { field: 'Body', match: 'contains', value: 'NUMBERS' }, true],
    ['notContains', { field: 'Body', match: 'notContains', value: 'numbers' }, false],
    ['a header by name', { field: 'X-Spam', usePredefined: false, match: 'equals', value: 'yes' }, true],
    ['regex', { field: 'From', match: 'regex', value: '@sender\\.test>$' }, true],
    ['an invalid regex never matches', { field: 'From', match: 'regex', value: '([' }, false],
    ['wildcard', { field: 'To', match: 'wildcard', value: '*@example.com' }, true],
    ['message size greater than', { field: 'MessageSize', match: 'greaterThan', value: '10' }, true],
    ['message size less than', { field: 'MessageSize', match: 'lessThan', value: '10' }, false],
  ];
  for (const [name, criterion, expected] of cases) test(name, () => assert.equal(ruleMatches(rule([criterion]), subject), expected));

  test('useAnd false matches on any criterion', () => {
    const criteria: ScenarioRule['criteria'] = [
      { field: 'Subject', match: 'equals', value: 'nope' },
      { field: 'Body', match: 'contains', value: 'inside' },
    ];
    assert.equal(ruleMatches(rule(criteria, false), subject), true);
    assert.equal(ruleMatches(rule(criteria, true), subject), false);
  });

  test('actions run in order; stopRuleProcessing stops later rules; deleteEmail deletes', () => {
    const calls: string[] = [];
    const effects = { runFunction: (n: string) => void calls.push(n), setHeader: (n: string, v: string) => void calls.push(`${n}=${v}`), note: (t: string) => void calls.push(t) };
    const rules: ScenarioRule[] = [
      { name: 'a', criteria: [], actions: [{ type: 'setHeaderValue', headerName: 'X-A', value: '1' }, { type: 'runFunction', scriptFunction: 'F' }, { type: 'stopRuleProcessing' }] },
      { name: 'b', criteria: [], actions: [{ type: 'deleteEmail' }] },
    ];
    assert.equal(applyRules(rules, subject, effects), 'continue');
    assert.deepEqual(calls, ['X-A=1', 'F']);
    assert.equal(applyRules([rules[1]], subject, effects), 'delete');
    assert.equal(applyRules([{ ...rules[1], active: false }], subject, effects), 'continue');
  });
});
