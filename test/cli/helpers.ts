/** Spawning the built CLI (`node scripts/build.mjs` first) in a scratch folder. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const cli = path.join(root, 'dist', 'cli.js');

/** Runs the CLI in `cwd`; default output folders go below `<cwd>/tmp` (a scratch folder), or `tmp` when given. */
export function hmailsim(cwd: string, ...args: string[]): SpawnSyncReturns<string> {
  return hmailsimWith({ cwd }, ...args);
}

export function hmailsimWith(options: { cwd: string; tmp?: string }, ...args: string[]): SpawnSyncReturns<string> {
  const tmp = options.tmp ?? path.join(options.cwd, 'tmp');
  return spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp } });
}

/** A scratch folder with `files` written into it (objects are written as JSON). */
export function scratch(files: Record<string, string | object>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hmailsim-cli-'));
  mkdirSync(path.join(dir, 'tmp'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

export const MESSAGE = 'From: Alice <alice@sender.test>\r\nTo: bob@example.com\r\nSubject: Cheap pills\r\nDate: Tue, 24 Nov 2026 09:59:58 +0100\r\n\r\nbuy now\r\n';

export const SCRIPT = [
  'Sub OnAcceptMessage(oClient, oMessage)',
  '  If InStr(oMessage.Subject, "pills") > 0 Then',
  '    Result.Value = 2',
  '    Result.Message = "Spam, go away"',
  '    EventLog.Write "rejected " & oClient.IPAddress',
  '  Else',
  '    oMessage.HeaderValue("X-Checked") = "yes"',
  '    oMessage.Save',
  '  End If',
  'End Sub',
  '',
].join('\r\n');

/** A scenario around SCRIPT and MESSAGE. */
export const scenario = (extra: object = {}) => ({
  name: 'pills',
  script: 'EventHandlers.vbs',
  server: { domains: [{ name: 'example.com', accounts: [{ address: 'bob@example.com', password: 'secret' }] }] },
  session: { mailFrom: 'alice@sender.test', rcptTo: ['bob@example.com'], message: 'm.eml' },
  ...extra,
});

/** No stack trace: no "    at fn (file:line)" lines, no "internal error". */
export const STACK = /^\s+at .+:\d+/m;
