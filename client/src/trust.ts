/** Running and debugging execute the user's scripts: both need a trusted workspace. */
import * as vscode from 'vscode';

export async function requireTrust(action: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const manage = 'Manage Workspace Trust';
  const choice = await vscode.window.showWarningMessage(
    `${action} runs your event handlers in the simulator, which Restricted Mode does not allow. Trust this workspace to do it.`,
    manage,
  );
  if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}
