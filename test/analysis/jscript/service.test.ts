/**
 * The JScript analysis without the server: the offset mapping of the virtual text, the scan, the
 * language service's answers and findings, and the handler-name rules with severities and
 * suppression comments.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { membersOf, type ServerVersion } from '../../../simulator/src/api/index';
import { jscriptHostData } from '../../../simulator/src/analysis/jscript/declarations';
import { generateEs3Lib } from '../../../simulator/src/analysis/jscript/es3Lib';
import { handlerFindings, jscriptRuleDiagnostics } from '../../../simulator/src/analysis/jscript/rules';
import { scanScript } from '../../../simulator/src/analysis/jscript/scan';
import { JScriptService } from '../../../simulator/src/analysis/jscript/service';
import { VirtualText } from '../../../simulator/src/analysis/jscript/virtualText';

const require = createRequire(import.meta.url);
const libText = generateEs3Lib(ts, readFileSync(require.resolve('typescript/lib/lib.es5.d.ts'), 'utf8')).text;
const service = new JScriptService({ libText, host: jscriptHostData('5.6', ['Scripting.FileSystemObject']) });
let counter = 0;

/** Opens `marked` (a `|` marks the cursor) and returns its uri and the cursor offset. */
function open(marked: string): { uri: string; offset: number; text: string } {
  const offset = marked.indexOf('|');
  const text = offset >= 0 ? marked.slice(0, offset) + marked.slice(offset + 1) : marked;
  const uri = `file:///unit/${++counter}/EventHandlers.js`;
  service.update(uri, text, 1);
  return { uri, offset, text };
}

const completionLabels = (marked: string, trigger?: string) => {
  const { uri, offset } = open(marked);
  return service.completions(uri, offset, trigger).map((e) => e.label);
};

function findings(text: string) {
  const { uri } = open(text);
  return service.analyze(uri)!.findings.map((f) => ({ code: f.code, text: text.slice(f.start, f.end), message: f.message }));
}

describe('the virtual text', () => {
  it('maps offsets around insertions both ways', () => {
    const v = new VirtualText('abcdef', [{ at: 2, text: 'XY' }, { at: 4, text: '123' }], '!');
    assert.equal(v.text, 'abXYcd123ef!');
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((o) => v.toVirtual(o)), [0, 1, 4, 5, 9, 10, 11]);
    assert.deepEqual([0, 2, 3, 4, 5, 6, 9, 11, 12].map((o) => v.toOriginal(o)), [0, 2, 2, 2, 3, 4, 4, 6, 6]);
  });
});

describe('the scan', () => {
  it('finds top-level functions with their parameters, comments, and polyfills, through strings, regexps and comments', () => {
    const s = scanScript(
      [
        '// hms-disable-next-line hms-js-es5-builtin',
        'var re = /function OnFake() {/g; var t = "function OnString(a) {";',
        '/* function OnComment(x) */',
        'function OnAcceptMessage(oClient, oMessage) { function inner(a) {} }',
        'String.prototype.trim = function () { return this; };',
        'function OnHelo(c)',
      ].join('\n'),
    );
    assert.deepEqual(s.functions.map((f) => [f.name, f.params]), [['OnAcceptMessage', ['oClient', 'oMessage']], ['OnHelo', ['c']]]);
    assert.deepEqual(s.comments.map((c) => c.text), [' hms-disable-next-line hms-js-es5-builtin', ' function OnComment(x) ']);
    assert.ok(s.assigned.has('String.prototype.trim'));
  });
});

describe('completions', () => {
  it('lists exactly the Message members of the version after "oMessage." in a handler', () => {
    const items = completionLabels('function OnAcceptMessage(oClient, oMessage) {\n  oMessage.|\n}', '.');
    assert.deepEqual([...items].sort(), membersOf('Message', '5.6').map((m) => m.name).sort());
  });

  it('types the parameters by position, whatever their names', () => {
    const items = completionLabels('function OnClientConnect(c) {\n  c.|\n}', '.');
    assert.deepEqual([...items].sort(), membersOf('Client', '5.6').map((m) => m.name).sort());
    assert.ok(!items.includes('SessionID'), '5.7 only');
  });

  it('types oMessage.Recipients(0), named items, and new ActiveXObject("hMailServer.Application") through variables', () => {
    assert.deepEqual(completionLabels('function OnDeliverMessage(oMessage) { oMessage.Recipients(0).| }', '.').sort(), membersOf('Recipient', '5.6').map((m) => m.name).sort());
    assert.deepEqual(completionLabels('Result.|', '.').sort(), membersOf('Result', '5.6').map((m) => m.name).sort());
    assert.deepEqual(completionLabels('HMAILSERVER_MESSAGE.|', '.').sort(), membersOf('Message', '5.6').map((m) => m.name).sort());
    const app = completionLabels('var app = new ActiveXObject("hMailServer.Application");\nfunction f() { app.| }', '.');
    assert.deepEqual([...app].sort(), membersOf('Application', '5.6').map((m) => m.name).sort());
  });

  it('lists a collection\'s members only (not Function\'s apply, call, length), and nothing after a method used without a call', () => {
    assert.deepEqual(completionLabels('function OnDeliverMessage(oMessage) { oMessage.Recipients.| }', '.').sort(), membersOf('Recipients', '5.6').map((m) => m.name).sort());
    assert.deepEqual(completionLabels('function OnDeliverMessage(oMessage) { oMessage.Save.| }', '.'), []);
    assert.ok(completionLabels('function f() {}\nf.|', '.').includes('apply'), 'a script function is a function');
  });

  it('offers handler skeletons of the version after "function", without those already defined', () => {
    const { uri, offset } = open('function OnClientConnect(oClient) {}\nfunction On|');
    const items = service.completions(uri, offset, undefined);
    const names = items.map((i) => i.label);
    assert.ok(names.includes('OnAcceptMessage') && !names.includes('OnClientConnect') && !names.includes('OnHELO'));
    const accept = items.find((i) => i.label === 'OnAcceptMessage')!;
    assert.equal(accept.insertText, 'OnAcceptMessage(oClient, oMessage) {\n\t$0\n}');
    assert.equal(accept.detail, 'function OnAcceptMessage(oClient, oMessage)');
    assert.equal(offset - accept.replaceStart!, 2);
  });

  it('offers skeletons at a statement starting with "On", never in a comment', () => {
    const items = completionLabels('function OnClientConnect(oClient) {}\nOnAcc|');
    assert.ok(items.includes('function OnAcceptMessage'));
    assert.deepEqual(completionLabels('/* call function On| */'), []);
    assert.ok(!completionLabels('// see\n/*\nOnAcc|\n*/').includes('function OnAcceptMessage'));
  });

  it('offers ES3 globals and keywords only: no JSON, globalThis, let or class', () => {
    const items = completionLabels('function f() {\n  |\n}');
    for (const name of ['ActiveXObject', 'Result', 'EventLog', 'HMAILSERVER_MESSAGE', 'Math', 'var', 'function', 'String']) assert.ok(items.includes(name), name);
    for (const name of ['JSON', 'globalThis', 'let', 'const', 'class', 'Uint8Array', 'Intl', 'hMailServer']) assert.ok(!items.includes(name), name);
  });

  it('leaves ES5 members out of strings and arrays', () => {
    const s = completionLabels('var s = "x"; s.|', '.');
    assert.ok(s.includes('indexOf') && s.includes('replace') && !s.includes('trim'));
    const a = completionLabels('var a = [1]; a.|', '.');
    assert.ok(a.includes('join') && !a.includes('forEach') && !a.includes('indexOf'));
  });
});

describe('hover and signature help', () => {
  it('shows the member type and the API description, and the event documentation on a handler', () => {
    const { uri, text } = open('function OnAcceptMessage(oClient, oMessage) {\n  oMessage.Subject;\n}');
    const h = service.hover(uri, text.indexOf('Subject') + 2)!;
    assert.match(h.markdown, /hMailServer\.Message\.Subject: string/);
    assert.equal(text.slice(h.start, h.end), 'Subject');
    const e = service.hover(uri, text.indexOf('OnAccept') + 2)!;
    assert.match(e.markdown, /function OnAcceptMessage\(oClient: hMailServer\.Client, oMessage: hMailServer\.Message\)/);
    assert.match(e.markdown, /Final accept/);
  });

  it('helps with the parameters of an indexed property', () => {
    const { uri, offset } = open('function OnAcceptMessage(oClient, oMessage) {\n  oMessage.HeaderValue(|\n}');
    const s = service.signatureHelp(uri, offset, '(')!;
    assert.equal(s.signatures[0].label, 'HeaderValue(FieldName: string): string');
    assert.equal(s.activeParameter, 0);
  });
});

describe('findings', () => {
  it('reports ES5 built-ins on values of the right type, with a clear message', () => {
    const f = findings(
      [
        'function OnAcceptMessage(oClient, oMessage) {',
        '  var s = oMessage.Subject.trim();',
        '  var a = oMessage.Subject.split(",");',
        '  if (a.indexOf("x") >= 0) a.forEach(function (x) {});',
        '  var k = Object.keys({}), n = Date.now(), d = new Date().toISOString(), isA = Array.isArray(a);',
        '  var j = JSON.stringify(1);',
        '  var g = OnAcceptMessage.bind(null);',
        '  var ok = s.indexOf("x") + oMessage.Subject.substr(1).length;',
        '}',
      ].join('\n'),
    ).filter((x) => x.code === 'hms-js-es5-builtin');
    assert.deepEqual(
      f.map((x) => x.text),
      ['trim', 'indexOf', 'forEach', 'keys', 'now', 'toISOString', 'isArray', 'JSON', 'bind'],
    );
    assert.equal(f[0].message, 'jscript.dll (ES3) has no String.prototype.trim: it fails on the server. Use s.replace(/^\\s+|\\s+$/g, "") instead.');
  });

  it('reports distinctive ES5 names on untyped values, but not where the script installs a polyfill or only tests for one', () => {
    assert.deepEqual(findings('function f(x) { return x.trim() + x.forEach; }').map((x) => x.text), ['trim', 'forEach']);
    assert.deepEqual(findings('function f(x) { return x.map(g); }'), [], 'map may be the object\'s own');
    assert.deepEqual(findings('if (!String.prototype.trim) { String.prototype.trim = function () { return this.replace(/^\\s+|\\s+$/g, ""); }; }\nvar t = "a".trim();'), []);
    assert.deepEqual(findings('var has = typeof JSON !== "undefined";'), []);
    assert.deepEqual(findings('var JSON = { stringify: function (x) { return "" + x; } };\nJSON.stringify(1);'), []);
  });

  it('reports WScript, and named items in top-level code (which also runs at load time, without them)', () => {
    const f = findings('EventLog.Write("loading");\nvar ok = typeof Result;\nfunction OnClientConnect(oClient) {\n  Result.Value = 0;\n  WScript.Sleep(100);\n}\n');
    assert.deepEqual(f.map((x) => [x.code, x.text]), [['hms-load-time-named-item', 'EventLog'], ['hms-wscript', 'WScript']]);
    assert.deepEqual(findings('var WScript = { Sleep: function () {} };\nWScript.Sleep(1);'), []);
  });

  it('accepts call-as-lvalue and reports unknown members and members the version lacks', () => {
    const f = findings(
      [
        'function OnAcceptMessage(oClient, oMessage) {',
        '  oMessage.HeaderValue("X-Test") = "1";',
        '  oMessage.subject = oMessage.Subjekt;',
        '  var id = oClient.SessionID;',
        '}',
      ].join('\n'),
    );
    assert.deepEqual(f.map((x) => [x.code, x.text]), [
      ['hms-unknown-member', 'Subjekt'],
      ['hms-unavailable-in-version', 'SessionID'],
    ]);
    assert.equal(f[0].message, "Message has no member 'Subjekt'; did you mean Subject?");
    assert.equal(f[1].message, 'Client.SessionID does not exist in hMailServer 5.6 (available in 5.6-rvdh, 5.7).');
  });
});

describe('handler names', () => {
  const check = (names: Array<string | [string, boolean]>, version: ServerVersion = '5.6') =>
    handlerFindings(
      names.map((n, i) => {
        const [name, referenced] = typeof n === 'string' ? [n, false] : n;
        return { name, start: i * 100, end: i * 100 + name.length, referenced };
      }),
      version,
    ).map((f) => [f.code, f.message]);

  it('reports wrong case (JScript is case-sensitive), typos and events the version lacks, not helpers the script calls', () => {
    assert.deepEqual(check(['OnAcceptMessage', 'onclientconnect', 'OnDeliverMesage', ['OnDeliveryStar', true], 'OnHELO', 'OnSmtpData']), [
      ['hms-misspelled-event', 'JScript is case-sensitive: hMailServer calls OnClientConnect, never onclientconnect.'],
      ['hms-misspelled-event', 'hMailServer never calls OnDeliverMesage; did you mean OnDeliverMessage?'],
      ['hms-unavailable-in-version', 'hMailServer 5.6 has no OnHELO event, so it never calls this handler.'],
      ['hms-misspelled-event', 'JScript is case-sensitive: hMailServer calls OnSMTPData, never OnSmtpData.'],
    ]);
    assert.deepEqual(check(['OnHelo'], '5.7'), [['hms-misspelled-event', 'JScript is case-sensitive: hMailServer calls OnHELO, never OnHelo.']]);
    assert.deepEqual(check(['OnHelo'], '5.6'), [['hms-misspelled-event', 'JScript is case-sensitive: hMailServer calls OnHELO, never OnHelo. (hMailServer 5.6 has no OnHELO event at all.)']]);
  });

  it('applies severities and suppression comments', () => {
    const f = [
      { code: 'hms-misspelled-event', start: 0, end: 5, message: 'a' },
      { code: 'hms-js-es5-builtin', start: 10, end: 15, message: 'b' },
      { code: 'hms-js-es5-builtin', start: 20, end: 25, message: 'c' },
    ];
    const lineAt = (o: number) => Math.floor(o / 10);
    const all = jscriptRuleDiagnostics(f, [], lineAt, {});
    assert.deepEqual(all.map((d) => [d.code, d.severity]), [['hms-misspelled-event', 2], ['hms-js-es5-builtin', 1], ['hms-js-es5-builtin', 1]]);
    assert.deepEqual(jscriptRuleDiagnostics(f, [], lineAt, { 'hms-js-es5-builtin': 'off', 'hms-misspelled-event': 'hint' }).map((d) => [d.code, d.severity]), [['hms-misspelled-event', 4]]);
    const suppressed = jscriptRuleDiagnostics(f, [{ text: ' hms-disable-next-line hms-js-es5-builtin', line: 0 }, { text: ' hms-disable-line', line: 2 }], lineAt, {});
    assert.deepEqual(suppressed.map((d) => d.message), ['a']);
  });
});
