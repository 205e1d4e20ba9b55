' SYNTAX TEST "source.vbscript.hmailserver" "statements and keywords"
Option Explicit
' <------ keyword.other.option.vbscript
'      ^^^^^^^^ keyword.other.option.vbscript
On Error Resume Next
' <-- keyword.control.error.vbscript
'  ^^^^^ keyword.control.error.vbscript
'        ^^^^^^ keyword.control.error.vbscript
'               ^^^^ keyword.control.error.vbscript
on error goto 0
' <-- keyword.control.error.vbscript
'        ^^^^ keyword.control.error.vbscript
'             ^ constant.numeric.integer.vbscript
If a Then b = 1 ElseIf c Then b = 2 Else b = 3
' <-- keyword.control.conditional.vbscript
'    ^^^^ keyword.control.conditional.vbscript
'               ^^^^^^ keyword.control.conditional.vbscript
'                                   ^^^^ keyword.control.conditional.vbscript
End If
' <--- keyword.control.end.vbscript
'   ^^ keyword.control.end.vbscript
Select Case x
' <------ keyword.control.conditional.vbscript
'      ^^^^ keyword.control.conditional.vbscript
  Case 1, 2 : y = 1
' ^^^^ keyword.control.conditional.vbscript
'       ^ punctuation.separator.comma.vbscript
  Case Else
' ^^^^ keyword.control.conditional.vbscript
'      ^^^^ keyword.control.conditional.vbscript
End Select
' <--- keyword.control.end.vbscript
'   ^^^^^^ keyword.control.end.vbscript
For i = 0 To oMessage.Recipients.Count - 1 Step 1
' <--- keyword.control.loop.vbscript
'         ^^ keyword.control.loop.vbscript
'                                          ^^^^ keyword.control.loop.vbscript
Next
' <---- keyword.control.loop.vbscript
For Each k In d.Keys : Next
' <--- keyword.control.loop.vbscript
'   ^^^^ keyword.control.loop.vbscript
'          ^^ keyword.control.loop.vbscript
Do While x < 10 : x = x + 1 : Loop
' <-- keyword.control.loop.vbscript
'  ^^^^^ keyword.control.loop.vbscript
'                             ^^^^ keyword.control.loop.vbscript
Do : Exit Do : Loop Until True
'    ^^^^ keyword.control.exit.vbscript
'         ^^ keyword.control.exit.vbscript
'                   ^^^^^ keyword.control.loop.vbscript
While x : Wend
' <----- keyword.control.loop.vbscript
'         ^^^^ keyword.control.loop.vbscript
With oMessage
' <---- keyword.other.vbscript
  .Subject = "x"
' ^ punctuation.accessor.vbscript
'  ^^^^^^^ variable.other.member.vbscript
End With
' <--- keyword.control.end.vbscript
'   ^^^^ keyword.control.end.vbscript
Call DoIt(1) : Let z = 1 : Erase arr : Randomize : Stop
' <---- keyword.control.vbscript
'              ^^^ keyword.other.vbscript
'                          ^^^^^ keyword.other.vbscript
'                                      ^^^^^^^^^ keyword.other.vbscript
'                                                  ^^^^ keyword.control.vbscript
Set o = CreateObject("Scripting.FileSystemObject") : Set o = Nothing
' <--- keyword.other.vbscript
'       ^^^^^^^^^^^^ support.function.builtin.vbscript
If Err.Number <> 0 Then Err.Clear
'  ^^^ support.class.vbscript
'     ^ punctuation.accessor.vbscript
'      ^^^^^^ variable.other.member.vbscript
x = Len(Trim(LCase(s))) + InStr(1, s, "@") + UBound(Split(s, ","))
'   ^^^ support.function.builtin.vbscript
'       ^^^^ support.function.builtin.vbscript
'            ^^^^^ support.function.builtin.vbscript
'                         ^^^^^ support.function.builtin.vbscript
'                                            ^^^^^^ support.function.builtin.vbscript
'                                                   ^^^^^ support.function.builtin.vbscript
ExecuteGlobal code : x = oMessage.Date
' <------------- support.function.builtin.vbscript
'                                 ^^^^ variable.other.member.vbscript - support
