import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { loadScenario, ScenarioError } from '../../simulator/src/scenario/load';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hmailsim-scenario-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('loading scenarios', () => {
  test('a scenario with only script and message runs on defaults', () => {
    const dir = folder({ 'EventHandlers.vbs': '', 'm.eml': 'Subject: x\r\n\r\nbody', 'min.scenario.json': '{ "script": "EventHandlers.vbs", "session": { "message": "m.eml" } }' });
    const s = loadScenario(path.join(dir, 'min.scenario.json'));
    assert.equal(s.name, 'min');
    assert.equal(s.version, '5.6');
    assert.equal(s.scriptPath, path.join(dir, 'EventHandlers.vbs'));
    assert.equal(s.messagePath, path.join(dir, 'm.eml'));
    assert.deepEqual(s.environment, { now: '2026-01-01T10:00:00', timeZone: 'UTC', locale: 1033, seed: 1 });
    assert.equal(s.timeoutSeconds, 30);
  });

  test('the scenario wins over overrides, which win over defaults; --script replaces the script', () => {
    const dir = folder({ 'a.vbs': '', 'b.vbs': '', 's.json': '{ "script": "a.vbs", "hmailserver": "5.7" }' });
    const s = loadScenario(path.join(dir, 's.json'), { hmailserver: '5.6-rvdh', timeoutSeconds: 5, script: 'b.vbs' });
    assert.equal(s.version, '5.7');
    assert.equal(s.timeoutSeconds, 5);
    assert.equal(s.scriptPath, path.join(dir, 'b.vbs'));
  });

  const bad: [string, string, RegExp][] = [
    ['invalid JSON names the line and column', '{\n  "script": "a.vbs",\n}', /s\.json:3:1: invalid JSON/],
    ['JSON cut short names where it ends', '{\n  "script": ', /s\.json:2:13: invalid JSON: Unexpected end of JSON input/],
    ['an unknown property', '{ "script": "a.vbs", "sesion": {} }', /unknown property "sesion"/],
    ['a wrong enum value', '{ "script": "a.vbs", "hmailserver": "5.8" }', /\/hmailserver must be one of "5\.6", "5\.6-rvdh", "5\.7"/],
    ['a missing script', '{ "session": {} }', /missing "script"/],
    ['a missing message file', '{ "script": "a.vbs", "session": { "message": "nope.eml" } }', /message not found: .*nope\.eml/],
    ['a missing script file', '{ "script": "nope.vbs" }', /script not found: .*nope\.vbs/],
    ['a wrong type deep inside', '{ "script": "a.vbs", "delivery": { "retries": -1 } }', /\/delivery\/retries must be >= 0/],
  ];
  for (const [name, json, message] of bad) {
    test(`bad input: ${name}`, () => {
      const dir = folder({ 'a.vbs': '', 's.json': json });
      assert.throws(() => loadScenario(path.join(dir, 's.json')), (e: unknown) => e instanceof ScenarioError && message.test(e.message));
    });
  }

  test('a missing scenario file is a ScenarioError naming it', () => {
    assert.throws(() => loadScenario('/no/such.scenario.json'), (e: unknown) => e instanceof ScenarioError && /no\/such\.scenario\.json: cannot read the scenario \(ENOENT\)/.test(e.message));
  });

  test('every example scenario is valid', async () => {
    const { readdirSync } = await import('node:fs');
    const dir = path.resolve(import.meta.dirname, '../../examples/scenarios');
    const files = readdirSync(dir).filter((f) => f.endsWith('.scenario.json'));
    assert.ok(files.length >= 3);
    for (const f of files) assert.doesNotThrow(() => loadScenario(path.join(dir, f)), f);
  });
});
