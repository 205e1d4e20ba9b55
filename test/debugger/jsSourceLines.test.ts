/**
 * Breakpoint lines and function entries of JScript files, as the adapter computes them before
 * anything runs: the lines the JScript engine compiles a statement for, each function's first
 * statement, names as JScript spells them (case-sensitive), prototype methods.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScriptLines } from '../../simulator/src/debugger/sourceLines';

const SOURCE = [
  '// a comment', //                                  1
  'var LIMIT = 5;', //                                2
  '', //                                              3
  'function Scorer() {', //                           4
  '  this.score = 0;', //                             5
  '}', //                                             6
  '', //                                              7
  'Scorer.prototype.add = function (n) {', //         8
  '  var inner = function () { return n; };', //     9
  '  this.score += inner();', //                      10
  '};', //                                            11
  '', //                                              12
  'var helper = function () {', //                    13
  '  return 1;', //                                   14
  '};', //                                            15
  '', //                                              16
  'function OnAcceptMessage(oClient, oMessage)', //   17
  '{', //                                             18
  '  var s;', //                                      19
  '  if (oMessage.Subject == "x") {', //             20
  '    Result.Value = 2;', //                         21
  '  }', //                                           22
  '}', //                                             23
  'function Empty() {}', //                           24
].join('\r\n');

test('JScript lines: statements the engine compiles; blank lines, comments and braces move to the next', () => {
  const lines = ScriptLines.fromSource(SOURCE, 'C:\\Events\\EventHandlers.js');
  assert.equal(lines.resolve(1), 2);
  assert.equal(lines.resolve(3), 5);
  assert.equal(lines.resolve(4), 5);
  assert.equal(lines.resolve(18), lines.executable.find((l) => l >= 19));
  assert.equal(lines.resolve(22), undefined);
  assert.ok(lines.executable.includes(8) && lines.executable.includes(13) && lines.executable.includes(21));
  assert.ok(!lines.executable.includes(6) && !lines.executable.includes(11) && !lines.executable.includes(23));
});

test('JScript functions: by name, case-sensitive; prototype methods by their chain, the short form and the method name', () => {
  const lines = ScriptLines.fromSource(SOURCE, 'EventHandlers.js');
  assert.equal(lines.procedure('Scorer')?.firstLine, 5);
  assert.equal(lines.procedure('scorer'), undefined);
  assert.equal(lines.procedure('Scorer.prototype.add')?.firstLine, 9);
  assert.equal(lines.procedure('Scorer.add')?.firstLine, 9);
  assert.equal(lines.procedure('add')?.firstLine, 9);
  assert.equal(lines.procedure('helper')?.firstLine, 14);
  assert.equal(lines.procedure('OnAcceptMessage')?.firstLine, lines.resolve(19));
  assert.equal(lines.procedure('onAcceptMessage'), undefined);
  assert.equal(lines.procedure('Empty')?.firstLine, undefined);
});

test('JScript: a file with a syntax error has no executable line', () => {
  const lines = ScriptLines.fromSource('function OnAcceptMessage( {\r\n  Result.Value = 1;\r\n}\r\n', 'EventHandlers.js');
  assert.deepEqual(lines.executable, []);
});

test('VBScript files keep case-insensitive procedure names', () => {
  const lines = ScriptLines.fromSource('Sub OnAcceptMessage(oClient, oMessage)\r\n  Result.Value = 1\r\nEnd Sub\r\n', 'EventHandlers.vbs');
  assert.equal(lines.procedure('onacceptmessage')?.firstLine, 2);
});
