/** Generated workloads shared by the benchmarks (and usable by tests). */

/** A realistic handler file of at least `lines` lines (whole procedures only): events, helpers, a class, Dictionary and RegExp use. */
export function generateHandlerFile(lines: number): string {
  const out: string[] = ['Option Explicit', 'Const LIMIT = 5', 'Dim gCounter', ''];
  let i = 0;
  while (out.length < lines) {
    out.push(
      `' Helper ${i}: scores a message`,
      `Function Score${i}(ByVal text, oMessage)`,
      `  Dim re, matches, total, d, k`,
      `  Set re = New RegExp`,
      `  re.Pattern = "(viagra|lottery|winner)\\s+${i}"`,
      `  re.IgnoreCase = True : re.Global = True`,
      `  Set matches = re.Execute(text)`,
      `  total = matches.Count * ${(i % 7) + 1}`,
      `  Set d = CreateObject("Scripting.Dictionary")`,
      `  d.Add "subject", oMessage.Subject`,
      `  For Each k In d.Keys`,
      `    If InStr(1, d(k), "spam", vbTextCompare) > 0 Then total = total + 1`,
      `  Next`,
      `  Select Case total`,
      `    Case 0, 1`,
      `      Score${i} = 0`,
      `    Case Else`,
      `      Score${i} = total + LIMIT - (${i} Mod 3) ^ 2`,
      `  End Select`,
      `End Function`,
      ``,
      `Sub Rule${i}(oMessage)`,
      `  Dim i, list`,
      `  For i = 0 To oMessage.Recipients.Count - 1`,
      `    list = list & oMessage.Recipients(i).Address & ";"`,
      `  Next`,
      `  If Score${i}(oMessage.Subject & " " & oMessage.Body, oMessage) > LIMIT Then`,
      `    oMessage.HeaderValue("X-Rule-${i}") = "hit: " & list`,
      `    oMessage.Save`,
      `  ElseIf Len(list) = 0 Then`,
      `    EventLog.Write "rule ${i}: no recipients"`,
      `  End If`,
      `End Sub`,
      ``,
    );
    i++;
  }
  return out.join('\r\n') + '\r\n';
}

/** A JavaScript file of the same shape and size, for a baseline parser. */
export function generateJavaScriptFile(lines: number): string {
  const out: string[] = ['"use strict";', 'const LIMIT = 5;', 'let gCounter;', ''];
  let i = 0;
  while (out.length < lines) {
    out.push(
      `// Helper ${i}: scores a message`,
      `function score${i}(text, oMessage) {`,
      `  let re, matches, total, d, k;`,
      `  re = new RegExp("(viagra|lottery|winner)\\\\s+${i}", "gi");`,
      `  matches = text.match(re) || [];`,
      `  total = matches.length * ${(i % 7) + 1};`,
      `  d = new Map();`,
      `  d.set("subject", oMessage.Subject);`,
      `  for (k of d.keys()) {`,
      `    if (d.get(k).toLowerCase().indexOf("spam") >= 0) total = total + 1;`,
      `  }`,
      `  switch (total) {`,
      `    case 0: case 1:`,
      `      return 0;`,
      `    default:`,
      `      return total + LIMIT - Math.pow(${i} % 3, 2);`,
      `  }`,
      `}`,
      ``,
      `function rule${i}(oMessage) {`,
      `  let i, list = "";`,
      `  for (i = 0; i <= oMessage.Recipients.Count - 1; i++) {`,
      `    list = list + oMessage.Recipients(i).Address + ";";`,
      `  }`,
      `  if (score${i}(oMessage.Subject + " " + oMessage.Body, oMessage) > LIMIT) {`,
      `    oMessage.HeaderValue = "hit: " + list;`,
      `    oMessage.Save();`,
      `  } else if (list.length === 0) {`,
      `    EventLog.Write("rule ${i}: no recipients");`,
      `  }`,
      `}`,
      ``,
      ``,
      ``,
    );
    i++;
  }
  return out.join('\n') + '\n';
}
