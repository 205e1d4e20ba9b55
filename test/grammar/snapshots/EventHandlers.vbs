Option Explicit
' hMailServer event handlers: a realistic file exercising every grammar construct.
Rem Settings
Private Const LOG_PREFIX = "[filter] ", MAX_SCORE = 5.5E+0
Private Const BLOCKED_PORTS = &H19&, OCTAL_MASK = &O17
Dim gCache, gList(10, 2)
ReDim Preserve gList(20, 2)
Public gStarted : gStarted = #2024-01-31 08:00#

Sub OnClientConnect(oClient)
  If oClient.Port = 25 And Left(oClient.IPAddress, 3) <> "10." Then
    Result.Value = 1 ' close the socket
  End If
End Sub

Sub OnHELO(oClient)
  Dim sHelo : sHelo = LCase(Trim(HMAILSERVER_CLIENT.HELO))
  If InStr(1, sHelo, ".", vbTextCompare) = 0 Then
    Result.Value = 2
    Result.Message = "Bad HELO """ & sHelo & """"
  End If
End Sub

Sub OnAcceptMessage(oClient, oMessage)
  On Error Resume Next
  Dim i, score
  score = CDbl(oMessage.HeaderValue("X-hMailServer-Reason-Score"))
  For i = 0 To oMessage.Recipients.Count - 1
    If oMessage.Recipients(i).IsLocalUser Then Exit For
  Next
  If score >= MAX_SCORE Xor (score \ 2) Mod 2 = 1 Then
    Result.Value = 3 : Result.Message = "Try later"
  ElseIf Not oClient.Authenticated Eqv False Imp True Then
    EventLog.Write LOG_PREFIX & "accepted " & _
                   oMessage.Subject & vbCrLf
  Else
    Call Helper(oMessage)
  End If
  On Error GoTo 0
End Sub

Function Helper(ByVal oMessage)
  Dim oApp
  Set oApp = CreateObject("hMailServer.Application")
  Call oApp.Authenticate("Administrator", "secret")
  Helper = oApp.Settings.SecurityRanges.ItemByName("x") Is Nothing
  Set oApp = Nothing
End Function

Class Counter
  Private m_count
  Private Sub Class_Initialize() : m_count = 0 : End Sub
  Public Default Property Get Value() : Value = m_count : End Property
  Public Property Let Value(ByVal v) : m_count = v : End Property
  Public Sub Increment(ByRef by)
    m_count = m_count + by
  End Sub
End Class

Function IsLocked(f) : IsLocked = False : End Function
With CreateObject("Scripting.FileSystemObject")
  If .FileExists("C:\hMailServer\Events\include.vbs") Then ExecuteGlobal .OpenTextFile("C:\hMailServer\Events\include.vbs").ReadAll
End With
