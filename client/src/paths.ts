/**
 * Settings that name local paths, made absolute before the language server sees them: the server
 * runs with its own working directory and knows nothing of `${workspaceFolder}`. No vscode import,
 * so the tests load it directly.
 */
import path from 'node:path';

type Section = Record<string, unknown>;

const isRecord = (v: unknown): v is Section => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Expands `${workspaceFolder}`, `${workspaceFolderBasename}` and `${userHome}`. */
export function expandVariables(value: string, workspaceFolder: string | undefined, home: string): string {
  return value.replace(/\$\{(workspaceFolder|workspaceFolderBasename|userHome)\}/g, (all, name: string) => {
    if (name === 'userHome') return home;
    if (!workspaceFolder) return all;
    return name === 'workspaceFolder' ? workspaceFolder : path.basename(workspaceFolder);
  });
}

/**
 * The `hmailserver` section with variables expanded in `includeFiles` and `pathMappings`, and
 * relative mapping targets resolved against the workspace folder. Include files stay relative
 * when written so: the server resolves them against the script's folder, as the simulator does.
 */
export function resolveSectionPaths(section: unknown, workspaceFolder: string | undefined, home: string): unknown {
  if (!isRecord(section)) return section;
  const out: Section = { ...section };
  if (Array.isArray(section.includeFiles)) {
    out.includeFiles = section.includeFiles.map((f) => (typeof f === 'string' ? expandVariables(f, workspaceFolder, home) : f));
  }
  if (isRecord(section.pathMappings)) {
    out.pathMappings = Object.fromEntries(
      Object.entries(section.pathMappings).map(([from, to]) => {
        if (typeof to !== 'string') return [from, to];
        const expanded = expandVariables(to, workspaceFolder, home);
        return [from, workspaceFolder && !path.isAbsolute(expanded) ? path.resolve(workspaceFolder, expanded) : expanded];
      }),
    );
  }
  return out;
}
