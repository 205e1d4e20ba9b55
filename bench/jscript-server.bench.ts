/**
 * Language-server benchmark for EventHandlers.js: drives dist/server.js over stdio on a generated
 * ~1,000-line JScript handler file and prints
 * - the first diagnostics after opening it (this loads dist/jscriptService.js: TypeScript);
 * - didChange → publishDiagnostics latency (debounce 0), p50/p95/max over 50 edits 50 ms apart;
 * - completion latency after `oMessage.` / `app.` / at statement starts, p50/p95 over 300 requests
 *   on an unchanged text, and over 50 "typed" requests (an edit, then the completion at once, on a
 *   second server with VS Code's 150 ms diagnostics debounce);
 * - hover latency, p50/p95 over 300 requests;
 * - the server's resident memory before any JScript document, while it holds the file, after a
 *   short idle time, and its peak.
 * Targets (as for VBScript): diagnostics ≤ 50 ms, completion/hover p95 ≤ 10 ms, RSS < 150 MB.
 *
 * By hand: node scripts/build.mjs && node scripts/run-bench.mjs jscript-server
 * The release bundles (minified, as the .vsix ships them) use less memory than dist/'s development
 * build: `node scripts/build.mjs --release --outdir /tmp/rel && JSCRIPT_BENCH_SERVER=/tmp/rel/server.js
 * node scripts/run-bench.mjs jscript-server` measures those.
 */
import { CompletionRequest, DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../test/server/lspClient';
import { completionSites, fmtMs as fmt, KEYSTROKE_GAP_MS, memoryOf, sleep, summary, timeCompletionAndHover, timeEdits } from './lspMeasure';

const TARGET_LINES = 1000;

/** A realistic JScript handler file: the usual events plus helpers that use the API and ES3 built-ins. */
export function generateJScriptFile(lines = TARGET_LINES): string {
  const out: string[] = [
    'var ADMIN_PASSWORD = "secret";',
    'var LOG_FOLDER = "C:\\\\hMailServer\\\\Logs";',
    '',
    'function Trim(s) {',
    '  return String(s).replace(/^\\s+|\\s+$/g, "");',
    '}',
    '',
    'function OnClientConnect(oClient) {',
    '  if (oClient.IPAddress.substr(0, 8) == "192.168.") return;',
    '  if (oClient.Port == 25) Result.Value = 0;',
    '}',
    '',
    'function OnAcceptMessage(oClient, oMessage) {',
    '  for (var i = 0; i < oMessage.Recipients.Count; i++) {',
    '    CheckRecipient0(oMessage, oMessage.Recipients(i).Address);',
    '  }',
    '  oMessage.HeaderValue("X-Checked") = "1";',
    '  oMessage.Save();',
    '}',
    '',
  ];
  let n = 0;
  while (out.length < lines - 6) {
    out.push(
      `function CheckRecipient${n}(oMessage, sAddress) {`,
      '  var app = new ActiveXObject("hMailServer.Application");',
      '  app.Authenticate("Administrator", ADMIN_PASSWORD);',
      '  var sSubject = Trim(oMessage.Subject);',
      `  var iScore = sSubject.length + ${n};`,
      '  if (sAddress.toLowerCase().indexOf("@example.com") >= 0) {',
      '    EventLog.Write("Recipient " + sAddress + " scored " + iScore);',
      '  } else if (oMessage.Size > 1024) {',
      '    iScore = iScore + app.Settings.SecurityRanges.Count;',
      '  }',
      '  return iScore;',
      '}',
      '',
    );
    n++;
  }
  out.push('function OnDeliverMessage(oMessage) {', '  if (oMessage.Size > 10240) Result.Value = 1;', '}', '');
  return out.join('\r\n');
}

export async function main(): Promise<void> {
  const text = generateJScriptFile();
  const lines = text.split('\r\n');
  const uri = 'file:///bench/EventHandlers.js';
  // Another build's server: it runs first on the command line, dist/server.js after it is only an argument.
  const other = process.env.JSCRIPT_BENCH_SERVER;
  const client = await LspClient.start({ debounceMs: 0, settings: { version: '5.6' }, nodeArgs: other ? [other, '--stdio'] : [] });
  if (other) console.log(`(server: ${other})`);
  try {
    await sleep(500);
    const before = memoryOf(client.process.pid!);
    let started = performance.now();
    const first = client.nextDiagnostics(uri, 1, 60000);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'hmailserver-jscript', version: 1, text } });
    const firstDiagnostics = await first;
    const openMs = performance.now() - started;

    const numberLines = lines.map((l, i) => (/\+ \d+;$/.test(l) ? i : -1)).filter((i) => i >= 0);
    // Typed before the closing semicolon.
    const beforeSemicolon = (l: string) => l.length - 1;
    await timeEdits(client, uri, lines, (k) => numberLines[(k * 53 + 11) % numberLines.length], '3', beforeSemicolon);
    const edits = await timeEdits(client, uri, lines, (k) => numberLines[(k * 37) % numberLines.length], '7', beforeSemicolon);

    const { completionSamples, hoverSamples, items } = await timeCompletionAndHover(client, uri, completionSites(lines, 'app.', /^\s{2}var iScore/, 2));

    // Typing: insert "oMessage." at a line end and complete at once, as VS Code does: its client
    // debounces diagnostics by 150 ms (DEBOUNCE_MS), so the request, not a diagnostics pass,
    // brings the language service up to date (with debounce 0 it would wait for one).
    const typing = await LspClient.start({ debounceMs: 150, settings: { version: '5.6' }, nodeArgs: other ? [other, '--stdio'] : [] });
    const typedUri = 'file:///bench/typing/EventHandlers.js';
    const typedOpen = typing.nextDiagnostics(typedUri, 1, 60000);
    await typing.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: typedUri, languageId: 'hmailserver-jscript', version: 1, text } });
    await typedOpen;
    const typedSamples: number[] = [];
    for (let i = 0; i < 60; i++) {
      const line = numberLines[(i * 17) % numberLines.length];
      const character = lines[line].length;
      await typing.edit(typedUri, { start: { line, character }, end: { line, character } }, ' oMessage.');
      started = performance.now();
      await typing.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: typedUri },
        position: { line, character: character + ' oMessage.'.length },
        context: { triggerKind: 2, triggerCharacter: '.' },
      });
      // The first ten warm the JIT up.
      if (i >= 10) typedSamples.push(performance.now() - started);
      await typing.edit(typedUri, { start: { line, character }, end: { line, character: character + ' oMessage.'.length } }, '');
      await sleep(KEYSTROKE_GAP_MS);
    }
    await typing.stop();

    const mem = memoryOf(client.process.pid!);
    await sleep(2500);
    const idle = memoryOf(client.process.pid!);
    const d = summary(edits);
    const c = summary(completionSamples);
    const t = summary(typedSamples);
    const h = summary(hoverSamples);
    console.log(`JScript server benchmark: ${lines.length} lines, ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB (dist/server.js over stdio, debounce 0)`);
    console.log(`  open -> first diagnostics (loads dist/jscriptService.js): ${fmt(openMs)} (${firstDiagnostics.diagnostics.length} diagnostics)`);
    console.log(`  didChange -> publishDiagnostics, 50 edits (${KEYSTROKE_GAP_MS} ms apart): p50 ${fmt(d.p50)}  p95 ${fmt(d.p95)}  max ${fmt(d.max)}   target <= 50 ms`);
    console.log(`  completion, unchanged text (300 requests, ${(items / 300).toFixed(0)} items avg): p50 ${fmt(c.p50)}  p95 ${fmt(c.p95)}  max ${fmt(c.max)}   target p95 <= 10 ms`);
    console.log(`  completion right after an edit (50 requests, debounce 150 ms as in VS Code): p50 ${fmt(t.p50)}  p95 ${fmt(t.p95)}  max ${fmt(t.max)}`);
    console.log(`  hover (300 requests): p50 ${fmt(h.p50)}  p95 ${fmt(h.p95)}  max ${fmt(h.max)}   target p95 <= 10 ms`);
    console.log(
      `  server memory: RSS ${before.rssMb.toFixed(1)} MB before the JScript document, ${mem.rssMb.toFixed(1)} MB right after the requests, ` +
        `${idle.rssMb.toFixed(1)} MB after 2.5 s idle, peak ${idle.peakMb.toFixed(1)} MB   target < 150 MB`,
    );
  } finally {
    await client.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
