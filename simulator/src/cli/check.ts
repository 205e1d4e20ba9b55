import { readFileSync } from 'node:fs';
import { languageOfPath, parse, parseJScript, type JsParseResult, type ParseResult, type Statement } from '../index';

/** `hmailsim check <file…>`: the outline of each script and its compile errors, as the server would report them. */
export function checkCommand(files: string[], out: (line: string) => void): number {
  let errors = 0;
  for (const file of files) {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (e) {
      out(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      return 2;
    }
    // The server picks the language by file: EventHandlers.js is JScript.
    const jscript = languageOfPath(file) === 'jscript';
    const result = jscript ? parseJScript(source, file) : parse(source, file);
    out(`${file}`);
    for (const line of jscript ? jscriptOutline(result as JsParseResult) : outline(result as ParseResult)) out(`  ${line}`);
    for (const d of result.diagnostics) {
      out(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: error ${d.code}: ${d.message}`);
    }
    out(result.diagnostics.length === 0 ? '  no compile errors' : `  ${result.diagnostics.length} compile error(s)`);
    errors += result.diagnostics.length;
  }
  return errors > 0 ? 1 : 0;
}

function outline(result: ParseResult): string[] {
  const lineOf = (offset: number): number => result.lines.lineAt(offset) + 1;
  const lines: string[] = [];
  const describe = (s: Statement, indent: string): void => {
    switch (s.kind) {
      case 'OptionExplicit':
        lines.push(`${indent}Option Explicit`);
        break;
      case 'Const':
        for (const d of s.declarations) lines.push(`${indent}Const ${d.name.name}  (line ${lineOf(d.start)})`);
        break;
      case 'Dim':
        for (const d of s.declarations) lines.push(`${indent}${s.visibility ?? 'Dim'} ${d.name.name}${d.bounds ? '()' : ''}  (line ${lineOf(d.start)})`);
        break;
      case 'Procedure': {
        const kind = s.procedureKind.replace('Property', 'Property ');
        const params = s.parameters.map((p) => (p.byVal ? 'ByVal ' : '') + p.name.name).join(', ');
        lines.push(`${indent}${kind} ${s.name.name}(${params})  (lines ${lineOf(s.start)}-${lineOf(s.end)})`);
        break;
      }
      case 'Class':
        lines.push(`${indent}Class ${s.name.name}  (lines ${lineOf(s.start)}-${lineOf(s.end)})`);
        for (const member of s.members) describe(member, indent + '  ');
        break;
    }
  };
  for (const s of result.ast.body) describe(s, '');
  return lines;
}

/** Top-level functions and variables of a JScript file (the handlers are its functions). */
function jscriptOutline(result: JsParseResult): string[] {
  const lineOf = (offset: number): number => result.lines.lineAt(offset) + 1;
  const lines: string[] = [];
  for (const s of result.program?.body ?? []) {
    if (s.type === 'FunctionDeclaration') {
      const params = s.params.map((p) => (p.type === 'Identifier' ? p.name : '?')).join(', ');
      lines.push(`function ${s.id?.name ?? ''}(${params})  (lines ${lineOf(s.start)}-${lineOf(s.end)})`);
    } else if (s.type === 'VariableDeclaration') {
      for (const d of s.declarations) if (d.id.type === 'Identifier') lines.push(`var ${d.id.name}  (line ${lineOf(d.start)})`);
    }
  }
  return lines;
}
