/**
 * `sourceLines.ts` for JScript files: the lines the JScript engine compiles a statement for
 * (compiled, not run, by the engine itself: a `{` line, a function declaration's own line, an
 * empty statement are none), and where each function's body starts, by name as written:
 * `function Foo`, `var Foo = function`, `Foo.prototype.bar = function`, `Foo.bar = function`.
 */
import { functionsOf, type Node } from './jsFunctions';
import type { ProcedureEntry } from './sourceLines';
import { simulator } from './simulator';

export function jscriptLines(source: string, fileName: string): { executable: number[]; procedures: ProcedureEntry[] } {
  const { JScriptEngine, parseJScript } = simulator();
  const parsed = parseJScript(source, fileName);
  // A file the engine refuses to compile never runs: no line can be hit.
  if (parsed.program === null || parsed.diagnostics.some((d) => d.severity === 1)) return { executable: [], procedures: [] };
  let statements: ReadonlyArray<{ start: number; line: number }>;
  try {
    statements = new JScriptEngine({ lazyProcedures: false }).compileOnly(parsed, fileName);
  } catch {
    return { executable: [], procedures: [] };
  }
  const executable = [...new Set(statements.map((s) => s.line + 1))].sort((a, b) => a - b);
  const byStart = [...statements].sort((a, b) => a.start - b.start);
  const { named, all } = functionsOf(parsed.program as unknown as Node);
  const procedures = named.map(({ name, node }) => {
    const body = node.body as Node;
    // The body's first statement that is its own (not one of a function nested in it).
    const nested = all.filter((f) => f !== node && f.start > body.start && f.end <= body.end);
    const first = byStart.find((s) => s.start > body.start && s.start < body.end && !nested.some((f) => s.start >= f.start && s.start < f.end));
    return { name, firstLine: first === undefined ? undefined : first.line + 1 };
  });
  return { executable, procedures };
}
