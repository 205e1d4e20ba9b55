/**
 * `hmailserver.associateAllVbs`: every `.vbs` opens as hMailServer VBScript. A static contribution
 * cannot claim an extension VS Code's own `vb` language claims, so this edits `files.associations`
 * at the level (workspace or user) where the setting is made, and removes only what it added.
 */
import * as vscode from 'vscode';
import { SECTION, VBSCRIPT } from './constants';

const PATTERN = '*.vbs';

type Associations = Record<string, string>;

async function setAssociation(target: vscode.ConfigurationTarget, on: boolean): Promise<void> {
  const files = vscode.workspace.getConfiguration('files');
  const inspected = files.inspect<Associations>('associations');
  const current = (target === vscode.ConfigurationTarget.Global ? inspected?.globalValue : inspected?.workspaceValue) ?? {};
  if (on === (current[PATTERN] === VBSCRIPT)) return;
  if (!on && current[PATTERN] !== undefined && current[PATTERN] !== VBSCRIPT) return; // someone else's association
  const next: Associations = { ...current };
  if (on) next[PATTERN] = VBSCRIPT;
  else delete next[PATTERN];
  await files.update('associations', Object.keys(next).length > 0 ? next : undefined, target);
}

export async function applyAssociateAllVbs(): Promise<void> {
  const inspect = vscode.workspace.getConfiguration(SECTION).inspect<boolean>('associateAllVbs');
  const hasWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const workspaceValue = inspect?.workspaceFolderValue ?? inspect?.workspaceValue;
  try {
    if (hasWorkspace && workspaceValue !== undefined) {
      await setAssociation(vscode.ConfigurationTarget.Workspace, workspaceValue);
    } else if (hasWorkspace) {
      await setAssociation(vscode.ConfigurationTarget.Workspace, false);
    }
    await setAssociation(vscode.ConfigurationTarget.Global, inspect?.globalValue === true);
  } catch (e) {
    void vscode.window.showWarningMessage(`hMailServer: could not update files.associations: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function registerAssociations(context: vscode.ExtensionContext): void {
  void applyAssociateAllVbs();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.associateAllVbs`)) void applyAssociateAllVbs();
    }),
  );
}
