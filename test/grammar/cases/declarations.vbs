' SYNTAX TEST "source.vbscript.hmailserver" "declarations"
Dim a, b(3, n), c
' <--- meta.declaration.variable.vbscript storage.type.dim.vbscript
'   ^ variable.other.readwrite.declaration.vbscript
'    ^ punctuation.separator.comma.vbscript
'      ^ variable.other.readwrite.declaration.vbscript
'        ^ constant.numeric.integer.vbscript
'           ^ - variable.other.readwrite.declaration
'               ^ variable.other.readwrite.declaration.vbscript
dim lower : lower = 1
' <--- storage.type.dim.vbscript
'   ^^^^^ variable.other.readwrite.declaration.vbscript
'           ^^^^^ - meta.declaration variable.other.readwrite.declaration
ReDim Preserve arr(UBound(arr) + 1)
' <----- storage.type.redim.vbscript
'     ^^^^^^^^ storage.modifier.preserve.vbscript
'              ^^^ variable.other.readwrite.declaration.vbscript
'                  ^^^^^^ support.function.builtin.vbscript
REDIM buf(10)
' <----- storage.type.redim.vbscript
'     ^^^ variable.other.readwrite.declaration.vbscript
Const MAX_TRIES = 3, LABEL = "x, y", NEXT_ONE = Chr(65)
' <----- meta.declaration.const.vbscript storage.type.const.vbscript
'     ^^^^^^^^^ variable.other.constant.vbscript
'               ^ keyword.operator.comparison.vbscript
'                 ^ constant.numeric.integer.vbscript
'                  ^ punctuation.separator.comma.vbscript
'                    ^^^^^ variable.other.constant.vbscript
'                            ^^^^^^ string.quoted.double.vbscript - variable
'                                    ^^^^^^^^ variable.other.constant.vbscript
'                                               ^^^ support.function.builtin.vbscript
Private Const PRIV = 1
' <------- storage.modifier.visibility.vbscript
'       ^^^^^ storage.type.const.vbscript
'             ^^^^ variable.other.constant.vbscript
Public gCount, gName ' globals
' <------ storage.modifier.visibility.vbscript
'      ^^^^^^ variable.other.readwrite.declaration.vbscript
'              ^^^^^ variable.other.readwrite.declaration.vbscript
'                    ^^^^^^^^^ comment.line.apostrophe.vbscript - meta.declaration
Private m_list
' <------- storage.modifier.visibility.vbscript
'       ^^^^^^ variable.other.readwrite.declaration.vbscript
Dim first, _
    second
'   ^^^^^^ meta.declaration.variable.vbscript
Dim x1 : Const K = 2 : Dim y1
' <--- storage.type.dim.vbscript
'        ^^^^^ storage.type.const.vbscript
'              ^ variable.other.constant.vbscript
'                      ^^^ storage.type.dim.vbscript
'                          ^^ variable.other.readwrite.declaration.vbscript
