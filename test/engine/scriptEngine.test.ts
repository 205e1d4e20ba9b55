/**
 * The embedding API: host objects, values across the boundary, errors, limits, ProgIDs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScriptEngine, ScriptError } from '../../simulator/src/runtime/engine/scriptEngine.js';
import { ComObject, HostError, MemberTable } from '../../simulator/src/runtime/objects/comObject.js';
import { Currency, DefaultMember, Empty, Integer, LongLong, Nothing } from '../../simulator/src/runtime/objects/hostBridge.js';

function engineWithEcho(output: string[] = []): ScriptEngine {
  const engine = new ScriptEngine();
  engine.addObject('Echo', (...a: unknown[]) => {
    output.push(a.map(String).join(' '));
  });
  return engine;
}

test('host object: properties and methods, case-insensitive', () => {
  const result = { Value: 0, Message: '', Describe: (x: string) => `value ${x}` };
  const engine = engineWithEcho();
  engine.addObject('Result', result);
  engine.addCode('result.value = 2\nRESULT.Message = result.DESCRIBE("x")');
  assert.equal(result.Value, 2);
  assert.equal(result.Message, 'value x');
});

test('host object with global members: a bare name means the member', () => {
  const result = { Value: 0 };
  const engine = engineWithEcho();
  engine.addObject('Result', result, { globalMembers: true });
  engine.addCode('Value = 5');
  assert.equal(result.Value, 5);
  assert.equal(engine.eval('Value + 1'), 6);
});

test('member table host object: indexed property, default member, HRESULT errors', () => {
  class Headers extends ComObject {
    readonly values = new Map<string, unknown>();
    constructor() {
      super(table, 'Headers');
    }
  }
  const table = new MemberTable<Headers>(
    {
      HeaderValue: {
        get: (h, [name]) => (h.values.get(String(name)) as string | undefined) ?? '',
        set: (h, [name], v) => void h.values.set(String(name), v),
      },
      Fail: {
        call: () => {
          throw new HostError(0x80070005, 'Access is denied', 'hMailServer');
        },
      },
    },
    { defaultMember: 'HeaderValue' },
  );
  const headers = new Headers();
  const output: string[] = [];
  const engine = engineWithEcho(output);
  engine.addObject('Headers', headers);
  engine.addCode('Headers.HeaderValue("X-Spam") = "yes"\nEcho Headers("X-Spam")\nOn Error Resume Next\nHeaders.Fail\nEcho Err.Number, Err.Description, Err.Source');
  assert.deepEqual(output, ['yes', '-2147024891 Access is denied hMailServer']);
});

test('a JS exception from a host function becomes a trappable error', () => {
  const output: string[] = [];
  const engine = engineWithEcho(output);
  engine.addObject('Boom', () => {
    throw Object.assign(new Error('disk on fire'), { hresult: 0x80004005 });
  });
  engine.addCode('On Error Resume Next\nBoom\nEcho Err.Number, Err.Description');
  assert.deepEqual(output, ['-2147467259 disk on fire']);
});

test('run calls a Function and returns its value; arguments arrive as Variants', () => {
  const engine = engineWithEcho();
  engine.addCode('Function Describe(a, b, c, d, e)\nDescribe = TypeName(a) & " " & TypeName(b) & " " & TypeName(c) & " " & TypeName(d) & " " & TypeName(e)\nEnd Function');
  assert.equal(engine.run('Describe', 5, 1.5, 'x', true, null), 'Long Double String Boolean Null');
  assert.equal(engine.run('Describe', undefined, new Date(0), 5n, [1, 2], Integer(3)), 'Empty Date LongLong Variant() Integer');
  assert.equal(engine.run('Describe', Currency(1.25), Empty, Nothing, LongLong(7), 2 ** 40), 'Currency Empty Nothing LongLong Double');
});

test('values come back as plain JS values', () => {
  const engine = engineWithEcho();
  assert.equal(engine.eval('1 + 1'), 2);
  assert.equal(engine.eval('"a" & "b"'), 'ab');
  assert.equal(engine.eval('Null'), null);
  assert.equal(engine.eval('Empty'), undefined);
  assert.equal(engine.eval('True'), true);
  assert.deepEqual(engine.eval('Array(1, "x")'), [1, 'x']);
  assert.deepEqual(engine.eval('#2020-01-02#'), new Date(Date.UTC(2020, 0, 2)));
});

test('executeStatement, getGlobal and setGlobal', () => {
  const engine = engineWithEcho();
  engine.setGlobal('limit', 10);
  engine.executeStatement('Dim doubled : doubled = limit * 2');
  assert.equal(engine.getGlobal('doubled'), 20);
  assert.equal(engine.getGlobal('LIMIT'), 10);
});

test('Class_Terminate runs when run() releases a local object', () => {
  const output: string[] = [];
  const engine = engineWithEcho(output);
  engine.addCode('Class C\nSub Class_Terminate : Echo "bye" : End Sub\nEnd Class\nSub Handler\nDim o : Set o = New C\nEcho "hi"\nEnd Sub');
  engine.run('Handler');
  assert.deepEqual(output, ['hi', 'bye']);
});

test('a runtime error is a ScriptError with position and source text', () => {
  const engine = engineWithEcho();
  const error = (() => {
    try {
      engine.addCode('x = 1\n  y = x / 0\nz = 3', 'handlers.vbs');
    } catch (e) {
      return e;
    }
  })();
  assert.ok(error instanceof ScriptError);
  assert.equal(error.number, 11);
  assert.equal(error.description, 'Division by zero');
  assert.equal(error.source, 'Microsoft VBScript runtime error');
  assert.equal(error.fileName, 'handlers.vbs');
  assert.equal(error.line, 2);
  assert.equal(error.column, 3);
  assert.equal(error.text, '  y = x / 0');
  assert.deepEqual(error.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 11 } });
});

test('a syntax error is a ScriptError with the compilation source', () => {
  const engine = engineWithEcho();
  assert.throws(
    () => engine.addCode('If x Then\nx = 1', 'bad.vbs'),
    (e: unknown) => e instanceof ScriptError && e.source === 'Microsoft VBScript compilation error' && e.fileName === 'bad.vbs' && e.number >= 1000,
  );
});

test('deep recursion is error 28, never a JavaScript stack overflow, even with a generous depth limit', () => {
  const engine = new ScriptEngine({ limits: { maxCallDepth: 1_000_000 } });
  assert.throws(
    () => engine.addCode('Function Deep(n) : Deep = Deep(n + 1) + 1 : End Function\nDeep 1'),
    (e: unknown) => e instanceof ScriptError && e.number === 28,
  );
});

test('the time limit stops a runaway script', () => {
  const engine = new ScriptEngine({ limits: { timeLimitMs: 50 } });
  const start = Date.now();
  assert.throws(
    () => engine.addCode('x = 1\nDo : Loop', 'spin.vbs'),
    (e: unknown) => e instanceof ScriptError && /time limit of 50 ms/.test(e.description) && e.fileName === 'spin.vbs' && e.line === 2,
  );
  assert.ok(Date.now() - start < 2000);
});

test('the time limit cannot be trapped by On Error Resume Next', () => {
  const engine = new ScriptEngine({ limits: { timeLimitMs: 30 } });
  assert.throws(() => engine.addCode('On Error Resume Next\nDo : x = x + 1 : Loop'), ScriptError);
});

test('ProgIDs: built-ins, versioned ProgIDs, host registrations, unregistered ones', () => {
  const output: string[] = [];
  const engine = engineWithEcho(output);
  engine.progIds.register('Msxml2.XMLHTTP', () => ({ Status: 200 }));
  engine.addCode(
    [
      'Set d = CreateObject("Scripting.Dictionary") : d.Add "k", 1 : Echo TypeName(d), d("k")',
      'Set r = CreateObject("VBScript.RegExp") : r.Pattern = "b+" : Echo r.Test("abbc")',
      'Set r2 = New RegExp : Echo TypeName(r2)',
      'Set x = CreateObject("MSXML2.XMLHTTP.3.0") : Echo x.Status',
      'On Error Resume Next',
      'Set s = CreateObject("WScript.Shell")',
      'Echo Err.Number, Err.Description',
    ].join('\n'),
  );
  assert.deepEqual(output, ['Dictionary 1', 'true', 'IRegExp2', '200', "429 ActiveX component can't create object"]);
});

test('a procedure-valued global: host JS functions are callable with results', () => {
  const engine = engineWithEcho();
  engine.addObject('Twice', (n: number) => n * 2);
  assert.equal(engine.eval('Twice(21)'), 42);
});

test('a JS object names its default member with the DefaultMember symbol', () => {
  const items = { Item: (i: number) => `item ${i}`, [DefaultMember]: 'Item' };
  const engine = engineWithEcho();
  engine.addObject('Items', items);
  assert.equal(engine.eval('Items(3)'), 'item 3');
});

test('an iterable JS object works with For Each', () => {
  const output: string[] = [];
  const engine = engineWithEcho(output);
  engine.addObject('Recipients', { *[Symbol.iterator]() { yield 'a@x'; yield 'b@x'; } });
  engine.addCode('For Each r In Recipients : Echo r : Next');
  assert.deepEqual(output, ['a@x', 'b@x']);
});

test('a host value VBScript cannot hold raises 458', () => {
  const output: string[] = [];
  const engine = engineWithEcho(output);
  engine.addObject('Host', { Weird: () => Symbol('x') });
  engine.addCode('On Error Resume Next\nx = Host.Weird()\nEcho Err.Number, Err.Description');
  assert.deepEqual(output, ['458 Variable uses an Automation type not supported in VBScript']);
});

test('an hMailServer-style handler runs against host objects', () => {
  class Recipients {
    constructor(private readonly list: Array<{ Address: string }>) {}
    get Count(): number {
      return this.list.length;
    }
    Item(i: number): { Address: string } {
      return this.list[i];
    }
    [DefaultMember] = 'Item';
  }
  const headers = new Map<string, string>();
  const message = {
    Subject: 'Cheap pills',
    Recipients: new Recipients([{ Address: 'a@example.com' }, { Address: 'b@example.org' }]),
    HeaderValue: (name: string) => headers.get(name.toLowerCase()) ?? '',
    SetHeader: (name: string, value: string) => void headers.set(name.toLowerCase(), value),
  };
  const client = { IPAddress: '10.1.2.3', Port: 25 };
  const result = { Value: 0, Message: '' };
  const log: string[] = [];
  const engine = new ScriptEngine({ seed: 1 });
  engine.addObject('Result', result);
  engine.addObject('EventLog', { Write: (t: string) => void log.push(t) });
  engine.addCode(
    [
      'Option Explicit',
      'Private Const SPAM_WORDS = "pills|casino"',
      'ExecuteGlobal "Function IsLocal(ip) : IsLocal = (Left(ip, 3) = ""10."") : End Function"',
      'Sub OnAcceptMessage(oClient, oMessage)',
      '  Dim re, i, names',
      '  If IsLocal(oClient.IPAddress) Then EventLog.Write "local client " & oClient.IPAddress',
      '  Set re = New RegExp',
      '  re.Pattern = SPAM_WORDS : re.IgnoreCase = True',
      '  If re.Test(oMessage.Subject) Then',
      '    Result.Value = 2',
      '    Result.Message = "Spam (" & re.Execute(oMessage.Subject)(0).Value & ")"',
      '  End If',
      '  For i = 0 To oMessage.Recipients.Count - 1',
      '    names = names & oMessage.Recipients(i).Address & ";"',
      '  Next',
      '  oMessage.SetHeader "X-Recipients", names',
      '  With CreateObject("Scripting.Dictionary")',
      '    .Add "port", oClient.Port',
      '    EventLog.Write "port " & .Item("port")',
      '  End With',
      'End Sub',
    ].join('\n'),
    'EventHandlers.vbs',
  );
  engine.run('OnAcceptMessage', client, message);
  assert.deepEqual(result, { Value: 2, Message: 'Spam (pills)' });
  assert.equal(headers.get('x-recipients'), 'a@example.com;b@example.org;');
  assert.deepEqual(log, ['local client 10.1.2.3', 'port 25']);
});

test('an object stored into a host property is not terminated while the host holds it', () => {
  const output: string[] = [];
  const engine = engineWithEcho(output);
  const holder: { Item: unknown } = { Item: null };
  engine.addObject('Holder', holder);
  engine.addCode('Class C\nSub Class_Terminate : Echo "terminate" : End Sub\nEnd Class\nSub Keep\nDim o : Set o = New C\nSet Holder.Item = o\nEnd Sub\nKeep\nEcho "kept"\nSet Holder.Item = Nothing\nEcho "dropped"');
  assert.deepEqual(output, ['kept', 'terminate', 'dropped']);
});
