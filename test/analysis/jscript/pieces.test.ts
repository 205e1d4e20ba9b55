/**
 * The JScript service's layout (a script cut into pieces of global code, one virtual file each, in
 * a language service per script), the span mapping, and the Result facts judged with the API data.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { jscriptHostData } from '../../../simulator/src/analysis/jscript/declarations';
import { generateEs3Lib } from '../../../simulator/src/analysis/jscript/es3Lib';
import { jscriptResultValueHints, jsEventOf, resultFindings } from '../../../simulator/src/analysis/jscript/result';
import type { JsResultFacts } from '../../../simulator/src/analysis/jscript/resultFacts';
import { scanScript } from '../../../simulator/src/analysis/jscript/scan';
import { layOut, pieceAt } from '../../../simulator/src/analysis/jscript/scriptFiles';
import { JScriptService } from '../../../simulator/src/analysis/jscript/service';
import { VirtualText } from '../../../simulator/src/analysis/jscript/virtualText';

const require = createRequire(import.meta.url);
const libText = generateEs3Lib(ts, readFileSync(require.resolve('typescript/lib/lib.es5.d.ts'), 'utf8')).text;

describe('cutting a script into pieces', () => {
  const text = [
    'var a = 1;',
    '/** Helps. */',
    'function Helper(s) { return s; }',
    'var f = function Named() {};',
    '(function Wrapped() {})();',
    'if (a) { }',
    'function OnClientConnect(oClient) {',
    '  var g = function Inner() {};',
    '}',
  ].join('\n');

  it('cuts only before top-level function declarations, after the statement before them', () => {
    const scan = scanScript(text);
    const cuts = scan.splitPoints.map((p) => JSON.stringify(text.slice(p, p + 18)));
    assert.deepEqual(cuts, [JSON.stringify('\n/** Helps. */\nfun'), JSON.stringify('\nfunction OnClient')]);
  });

  it('keeps the file and version of every piece whose text did not change', () => {
    let n = 0;
    const name = () => `/p/${++n}.js`;
    const first = layOut(text, scanScript(text), [], [], name);
    assert.equal(first.length, 3);
    assert.equal(first.map((p) => p.virtual.original).join(''), text);
    const edited = text.replace('return s;', 'return s + 1;');
    const second = layOut(edited, scanScript(edited), [], first, name);
    assert.deepEqual(second.map((p) => p.fileName), first.map((p) => p.fileName));
    assert.equal(second[0].entry, first[0].entry);
    assert.equal(second[2].entry, first[2].entry);
    assert.equal(second[1].entry.version, first[1].entry.version + 1);
    assert.equal(second[2].base, first[2].base + 4);
    assert.equal(pieceAt(second, 0), second[0]);
    assert.equal(pieceAt(second, second[2].base), second[2]);
    assert.equal(pieceAt(second, edited.length), second[2]);
  });
});

describe('spans of the virtual text', () => {
  it('maps a span back only when no inserted text is in it', () => {
    const v = new VirtualText('abcdef', [{ at: 2, text: 'XY' }]);
    assert.deepEqual(v.originalSpan(0, 2), { start: 0, end: 2 });
    assert.deepEqual(v.originalSpan(4, 6), { start: 2, end: 4 });
    assert.equal(v.originalSpan(2, 3), undefined);
    assert.equal(v.originalSpan(1, 5), undefined);
  });
});

describe('the service over pieces', () => {
  const service = new JScriptService({ libText, host: jscriptHostData('5.6') });

  it('completes the script globals from other pieces, but never another script', () => {
    service.update('file:///a/EventHandlers.js', 'var LIMIT_A = 5;\nfunction OnClientConnect(oClient) {\n  LI\n}\nfunction Later() {}\n', 1);
    service.update('file:///b/EventHandlers.js', 'var LIMIT_B = 5;\nfunction OnClientConnect(oClient) {\n  LI\n}\n', 1);
    const labels = (uri: string, text: string) => service.completions(uri, text.indexOf('  LI') + 4).map((e) => e.label);
    const a = labels('file:///a/EventHandlers.js', 'var LIMIT_A = 5;\nfunction OnClientConnect(oClient) {\n  LI\n}\nfunction Later() {}\n');
    assert.ok(a.includes('LIMIT_A') && a.includes('Later') && !a.includes('LIMIT_B'));
    const b = labels('file:///b/EventHandlers.js', 'var LIMIT_B = 5;\nfunction OnClientConnect(oClient) {\n  LI\n}\n');
    assert.ok(b.includes('LIMIT_B') && !b.includes('LIMIT_A'));
    service.close('file:///a/EventHandlers.js');
    service.close('file:///b/EventHandlers.js');
  });

  it('keeps answering after an edit that adds and removes functions', () => {
    const uri = 'file:///c/EventHandlers.js';
    service.update(uri, 'function A() {}\nfunction OnClientConnect(oClient) {\n  oClient.\n}\n', 1);
    service.update(uri, 'function A() {}\nfunction B() {}\nfunction OnClientConnect(oClient) {\n  oClient.\n}\n', 2);
    service.synchronize(uri);
    const text = 'function OnClientConnect(oClient) {\n  oClient.\n}\n';
    service.update(uri, text, 3);
    assert.ok(service.completions(uri, text.indexOf('oClient.') + 8, '.').some((e) => e.label === 'IPAddress'));
    assert.deepEqual(service.outline(uri).map((o) => o.name), ['OnClientConnect']);
    service.close(uri);
  });
});

describe('Result facts judged with the API data', () => {
  const functions = [
    { name: 'OnClientConnect', start: 9, end: 24, referenced: false, params: 1 },
    { name: 'OnDeliveryFailed', start: 0, end: 0, referenced: false, params: 3 },
    { name: 'MyRule', start: 0, end: 0, referenced: false, params: 1 },
    { name: 'Helper', start: 0, end: 0, referenced: true, params: 1 },
  ];

  it('knows the event a function runs as: handlers by name, one-parameter functions nothing calls as rule functions', () => {
    assert.equal(jsEventOf(functions[0])?.name, 'OnClientConnect');
    assert.equal(jsEventOf(functions[2])?.isRuleFunction, true);
    assert.equal(jsEventOf(functions[3]), undefined);
  });

  it('finds ignored values, missing Result and SMTP codes, and hints values', () => {
    const facts: JsResultFacts = {
      namedItems: [
        { name: 'Result', start: 100, end: 106, handler: 'OnDeliveryFailed' },
        { name: 'Result', start: 200, end: 206, handler: 'OnClientConnect' },
        { name: 'Result', start: 300, end: 306, handler: 'Helper' },
      ],
      assignments: [
        { member: 'value', handler: 'OnClientConnect', valueStart: 40, valueEnd: 41, number: 2 },
        { member: 'value', handler: 'OnClientConnect', valueStart: 50, valueEnd: 51, number: 1 },
        { member: 'message', handler: 'OnClientConnect', valueStart: 60, valueEnd: 75, leadingString: { value: '550 No', start: 60 } },
      ],
    };
    assert.deepEqual(
      resultFindings(facts, functions).map((f) => `${f.code}@${f.start}`),
      ['hms-result-unavailable@100', 'hms-result-value-ignored@40', 'hms-result-message-smtp-code@60'],
    );
    const fix = resultFindings(facts, functions)[2].fixes![0].edits[0];
    assert.deepEqual(fix, { start: 61, end: 65, newText: '' });
    assert.deepEqual(jscriptResultValueHints(facts, functions).map((h) => `${h.offset} ${h.label}`), ['41 → ignored in OnClientConnect', '51 → close the connection, nothing sent']);
  });
});
