import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tree } from './helpers';

// One test per statement form of VBScript 5.8, stated as the expected tree.
const cases: [name: string, source: string, expected: string][] = [
  ['Option Explicit', 'Option Explicit\nDim x', '(option-explicit)\n(dim x)'],
  ['Dim scalars and arrays', 'Dim a, b(3), c(), d(2, 3)', '(dim a (b 3) c() (d 2 3))'],
  ['Public and Private variables', 'Public a, b(1)\nPrivate c', '(public a (b 1))\n(private c)'],
  ['Const with literals', 'Const A = 1, B = "x", C = -2.5, D = #1/2/2020#, E = True', '(const (A 1) (B "x") (C (neg 2.5)) (D #1/2/2020#) (E True))'],
  ['Private Const', 'Private Const X = &HFF', '(private-const (X &HFF))'],
  ['ReDim', 'ReDim a(10)', '(redim (a 10))'],
  ['ReDim Preserve with expressions', 'ReDim Preserve a(n + 1, 2), b(m)', '(redim preserve (a (+ n 1) 2) (b m))'],
  ['Erase', 'Erase arr', '(erase arr)'],
  ['plain assignment', 'x = 1 + 2', '(= x (+ 1 2))'],
  ['Let assignment', 'Let x = 1', '(= x 1)'],
  ['Set assignment', 'Set d = CreateObject("Scripting.Dictionary")', '(set d (call CreateObject "Scripting.Dictionary"))'],
  ['Set to Nothing', 'Set d = Nothing', '(set d Nothing)'],
  ['Set New', 'Set re = New RegExp', '(set re (new RegExp))'],
  ['indexed property assignment', 'oMessage.HeaderValue("X-Spam") = "YES"', '(= (call (. oMessage HeaderValue) "X-Spam") "YES")'],
  ['default property assignment', 'd("k") = v', '(= (call d "k") v)'],
  ['member chain assignment', 'a.b(1).c = 2', '(= (. (call (. a b) 1) c) 2)'],
  ['Set on an indexed member', 'Set x.Item(1) = y', '(set (call (. x Item) 1) y)'],
  ['Call with parentheses', 'Call Foo(1, x)', '(Call Foo 1 x)'],
  ['Call without arguments', 'Call Foo', '(Call Foo)'],
  ['Call a method', 'Call oMessage.Save()', '(Call (. oMessage Save))'],
  ['statement call without parentheses', 'Foo 1, x', '(Foo 1 x)'],
  ['statement call with no arguments', 'oMessage.Save', '((. oMessage Save))'],
  ['statement call with empty parentheses', 'Foo()', '(Foo)'],
  ['omitted arguments', 'obj.Method a, , c', '((. obj Method) a _missing c)'],
  ['negative first argument', 'Foo -1', '(Foo (neg 1))'],
  ['EventLog.Write with concatenation', 'EventLog.Write "a" & x', '((. EventLog Write) (& "a" x))'],
  ['block If', 'If a Then\n  b = 1\nEnd If', '(if a (then (= b 1)))'],
  ['If ElseIf Else', 'If a Then\n x = 1\nElseIf b Then\n x = 2\nElseIf c Then\n x = 3\nElse\n x = 4\nEnd If', '(if a (then (= x 1)) (elseif b (= x 2)) (elseif c (= x 3)) (else (= x 4)))'],
  ['Else with a statement on its line', 'If a Then\n x = 1\nElse x = 2\nEnd If', '(if a (then (= x 1)) (else (= x 2)))'],
  ['single-line If', 'If a Then b = 1', '(if1 a (then (= b 1)))'],
  ['single-line If with colons and Else', 'If a Then b = 1 : c = 2 Else d = 3 : e = 4', '(if1 a (then (= b 1) (= c 2)) (else (= d 3) (= e 4)))'],
  ['single-line If with Exit', 'Sub S\nIf a Then Exit Sub\nEnd Sub', '(Sub S () (if1 a (then (exit Sub))))'],
  ['nested single-line If binds Else to the inner If', 'If a Then If b Then c Else d', '(if1 a (then (if1 b (then (c)) (else (d)))))'],
  ['Select Case', 'Select Case x\n  Case 1, 2\n    y = 1\n  Case "a"\n    y = 2\n  Case Else\n    y = 3\nEnd Select', '(select x (case (1 2) (= y 1)) (case ("a") (= y 2)) (case-else (= y 3)))'],
  ['Select Case with comments between', "Select Case x ' c\n  ' nothing yet\n  Case 1\nEnd Select", '(select x (case (1)))'],
  ['For To', 'For i = 1 To 10\n  s = s + i\nNext', '(for i 1 10 (= s (+ s i)))'],
  ['For To Step', 'For i = 10 To 1 Step -2\nNext', '(for i 10 1 step (neg 2))'],
  ['For Each', 'For Each k In d.Keys\n  x = k\nNext', '(foreach k (. d Keys) (= x k))'],
  ['Do While pre-test', 'Do While i < 3\n  i = i + 1\nLoop', '(do-while-pre (< i 3) (= i (+ i 1)))'],
  ['Do Until pre-test', 'Do Until i >= 3\nLoop', '(do-until-pre (>= i 3))'],
  ['Do Loop While post-test', 'Do\n  i = i + 1\nLoop While i < 3', '(do-while-post (< i 3) (= i (+ i 1)))'],
  ['Do Loop Until post-test', 'Do\nLoop Until done', '(do-until-post done)'],
  ['plain Do Loop', 'Do\n  Exit Do\nLoop', '(do (exit Do))'],
  ['Do on one line', 'Do While x < 3 : x = x + 1 : Loop', '(do-while-pre (< x 3) (= x (+ x 1)))'],
  ['While Wend', 'While x\n  x = False\nWend', '(while x (= x False))'],
  ['Exit For', 'For i = 1 To 2\n  Exit For\nNext', '(for i 1 2 (exit For))'],
  ['Exit Function', 'Function F\n  Exit Function\nEnd Function', '(Function F () (exit Function))'],
  ['Exit Property', 'Class C\nProperty Get P\nExit Property\nEnd Property\nEnd Class', '(class C (PropertyGet P () (exit Property)))'],
  ['Sub with ByVal and ByRef', 'Sub S(ByVal a, ByRef b, c, d())\nEnd Sub', '(Sub S (ByVal a, b, c, d()))'],
  ['Sub without parentheses', 'Sub S\nEnd Sub', '(Sub S ())'],
  ['Public and Private procedures', 'Public Sub A\nEnd Sub\nPrivate Function B()\n  B = 1\nEnd Function', '(Public Sub A ())\n(Private Function B () (= B 1))'],
  ['Function returning through its name', 'Function Twice(n)\n  Twice = n * 2\nEnd Function', '(Function Twice (n) (= Twice (* n 2)))'],
  [
    'Class with fields, properties and methods',
    'Class Counter\n  Private m_n\n  Public Name\n  Dim legacy\n  Private Sub Class_Initialize()\n    m_n = 0\n  End Sub\n  Private Sub Class_Terminate()\n  End Sub\n  Public Default Property Get Value()\n    Value = m_n\n  End Property\n  Public Property Let Value(v)\n    m_n = v\n  End Property\n  Public Property Set Target(o)\n  End Property\n  Public Function Add(n)\n    m_n = m_n + n\n    Set Add = Me\n  End Function\nEnd Class',
    '(class Counter (private m_n) (public Name) (dim legacy) (Private Sub Class_Initialize () (= m_n 0)) (Private Sub Class_Terminate ()) (Public Default PropertyGet Value () (= Value m_n)) (Public PropertyLet Value (v) (= m_n v)) (Public PropertySet Target (o)) (Public Function Add (n) (= m_n (+ m_n n)) (set Add Me)))',
  ],
  ['Me member call', 'Class C\nSub A\nMe.B 1\nEnd Sub\nSub B(x)\nEnd Sub\nEnd Class', '(class C (Sub A () ((. Me B) 1)) (Sub B (x)))'],
  ['With and leading-dot members', 'With oMessage\n  .Subject = "[x] " & .Subject\n  .Save\nEnd With', '(with oMessage (= (. _ Subject) (& "[x] " (. _ Subject))) ((. _ Save)))'],
  ['nested With', 'With a\n  With .b\n    .c = 1\n  End With\nEnd With', '(with a (with (. _ b) (= (. _ c) 1)))'],
  ['leading-dot argument', 'With x\n  Foo .Bar, .Baz(1)\nEnd With', '(with x (Foo (. _ Bar) (call (. _ Baz) 1)))'],
  ['On Error Resume Next', 'On Error Resume Next', '(on-error ResumeNext)'],
  ['On Error GoTo 0', 'On Error GoTo 0', '(on-error GoTo0)'],
  ['Stop', 'Stop', '(stop)'],
  ['Randomize as a call', 'Randomize\nRandomize 42', '(Randomize)\n(Randomize 42)'],
  ['Execute, ExecuteGlobal and Eval are ordinary calls', 'Execute "x = 1"\nExecuteGlobal code\ny = Eval("1 + 2")', '(Execute "x = 1")\n(ExecuteGlobal code)\n(= y (call Eval "1 + 2"))'],
  ['colon-separated statements', 'a = 1 : b = 2 : Foo', '(= a 1)\n(= b 2)\n(Foo)'],
  ['line continuation', 'x = 1 + _\n    2 _\n    + 3', '(= x (+ (+ 1 2) 3))'],
  ['line continuation in an argument list', 'Foo a, _\n  b', '(Foo a b)'],
  ['bracketed identifier', 'Dim [my var]\n[my var] = 1', '(dim [my var])\n(= [my var] 1)'],
  ['keywords as member names', 'x.End = rs.Open\nd.Remove k\nErr.Raise 5', '(= (. x End) (. rs Open))\n((. d Remove) k)\n((. Err Raise) 5)'],
  ['contextual keywords as names', 'Dim step, property\nstep = 1', '(dim step property)\n(= step 1)'],
  ['Rem comments', 'Rem a comment\nx = 1 : Rem another\nREM upper', '(= x 1)'],
  ['apostrophe comments', "' top\nx = 1 ' trailing", '(= x 1)'],
];

describe('parser: statements', () => {
  for (const [name, source, expected] of cases) {
    test(name, () => {
      assert.equal(tree(source), expected);
    });
  }

  test('case-insensitive keywords', () => {
    assert.equal(tree('IF a THEN\n  b = 1\nend if\nDIM X\nsUb S\nEND SUB'), '(if a (then (= b 1)))\n(dim X)\n(Sub S ())');
  });

  test('CRLF and lone CR line breaks', () => {
    assert.equal(tree('a = 1\r\nb = 2\rc = 3'), '(= a 1)\n(= b 2)\n(= c 3)');
  });
});
