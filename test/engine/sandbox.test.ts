/**
 * A script must not reach Node or JavaScript internals through the engine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScriptEngine, ScriptError } from '../../simulator/src/runtime/engine/scriptEngine.js';
import { VbsRuntimeError } from '../../simulator/src/runtime/errors.js';
import type { VbsObject } from '../../simulator/src/runtime/objects/comObject.js';
import { toVariant } from '../../simulator/src/runtime/objects/hostBridge.js';

function errorOf(engine: ScriptEngine, code: string): string {
  try {
    engine.addCode(code);
    return 'no error';
  } catch (e) {
    if (e instanceof ScriptError) return `${e.number} ${e.description}`;
    throw e;
  }
}

class Host {
  Name = 'host';
  Greet(): string {
    return 'hi';
  }
}

for (const member of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'prototype', 'call', 'apply', 'bind']) {
  test(`a host object's ${member} is not reachable`, () => {
    const engine = new ScriptEngine();
    engine.addObject('Host', new Host());
    engine.addObject('Plain', { a: 1 });
    engine.addObject('Fn', () => 1);
    assert.equal(errorOf(engine, `x = Host.${member}`), `438 Object doesn't support this property or method: '${member}'`);
    assert.equal(errorOf(engine, `x = Plain.${member}`), `438 Object doesn't support this property or method: '${member}'`);
    assert.equal(errorOf(engine, `Set o = CreateObject("Scripting.Dictionary") : x = o.${member}`), `438 Object doesn't support this property or method: '${member}'`);
    assert.equal(errorOf(engine, `Class C : End Class : Set o = New C : x = o.${member}`), `438 Object doesn't support this property or method: '${member}'`);
  });
}

test('names VBScript cannot even write are refused by the object protocol too', () => {
  const engine = new ScriptEngine();
  engine.addObject('Host', new Host());
  // `__proto__` is not a valid VBScript identifier…
  assert.equal(errorOf(engine, 'x = Host.__proto__'), '1032 Invalid character');
  // …and the object protocol refuses them anyway.
  const proxy = toVariant(new Host()) as VbsObject;
  for (const name of ['__proto__', '__defineGetter__', 'constructor']) {
    assert.throws(() => proxy.getProperty(name, []), (e: unknown) => e instanceof VbsRuntimeError && e.number === 438);
    assert.equal(proxy.hasMember(name), false);
  }
});

test('declared members of a host class stay usable', () => {
  const engine = new ScriptEngine();
  engine.addObject('Host', new Host());
  assert.equal(engine.eval('Host.Name & Host.Greet()'), 'hosthi');
});

test('require, process, globalThis and module are unknown names', () => {
  const engine = new ScriptEngine();
  for (const name of ['require', 'process', 'globalThis', 'module', 'global', 'exports']) {
    assert.equal(engine.eval(`TypeName(${name})`), 'Empty', name);
  }
  assert.equal(errorOf(engine, 'x = require("fs")'), "13 Type mismatch: 'require'");
  assert.equal(errorOf(engine, 'x = process.env'), '424 Object required: \'process\'');
  assert.equal(errorOf(engine, 'Option Explicit\nDim x : x = process'), "500 Variable is undefined: 'process'");
});

test('CreateObject and GetObject cannot reach the machine', () => {
  const engine = new ScriptEngine();
  for (const progId of ['WScript.Shell', 'Scripting.FileSystemObject', 'ADODB.Stream', 'child_process', 'fs']) {
    assert.equal(errorOf(engine, `Set o = CreateObject("${progId}")`), `429 ActiveX component can't create object: '${progId}'`);
  }
  assert.match(errorOf(engine, 'Set o = GetObject("winmgmts:")'), /^429 /);
});

test('Execute and Eval go through the same sandbox', () => {
  const engine = new ScriptEngine();
  assert.equal(errorOf(engine, 'Execute "x = require(""fs"")"'), "13 Type mismatch: 'require'");
  assert.equal(errorOf(engine, 'x = Eval("process.exit(1)")'), "424 Object required: 'process'");
});
