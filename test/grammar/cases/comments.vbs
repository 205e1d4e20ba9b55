' SYNTAX TEST "source.vbscript.hmailserver" "comments"
' An apostrophe comment, with a Sub keyword and "quotes" _
' <- comment.line.apostrophe.vbscript punctuation.definition.comment.vbscript
'  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.apostrophe.vbscript - keyword storage string punctuation.separator.continuation
Rem a Rem comment
' <--- comment.line.rem.vbscript punctuation.definition.comment.vbscript
'   ^^^^^^^^^^^^^ comment.line.rem.vbscript
REM upper case
' <--- comment.line.rem.vbscript
rem
' <--- comment.line.rem.vbscript
x = 1 ' trailing comment
'     ^^^^^^^^^^^^^^^^^^ comment.line.apostrophe.vbscript
x = 1 : Rem after a colon
'       ^^^ comment.line.rem.vbscript
Remark = 1
' <------ - comment
x = "it's not a comment"
'      ^^^^^^^^^^^^^^^^ string.quoted.double.vbscript - comment
