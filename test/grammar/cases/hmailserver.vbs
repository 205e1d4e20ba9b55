' SYNTAX TEST "source.vbscript.hmailserver" "hMailServer events and named items"
Sub OnClientConnect(oClient)
'   ^^^^^^^^^^^^^^^ entity.name.function.vbscript support.function.event.hmailserver.vbscript
  If oClient.Port = 25 Then Result.Value = 1
'                           ^^^^^^ support.variable.hmailserver.vbscript
'                                 ^ punctuation.accessor.vbscript
'                                  ^^^^^ variable.other.member.vbscript
End Sub
Sub onhelo(oClient)
'   ^^^^^^ entity.name.function.vbscript support.function.event.hmailserver.vbscript
  EventLog.Write "HELO " & HMAILSERVER_CLIENT.HELO
' ^^^^^^^^ support.variable.hmailserver.vbscript
'                          ^^^^^^^^^^^^^^^^^^ support.variable.hmailserver.vbscript
'                                             ^^^^ variable.other.member.vbscript - support
End Sub
Sub OnAcceptMessage(oClient, oMessage)
'   ^^^^^^^^^^^^^^^ support.function.event.hmailserver.vbscript
  Call OnDeliveryFailed(HMAILSERVER_MESSAGE, "a@b", "err")
'      ^^^^^^^^^^^^^^^^ support.function.event.hmailserver.vbscript
'                       ^^^^^^^^^^^^^^^^^^^ support.variable.hmailserver.vbscript
  result.value = 2 : RESULT.Message = "Rejected"
' ^^^^^^ support.variable.hmailserver.vbscript
'                    ^^^^^^ support.variable.hmailserver.vbscript
End Sub
Sub OnAcceptMessageHelper(x)
'   ^^^^^^^^^^^^^^^^^^^^^ entity.name.function.vbscript - support
  myResult = x.Result + ResultCode
' ^^^^^^^^ - support
'              ^^^^^^ variable.other.member.vbscript - support
'                       ^^^^^^^^^^ - support
End Sub
Function OnExternalAccountDownload(oFetchAccount, oMessage, sRemoteUID)
'        ^^^^^^^^^^^^^^^^^^^^^^^^^ support.function.event.hmailserver.vbscript
  Set f = HMAILSERVER_FETCHACCOUNT
'         ^^^^^^^^^^^^^^^^^^^^^^^^ support.variable.hmailserver.vbscript
End Function
Sub OnClientValidatePassword(oAccount, sPassword)
'   ^^^^^^^^^^^^^^^^^^^^^^^^ support.function.event.hmailserver.vbscript
  If HMAILSERVER_ACCOUNT.Address = "" Then Result.Value = 1
'    ^^^^^^^^^^^^^^^^^^^ support.variable.hmailserver.vbscript
End Sub
Sub OnSMTPData(c, m) : End Sub
'   ^^^^^^^^^^ support.function.event.hmailserver.vbscript
Sub OnClientLogon(c) : End Sub
'   ^^^^^^^^^^^^^ support.function.event.hmailserver.vbscript
Sub OnDeliveryStart(m) : End Sub
'   ^^^^^^^^^^^^^^^ support.function.event.hmailserver.vbscript
Sub OnDeliverMessage(m) : End Sub
'   ^^^^^^^^^^^^^^^^ support.function.event.hmailserver.vbscript
Sub OnError(iSeverity, iCode, sSource, sDescription) : End Sub
'   ^^^^^^^ support.function.event.hmailserver.vbscript
Sub OnBackupCompleted() : End Sub
'   ^^^^^^^^^^^^^^^^^ support.function.event.hmailserver.vbscript
Sub OnBackupFailed(sReason) : End Sub
'   ^^^^^^^^^^^^^^ support.function.event.hmailserver.vbscript
Sub OnRecipientUnknown(c, m) : End Sub
'   ^^^^^^^^^^^^^^^^^^ support.function.event.hmailserver.vbscript
Sub OnTooManyInvalidCommands(c, m) : End Sub
'   ^^^^^^^^^^^^^^^^^^^^^^^^ support.function.event.hmailserver.vbscript
