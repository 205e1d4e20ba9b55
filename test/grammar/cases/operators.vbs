' SYNTAX TEST "source.vbscript.hmailserver" "operators"
x = a + b - c * d / e \ f ^ g Mod h
' ^ keyword.operator.comparison.vbscript
'     ^ keyword.operator.arithmetic.vbscript
'         ^ keyword.operator.arithmetic.vbscript
'             ^ keyword.operator.arithmetic.vbscript
'                 ^ keyword.operator.arithmetic.vbscript
'                     ^ keyword.operator.arithmetic.vbscript
'                         ^ keyword.operator.arithmetic.vbscript
'                             ^^^ keyword.operator.arithmetic.vbscript
s = "a" & b & "c"
'       ^ keyword.operator.concatenation.vbscript
'           ^ keyword.operator.concatenation.vbscript
t = a <> b Or a <= b Or a >= b Or a < b Or a > b
'     ^^ keyword.operator.comparison.vbscript
'               ^^ keyword.operator.comparison.vbscript
'                         ^^ keyword.operator.comparison.vbscript
'                                   ^ keyword.operator.comparison.vbscript
'                                            ^ keyword.operator.comparison.vbscript
t = Not a And b Or c Xor d Eqv e Imp f
'   ^^^ keyword.operator.logical.vbscript
'         ^^^ keyword.operator.logical.vbscript
'               ^^ keyword.operator.logical.vbscript
'                    ^^^ keyword.operator.logical.vbscript
'                          ^^^ keyword.operator.logical.vbscript
'                                ^^^ keyword.operator.logical.vbscript
t = o Is Nothing : t = NOT o IS NOTHING
'     ^^ keyword.operator.comparison.vbscript
'                ^ punctuation.separator.statement.vbscript
'                      ^^^ keyword.operator.logical.vbscript
'                            ^^ keyword.operator.comparison.vbscript
Set o = New RegExp
'       ^^^ keyword.operator.new.vbscript
'           ^^^^^^ support.class.vbscript
Andrew = Modulo + Island + Notes
' <------ - keyword
'        ^^^^^^ - keyword
'                 ^^^^^^ - keyword
'                          ^^^^^ - keyword
o.And = o.Mod
' ^^^ variable.other.member.vbscript - keyword
'         ^^^ variable.other.member.vbscript - keyword
