/**
 * The configured hMailServer version: a status bar item showing it and "Select server version".
 * The versions and their descriptions are the manifest's (`hmailserver.version` enum), read at
 * run time so they are written in one place.
 */
import * as vscode from 'vscode';
import { COMMANDS, LANGUAGES, SECTION } from './constants';

interface VersionChoice {
  version: string;
  description: string;
}

export function versionChoices(context: vscode.ExtensionContext): VersionChoice[] {
  const prop = (context.extension.packageJSON as { contributes?: { configuration?: { properties?: Record<string, { enum?: string[]; enumDescriptions?: string[] }> } } })
    .contributes?.configuration?.properties?.[`${SECTION}.version`];
  return (prop?.enum ?? []).map((version, i) => ({ version, description: prop?.enumDescriptions?.[i] ?? '' }));
}

export function configuredVersion(): string {
  return vscode.workspace.getConfiguration(SECTION).get<string>('version') ?? '5.6';
}

function isScenario(doc: vscode.TextDocument): boolean {
  return /\.scenario\.json$/i.test(doc.uri.path);
}

export function registerVersion(context: vscode.ExtensionContext): void {
  const item = vscode.window.createStatusBarItem('hmailserver.version', vscode.StatusBarAlignment.Right, 100);
  item.name = 'hMailServer Version';
  item.command = COMMANDS.selectVersion;
  const render = () => {
    const version = configuredVersion();
    const choice = versionChoices(context).find((c) => c.version === version);
    item.text = `$(mail) hMailServer ${version}`;
    item.tooltip = `${choice?.description ?? `hMailServer ${version}`}: completions and diagnostics target this version. Click to change it.`;
  };
  const updateVisibility = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && ((LANGUAGES as readonly string[]).includes(doc.languageId) || isScenario(doc))) item.show();
    else item.hide();
  };
  render();
  updateVisibility();
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(updateVisibility),
    vscode.workspace.onDidOpenTextDocument(updateVisibility),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.version`)) render();
    }),
    vscode.commands.registerCommand(COMMANDS.selectVersion, () => selectVersion(context)),
  );
}

async function selectVersion(context: vscode.ExtensionContext): Promise<void> {
  const current = configuredVersion();
  const picked = await vscode.window.showQuickPick(
    versionChoices(context).map((c) => ({
      label: c.version,
      description: c.version === current ? `${c.description} (current)` : c.description,
      picked: c.version === current,
    })),
    { title: 'hMailServer version of your server', placeHolder: `Current: ${current}` },
  );
  if (!picked || picked.label === current) return;
  const config = vscode.workspace.getConfiguration(SECTION);
  const inspect = config.inspect<string>('version');
  // A workspace keeps its own version; without a folder open it is a user setting.
  const target =
    inspect?.workspaceValue !== undefined || vscode.workspace.workspaceFolders?.length
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await config.update('version', picked.label, target);
}
