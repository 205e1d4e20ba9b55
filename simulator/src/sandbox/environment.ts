/**
 * What the script sees of the Windows machine beyond files: environment variables, special
 * folders, the computer's name. hMailServer runs as a service under LocalSystem, and version
 * 5.6 is a 32-bit process, so the values are those of a 32-bit process of the SYSTEM account
 * on 64-bit Windows. Fixed values keep runs reproducible; a host may override them.
 */
import type { SimulationContext } from './context.js';

export const DEFAULT_ENVIRONMENT: Readonly<Record<string, string>> = Object.freeze({
  ALLUSERSPROFILE: 'C:\\ProgramData',
  APPDATA: 'C:\\Windows\\system32\\config\\systemprofile\\AppData\\Roaming',
  CommonProgramFiles: 'C:\\Program Files (x86)\\Common Files',
  'CommonProgramFiles(x86)': 'C:\\Program Files (x86)\\Common Files',
  CommonProgramW6432: 'C:\\Program Files\\Common Files',
  COMPUTERNAME: 'MAILSERVER',
  ComSpec: 'C:\\Windows\\system32\\cmd.exe',
  LOCALAPPDATA: 'C:\\Windows\\system32\\config\\systemprofile\\AppData\\Local',
  NUMBER_OF_PROCESSORS: '2',
  OS: 'Windows_NT',
  Path: 'C:\\Windows\\system32;C:\\Windows;C:\\Windows\\System32\\Wbem;C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\',
  PATHEXT: '.COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC',
  PROCESSOR_ARCHITECTURE: 'x86',
  PROCESSOR_ARCHITEW6432: 'AMD64',
  ProgramData: 'C:\\ProgramData',
  ProgramFiles: 'C:\\Program Files (x86)',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  ProgramW6432: 'C:\\Program Files',
  PUBLIC: 'C:\\Users\\Public',
  SystemDrive: 'C:',
  SystemRoot: 'C:\\Windows',
  TEMP: 'C:\\Windows\\TEMP',
  TMP: 'C:\\Windows\\TEMP',
  USERDOMAIN: 'WORKGROUP',
  USERNAME: 'MAILSERVER$',
  USERPROFILE: 'C:\\Windows\\system32\\config\\systemprofile',
  windir: 'C:\\Windows',
});

/** WshShell.SpecialFolders for the SYSTEM profile (names as WSH accepts them, compared case-insensitively). */
export const DEFAULT_SPECIAL_FOLDERS: Readonly<Record<string, string>> = Object.freeze({
  AllUsersDesktop: 'C:\\Users\\Public\\Desktop',
  AllUsersStartMenu: 'C:\\ProgramData\\Microsoft\\Windows\\Start Menu',
  AllUsersPrograms: 'C:\\ProgramData\\Microsoft\\Windows\\Start Menu\\Programs',
  AllUsersStartup: 'C:\\ProgramData\\Microsoft\\Windows\\Start Menu\\Programs\\Startup',
  Desktop: 'C:\\Windows\\system32\\config\\systemprofile\\Desktop',
  Favorites: 'C:\\Windows\\system32\\config\\systemprofile\\Favorites',
  Fonts: 'C:\\Windows\\Fonts',
  MyDocuments: 'C:\\Windows\\system32\\config\\systemprofile\\Documents',
  NetHood: 'C:\\Windows\\system32\\config\\systemprofile\\AppData\\Roaming\\Microsoft\\Windows\\Network Shortcuts',
  PrintHood: 'C:\\Windows\\system32\\config\\systemprofile\\AppData\\Roaming\\Microsoft\\Windows\\Printer Shortcuts',
  Programs: 'C:\\Windows\\system32\\config\\systemprofile\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs',
  Recent: 'C:\\Windows\\system32\\config\\systemprofile\\AppData\\Roaming\\Microsoft\\Windows\\Recent',
  SendTo: 'C:\\Windows\\system32\\config\\systemprofile\\AppData\\Roaming\\Microsoft\\Windows\\SendTo',
  StartMenu: 'C:\\Windows\\system32\\config\\systemprofile\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu',
  Startup: 'C:\\Windows\\system32\\config\\systemprofile\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup',
  Templates: 'C:\\Windows\\system32\\config\\systemprofile\\AppData\\Roaming\\Microsoft\\Windows\\Templates',
});

export interface SandboxSettings {
  /** Environment variables (names case-insensitive). */
  environment: Record<string, string>;
  specialFolders: Record<string, string>;
}

/**
 * Per-run state shared by the sandbox's objects, keyed by the context (the context's shape
 * is fixed, so sandbox-only state hangs off it here): settings, the simulated process
 * environment a script may change, counters for deterministic temp names and process ids,
 * and the files currently open (for sharing violations).
 */
export interface SandboxState {
  settings: SandboxSettings;
  /** The PROCESS environment as the script changed it (WshEnvironment writes land here). */
  processEnvironment: Map<string, { name: string; value: string }>;
  nextTempName: number;
  nextProcessId: number;
  /** Lower-case path key → open TextStreams on it (readers and writers). */
  openFiles: Map<string, Set<{ writing: boolean; held(): boolean; close(): void }>>;
  /** Whole-file texts returned by TextStream.ReadAll → the file they came from (for includes). */
  readTexts: Map<string, string>;
  /** File attributes a script set (lower-case path key → attributes). */
  attributes: Map<string, number>;
}

const states = new WeakMap<SimulationContext, SandboxState>();

export function configureSandbox(ctx: SimulationContext, settings: Partial<SandboxSettings>): SandboxState {
  const merged: SandboxSettings = {
    environment: { ...DEFAULT_ENVIRONMENT, ...settings.environment },
    specialFolders: { ...DEFAULT_SPECIAL_FOLDERS, ...settings.specialFolders },
  };
  const processEnvironment = new Map<string, { name: string; value: string }>();
  for (const [name, value] of Object.entries(merged.environment)) processEnvironment.set(name.toLowerCase(), { name, value });
  const state: SandboxState = { settings: merged, processEnvironment, nextTempName: 0, nextProcessId: 0, openFiles: new Map(), readTexts: new Map(), attributes: new Map() };
  states.set(ctx, state);
  return state;
}

export function sandboxState(ctx: SimulationContext): SandboxState {
  return states.get(ctx) ?? configureSandbox(ctx, {});
}

/** `%NAME%` → value from the simulated environment; unknown names stay as written, as on Windows. */
export function expandEnvironmentStrings(ctx: SimulationContext, text: string): string {
  const env = sandboxState(ctx).processEnvironment;
  return text.replace(/%([^%]+)%/g, (whole, name: string) => env.get(name.toLowerCase())?.value ?? whole);
}

/**
 * Closes every file a script left open. The pipeline calls it after each event: on the server
 * the script engine is torn down after a handler, which closes its files, so a handler that
 * failed before `Close` must not leave a lock that makes the next event's open fail with 70.
 */
export function releaseOpenFiles(ctx: SimulationContext): void {
  const open = sandboxState(ctx).openFiles;
  for (const streams of [...open.values()]) for (const s of [...streams]) s.close();
  open.clear();
}

/** How many whole-file texts are remembered for `sourceFileOf` (include files are few and small). */
const MAX_REMEMBERED_TEXTS = 64;

export function rememberFileText(ctx: SimulationContext, text: string, windowsPath: string): void {
  const texts = sandboxState(ctx).readTexts;
  texts.delete(text);
  texts.set(text, windowsPath);
  if (texts.size > MAX_REMEMBERED_TEXTS) texts.delete(texts.keys().next().value as string);
}

/**
 * The file a piece of code was read from with `ReadAll`, if it was read whole. Real scripts
 * include helpers with `ExecuteGlobal fso.OpenTextFile(p).ReadAll`; the pipeline's ExecuteGlobal
 * hook asks this to give the included code its own file name in errors and the debugger.
 */
export function sourceFileOf(ctx: SimulationContext, code: string): string | undefined {
  return sandboxState(ctx).readTexts.get(code);
}
