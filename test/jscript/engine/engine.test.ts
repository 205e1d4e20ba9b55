/** The JScript embedding API: named items, units, calls, errors, limits and the sandbox. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { JScriptEngine, ScriptError } from '../../../simulator/src/runtime/jscript/engine.js';
import { parseJScript } from '../../../simulator/src/syntax/jscript/parser.js';
import { engineWithEcho, TestHeaders } from './helpers.js';

function scriptError(fn: () => unknown): ScriptError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScriptError) return e;
    throw e;
  }
  assert.fail('expected a ScriptError');
}

describe('JScriptEngine', () => {
  test('named items with globalMembers: bare names read and write the object', () => {
    const engine = new JScriptEngine();
    const result = { Value: 0, Message: '' };
    engine.addObject('Result', result, { globalMembers: true });
    engine.addCode('var before = Value; Value = 2; Message = "set " + before; Result.Value += 1;');
    assert.equal(result.Value, 3);
    assert.equal(result.Message, 'set 0');
    assert.equal(engine.getGlobal('before'), 0);
  });

  test('COM objects as named items: properties, indexed properties, methods', () => {
    const engine = new JScriptEngine();
    const h = new TestHeaders();
    engine.addObject('HMAILSERVER_MESSAGE', h);
    engine.addCode('function OnAcceptMessage(oMessage) { oMessage.HeaderValue("X-Test") = "1"; oMessage.Subject = "S"; oMessage.Add("A", "b"); }');
    engine.addParsed(parseJScript('OnAcceptMessage(HMAILSERVER_MESSAGE);', 'call'));
    assert.equal(h.values.get('x-test'), '1');
    assert.equal(h.values.get('a'), 'b');
    assert.equal(h.subject, 'S');
  });

  test('addParsed twice: state persists between units, as the pipeline appends the call', () => {
    const { engine, output } = engineWithEcho();
    engine.addParsed(parseJScript('var n = 1;\nfunction OnHELO(c) { n++; Echo("hello " + c + " " + n); }', 'EventHandlers.js'));
    engine.addParsed(parseJScript("OnHELO('x');", 'EventHandlers.js'));
    engine.addParsed(parseJScript("OnHELO('y');", 'EventHandlers.js'));
    assert.deepEqual(output, ['hello x 2', 'hello y 3']);
  });

  test('run calls by exact name and converts values both ways', () => {
    const engine = new JScriptEngine({ timeZone: 'UTC' });
    engine.addCode('function Add(a, b) { return a + b; }\nfunction When() { return new Date(Date.UTC(2026, 10, 25)); }\nfunction List() { return [1, "two", null]; }');
    assert.equal(engine.run('Add', 2, 3), 5);
    assert.equal(engine.run('Add', 'a', 'b'), 'ab');
    assert.deepEqual(engine.run('List'), [1, 'two', null]);
    assert.equal((engine.run('When') as Date).toISOString(), '2026-11-25T00:00:00.000Z');
    const e = scriptError(() => engine.run('add', 1, 2));
    assert.equal(e.number, 5009);
    assert.equal(e.description, "'add' is undefined");
    assert.deepEqual(engine.procedureNames().sort(), ['Add', 'List', 'When']);
  });

  test('eval, executeStatement, getGlobal and setGlobal', () => {
    const engine = new JScriptEngine();
    engine.setGlobal('limit', 10);
    engine.executeStatement('var doubled = limit * 2;');
    assert.equal(engine.getGlobal('doubled'), 20);
    assert.equal(engine.eval('doubled + 1'), 21);
    assert.equal(engine.eval('typeof missing'), 'undefined');
  });

  test('a syntax error is a compilation ScriptError with position', () => {
    const engine = new JScriptEngine();
    const e = scriptError(() => engine.addCode('var ok = 1;\nvar x = ;', 'bad.js'));
    assert.equal(e.source, 'Microsoft JScript compilation error');
    assert.equal(e.number, 1002);
    assert.equal(e.fileName, 'bad.js');
    assert.equal(e.line, 2);
    assert.equal(e.column, 9);
    assert.equal(e.text, 'var x = ;');
  });

  test('a runtime error is a ScriptError at the failing statement', () => {
    const engine = new JScriptEngine();
    const e = scriptError(() => engine.addCode('var a = 1;\nfunction f() {\n  return a.b.c;\n}\nf();', 'run.js'));
    assert.equal(e.source, 'Microsoft JScript runtime error');
    assert.equal(e.number, 5007);
    assert.equal(e.description, "'a.b' is null or not an object");
    assert.equal(e.line, 3);
    assert.equal(e.column, 3);
    assert.equal(e.text, '  return a.b.c;');
    assert.deepEqual(e.range.start, { line: 2, character: 2 });
  });

  test('uncaught throws: Error objects keep number and description, other values are 5022', () => {
    const engine = new JScriptEngine();
    engine.addCode('function A() { throw new Error(1234, "custom"); }\nfunction B() { throw { x: 1 }; }\nfunction C() { throw new Error("message only"); }');
    const a = scriptError(() => engine.run('A'));
    assert.deepEqual([a.number, a.description, a.line], [1234, 'custom', 1]);
    const b = scriptError(() => engine.run('B'));
    assert.deepEqual([b.number, b.description], [5022, 'Exception thrown and not caught']);
    const c = scriptError(() => engine.run('C'));
    assert.deepEqual([c.number, c.description], [5022, 'message only']);
  });

  test('recursion beyond limits.maxCallDepth is error 28', () => {
    const engine = new JScriptEngine({ limits: { maxCallDepth: 50 } });
    const e = scriptError(() => engine.addCode('function r(n) { return r(n + 1); }\nr(0);'));
    assert.equal(e.number, 28);
    assert.equal(e.description, 'Out of stack space');
    engine.addCode('function s(n) { return n == 0 ? 0 : 1 + s(n - 1); }');
    assert.equal(engine.run('s', 40), 40);
  });

  test('the time limit stops an endless loop and cannot be caught', () => {
    const engine = new JScriptEngine({ limits: { timeLimitMs: 50 } });
    const started = Date.now();
    const e = scriptError(() => engine.addCode('var caught = false;\ntry { while (true) {} } catch (x) { caught = true; } finally { caught = "finally"; }'));
    assert.equal(e.number, 0);
    assert.equal(e.source, 'ScriptEngine');
    assert.match(e.description, /time limit/);
    assert.ok(Date.now() - started < 2000);
    assert.equal(engine.getGlobal('caught'), false);
    // The engine is usable again afterwards.
    engine.addCode('caught = 1;');
    assert.equal(engine.getGlobal('caught'), 1);
  });

  test('sandbox: no way from script objects to Node', () => {
    const engine = new JScriptEngine();
    for (const code of [
      'this.constructor.constructor("return process")()',
      '[].constructor.constructor("return require")()',
      '(function () {}).constructor("return globalThis")()',
      'Function("return this")().process.exit()',
    ]) {
      const e = scriptError(() => engine.eval(code));
      assert.ok(e.number === 5009 || e.number === 5007, `${code}: ${e.number} ${e.description}`);
    }
    assert.equal(engine.eval('typeof require + typeof process + typeof module + typeof Buffer'), 'undefinedundefinedundefinedundefined');
    assert.equal(engine.eval('Function("return this")() === this'), true);
    assert.equal(engine.eval('"".constructor === String && (0).constructor === Number'), true);
    assert.equal(engine.eval('typeof Object.prototype.__proto__ + typeof ({}).__defineGetter__'), 'undefinedundefined');
  });

  test('host objects expose no constructor chain into the host realm', () => {
    const engine = new JScriptEngine();
    engine.addObject('Host', { Name: 'h', greet: () => 'hi' });
    assert.equal(engine.eval('Host.Name + Host.greet()'), 'hhi');
    const e = scriptError(() => engine.eval('Host.constructor'));
    assert.equal(e.number, 438);
  });

  test('ActiveXObject uses the engine ProgID registry', () => {
    const engine = new JScriptEngine();
    engine.progIds.register('My.Helper', () => ({ Ping: () => 'pong' }));
    assert.equal(engine.eval('new ActiveXObject("My.Helper").Ping()'), 'pong');
    const e = scriptError(() => engine.eval('new ActiveXObject("Nope.Nothing")'));
    assert.deepEqual([e.number, e.description], [429, "Automation server can't create object"]);
  });

  test('GetObject goes to the registry getter; without one it is 429', () => {
    const engine = new JScriptEngine();
    const e = scriptError(() => engine.eval('GetObject("winmgmts:")'));
    assert.equal(e.number, 429);
    engine.progIds.setGetObject((path, progId) => ({ Path: path, ProgId: progId ?? '' }));
    assert.equal(engine.eval('var o = GetObject("C:/x.txt", "My.File"); o.Path + "|" + o.ProgId'), 'C:/x.txt|My.File');
  });

  test('regular-expression syntax errors are RegExpError 5017', () => {
    const engine = new JScriptEngine();
    assert.equal(engine.eval('try { new RegExp("a(b"); } catch (e) { e.name + " " + (e.number & 0xFFFF) + " " + e.description; }'), 'RegExpError 5017 Syntax error in regular expression');
  });

  test('VT_DATE values: typeof "date", new Date(x) converts, getVarDate produces one', () => {
    const engine = new JScriptEngine({ timeZone: 'Europe/Berlin' });
    engine.addObject('Stamp', { When: new Date(Date.UTC(2026, 10, 25, 12, 0, 0)) });
    assert.equal(engine.eval('typeof Stamp.When'), 'date');
    // Host dates are wall-clock times (hostBridge convention: the UTC fields), read as local time.
    assert.equal(engine.eval('new Date(Stamp.When).getHours()'), 12);
    assert.equal(engine.eval('new Date(Stamp.When).getUTCHours()'), 11);
    assert.equal(engine.eval('typeof new Date(2026, 0, 1).getVarDate()'), 'date');
    assert.equal(engine.eval('new Date(2026, 10, 25, 15, 33, 47).toString()'), 'Wed Nov 25 15:33:47 UTC+0100 2026');
  });

  test('function declarations in later units replace earlier ones', () => {
    const engine = new JScriptEngine();
    engine.addCode('function f() { return 1; }');
    engine.addCode('function f() { return 2; }');
    assert.equal(engine.run('f'), 2);
    assert.deepEqual(engine.procedureNames(), ['f']);
  });

  describe('built-ins created on first use', () => {
    const run = (code: string): string[] => {
      const { engine, output } = engineWithEcho();
      engine.addCode(code);
      return output;
    };

    test('every global name of a family is pending until used, and listing the global object creates them all', () => {
      const engine = new JScriptEngine();
      const pending = [...engine.realm.global.pending.keys()].sort();
      assert.ok(pending.includes('Array') && pending.includes('VBArray') && pending.includes('parseInt'));
      const keys = engine.realm.global.ownKeys();
      assert.equal(engine.realm.global.pending.size, 0);
      for (const name of pending) assert.ok(keys.includes(name), name);
      // Nothing a family defines is missing from its list of names (it would appear only after its family ran).
      const all = new JScriptEngine().realm.global;
      const eager = all.ownKeys();
      assert.deepEqual(eager.filter((k) => !['NaN', 'Infinity', 'undefined'].includes(k)).sort(), pending);
    });

    test('a prototype reached without naming its constructor creates the family', () => {
      assert.deepEqual(run('Echo("abc".toUpperCase(), [3, 1, 2].sort().join(), (1.5).toFixed(1), true.toString(), typeof (function () {}).call)'), ['ABC 1,2,3 1.5 true function']);
      assert.deepEqual(run('Echo("x".constructor === String, [].constructor === Array, (function () {}).constructor === Function, ({}).constructor === Object)'), ['true true true true']);
      assert.deepEqual(run('try { null.x; } catch (e) { Echo(e.name, e instanceof TypeError, e.constructor === TypeError); }'), ['TypeError true true']);
    });

    test('a script that redefines, assigns or deletes a built-in name before using it', () => {
      assert.deepEqual(run('function Array() { return 1; } Echo(Array(), [].constructor === Array, typeof [].push)'), ['1 false function']);
      assert.deepEqual(run('Date = 5; Echo(Date, typeof new RegExp("a"))'), ['5 object']);
      assert.deepEqual(run('var Math; Echo(typeof Math, Math.floor(2.5))'), ['object 2']);
      assert.deepEqual(run('Echo(delete Math, typeof Math); Echo(delete parseInt); Echo(typeof parseInt)'), ['true undefined', 'true', 'undefined']);
      assert.deepEqual(run('var n = 0; for (var k in this) n++; Echo(n, this.hasOwnProperty("Enumerator"), this.propertyIsEnumerable("Enumerator"))'), ['2 true false']);
    });

    test('methods are created one by one as read, and all at once before a script changes or lists them', () => {
      const engine = new JScriptEngine();
      engine.addCode('var s = "abc".substr(1);');
      const proto = engine.realm.stringProto;
      assert.ok(proto.props.has('substr'));
      assert.ok(!proto.props.has('slice'));
      assert.deepEqual(
        run('Echo("a".substr === "b".substr, String.prototype.hasOwnProperty("slice"), String.prototype.propertyIsEnumerable("slice")); var n = 0; for (var k in String.prototype) n++; Echo(n)'),
        ['true true false', '0'],
      );
      assert.deepEqual(run('Echo(delete String.prototype.substr, typeof "a".substr, typeof "a".slice)'), ['true undefined function']);
      assert.deepEqual(run('var f = "a".charAt; String.prototype.x = 1; Echo(f === "b".charAt, typeof "a".indexOf, "a".x)'), ['true function 1']);
      assert.deepEqual(run('Array.prototype.push = function () { return "mine"; }; Echo([].push(1), typeof [].pop)'), ['mine function']);
    });

    test('a match before RegExp is named still sets RegExp.$1', () => {
      assert.deepEqual(run('"ab12".replace(/(\\d)/, "x"); Echo(RegExp.$1, RegExp.lastMatch)'), ['1 1']);
      assert.deepEqual(run('/(b)/.test("abc"); Echo(RegExp.$1, RegExp.index)'), ['b 1']);
    });

    test('named items still win only where the global object has no such name', () => {
      const engine = new JScriptEngine();
      const item = { Value: 0, Date: 'item' };
      engine.addObject('Result', item, { globalMembers: true });
      engine.addCode('Date = 7; Value = 3;');
      assert.equal(item.Date, 'item');
      assert.equal(engine.getGlobal('Date'), 7);
      assert.equal(item.Value, 3);
    });

    test('nothing a script does in one engine shows in the next, with the parse shared', () => {
      const parsed = parseJScript('var seen = typeof Array.prototype.marker; Array.prototype.marker = 1; String.prototype.trim = function () { return "t"; }; Math.PI2 = 6; var o = {}; o.x = 1; [].push(2);', 'shared.js');
      for (let i = 0; i < 3; i++) {
        const engine = new JScriptEngine({ lazyProcedures: true });
        engine.addParsed(parsed);
        assert.equal(engine.getGlobal('seen'), 'undefined');
      }
      assert.equal(scriptError(() => new JScriptEngine().eval('" a ".trim()')).number, 438);
      assert.equal(new JScriptEngine().eval('typeof Math.PI2'), 'undefined');
    });

    test('objects start without a property map of their own and get one on their first property', () => {
      const engine = new JScriptEngine();
      const { realm } = engine;
      const a = realm.newObject();
      const b = realm.newObject();
      assert.equal(a.props, b.props);
      assert.equal(a.props.size, 0);
      a.put('x', 1);
      assert.notEqual(a.props, b.props);
      assert.equal(b.props.size, 0);
      assert.equal(engine.eval('var f = function () {}; f.y = 2; var s = new f(); s.z = 3; f.y + s.z + arguments_ok(); function arguments_ok() { return arguments.length; }'), 5);
      assert.throws(() => b.props.set('x', 1), /shared empty property map/);
    });
  });
});

