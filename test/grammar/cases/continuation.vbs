' SYNTAX TEST "source.vbscript.hmailserver" "line continuations"
s = "a" & _
'         ^ punctuation.separator.continuation.line.vbscript
    "b" & _
'   ^^^ string.quoted.double.vbscript
'         ^ punctuation.separator.continuation.line.vbscript
    "c"
'   ^^^ string.quoted.double.vbscript
Call Foo(a, _
'           ^ punctuation.separator.continuation.line.vbscript
         b)
'        ^ - punctuation.separator.continuation
x = my_var + _x
'   ^^^^^^ - punctuation.separator.continuation
