/**
 * Where breakpoints can go in a script file, known before anything runs: the lines the engine
 * compiles a statement for (so `Dim`, `Else`, `End Sub`, a lone `{`, comments and blank lines
 * are not), and where each procedure's body starts (function breakpoints, `stopOnEvent`).
 *
 * The file is compiled — not run — by the engine of its language (`.vbs` VBScript, `.js`
 * JScript), so "executable" means exactly what the engine debugger can stop at. Files are
 * decoded as hMailServer reads them (BOM rules).
 */
import { readFileSync, statSync } from 'node:fs';
import type { ProcedureDeclaration, Program } from '../index';
import { jscriptLines } from './jsSourceLines';
import { simulator } from './simulator';

export interface ProcedureEntry {
  /** "OnAcceptMessage", "SpamScorer.AddText". */
  name: string;
  /** 1-based line of the body's first statement; undefined for an empty body. */
  firstLine: number | undefined;
}

export class ScriptLines {
  private constructor(
    /** Sorted, 1-based. */
    readonly executable: number[],
    readonly procedures: ProcedureEntry[],
    /** JScript names are case-sensitive; VBScript's are not. */
    private readonly caseSensitive = false,
  ) {}

  static fromSource(source: string, fileName: string): ScriptLines {
    if (simulator().languageOfPath(fileName) === 'jscript') {
      const js = jscriptLines(source, fileName);
      return new ScriptLines(js.executable, js.procedures, true);
    }
    const { compileUnit, newSourceUnit, parse, ScriptEngine } = simulator();
    const parsed = parse(source, fileName);
    let lines: number[] = [];
    try {
      const engine = new ScriptEngine({ lazyProcedures: false });
      const unit = newSourceUnit(1, fileName, parsed.lines);
      compileUnit(engine.services.host, parsed.ast, unit);
      lines = [...new Set(unit.statements.map((s) => s.line + 1))].sort((a, b) => a - b);
    } catch {
      // A file the engine refuses to compile never runs: no line can be hit.
    }
    const procedures = proceduresOf(parsed.ast).map(({ name, node }) => {
      const from = parsed.lines.positionAt(node.start).line + 1;
      const to = parsed.lines.positionAt(node.endStart).line + 1;
      return { name, firstLine: lines.find((l) => l > from && l <= to) ?? lines.find((l) => l === from && from === to) };
    });
    return new ScriptLines(lines, procedures);
  }

  /** The line a breakpoint at `line` binds to: that line or the next one holding a statement. */
  resolve(line: number): number | undefined {
    return this.executable.find((l) => l >= line);
  }

  /**
   * A procedure by name (`Foo`, or `Class.Member`), case-insensitive in VBScript; in JScript
   * case-sensitive (`Foo`, `Foo.prototype.bar`, `Foo.bar` or `bar` for a method).
   */
  procedure(name: string): ProcedureEntry | undefined {
    const norm = (n: string) => (this.caseSensitive ? n : n.toLowerCase());
    const key = norm(name.trim());
    const names = this.procedures.map((p) => ({ p, name: norm(p.name), short: norm(p.name.replace('.prototype.', '.')) }));
    return (names.find((n) => n.name === key) ?? names.find((n) => n.short === key) ?? names.find((n) => n.name.endsWith(`.${key}`)))?.p;
  }
}

function proceduresOf(program: Program): Array<{ name: string; node: ProcedureDeclaration }> {
  const out: Array<{ name: string; node: ProcedureDeclaration }> = [];
  for (const s of program.body) {
    if (s.kind === 'Procedure') out.push({ name: s.name.name, node: s });
    if (s.kind === 'Class') for (const m of s.members) if (m.kind === 'Procedure') out.push({ name: `${s.name.name}.${m.name.name}`, node: m });
  }
  return out;
}

const cache = new Map<string, { mtimeMs: number; size: number; lines: ScriptLines }>();

/** The lines of a file on disk (cached while it is unchanged); undefined when it cannot be read. */
export function scriptLinesOf(file: string): ScriptLines | undefined {
  try {
    const stat = statSync(file);
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.lines;
    const lines = ScriptLines.fromSource(simulator().decodeScript(readFileSync(file)).source, file);
    cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, lines });
    return lines;
  } catch {
    return undefined;
  }
}
