/**
 * Language-server benchmark: drives dist/server.js over stdio, as an editor does, on a generated
 * 5,000-line handler file, and prints
 * - didChange → publishDiagnostics latency (debounce 0), p50/p95/max over 50 edits inside a
 *   procedure (re-parsed incrementally) and 50 edits at arbitrary line ends (often a full parse),
 *   sent 50 ms apart like fast typing;
 * - completion and hover latency, p50/p95 over 300 requests each;
 * - the server's resident memory while it holds the file: right after the requests, after a short
 *   idle time (when it returns garbage), and its peak.
 * Targets (issue 5): diagnostics ≤ 50 ms, completion/hover p95 ≤ 10 ms, RSS < 150 MB.
 *
 * Runs on import. `npm run bench` (scripts/run-bench.mjs) bundles and runs it; by hand:
 * node scripts/build.mjs && node scripts/run-bench.mjs server
 */
import { LspClient } from '../test/server/lspClient';
import { completionSites, fmtMs as fmt, KEYSTROKE_GAP_MS, memoryOf, sleep, summary, timeCompletionAndHover, timeEdits } from './lspMeasure';

const TARGET_LINES = 5000;

/** A realistic handler file: the usual events plus many helpers that use the API. */
export function generateHandlerFile(lines = TARGET_LINES): string {
  const out: string[] = [
    'Option Explicit',
    'Private Const ADMIN_PASSWORD = "secret"',
    'Dim gLogFolder',
    'gLogFolder = "C:\\hMailServer\\Logs"',
    '',
    'Sub OnClientConnect(oClient)',
    '    If Left(oClient.IPAddress, 8) = "192.168." Then Exit Sub',
    '    If oClient.Port = 25 Then Result.Value = 0',
    'End Sub',
    '',
    'Sub OnAcceptMessage(oClient, oMessage)',
    '    Dim i',
    '    For i = 0 To oMessage.Recipients.Count - 1',
    '        Call CheckRecipient0(oMessage, oMessage.Recipients(i).Address)',
    '    Next',
    '    oMessage.HeaderValue("X-Checked") = "1"',
    '    oMessage.Save',
    'End Sub',
    '',
  ];
  let n = 0;
  while (out.length < lines - 12) {
    out.push(
      `Function CheckRecipient${n}(oMessage, sAddress)`,
      '    Dim oApp, sSubject, iScore',
      '    Set oApp = CreateObject("hMailServer.Application")',
      '    Call oApp.Authenticate("Administrator", ADMIN_PASSWORD)',
      '    sSubject = oMessage.Subject',
      `    iScore = Len(sSubject) + ${n}`,
      '    If InStr(1, sAddress, "@example.com", vbTextCompare) > 0 Then',
      '        EventLog.Write "Recipient " & sAddress & " scored " & iScore',
      '    ElseIf oMessage.Size > 1024 Then',
      '        iScore = iScore + oApp.Settings.SecurityRanges.Count',
      '    End If',
      `    CheckRecipient${n} = iScore`,
      'End Function',
      '',
    );
    n++;
  }
  out.push('Sub OnDeliverMessage(oMessage)', '    If oMessage.Size > 10240 Then Result.Value = 1', 'End Sub', '');
  return out.join('\r\n');
}

export async function main(): Promise<void> {
  const text = generateHandlerFile();
  const lines = text.split('\r\n');
  const uri = 'file:///bench/EventHandlers.vbs';
  const client = await LspClient.start({ debounceMs: 0, settings: { version: '5.6' } });
  try {
    await client.open(uri, text);

    // Edits, each waiting for the diagnostics of its version:
    // - typing a digit into a number inside a procedure and deleting it (the code stays valid);
    // - typing a letter at the end of arbitrary lines and deleting it (often a syntax error for a moment).
    const numberLines = lines.map((l, i) => (/\+ \d+$/.test(l) ? i : -1)).filter((i) => i >= 0);
    // Warm-up (JIT), not measured: the same kinds of edits elsewhere in the file.
    const atEnd = (l: string) => l.length;
    await timeEdits(client, uri, lines, (k) => numberLines[(k * 53 + 11) % numberLines.length], '3', atEnd);
    const validEdits = await timeEdits(client, uri, lines, (k) => numberLines[(k * 37) % numberLines.length], '7', atEnd);
    const anyEdits = await timeEdits(client, uri, lines, (k) => 20 + ((k * 197) % (lines.length - 40)), 'x', atEnd);

    // Completion after "oMessage." / "oApp." and at statement starts; hover on member and variable names.
    const { completionSamples, hoverSamples, items } = await timeCompletionAndHover(client, uri, completionSites(lines, 'oApp.', /^\s{4}sSubject/, 4));

    const mem = memoryOf(client.process.pid!);
    // The server collects garbage once typing stops (see server/src/memory.ts): what it holds then.
    await sleep(2500);
    const idle = memoryOf(client.process.pid!);
    const d = summary(validEdits);
    const e = summary(anyEdits);
    const c = summary(completionSamples);
    const h = summary(hoverSamples);
    console.log(`server benchmark: ${lines.length} lines, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB (dist/server.js over stdio, debounce 0)`);
    console.log(`  didChange -> publishDiagnostics, 50 edits in a procedure (${KEYSTROKE_GAP_MS} ms apart):  p50 ${fmt(d.p50)}  p95 ${fmt(d.p95)}  max ${fmt(d.max)}   target <= 50 ms`);
    console.log(`  didChange -> publishDiagnostics, 50 edits at any line end: p50 ${fmt(e.p50)}  p95 ${fmt(e.p95)}  max ${fmt(e.max)}`);
    console.log(`  completion (300 requests, ${(items / 300).toFixed(0)} items avg): p50 ${fmt(c.p50)}  p95 ${fmt(c.p95)}  max ${fmt(c.max)}   target p95 <= 10 ms`);
    console.log(`  hover (300 requests):      p50 ${fmt(h.p50)}  p95 ${fmt(h.p95)}  max ${fmt(h.max)}   target p95 <= 10 ms`);
    console.log(
      `  server memory: RSS ${mem.rssMb.toFixed(1)} MB right after the requests, ${idle.rssMb.toFixed(1)} MB after 2.5 s idle, ` +
        `peak ${idle.peakMb.toFixed(1)} MB   target < 150 MB`,
    );
  } finally {
    await client.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
