/**
 * The generated inputs of the JScript language service: the hMailServer declarations (from the
 * API data, per version) and the ES3 library (TypeScript's lib.es5.d.ts minus the ES5 table).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { creatableProgIds, events, getInterface, globals, interfaces, isAvailable, membersOf } from '../../../simulator/src/api/index';
import { generateApiDeclarations, jscriptHostData, tsTypeOf } from '../../../simulator/src/analysis/jscript/declarations';
import { generateEs3Lib } from '../../../simulator/src/analysis/jscript/es3Lib';
import { ES5_BUILTINS, es5BuiltinMessage } from '../../../simulator/src/analysis/jscript/es5Builtins';

const require = createRequire(import.meta.url);
const es5Text = readFileSync(require.resolve('typescript/lib/lib.es5.d.ts'), 'utf8');
const es3 = generateEs3Lib(ts, es5Text);

/** A program of the ES3 library, the declarations of `version` and `js` (an EventHandlers.js). */
function programOf(version: '5.6' | '5.6-rvdh' | '5.7', js = '') {
  const files = new Map([
    ['/lib.d.ts', es3.text],
    ['/hmailserver.d.ts', generateApiDeclarations(version, ['Scripting.FileSystemObject'])],
    ['/EventHandlers.js', js],
  ]);
  const host: ts.CompilerHost = {
    getSourceFile: (f, target) => (files.has(f) ? ts.createSourceFile(f, files.get(f)!, target, true) : undefined),
    getDefaultLibFileName: () => '/lib.d.ts',
    writeFile: () => {},
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (f) => files.has(f),
    readFile: (f) => files.get(f),
  };
  return ts.createProgram({
    rootNames: [...files.keys()],
    options: { noLib: true, allowJs: true, checkJs: true, noEmit: true, target: ts.ScriptTarget.ES5, ignoreDeprecations: '6.0', types: [] },
    host,
  });
}

describe('the ES3 library', () => {
  it('is lib.es5.d.ts without every declaration the ES5 table names, and nothing of the table is missing from it', () => {
    assert.deepEqual(es3.missing, []);
    assert.ok(es3.text.length > 100_000 && es3.text.length < es5Text.length);
    assert.ok(!/declare var JSON\b/.test(es3.text));
    assert.ok(!/\btrim\(\): string;/.test(es3.text));
    assert.ok(/declare var Math: Math;/.test(es3.text), 'ES3 globals stay');
  });

  it('parses, and leaves strings, arrays, Object, Date and functions without their ES5 members', () => {
    const program = programOf('5.6', '');
    const lib = program.getSourceFile('/lib.d.ts')!;
    assert.deepEqual((lib as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics, []);
    const checker = program.getTypeChecker();
    const global = (name: string) => checker.getDeclaredTypeOfSymbol(checker.resolveName(name, undefined, ts.SymbolFlags.Type, false)!);
    const props = (name: string) => new Set(checker.getPropertiesOfType(global(name)).map((p) => p.name));
    assert.ok(!props('String').has('trim') && props('String').has('indexOf') && props('String').has('replace'));
    for (const m of ['indexOf', 'lastIndexOf', 'forEach', 'map', 'filter', 'reduce', 'reduceRight', 'some', 'every']) assert.ok(!props('Array').has(m), `Array.${m}`);
    assert.ok(props('Array').has('join') && props('Array').has('splice'));
    assert.ok(!props('ObjectConstructor').has('keys') && !props('ObjectConstructor').has('create') && props('ObjectConstructor').has('prototype'));
    assert.ok(!props('DateConstructor').has('now') && !props('Date').has('toISOString') && props('Date').has('getTime'));
    assert.ok(!props('Function').has('bind') && props('Function').has('apply'));
    assert.ok(!props('ArrayConstructor').has('isArray'));
  });

  it('marks as distinctive (reported on untyped values) only names no ES3 built-in has', () => {
    const checker = programOf('5.6', '').getTypeChecker();
    const es3Members = new Set(
      ['String', 'Number', 'Boolean', 'Array', 'Date', 'RegExp', 'Function', 'Object', 'Error', 'Math'].flatMap((name) =>
        checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(checker.resolveName(name, undefined, ts.SymbolFlags.Type, false)!)).map((p) => p.name),
      ),
    );
    assert.ok(es3Members.has('lastIndexOf') && es3Members.has('indexOf'), 'strings have them');
    assert.deepEqual(ES5_BUILTINS.filter((b) => b.distinctive && es3Members.has(b.name)).map((b) => b.display), []);
  });

  it('has an entry with a message for every ES5 built-in the issue lists', () => {
    const names = new Set(ES5_BUILTINS.map((b) => b.display));
    for (const d of ['JSON', 'String.prototype.trim', 'Array.prototype.indexOf', 'Array.prototype.forEach', 'Array.isArray', 'Object.keys', 'Object.create', 'Object.defineProperty', 'Object.getPrototypeOf', 'Object.freeze', 'Date.now', 'Date.prototype.toISOString', 'Date.prototype.toJSON', 'Function.prototype.bind']) {
      assert.ok(names.has(d), d);
    }
    const trim = ES5_BUILTINS.find((b) => b.display === 'String.prototype.trim')!;
    assert.match(es5BuiltinMessage(trim), /^jscript\.dll \(ES3\) has no String\.prototype\.trim: it fails on the server\./);
  });
});

describe('the hMailServer declarations', () => {
  it('type-check without errors against the ES3 library, in every version', () => {
    for (const version of ['5.6', '5.6-rvdh', '5.7'] as const) {
      const program = programOf(version, '');
      const diagnostics = [...program.getSyntacticDiagnostics(program.getSourceFile('/hmailserver.d.ts')), ...program.getSemanticDiagnostics(program.getSourceFile('/hmailserver.d.ts'))];
      assert.deepEqual(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], version);
    }
  });

  it('declare every interface with exactly the members the version has', () => {
    for (const version of ['5.6', '5.7'] as const) {
      const program = programOf(version, '');
      const checker = program.getTypeChecker();
      const ns = checker.resolveName('hMailServer', undefined, ts.SymbolFlags.Namespace, false)!;
      for (const iface of interfaces()) {
        const symbol = checker.getExportsOfModule(ns).find((s) => s.name === iface.name);
        assert.ok(symbol, `${iface.name} declared`);
        const declared = checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol)).map((p) => p.name).sort();
        assert.deepEqual(declared, membersOf(iface.name, version).map((m) => m.name).sort(), `${iface.name} in ${version}`);
      }
    }
  });

  it('makes indexed properties methods, read-only properties readonly, and default Item collections callable', () => {
    const d = generateApiDeclarations('5.6');
    const message = d.split('interface Message {')[1].split('\n  }')[0];
    assert.ok(/\n {4}HeaderValue\(FieldName: string\): string;\n/.test(message));
    assert.ok(/\n {4}Subject: string;\n/.test(message));
    assert.ok(/\n {4}readonly Size: number;\n/.test(message));
    assert.ok(/\n {4}readonly Recipients: hMailServer\.Recipients;\n/.test(message));
    assert.ok(/interface Recipients \{\n {4}\(Index: number\): hMailServer\.Recipient;\n/.test(d));
    assert.equal(tsTypeOf('Message'), 'hMailServer.Message');
    assert.equal(tsTypeOf('eMessageFlag'), 'number');
    assert.equal(tsTypeOf('Variant'), 'any');
  });

  it('leave out members a version lacks: Client.SessionID is 5.7 and RvdH only', () => {
    assert.ok(!/\n {4}readonly SessionID: number;/.test(generateApiDeclarations('5.6').split('interface Client {')[1].split('\n  }')[0]));
    assert.ok(/\n {4}readonly SessionID: /.test(generateApiDeclarations('5.7').split('interface Client {')[1].split('\n  }')[0]));
    assert.ok(membersOf('Client', '5.7').some((m) => m.name === 'SessionID') && !membersOf('Client', '5.6').some((m) => m.name === 'SessionID'));
  });

  it('declare the named items as globals and ActiveXObject with an overload per ProgID', () => {
    const d = generateApiDeclarations('5.6', ['Scripting.FileSystemObject']);
    for (const g of globals()) assert.ok(d.includes(`declare var ${g.name}: ${tsTypeOf(g.type)};`), g.name);
    for (const progId of creatableProgIds()) assert.ok(d.includes(`\n  ${JSON.stringify(progId)}: hMailServer.`), progId);
    assert.ok(d.includes('\n  "Scripting.FileSystemObject": any;'));
    const program = programOf('5.6', 'var app = new ActiveXObject("hMailServer.Application");\nvar fso = new ActiveXObject("Scripting.FileSystemObject");\nvar x = new ActiveXObject("Other.Thing");\nvar m = new ActiveXObject("hMailServer.Message");\n');
    const checker = program.getTypeChecker();
    const js = program.getSourceFile('/EventHandlers.js')!;
    const typeOfVar = (i: number) => checker.typeToString(checker.getTypeAtLocation((js.statements[i] as ts.VariableStatement).declarationList.declarations[0].name));
    assert.equal(typeOfVar(0), 'Application');
    assert.equal(typeOfVar(1), 'any');
    assert.equal(typeOfVar(2), 'any');
    assert.equal(typeOfVar(3), 'Message');
  });

  it('host data: every event with parameter types and availability per version', () => {
    const host = jscriptHostData('5.6');
    assert.equal(host.events.length, events().length);
    const accept = host.events.find((e) => e.name === 'OnAcceptMessage')!;
    assert.deepEqual(accept.params, [{ name: 'oClient', tsType: 'hMailServer.Client' }, { name: 'oMessage', tsType: 'hMailServer.Message' }]);
    assert.equal(accept.prototype, 'function OnAcceptMessage(oClient, oMessage)');
    assert.equal(host.events.filter((e) => e.available).length, events('5.6').length);
    assert.equal(host.events.find((e) => e.name === 'OnHELO')!.available, false);
    assert.deepEqual(host.members.Client.sessionid.versions.sort(), ['5.6-rvdh', '5.7']);
    assert.ok(isAvailable(getInterface('Message')!.members[0], '5.6'));
    assert.equal(jscriptHostData('5.6'), host, 'cached');
  });
});
