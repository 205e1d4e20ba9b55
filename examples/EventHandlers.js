// EventHandlers.js - the JScript twin of EventHandlers.vbs (hMailServer runs this file
// instead when Settings > Advanced > Scripts is set to JScript).
// Spam scoring, sender allow-list, header tagging and a delivery-failure log.
// jscript.dll is ECMAScript 3: no JSON, no String.prototype.trim, no Array.prototype.indexOf.

var SPAM_THRESHOLD = 5;
var LOG_PREFIX = "[handlers] ";

// Scores a message by simple content rules; the rule list lives in a Scripting.Dictionary.
function SpamScorer() {
  this.rules = new ActiveXObject("Scripting.Dictionary");
  this.rules.Add("viagra", 4);
  this.rules.Add("lottery", 3);
  this.rules.Add("winner", 2);
  this.rules.Add("bitcoin", 2);
  this.score = 0;
}

// Dictionary.Keys() is a VBScript array: VBArray turns it into a JScript one.
SpamScorer.prototype.words = function () {
  return new VBArray(this.rules.Keys()).toArray();
};

SpamScorer.prototype.addText = function (text) {
  var words = this.words();
  text = String(text).toLowerCase();
  for (var i = 0; i < words.length; i++) {
    if (text.indexOf(words[i]) >= 0) this.score += this.rules.Item(words[i]);
  }
};

SpamScorer.prototype.reasons = function (text) {
  var words = this.words(), found = [];
  text = String(text).toLowerCase();
  for (var i = 0; i < words.length; i++) {
    if (text.indexOf(words[i]) >= 0) found.push(words[i]);
  }
  return found.join(" ");
};

function isAllowedSender(address) {
  return /@(example\.com|partner\.test)$/i.test(address);
}

function extractDomain(address) {
  var at = address.lastIndexOf("@");
  return at >= 0 ? address.substring(at + 1) : "";
}

function OnClientConnect(oClient) {
  if (oClient.IPAddress.substr(0, 8) == "192.0.2.") {
    Result.Value = 1;
  }
}

function OnAcceptMessage(oClient, oMessage) {
  if (isAllowedSender(oMessage.FromAddress)) return;

  var scorer = new SpamScorer();
  scorer.addText(oMessage.Subject);
  scorer.addText(oMessage.Body);

  if (scorer.score >= SPAM_THRESHOLD) {
    Result.Value = 2;
    Result.Message = "Message rejected as spam (" + scorer.reasons(oMessage.Subject + " " + oMessage.Body) + ")";
    EventLog.Write(LOG_PREFIX + "rejected spam from " + oClient.IPAddress);
    return;
  }

  var recipientList = "";
  for (var i = 0; i < oMessage.Recipients.Count; i++) {
    recipientList += oMessage.Recipients(i).Address + ";";
  }

  // JScript's call-as-lvalue: how an indexed COM property is assigned.
  oMessage.HeaderValue("X-Spam-Score") = String(scorer.score);
  oMessage.HeaderValue("X-Sender-Domain") = extractDomain(oMessage.FromAddress);
  oMessage.HeaderValue("X-Checked-By") = "EventHandlers.js";
  oMessage.Save();
  EventLog.Write(LOG_PREFIX + "accepted for " + recipientList);
}

function OnDeliveryFailed(oMessage, sRecipient, sErrorMessage) {
  EventLog.Write(LOG_PREFIX + "delivery to " + sRecipient + " failed: " + sErrorMessage);
}

function OnError(iSeverity, iCode, sSource, sDescription) {
  switch (iSeverity) {
    case 1:
    case 2:
      EventLog.Write(LOG_PREFIX + "severe error " + iCode + " in " + sSource + ": " + sDescription);
      break;
    default:
      // Informational errors are left to hMailServer's own log.
  }
}
