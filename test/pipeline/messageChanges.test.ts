import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runScenario } from '../../simulator/src/pipeline/run';
import { formatReport } from '../../simulator/src/report/text';
import { loadScenario } from '../../simulator/src/scenario/load';

describe('how the message changed', () => {
  test('headers the handler added with Save are listed against the .eml as sent; the Received header is not', async () => {
    const scenario = loadScenario(path.resolve(import.meta.dirname, '../../examples/scenarios/newsletter-accepted.scenario.json'));
    const report = await runScenario(scenario, {});
    assert.deepEqual(report.message?.changes, [
      { header: 'X-Spam-Score', before: null, after: '0' },
      { header: 'X-Sender-Domain', before: null, after: 'shop.test' },
      { header: 'X-Checked-By', before: null, after: 'EventHandlers.vbs' },
    ]);
    assert.match(formatReport(report, '/out'), /\+ X-Spam-Score: 0\n/);
  });

  test('a rejected message has no queued version, so no changes', async () => {
    const scenario = loadScenario(path.resolve(import.meta.dirname, '../../examples/scenarios/spam-rejected.scenario.json'));
    const report = await runScenario(scenario, {});
    assert.equal(report.outcome, 'rejected');
    assert.equal(report.message?.changes, undefined);
  });
});
