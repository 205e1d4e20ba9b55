// The server-side objects driven by real VBScript through the engine, the way handlers use them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServerVersion } from '../../simulator/src/api';
import { hmailserverProgIds, makeClient, makeEventLog, makeResult } from '../../simulator/src/hmailserver/objects/serverObjects';
import { createSimulatedServer, type SimulatedServer } from '../../simulator/src/hmailserver/server';
import { ScriptEngine, ScriptError } from '../../simulator/src/runtime/engine/scriptEngine';
import type { SideEffect, SimulationContext, VirtualFileSystem } from '../../simulator/src/sandbox/context';
import type { ScenarioServer } from '../../simulator/src/scenario/types';

const SERVER: ScenarioServer = {
  administratorPassword: 'adminpw',
  domains: [{ name: 'example.com', accounts: [{ address: 'bob@example.com', password: 'secret' }] }],
};

function setup(version: ServerVersion = '5.6', event = 'OnAcceptMessage') {
  const effects: SideEffect[] = [];
  const ctx: SimulationContext = {
    version,
    now: () => Date.UTC(2026, 10, 24, 9, 0, 0),
    timeZone: 'UTC',
    mocks: {},
    fs: {} as VirtualFileSystem,
    outputDir: '/nonexistent',
    record: (e) => effects.push(e),
  };
  const server: SimulatedServer = createSimulatedServer(SERVER);
  const engine = new ScriptEngine({ clock: ctx.now, timeZone: 'UTC' });
  for (const [progId, make] of Object.entries(hmailserverProgIds)) engine.progIds.register(progId, () => make(ctx, server));
  const result = makeResult(ctx, event);
  if (result) engine.addObject('Result', result, { globalMembers: true });
  engine.addObject('EventLog', makeEventLog(ctx, server), { globalMembers: true });
  const client = makeClient(ctx, { ipAddress: '203.0.113.9', port: 25, helo: 'spam.test', authenticated: false, sessionId: 5 }, event);
  return { ctx, server, engine, result, client, effects };
}

function runError(fn: () => unknown): ScriptError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScriptError) return e;
    throw e;
  }
  assert.fail('expected a script error');
}

describe('objects through the engine', () => {
  it('oClient.Authenticated is error 438 in 5.6 and works in 5.7', () => {
    const code = 'Dim seen\nSub OnAcceptMessage(oClient, oMessage)\n  seen = oClient.Authenticated\nEnd Sub';
    const old = setup('5.6');
    old.engine.addCode(code);
    const error = runError(() => old.engine.run('OnAcceptMessage', old.client, null));
    assert.equal(error.number, 438);
    assert.equal(error.line, 3);
    const current = setup('5.7');
    current.engine.addCode(code);
    current.engine.run('OnAcceptMessage', current.client, null);
    assert.equal(current.engine.getGlobal('seen'), false);
  });

  it('Result members are global (a bare Value is Result.Value), and EventLog.Write is captured', () => {
    const { engine, result, server } = setup('5.6');
    engine.addCode(
      'Sub OnAcceptMessage(oClient, oMessage)\n' +
        '  If oClient.Username = "" And Left(oClient.IPAddress, 4) = "203." Then\n' +
        '    Message = "Go away " & oClient.HELO\n' +
        '    Value = 2\n' +
        '    EventLog.Write "rejected " & oClient.IPAddress & ":" & oClient.Port\n' +
        '  End If\n' +
        'End Sub',
    );
    const { client } = setup('5.6');
    engine.run('OnAcceptMessage', client, null);
    assert.deepEqual([result!.value, result!.message], [2, 'Go away spam.test']);
    assert.deepEqual(server.eventLog.lines(), ['1\t"2026-11-24 09:00:00.000"\t"rejected 203.0.113.9:25"']);
  });

  it('runs the auto-ban pattern of real scripts (ItemByName miss → Err.Number 9 → Add … Save)', () => {
    const { engine, server, effects } = setup('5.6', 'OnClientConnect');
    engine.addCode(
      [
        'Sub Ban(sIP)',
        '  Dim oApp, oRange',
        '  Set oApp = CreateObject("hMailServer.Application")',
        '  Call oApp.Authenticate("Administrator", "adminpw")',
        '  On Error Resume Next',
        '  Set oRange = oApp.Settings.SecurityRanges.ItemByName("(ban) " & sIP)',
        '  If Err.Number = 9 Then',
        '    Err.Clear',
        '    With oApp.Settings.SecurityRanges.Add',
        '      .Name = "(ban) " & sIP',
        '      .LowerIP = sIP',
        '      .UpperIP = sIP',
        '      .Priority = 20',
        '      .Expires = True',
        '      .ExpiresTime = DateAdd("n", 60, Now())',
        '      .Save',
        '    End With',
        '  End If',
        '  On Error GoTo 0',
        'End Sub',
        'Sub OnClientConnect(oClient)',
        '  Ban oClient.IPAddress',
        '  Ban oClient.IPAddress',
        '  Result.Value = 1',
        'End Sub',
      ].join('\n'),
    );
    const { client } = setup('5.6', 'OnClientConnect');
    engine.run('OnClientConnect', client);
    const bans = server.state.securityRanges.filter((r) => r.Name === '(ban) 203.0.113.9');
    assert.equal(bans.length, 1);
    assert.deepEqual([bans[0].LowerIP, bans[0].Priority, bans[0].Expires, bans[0].ExpiresTime], ['203.0.113.9', 20, true, '2026-11-24 10:00:00']);
    assert.equal(effects.filter((e) => e.kind === 'com').length, 1);
  });

  it('shows the access-denied COM error in Err, and 9 on a bad index', () => {
    const { engine } = setup();
    engine.addCode(
      [
        'Dim n1, d1, n2, n3',
        'Set oApp = CreateObject("hMailServer.Application")',
        'On Error Resume Next',
        'Set s = oApp.Settings',
        'n1 = Err.Number : d1 = Err.Description : Err.Clear',
        'Call oApp.Authenticate("bob@example.com", "secret")',
        'Set d = oApp.Domains.Item(1)',
        'n2 = Err.Number : Err.Clear',
        'If oApp.Authenticate("bob@example.com", "bad") Is Nothing Then n3 = "nothing"',
      ].join('\n'),
    );
    assert.equal(engine.getGlobal('n1'), -2147220503);
    assert.match(String(engine.getGlobal('d1')), /^You do not have access to this property \/ method\./);
    assert.equal(engine.getGlobal('n2'), 9);
    assert.equal(engine.getGlobal('n3'), 'nothing');
  });

  it('collections index from 0 with Item as the default member, and refuse For Each', () => {
    const { engine } = setup();
    engine.addCode(
      [
        'Dim first, count',
        'Set oApp = CreateObject("hMailServer.Application")',
        'oApp.Authenticate "Administrator", "adminpw"',
        'Set oDomains = oApp.Domains',
        'count = oDomains.Count',
        'first = oDomains(0).Name',
      ].join('\n'),
    );
    assert.deepEqual([engine.getGlobal('count'), engine.getGlobal('first')], [1, 'example.com']);
    const error = runError(() => engine.executeStatement('For Each d In oDomains : Next'));
    assert.equal(error.number, 451);
  });

  it('Utilities can be created directly (JScript handlers do) and Database calls are recorded', () => {
    const { engine, effects } = setup();
    engine.addCode(
      [
        'Dim g',
        'g = CreateObject("hMailServer.Utilities").GenerateGUID()',
        'Set oApp = CreateObject("hMailServer.Application")',
        'oApp.Authenticate "Administrator", "adminpw"',
        'oApp.Database.ExecuteSQL "DELETE FROM hm_ids WHERE ip = \'203.0.113.9\'"',
      ].join('\n'),
    );
    assert.match(String(engine.getGlobal('g')), /^\{[0-9A-F-]{36}\}$/);
    assert.deepEqual(
      effects.map((e) => [e.kind, e.target]),
      [['sql', "DELETE FROM hm_ids WHERE ip = '203.0.113.9'"]],
    );
  });
});
