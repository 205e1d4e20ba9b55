'use strict';
// Manual check of CodeLens, the Testing view and the after-run views in a real VS Code
// (code-server + Chromium + playwright-core, set up as in smoke.cjs), with the selectors that work
// in VS Code 1.100 — material for `npm run test:e2e`. Not run by npm test.
//   npm run package && CS_DIR=/tmp/cs node test/client/e2e/views-check.cjs hmailserver-scripting.vsix
// Checks: "▶ Run scenario" lenses above the handlers (`.codelens-decoration a`, attached — lenses
// off screen are hidden); the lens's pick of scenarios; the outcome toast and its Transcript button;
// "Show message diff" (a diff editor); the Testing view (`.test-explorer .monaco-list-row`) listing
// the example scenarios; "Test: Run All Tests" with one scenario's expect broken on purpose (4
// passed, 1 failed with an expected/actual diff peek); the test item context menu (hover + Enter)
// showing that scenario's diff and transcript.
const CS_DIR = process.env.CS_DIR || '/tmp/cs';
const { chromium } = require(require.resolve('playwright-core', { paths: [CS_DIR] }));
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const net = require('node:net');
const CODE_SERVER = `${CS_DIR}/node_modules/.bin/code-server`;
const VSIX = path.resolve(process.argv[2] || 'hmailserver-scripting.vsix');
const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');
const OUT = process.env.OUT || path.join(os.tmpdir(), 'hmailserver-views-check');
const TRUST = process.argv.includes('--untrusted');
fs.mkdirSync(OUT, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-smoke-'));
const T0 = Date.now();
const mark = (n) => console.log(`[${((Date.now() - T0) / 1000).toFixed(1)}s] ${n}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () => new Promise((res) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); }); });
let csProc;
async function main() {
  const ud = path.join(tmp, 'user-data'), extDir = path.join(tmp, 'extensions'), ws = path.join(tmp, 'ws');
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true }); fs.mkdirSync(extDir);
  fs.cpSync(EXAMPLES, ws, { recursive: true });
  const sp = path.join(ws, 'scenarios', 'spam-rejected.scenario.json');
  fs.writeFileSync(sp, fs.readFileSync(sp, 'utf8').replace('"reply": "554 Message rejected as spam (viagra lottery winner)"', '"reply": "554 wrong reply"'));
  fs.writeFileSync(path.join(ud, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': TRUST,
    'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
    'git.enabled': false, 'files.hotExit': 'off', 'window.confirmBeforeClose': 'never', 'editor.minimap.enabled': false,
  }));
  const port = await freePort();
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const common = ['--config', config, '--user-data-dir', ud, '--extensions-dir', extDir];
  const csTmp = path.join(tmp, 'tmp'); fs.mkdirSync(csTmp);
  const xdg = { XDG_CONFIG_HOME: path.join(tmp, 'xc'), XDG_DATA_HOME: path.join(tmp, 'xd'), XDG_CACHE_HOME: path.join(tmp, 'xca'), XDG_STATE_HOME: path.join(tmp, 'xs') };
  const env = { ...process.env, ...xdg, TMPDIR: csTmp };
  execFileSync(CODE_SERVER, [...common, '--install-extension', VSIX, '--force'], { stdio: 'inherit', env });
  const log = fs.openSync(path.join(OUT, 'code-server.log'), 'w');
  csProc = spawn(CODE_SERVER, [...common, '--disable-telemetry', '--disable-update-check', ...(TRUST ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override', '--ignore-last-opened'], { stdio: ['ignore', log, log], detached: true, env });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) { try { if ((await fetch(`${base}/healthz`)).ok) break; } catch {} if (i > 300) throw new Error('no code-server'); await sleep(100); }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, env: { ...process.env, ...xdg },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const shot = (n) => page.screenshot({ path: path.join(OUT, n) });
  page.on('console', (m) => fs.appendFileSync(path.join(OUT, 'console.log'), `[${m.type()}] ${m.text()}\n`));
  const palette = async (text) => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    await page.keyboard.type(text, { delay: 20 });
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: text.replace(/^>/, '') }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Enter');
  };

  try {
    await page.goto(`${base}/?folder=${encodeURIComponent(ws)}`);
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'EventHandlers.vbs' });
    await row.waitFor({ timeout: 90000 });
    mark('workbench');
    await row.click();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'Option Explicit' }).first().waitFor({ timeout: 30000 });
    const lens = page.locator('.codelens-decoration a', { hasText: 'Run scenario' });
    await lens.first().waitFor({ state: 'attached', timeout: 30000 });
    mark('lenses: ' + (await lens.count()));
    console.log('lens texts:', (await page.locator('.codelens-decoration').allInnerTexts()).join(' | '));
    await shot('10-lens.png');
    // the lens above OnAcceptMessage: scroll to it
    await editor.click();
    await page.keyboard.press('Control+G'); await page.keyboard.type('70'); await page.keyboard.press('Enter');
    await sleep(800);
    const lensAccept = page.locator('.codelens-decoration a', { hasText: 'Run scenario' });
    // pick the lens whose next line contains OnAcceptMessage: click the visible one nearest
    const n = await lensAccept.count();
    let clicked = false;
    for (let i = 0; i < n; i++) {
      const box = await lensAccept.nth(i).boundingBox();
      const sub = await page.locator('.view-line', { hasText: 'Sub OnAcceptMessage' }).first().boundingBox();
      if (box && sub && Math.abs(box.y - sub.y) < 40) { await lensAccept.nth(i).click(); clicked = true; break; }
    }
    if (!clicked) await lensAccept.first().click();
    const sc = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'A clean newsletter is accepted and tagged' }).first();
    await sc.waitFor({ timeout: 20000 });
    console.log('quick pick title:', await page.locator('.quick-input-widget .quick-input-title').innerText().catch(() => '?'));
    console.log('picks:', (await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ')).join(' | '));
    await shot('11-pick.png');
    await sc.click();
    const toast = page.locator('.notification-toast', { hasText: 'accepted — 250 Queued' }).first();
    await toast.waitFor({ timeout: 60000 });
    mark('run from lens: ' + (await toast.innerText()).replace(/\s+/g, ' '));
    await toast.locator('.monaco-button', { hasText: 'Transcript' }).first().click();
    await page.locator('.tab', { hasText: 'SMTP transcript' }).first().waitFor({ timeout: 15000 });
    await page.locator('.view-line', { hasText: 'S: 220' }).first().waitFor({ timeout: 15000 });
    mark('transcript document');
    await shot('12-transcript.png');
    await palette('hMailServer: Show message diff');
    await page.locator('.tab', { hasText: 'as queued' }).first().waitFor({ timeout: 15000 });
    await page.locator('.editor-instance .monaco-diff-editor').first().waitFor({ timeout: 15000 });
    mark('message diff');
    await sleep(1000);
    await shot('13-diff.png');
    // Testing view
    await palette('Testing: Focus on Test Explorer View');
    await page.locator('.test-explorer .monaco-list-row').first().waitFor({ timeout: 30000 });
    await sleep(1000);
    console.log('test rows:', (await page.locator('.test-explorer .monaco-list-row').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ')).join(' | '));
    await shot('14-tests.png');
    await palette('Test: Run All Tests');
    await page.locator('.test-explorer .codicon-testing-failed-icon, .test-explorer .codicon-testing-error-icon').first().waitFor({ timeout: 90000 });
    await sleep(4000);
    console.log('passed icons:', await page.locator('.test-explorer .codicon-testing-passed-icon').count(), 'failed:', await page.locator('.test-explorer .codicon-testing-failed-icon').count());
    await shot('15-tests-run.png');
    const failedRow = page.locator('.test-explorer .monaco-list-row', { hasText: 'Spam is rejected' }).first();
    await failedRow.dblclick();
    await sleep(3000);
    await shot('16-failure-peek.png');
    await page.keyboard.press('Escape');
    const nl = page.locator('.test-explorer .monaco-list-row', { hasText: 'A clean newsletter' }).first();
    await nl.click({ button: 'right' });
    await page.locator('.context-view .action-item', { hasText: 'Show message diff' }).first().hover(); await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'as queued (A clean newsletter' }).first().waitFor({ timeout: 15000 });
    mark('diff from the test item');
    const sr = page.locator('.test-explorer .monaco-list-row', { hasText: 'Spam is rejected' }).first();
    await sr.click({ button: 'right' });
    await page.locator('.context-view .action-item', { hasText: 'Show SMTP transcript' }).first().hover(); await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'Spam is rejected at end of data (SMTP transcript)' }).first().waitFor({ timeout: 15000 });
    await page.locator('.view-line', { hasText: 'S: 554 Message rejected' }).first().waitFor({ timeout: 15000 });
    mark('transcript from the test item');
    await shot('17-item-transcript.png');
    console.log('editor tabs:', (await page.locator('.tab').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ')).join(' | '));
  } catch (e) {
    await shot('failure.png').catch(() => {});
    try { fs.rmSync(path.join(OUT, 'logs'), { recursive: true, force: true }); fs.cpSync(path.join(tmp, 'user-data', 'logs'), path.join(OUT, 'logs'), { recursive: true }); } catch (e2) { console.log('no logs', e2.message); }
    throw e;
  } finally {
    await browser.close();
  }
}
main().then(() => 0, (e) => { console.error('FAIL', e && e.stack || e); return 1; }).then((code) => {
  if (csProc) try { process.kill(-csProc.pid, 'SIGTERM'); } catch {}
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(code ? 'SMOKE FAIL' : 'SMOKE PASS');
  process.exit(code);
});
