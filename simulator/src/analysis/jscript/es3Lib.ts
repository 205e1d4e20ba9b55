/**
 * The ES3 library of the JScript language service: TypeScript's lib.es5.d.ts without what
 * jscript.dll lacks (the `ES5_BUILTINS` table). Run at build time (buildPlugin.mjs) and
 * embedded in dist/jscriptService.js; the tests run it on the installed TypeScript's file.
 *
 * Declarations are found with TypeScript's own parser and cut out with their JSDoc, so the rest
 * of the file (and its documentation, which hovers show) stays byte for byte as TypeScript ships it.
 */
import type * as TS from 'typescript';
import { ES5_BUILTINS } from './es5Builtins';

export interface Es3LibResult {
  text: string;
  /** Table entries (`Interface.member`, `var X`, `namespace X`) not found in the input: a TypeScript update moved something. */
  missing: string[];
}

export function generateEs3Lib(ts: typeof TS, es5LibText: string): Es3LibResult {
  const wanted = new Set(ES5_BUILTINS.flatMap((b) => b.lib));
  const found = new Set<string>();
  const file = ts.createSourceFile('lib.es5.d.ts', es5LibText, ts.ScriptTarget.ES5, true);
  const cuts: Array<[number, number]> = [];
  // Cut from the end of the previous token, so the declaration's JSDoc and line go with it.
  const cut = (node: TS.Node) => cuts.push([node.getFullStart(), node.getEnd()]);
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement)) {
      const iface = statement.name.text;
      for (const member of statement.members) {
        const name = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
        const key = name !== undefined ? `${iface}.${name}` : undefined;
        if (key && wanted.has(key)) {
          found.add(key);
          cut(member);
        }
      }
    } else if (ts.isVariableStatement(statement)) {
      const names = statement.declarationList.declarations.map((d) => (ts.isIdentifier(d.name) ? d.name.text : ''));
      const key = names.length === 1 ? `var ${names[0]}` : undefined;
      if (key && wanted.has(key)) {
        found.add(key);
        cut(statement);
      }
    } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
      const key = `namespace ${statement.name.text}`;
      if (wanted.has(key)) {
        found.add(key);
        cut(statement);
      }
    }
  }
  cuts.sort((a, b) => a[0] - b[0]);
  let text = '';
  let at = 0;
  for (const [start, end] of cuts) {
    if (start < at) continue;
    text += es5LibText.slice(at, start);
    at = end;
  }
  text += es5LibText.slice(at);
  // Only the declarations the table names go: references to a removed namespace (Intl) resolve to nothing, which is harmless in a library no diagnostics are asked of.
  return { text, missing: [...wanted].filter((k) => !found.has(k)) };
}
