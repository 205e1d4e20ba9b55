'use strict';
// Manual smoke check of the packaged extension in a real VS Code (code-server + Debian Chromium +
// playwright-core, see ../shared/recipes/vscode-e2e/), a starting point for `npm run test:e2e`.
// Not run by npm test. Needs code-server and playwright-core installed outside the repository:
//   bash ../shared/recipes/vscode-e2e/install-code-server.sh /tmp/cs && (cd /tmp/cs && npm i playwright-core)
//   npm run package && CS_DIR=/tmp/cs node test/client/e2e/smoke.cjs hmailserver-scripting.vsix [--untrusted]
// Checks: EventHandlers.vbs opens as VBScript (hMailServer); the version in the status bar; event
// completion after `Sub `; Insert event handler; Run scenario (notification + output channel);
// Select server version (status bar → quick pick → workspace setting); New scenario from .eml
// (explorer context menu) and running it. With --untrusted: editing works, running is refused.
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
const OUT = process.env.OUT || path.join(os.tmpdir(), 'hmailserver-smoke');
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
    if (TRUST) {
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 15000 }).catch(() => {});
      if (await dialog.count()) {
        console.log('trust dialog:', (await dialog.innerText()).replace(/\s+/g, ' ').slice(0, 200));
        await dialog.locator('.monaco-button', { hasText: /don't trust|No/i }).first().click();
      }
      // restricted mode: try to run a scenario and expect the refusal
      await row.click();
      await page.locator('.statusbar-item', { hasText: 'VBScript (hMailServer)' }).first().waitFor({ timeout: 30000 });
      mark('language in restricted mode');
      await page.locator('.editor-instance .monaco-editor').first().click();
      await palette('hMailServer: Run scenario');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'newsletter' }).first().waitFor({ timeout: 15000 }).catch(() => {});
      if (await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'newsletter' }).count()) {
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'newsletter' }).first().click();
      }
      await page.locator('.notification-toast', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 20000 });
      await shot('restricted.png');
      mark('run refused in restricted mode');
      return;
    }
    await row.click();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: 'Option Explicit' }).first().waitFor({ timeout: 30000 });
    await page.locator('.statusbar-item', { hasText: 'VBScript (hMailServer)' }).first().waitFor({ timeout: 30000 });
    mark('language: VBScript (hMailServer)');
    await page.locator('.statusbar-item', { hasText: 'hMailServer 5.6' }).first().waitFor({ timeout: 30000 });
    mark('status bar version');
    await shot('01-editor.png');
    // completion from the language server
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Sub ', { delay: 30 });
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget.visible .monaco-list-row', { hasText: 'OnSMTPData' }).first().waitFor({ timeout: 30000 });
    mark('completion of events from the language server');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+A'); await page.keyboard.press('Control+Z'); await page.keyboard.press('Control+Z'); await page.keyboard.press('Control+Z');
    // insert event handler
    await page.keyboard.press('Control+End');
    await palette('hMailServer: Insert event handler');
    const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'OnSMTPData' }).first();
    await pick.waitFor({ timeout: 20000 });
    const labels = await page.locator('.quick-input-widget .monaco-list-row .label-name').allInnerTexts();
    console.log('insert-handler picks:', labels.join(', '));
    await shot('02-insert-pick.png');
    await pick.click();
    await editor.locator('.view-line', { hasText: 'Sub OnSMTPData(oClient, oMessage)' }).first().waitFor({ timeout: 10000 });
    mark('handler inserted');
    await shot('03-inserted.png');
    // run a scenario
    await palette('hMailServer: Run scenario');
    const sc = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'A clean newsletter is accepted and tagged' }).first();
    await sc.waitFor({ timeout: 20000 });
    await sc.click();
    await page.locator('.notification-toast', { hasText: 'accepted — 250 Queued' }).first().waitFor({ timeout: 60000 });
    mark('scenario outcome notification');
    await shot('04-run.png');
    await page.locator('.notification-toast .monaco-button', { hasText: 'Show Report' }).first().click();
    await page.locator('.view-lines', { hasText: 'SMTP transcript' }).first().waitFor({ timeout: 10000 }).catch(() => console.log('output channel text not found'));
    await shot('05-output.png');
    // select version through the status bar
    await page.locator('.statusbar-item', { hasText: 'hMailServer 5.6' }).first().click();
    const v = page.locator('.quick-input-widget .monaco-list-row', { hasText: '5.7' }).first();
    await v.waitFor({ timeout: 10000 });
    await v.click();
    await page.locator('.statusbar-item', { hasText: 'hMailServer 5.7' }).first().waitFor({ timeout: 10000 });
    mark('version changed to 5.7');
    const settings = fs.readFileSync(path.join(ws, '.vscode', 'settings.json'), 'utf8');
    console.log('workspace settings:', settings.replace(/\s+/g, ' '));
    await shot('06-version.png');
    // new scenario from an .eml in the explorer, then run it from its editor
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'messages' }).first().click();
    const eml = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'spam.eml' }).first();
    await eml.waitFor({ timeout: 10000 });
    await eml.click({ button: 'right' });
    await page.locator('.context-view .action-item', { hasText: 'New scenario from .eml' }).first().hover(); await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'spam.scenario.json' }).first().waitFor({ timeout: 15000 });
    console.log('new scenario:', fs.readFileSync(path.join(ws, 'spam.scenario.json'), 'utf8').replace(/\s+/g, ' '));
    await shot('07-new-scenario.png');
    await palette('hMailServer: Run scenario');
    await page.locator('.notification-toast', { hasText: 'Scenario "spam":' }).first().waitFor({ timeout: 60000 });
    console.log('notification:', (await page.locator('.notification-toast', { hasText: 'Scenario "spam":' }).first().innerText()).replace(/\s+/g, ' '));
    await shot('08-run-new.png');
  } catch (e) {
    await shot('failure.png').catch(() => {});
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
