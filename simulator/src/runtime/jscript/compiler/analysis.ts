/**
 * What a function body declares and needs, found before it is compiled: `var` names and
 * function declarations (hoisted to the function, wherever they appear — JScript hoists
 * declarations inside blocks too, the last one winning), the names of named function
 * expressions (jscript.dll's well-known quirk: `var f = function g() {}` also declares `g`
 * in the enclosing scope, as a separate function object), and whether the body uses
 * `arguments`, calls `eval` directly or contains `with`.
 */
import type * as estree from 'acorn';

export interface FunctionAnalysis {
  readonly vars: readonly string[];
  /** In source order; a later declaration of a name replaces an earlier one. */
  readonly functions: readonly estree.Function[];
  readonly usesArguments: boolean;
  readonly callsEval: boolean;
  readonly hasWith: boolean;
}

type AnyNode = estree.Node & Record<string, unknown>;

/**
 * Analyses by body (the parse of a file is shared by every engine that runs it: hMailServer
 * runs the whole file in a new engine per event). The result depends on the tree alone.
 */
const analyses = new WeakMap<readonly estree.Node[], FunctionAnalysis>();

export function analyzeBody(body: readonly estree.Node[]): FunctionAnalysis {
  let result = analyses.get(body);
  if (result === undefined) {
    result = analyze(body);
    analyses.set(body, result);
  }
  return result;
}

function analyze(body: readonly estree.Node[]): FunctionAnalysis {
  const result = { vars: [] as string[], functions: [] as estree.Function[], usesArguments: false, callsEval: false, hasWith: false };
  const seenVars = new Set<string>();
  const visit = (node: AnyNode): void => {
    switch (node.type) {
      case 'FunctionDeclaration':
        result.functions.push(node as unknown as estree.Function);
        return;
      case 'FunctionExpression': {
        const fn = node as unknown as estree.FunctionExpression;
        if (fn.id) result.functions.push(fn);
        return;
      }
      case 'VariableDeclarator': {
        const id = (node as unknown as estree.VariableDeclarator).id;
        if (id.type === 'Identifier' && !seenVars.has(id.name)) {
          seenVars.add(id.name);
          result.vars.push(id.name);
        }
        break;
      }
      case 'Identifier':
        if ((node as unknown as estree.Identifier).name === 'arguments') result.usesArguments = true;
        return;
      case 'CallExpression': {
        const callee = (node as unknown as estree.CallExpression).callee;
        if (callee.type === 'Identifier' && callee.name === 'eval') result.callsEval = true;
        break;
      }
      case 'WithStatement':
        result.hasWith = true;
        break;
      case 'MemberExpression': {
        const m = node as unknown as estree.MemberExpression;
        visit(m.object as AnyNode);
        if (m.computed) visit(m.property as AnyNode);
        return;
      }
      case 'Property': {
        const p = node as unknown as estree.Property;
        visit(p.value as AnyNode);
        return;
      }
      case 'LabeledStatement':
        visit((node as unknown as estree.LabeledStatement).body as AnyNode);
        return;
      case 'BreakStatement':
      case 'ContinueStatement':
        return;
    }
    for (const key in node) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'type') continue;
      const child = node[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === 'object' && typeof (c as AnyNode).type === 'string') visit(c as AnyNode);
      } else if (child && typeof child === 'object' && typeof (child as AnyNode).type === 'string') {
        visit(child as AnyNode);
      }
    }
  };
  for (const n of body) visit(n as AnyNode);
  return result;
}
