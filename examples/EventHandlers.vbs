' EventHandlers.vbs - example hMailServer event handlers
' Spam scoring at DATA, sender allow-list, header tagging and a delivery-failure log.
Option Explicit

Const SPAM_THRESHOLD = 5
Const LOG_PREFIX = "[handlers] "

' Scores a message by simple content rules; a small class keeps the rule list tidy.
Class SpamScorer
  Private m_rules
  Private m_score

  Private Sub Class_Initialize()
    Set m_rules = CreateObject("Scripting.Dictionary")
    m_rules.Add "viagra", 4
    m_rules.Add "lottery", 3
    m_rules.Add "winner", 2
    m_rules.Add "bitcoin", 2
    m_score = 0
  End Sub

  Public Property Get Score()
    Score = m_score
  End Property

  Public Sub AddText(ByVal text)
    Dim word
    text = LCase(text)
    For Each word In m_rules.Keys
      If InStr(1, text, word, vbTextCompare) > 0 Then
        m_score = m_score + m_rules(word)
      End If
    Next
  End Sub

  Public Function Reasons(ByVal text)
    Dim word, found
    found = ""
    For Each word In m_rules.Keys
      If InStr(1, LCase(text), word) > 0 Then found = found & word & " "
    Next
    Reasons = Trim(found)
  End Function
End Class

Function IsAllowedSender(ByVal address)
  Dim re
  Set re = New RegExp
  re.Pattern = "@(example\.com|partner\.test)$"
  re.IgnoreCase = True
  IsAllowedSender = re.Test(address)
End Function

Function ExtractDomain(ByVal address)
  Dim at
  at = InStrRev(address, "@")
  If at > 0 Then
    ExtractDomain = Mid(address, at + 1)
  Else
    ExtractDomain = ""
  End If
End Function

Sub OnClientConnect(oClient)
  If Left(oClient.IPAddress, 8) = "192.0.2." Then
    Result.Value = 1
  End If
End Sub

Sub OnAcceptMessage(oClient, oMessage)
  Dim scorer, i, recipientList
  If IsAllowedSender(oMessage.FromAddress) Then Exit Sub

  Set scorer = New SpamScorer
  scorer.AddText oMessage.Subject
  scorer.AddText oMessage.Body

  If scorer.Score >= SPAM_THRESHOLD Then
    Result.Value = 2
    Result.Message = "Message rejected as spam (" & scorer.Reasons(oMessage.Subject & " " & oMessage.Body) & ")"
    EventLog.Write LOG_PREFIX & "rejected spam from " & oClient.IPAddress
    Exit Sub
  End If

  recipientList = ""
  For i = 0 To oMessage.Recipients.Count - 1
    recipientList = recipientList & oMessage.Recipients(i).Address & ";"
  Next

  oMessage.HeaderValue("X-Spam-Score") = CStr(scorer.Score)
  oMessage.HeaderValue("X-Sender-Domain") = ExtractDomain(oMessage.FromAddress)
  oMessage.HeaderValue("X-Checked-By") = "EventHandlers.vbs"
  oMessage.Save
  EventLog.Write LOG_PREFIX & "accepted for " & recipientList
End Sub

Sub OnDeliveryFailed(oMessage, sRecipient, sErrorMessage)
  EventLog.Write LOG_PREFIX & "delivery to " & sRecipient & " failed: " & sErrorMessage
End Sub

Sub OnError(iSeverity, iCode, sSource, sDescription)
  Select Case iSeverity
    Case 1, 2
      EventLog.Write LOG_PREFIX & "severe error " & iCode & " in " & sSource & ": " & sDescription
    Case Else
      ' Informational errors are left to hMailServer's own log.
  End Select
End Sub
