import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from '../../simulator/src/syntax/parser';
import { errors } from './helpers';

// Each compile error vbscript.dll reports before running anything, with its number and where it points
// (`code@line:col-line:col`, 0-based, end exclusive).
const cases: [source: string, expected: string[]][] = [
  ['On Error GoTo Label', ['1002@0:14-0:19']],
  ['ReDim a', ['1005@0:7-0:7']],
  ['x = (1 + 2', ['1006@0:10-0:10']],
  ['x = [abc', ['1007@0:4-0:8']],
  ['Dim 1', ['1010@0:4-0:5']],
  ['Set x 5', ['1011@0:6-0:7']],
  ['For i 1 To 2\nNext', ['1011@0:6-0:7']],
  ['Sub A\nIf x Then\nEnd Sub', ['1012@2:0-2:7']],
  ['For i = 1 5\nNext', ['1013@0:10-0:11']],
  ['Sub A\nx = 1', ['1014@1:5-1:5']],
  ['Function F\nEnd Sub', ['1015@1:0-1:7']],
  ['Sub A\nEnd Function', ['1016@1:0-1:12']],
  ['If x\ny=1\nEnd If', ['1017@0:4-0:4']],
  ['Sub A\nWhile x\nEnd Sub', ['1018@2:0-2:7']],
  ['Sub A\nDo\nEnd Sub', ['1019@2:0-2:7']],
  ['Sub A\nFor i = 1 To 2\nEnd Sub', ['1020@2:0-2:7']],
  ['Select x\nEnd Select', ['1021@0:7-0:8']],
  ['Select Case x\nEnd If', ['1022@1:0-1:6']],
  ['x = ', ['1023@0:4-0:4']],
  ['End If', ['1024@0:0-0:6']],
  ['1 = 2', ['1024@0:0-0:1']],
  ['x = 1 2', ['1025@0:6-0:7']],
  ['For i = 1 To 2\nNext i', ['1025@1:5-1:6']],
  ['Dim a(n)', ['1026@0:6-0:7']],
  ['Do Foo\nLoop', ['1028@0:3-0:6']],
  ['With x\nEnd Sub', ['1029@1:0-1:7']],
  [`x${'y'.repeat(255)} = 1`, ['1030@0:0-0:256']],
  ['x = 1 $ 2', ['1032@0:6-0:7']],
  ['x = "abc', ['1033@0:4-0:8']],
  ['Me = 1', ['1037@0:0-0:2']],
  ['Loop', ['1038@0:0-0:4']],
  ['Exit Do', ['1039@0:0-0:7']],
  ['Sub A\nExit For\nEnd Sub', ['1039@1:0-1:8']],
  ['Function F\nExit Sub\nEnd Function', ['1039@1:0-1:8']],
  ['Dim a, a', ['1041@0:7-0:8']],
  ['Sub S\nEnd Sub\nFunction S\nEnd Function', ['1041@2:9-2:10']],
  ['Sub S(a)\nDim a\nEnd Sub', ['1041@1:4-1:5']],
  ['Foo(1, 2)', ['1044@0:3-0:9']],
  ['Const A = b', ['1045@0:10-0:11']],
  ['For Each x d\nNext', ['1046@0:11-0:12']],
  ['Class C\nEnd Sub', ['1047@1:0-1:7']],
  ['Property Get P\nEnd Property', ['1048@0:0-0:12']],
  ['Class C\nProperty Get P\nEnd Sub\nEnd Class', ['1050@2:0-2:7']],
  ['Class C\nPublic Default Function A\nEnd Function\nPublic Default Function B\nEnd Function\nEnd Class', ['1052@3:24-3:25']],
  ['Class C\nSub Class_Initialize(x)\nEnd Sub\nEnd Class', ['1053@1:4-1:20']],
  ['Class C\nProperty Let P()\nEnd Property\nEnd Class', ['1054@1:13-1:14']],
  ['Next', ['1055@0:0-0:4']],
  ['Class C\nPrivate Default Function F\nEnd Function\nEnd Class', ['1057@1:8-1:15']],
  ['Class C\nPublic Default Property Let P(v)\nEnd Property\nEnd Class', ['1058@1:7-1:14']],
  ['x = 1 : Option Explicit', ['1024@0:8-0:23']],
];

describe('parser: compile errors', () => {
  for (const [source, expected] of cases) {
    test(`${expected.join(' ')}: ${JSON.stringify(source).slice(0, 60)}`, () => {
      assert.deepEqual(errors(source), expected);
    });
  }

  test('diagnostics are shaped for LSP', () => {
    const [d] = parse('If x\nEnd If').diagnostics;
    assert.deepEqual(
      { message: d.message, code: d.code, severity: d.severity, source: d.source, range: d.range },
      { message: "Expected 'Then'", code: 1017, severity: 1, source: 'vbscript', range: { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } } },
    );
  });

  test('ranges count UTF-16 code units', () => {
    // "😀" is two UTF-16 code units: the error after it starts at character 10, not 9.
    assert.deepEqual(errors('x = "😀" 2'), ['1025@0:9-0:10']);
    assert.deepEqual(errors('x = "😀"\ny = 😀'), ['1032@1:4-1:6']);
  });

  test('Option Explicit after comments and blank lines is fine', () => {
    assert.deepEqual(errors("' header\n\nOption Explicit\nDim x"), []);
  });
});
