' SYNTAX TEST "source.vbscript.hmailserver" "Sub, Function, Class, Property blocks"
Sub Helper(ByVal a, ByRef b, c())
' <--- meta.function.vbscript storage.type.function.vbscript
'   ^^^^^^ meta.function.vbscript entity.name.function.vbscript
'         ^ meta.parameters.vbscript punctuation.definition.parameters.begin.vbscript
'          ^^^^^ storage.modifier.parameter.vbscript
'                ^ variable.parameter.function.vbscript
'                 ^ punctuation.separator.parameter.vbscript
'                   ^^^^^ storage.modifier.parameter.vbscript
'                         ^ variable.parameter.function.vbscript
'                            ^ variable.parameter.function.vbscript
'                             ^ punctuation.definition.array.begin.vbscript
'                              ^ punctuation.definition.array.end.vbscript
'                               ^ punctuation.definition.parameters.end.vbscript
  If a Then Exit Sub
' ^^ meta.function.vbscript keyword.control.conditional.vbscript
'           ^^^^ keyword.control.exit.vbscript
'                ^^^ keyword.control.exit.vbscript - entity
  c(0) = b
' ^ meta.function.vbscript - meta.parameters
End Sub
' <--- meta.function.vbscript storage.type.function.end.vbscript
'   ^^^ meta.function.vbscript storage.type.function.vbscript
x = 1
' <- - meta.function
Private Function Compute(x, _
                         y)
' <------------------------- meta.function.vbscript meta.parameters.vbscript
'                        ^ variable.parameter.function.vbscript
'                         ^ punctuation.definition.parameters.end.vbscript
  Compute = x + y
' ^^^^^^^ meta.function.vbscript - entity
End Function
' <--- storage.type.function.end.vbscript
'   ^^^^^^^^ storage.type.function.vbscript
Public Function NoArgs
' <------ storage.modifier.visibility.vbscript
'      ^^^^^^^^ storage.type.function.vbscript
'               ^^^^^^ entity.name.function.vbscript
End Function
sub lower_case() : end sub
' <--- storage.type.function.vbscript
'   ^^^^^^^^^^ entity.name.function.vbscript
'                  ^^^ storage.type.function.end.vbscript
Class MailFilter
' <----- meta.class.vbscript storage.type.class.vbscript
'     ^^^^^^^^^^ meta.class.vbscript entity.name.type.class.vbscript
  Private m_rules
' ^^^^^^^ meta.class.vbscript storage.modifier.visibility.vbscript
'         ^^^^^^^ variable.other.readwrite.declaration.vbscript
  Private Sub Class_Initialize()
' ^^^^^^^ meta.class.vbscript meta.function.vbscript storage.modifier.visibility.vbscript
'             ^^^^^^^^^^^^^^^^ entity.name.function.vbscript
    Set m_rules = CreateObject("Scripting.Dictionary")
'   ^^^ keyword.other.vbscript
  End Sub
' ^^^ meta.class.vbscript storage.type.function.end.vbscript
  Public Default Property Get Count()
' ^^^^^^ meta.function.property.vbscript storage.modifier.visibility.vbscript
'        ^^^^^^^ storage.modifier.default.vbscript
'                ^^^^^^^^ storage.type.property.vbscript
'                         ^^^ storage.modifier.accessor.vbscript
'                             ^^^^^ entity.name.function.property.vbscript
    Count = m_rules.Count
  End Property
' ^^^ storage.type.property.end.vbscript
'     ^^^^^^^^ storage.type.property.vbscript
  Public Property Let Limit(ByVal v)
'                 ^^^ storage.modifier.accessor.vbscript
'                     ^^^^^ entity.name.function.property.vbscript
'                           ^^^^^ storage.modifier.parameter.vbscript
'                                 ^ variable.parameter.function.vbscript
    If v < 0 Then Exit Property
'                 ^^^^ keyword.control.exit.vbscript
'                      ^^^^^^^^ keyword.control.exit.vbscript
  End Property
  Property Set Target(o)
' ^^^^^^^^ storage.type.property.vbscript
'          ^^^ storage.modifier.accessor.vbscript
'              ^^^^^^ entity.name.function.property.vbscript
  End Property
  Public Function Run(oMessage)
'        ^^^^^^^^ meta.class.vbscript meta.function.vbscript storage.type.function.vbscript
'                 ^^^ entity.name.function.vbscript
  End Function
End Class
' <--- meta.class.vbscript storage.type.class.end.vbscript
'   ^^^^^ storage.type.class.vbscript
Set f = New MailFilter
' <--- - meta.class
