// The client's modules that need no VS Code: running a scenario in a child process (including a
// handler that never returns), the new-scenario file, handler text, path settings.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { handlerSnippet, parseCall } from '../../client/src/handlerText';
import { expandVariables, resolveSectionPaths } from '../../client/src/paths';
import { newScenario, relativeFrom } from '../../client/src/scenarios/newScenario';
import { startScenarioRun, summarize } from '../../client/src/scenarios/runner';
import { parseScenarioInfo, readScenarioInfo, samePath } from '../../client/src/scenarios/scenarioFile';

const root = path.resolve(__dirname, '..', '..');
const cliPath = path.join(root, 'dist', 'cli.js');
const examples = path.join(root, 'examples');

describe('scenario runs in a child process', () => {
  let dir: string;
  before(() => {
    assert.ok(existsSync(cliPath), 'dist/cli.js: run npm run build first');
    dir = mkdtempSync(path.join(os.tmpdir(), 'hmailserver-client-test-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs an example scenario: readable report, report.json, a one-line summary', async () => {
    const scenarioPath = path.join(examples, 'scenarios', 'spam-rejected.scenario.json');
    const r = await startScenarioRun({ cliPath, scenarioPath, outDir: path.join(dir, 'spam'), timeoutSeconds: 30 }).result;
    assert.equal(r.exitCode, 0, r.error);
    assert.match(r.output, /Outcome\s+REJECTED/);
    assert.equal(r.report?.outcome, 'rejected');
    const { text, severity } = summarize(readScenarioInfo(scenarioPath).name, r);
    assert.equal(severity, 'info');
    assert.match(text, /^Scenario ".+": rejected — 554 /);
  });

  it('reports bad input in one line, without a report', async () => {
    const scenarioPath = path.join(dir, 'broken.scenario.json');
    writeFileSync(scenarioPath, '{ "script": "missing.vbs", "session": { "message": "missing.eml" } }');
    const r = await startScenarioRun({ cliPath, scenarioPath, outDir: path.join(dir, 'broken') }).result;
    assert.equal(r.exitCode, 2);
    assert.equal(r.report, undefined);
    const { text, severity } = summarize('broken', r);
    assert.equal(severity, 'error');
    assert.match(text, /failed: .*missing/);
  });

  it('a handler that never returns: the time limit stops it, and the guard or cancel kills the process', async () => {
    writeFileSync(path.join(dir, 'EventHandlers.vbs'), 'Sub OnAcceptMessage(oClient, oMessage)\r\n  Do\r\n  Loop\r\nEnd Sub\r\n');
    writeFileSync(path.join(dir, 'loop.eml'), 'From: a@example.test\r\nTo: b@example.com\r\nSubject: loop\r\n\r\nbody\r\n');
    const scenarioPath = path.join(dir, 'loop.scenario.json');
    writeFileSync(scenarioPath, JSON.stringify({ script: './EventHandlers.vbs', session: { message: './loop.eml' } }));

    const limited = await startScenarioRun({ cliPath, scenarioPath, outDir: path.join(dir, 'limited'), timeoutSeconds: 1 }).result;
    assert.ok(!limited.timedOut && limited.durationMs < 20_000, `${limited.durationMs} ms`);
    assert.ok(limited.exitCode !== 0 || (limited.report?.errors.length ?? 0) > 0, 'the time limit is reported');

    const guarded = await startScenarioRun({ cliPath, scenarioPath, outDir: path.join(dir, 'guarded'), timeoutSeconds: 60, guardMs: 800 }).result;
    assert.ok(guarded.timedOut);
    assert.equal(summarize('loop', guarded).severity, 'error');

    const run = startScenarioRun({ cliPath, scenarioPath, outDir: path.join(dir, 'cancelled'), timeoutSeconds: 60 });
    setTimeout(() => run.cancel(), 300);
    const cancelled = await run.result;
    assert.ok(cancelled.cancelled && cancelled.durationMs < 10_000);
    assert.match(summarize('loop', cancelled).text, /cancelled/);
  });

  it('a new scenario from an .eml runs as written', async () => {
    const script = path.join(examples, 'EventHandlers.vbs');
    const eml = path.join(examples, 'messages', 'newsletter.eml');
    const created = newScenario(script, eml, '5.6', () => false);
    assert.equal(path.dirname(created.file), examples);
    const scenarioPath = path.join(dir, 'from-eml.scenario.json');
    // Same content, written elsewhere: paths made absolute-free relative to the examples folder.
    const json = JSON.parse(created.content);
    json.script = relativeFrom(dir, script);
    json.session.message = relativeFrom(dir, eml);
    writeFileSync(scenarioPath, JSON.stringify(json));
    const r = await startScenarioRun({ cliPath, scenarioPath, outDir: path.join(dir, 'from-eml') }).result;
    assert.equal(r.exitCode, 0, r.error);
    assert.equal(r.report?.outcome, 'accepted');
  });
});

describe('new scenario file', () => {
  it('goes next to the script, names the message relatively, and never overwrites', () => {
    const script = path.join('/ws', 'EventHandlers.vbs');
    const eml = path.join('/ws', 'mail', 'Spam test.eml');
    const taken = new Set([path.join('/ws', 'Spam-test.scenario.json')]);
    const s = newScenario(script, eml, '5.7', (f) => taken.has(f));
    assert.equal(s.file, path.join('/ws', 'Spam-test-2.scenario.json'));
    assert.deepEqual(JSON.parse(s.content), {
      name: 'Spam-test',
      script: './EventHandlers.vbs',
      hmailserver: '5.7',
      session: { message: './mail/Spam test.eml' },
    });
    assert.equal(relativeFrom('/ws/a', '/ws/b/x.eml'), '../b/x.eml');
  });

  it('reads name, script and expect from a scenario', () => {
    const info = parseScenarioInfo('/ws/scenarios/x.scenario.json', '{"name":"X","script":"../EventHandlers.vbs","expect":{"outcome":"accepted"}}');
    assert.equal(info.name, 'X');
    assert.ok(samePath(info.script!, '/ws/EventHandlers.vbs'));
    assert.equal(info.hasExpect, true);
    assert.deepEqual(parseScenarioInfo('/ws/y.scenario.json', '{ not json'), { file: '/ws/y.scenario.json', name: 'y', hasExpect: false });
    const example = readScenarioInfo(path.join(examples, 'scenarios', 'newsletter-accepted.scenario.json'));
    assert.ok(samePath(example.script!, path.join(examples, 'EventHandlers.vbs')));
    assert.ok(readFileSync(example.file, 'utf8').length > 0);
  });
});

describe('event handler text', () => {
  it('turns the server completion into a Sub or a function', () => {
    assert.deepEqual(parseCall('OnAcceptMessage(oClient, oMessage)'), { name: 'OnAcceptMessage', params: ['oClient', 'oMessage'] });
    assert.deepEqual(parseCall('OnBackupCompleted()'), { name: 'OnBackupCompleted', params: [] });
    assert.equal(handlerSnippet('vbscript', 'OnAcceptMessage(oClient, oMessage)', '  '), 'Sub OnAcceptMessage(oClient, oMessage)\n  $0\nEnd Sub\n');
    assert.equal(handlerSnippet('jscript', 'OnClientConnect(oClient)'), 'function OnClientConnect(oClient) {\n\t$0\n}\n');
  });
});

describe('path settings for the server', () => {
  it('expands ${workspaceFolder} and resolves relative mapping targets against the workspace folder', () => {
    const ws = path.resolve('/work/ws');
    assert.equal(expandVariables('${workspaceFolder}/inc.vbs', ws, '/home/u'), `${ws}/inc.vbs`);
    assert.equal(expandVariables('${userHome}/x', undefined, '/home/u'), '/home/u/x');
    assert.equal(expandVariables('${workspaceFolder}/x', undefined, '/home/u'), '${workspaceFolder}/x');
    const resolved = resolveSectionPaths(
      {
        version: '5.7',
        includeFiles: ['${workspaceFolder}/lib.vbs', 'relative.vbs'],
        pathMappings: { 'C:\\Program Files\\hMailServer\\Events': '${workspaceFolder}', 'D:\\data': 'data', 'E:\\abs': '/abs' },
      },
      ws,
      '/home/u',
    );
    assert.deepEqual(resolved, {
      version: '5.7',
      includeFiles: [`${ws}/lib.vbs`, 'relative.vbs'],
      pathMappings: { 'C:\\Program Files\\hMailServer\\Events': ws, 'D:\\data': path.join(ws, 'data'), 'E:\\abs': '/abs' },
    });
    assert.equal(resolveSectionPaths(null, ws, '/h'), null);
  });
});
