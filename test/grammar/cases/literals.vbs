' SYNTAX TEST "source.vbscript.hmailserver" "strings, dates, numbers, constants"
s = "say ""hi"" now"
'   ^ string.quoted.double.vbscript punctuation.definition.string.begin.vbscript
'    ^^^^ string.quoted.double.vbscript - constant
'        ^^ string.quoted.double.vbscript constant.character.escape.quote.vbscript
'          ^^ string.quoted.double.vbscript - constant
'            ^^ string.quoted.double.vbscript constant.character.escape.quote.vbscript
'                  ^ string.quoted.double.vbscript punctuation.definition.string.end.vbscript
e = ""
'   ^^ string.quoted.double.vbscript
q = """"
'   ^ punctuation.definition.string.begin.vbscript
'    ^^ constant.character.escape.quote.vbscript
'      ^ punctuation.definition.string.end.vbscript
u = "unterminated
'   ^^^^^^^^^^^^^ string.quoted.double.vbscript
n = 1
'   ^ constant.numeric.integer.vbscript - string
d = #2024-01-31# : t = #1/31/2024 10:00:00 PM#
'   ^ constant.other.date.vbscript punctuation.definition.date.begin.vbscript
'    ^^^^^^^^^^ constant.other.date.vbscript
'              ^ constant.other.date.vbscript punctuation.definition.date.end.vbscript
'                      ^^^^^^^^^^^^^^^^^^^^^^^ constant.other.date.vbscript
h = &HFF + &h1a& + &O17 + &17& + &o7
'   ^^^^ constant.numeric.hex.vbscript
'          ^^^^^ constant.numeric.hex.vbscript
'                  ^^^^ constant.numeric.octal.vbscript
'                         ^^^^ constant.numeric.octal.vbscript
'                                ^^^ constant.numeric.octal.vbscript
f = 1.5 + .25 + 3. + 1e10 + 2.5E-3 + 7e+2
'   ^^^ constant.numeric.float.vbscript
'         ^^^ constant.numeric.float.vbscript
'               ^^ constant.numeric.float.vbscript
'                    ^^^^ constant.numeric.float.vbscript
'                           ^^^^^^ constant.numeric.float.vbscript
'                                    ^^^^ constant.numeric.float.vbscript
i = 42 + x2
'   ^^ constant.numeric.integer.vbscript
'        ^^ - constant
b = True Or FALSE And Nothing Is Null Or Empty
'   ^^^^ constant.language.boolean.vbscript
'           ^^^^^ constant.language.boolean.vbscript
'                     ^^^^^^^ constant.language.null.vbscript
'                                ^^^^ constant.language.null.vbscript
'                                        ^^^^^ constant.language.null.vbscript
c = vbCrLf & VBTAB & vbNullString & vbTextCompare & vbObjectError
'   ^^^^^^ support.constant.vbscript
'            ^^^^^ support.constant.vbscript
'                    ^^^^^^^^^^^^ support.constant.vbscript
'                                   ^^^^^^^^^^^^^ support.constant.vbscript
'                                                   ^^^^^^^^^^^^^ support.constant.vbscript
Set Me.Item = Nothing
'   ^^ variable.language.me.vbscript
'     ^ punctuation.accessor.vbscript
'      ^^^^ variable.other.member.vbscript
[my var] = 1
' <-------- variable.other.bracketed.vbscript
