/**
 * Include files: real handlers pull helpers in with `ExecuteGlobal fso.OpenTextFile(path).ReadAll`
 * (usually wrapped in an `Include "C:\…\lib.vbs"` Sub). The analysis finds the paths, the host reads
 * the files (through the same Windows-path mappings as the simulator), and the files' script-level
 * declarations join the global scope.
 */
import type { Identifier, Statement } from '../syntax/ast';
import type { Range } from '../syntax/lineIndex';
import { parse } from '../syntax/parser';
import type { NodeIndex } from './nodeIndex';
import type { SymbolKind } from './symbols';

export interface IncludeReference {
  /** The path as written in the script. */
  path: string;
  start: number;
  end: number;
}

/** A script-level declaration of an include file. */
export interface IncludedSymbol {
  uri: string;
  name: Identifier;
  kind: SymbolKind;
  /** Where it is declared, in the include file. */
  range: Range;
}

const SCRIPT_FILE = /\.(vbs|vbe|txt|inc|asp)$/i;

/**
 * String literals naming script files, in a program that calls ExecuteGlobal (or Execute)
 * somewhere: the arguments of `Include "lib.vbs"` or of `fso.OpenTextFile("lib.vbs")`.
 */
export function findIncludeReferences(source: string, nodes: NodeIndex): IncludeReference[] {
  // Most scripts include nothing: a text search settles that before looking at any node.
  if (!/\bexecute/i.test(source) || !nodes.names.some((n) => n.node.key === 'executeglobal' || n.node.key === 'execute')) return [];
  const out: IncludeReference[] = [];
  for (const { node } of nodes.calls) {
    for (const a of node.args) {
      if (a.kind === 'StringLiteral' && SCRIPT_FILE.test(a.value.trim())) out.push({ path: a.value.trim(), start: a.start, end: a.end });
    }
  }
  return out;
}

/**
 * Maps a Windows path from the script to a local one: the longest matching prefix of `mappings`
 * (keys compared case-insensitively, `\` and `/` alike) wins. Relative paths resolve against
 * `baseDir` (hMailServer's working directory is unknown, so this is a best effort).
 */
export function mapIncludePath(path: string, mappings: Readonly<Record<string, string>>, baseDir: string | undefined): string | undefined {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '').toLowerCase();
  const target = path.replace(/\\/g, '/');
  let best: { from: string; to: string } | undefined;
  for (const [from, to] of Object.entries(mappings)) {
    const f = norm(from);
    const t = target.toLowerCase();
    if ((t === f || t.startsWith(f + '/')) && (!best || f.length > best.from.length)) best = { from: f, to };
  }
  if (best) return best.to.replace(/[\\/]+$/, '') + target.slice(best.from.length);
  if (/^[a-z]:\//i.test(target) || target.startsWith('//')) return undefined;
  if (target.startsWith('/')) return target;
  return baseDir ? `${baseDir.replace(/[\\/]+$/, '')}/${target}` : undefined;
}

/** The script-level declarations of an include file's text. */
export function includeSymbols(uri: string, text: string): IncludedSymbol[] {
  const result = parse(text, uri);
  const out: IncludedSymbol[] = [];
  const add = (name: Identifier, kind: SymbolKind) => out.push({ uri, name, kind, range: result.lines.rangeOf(name) });
  const visit = (body: readonly Statement[]): void => {
    for (const st of body) {
      switch (st.kind) {
        case 'Dim':
          for (const d of st.declarations) add(d.name, 'variable');
          break;
        case 'Const':
          for (const d of st.declarations) add(d.name, 'constant');
          break;
        case 'Procedure':
          add(st.name, st.procedureKind === 'Sub' ? 'sub' : st.procedureKind === 'Function' ? 'function' : 'property');
          break;
        case 'Class':
          add(st.name, 'class');
          break;
        case 'If':
          visit(st.body);
          for (const e of st.elseIfs) visit(e.body);
          if (st.elseBody) visit(st.elseBody);
          break;
        default:
          break;
      }
    }
  };
  visit(result.ast.body);
  return out;
}
