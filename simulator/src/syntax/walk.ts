import type { Node } from './ast';

/**
 * The child nodes of each node kind, as property names, in source order.
 * One table instead of a traversal per consumer.
 */
const childKeys: { [K in Node['kind']]: readonly string[] } = {
  Program: ['body'],
  Identifier: [],
  NumberLiteral: [],
  StringLiteral: [],
  DateLiteral: [],
  BooleanLiteral: [],
  NothingLiteral: [],
  EmptyLiteral: [],
  NullLiteral: [],
  Me: [],
  Missing: [],
  Unary: ['operand'],
  Binary: ['left', 'right'],
  Paren: ['expression'],
  Member: ['object', 'name'],
  Call: ['callee', 'args'],
  New: ['className'],
  OptionExplicit: [],
  VariableDeclarator: ['name', 'bounds'],
  Dim: ['declarations'],
  ReDimClause: ['name', 'bounds'],
  ReDim: ['clauses'],
  ConstDeclarator: ['name', 'value'],
  Const: ['declarations'],
  Erase: ['targets'],
  Assignment: ['target', 'value'],
  CallStatement: ['callee', 'args'],
  ElseIf: ['test', 'body'],
  If: ['test', 'body', 'elseIfs', 'elseBody'],
  Case: ['tests', 'body'],
  Select: ['discriminant', 'cases'],
  For: ['variable', 'from', 'to', 'step', 'body'],
  ForEach: ['variable', 'collection', 'body'],
  Do: ['condition', 'body'],
  While: ['test', 'body'],
  Exit: [],
  With: ['object', 'body'],
  OnError: [],
  Stop: [],
  Parameter: ['name'],
  Procedure: ['name', 'parameters', 'body'],
  Class: ['name', 'members'],
};

/** The direct children of `node`, in source order. */
export function childrenOf(node: Node): Node[] {
  const out: Node[] = [];
  const record = node as unknown as Record<string, unknown>;
  for (const key of childKeys[node.kind]) {
    const value = record[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item) out.push(item as Node);
    } else if (value) {
      out.push(value as Node);
    }
  }
  return out;
}

export interface Visitor {
  /** Called before the children; return `false` to skip them. */
  enter?(node: Node, parent: Node | null): void | boolean;
  /** Called after the children. */
  leave?(node: Node, parent: Node | null): void;
}

/** Depth-first walk over `root` and everything below it. */
export function walk(root: Node, visitor: Visitor): void {
  const visit = (node: Node, parent: Node | null): void => {
    if (visitor.enter?.(node, parent) === false) return;
    for (const child of childrenOf(node)) visit(child, node);
    visitor.leave?.(node, parent);
  };
  visit(root, null);
}

/** The innermost nodes containing `offset`, outermost first (end-inclusive, so a cursor right after a name finds it). */
export function nodePathAt(root: Node, offset: number): Node[] {
  const path: Node[] = [];
  let current: Node | undefined = root;
  while (current) {
    path.push(current);
    current = childrenOf(current).find((c) => c.start <= offset && offset <= c.end);
  }
  return path;
}
