/**
 * The functions of a JScript program by the names a user knows them by: `function Foo`,
 * `var Foo = function`, `Foo.prototype.bar = function`, `Foo.bar = function` (function
 * breakpoints, and the call stack's name for a function expression).
 */
export interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export interface NamedFunction {
  name: string;
  node: Node;
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as Node).type === 'string' && typeof (v as Node).start === 'number';
}

function isFunction(n: unknown): boolean {
  return isNode(n) && (n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration');
}

/** `a.b.c` as written, for a chain of identifiers and non-computed members; undefined otherwise. */
function chainName(n: Node): string | undefined {
  if (n.type === 'Identifier') return n.name as string;
  if (n.type === 'MemberExpression' && !n.computed && isNode(n.object) && isNode(n.property)) {
    const object = chainName(n.object);
    return object === undefined ? undefined : `${object}.${n.property.name as string}`;
  }
  return undefined;
}

/** Every function in the program with a name to find it by; all functions' ranges. */
export function functionsOf(program: Node): { named: NamedFunction[]; all: Node[] } {
  const named: NamedFunction[] = [];
  const all: Node[] = [];
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) {
      n.forEach(visit);
      return;
    }
    if (!isNode(n)) return;
    if (isFunction(n)) {
      all.push(n);
      if (n.type === 'FunctionDeclaration' && isNode(n.id)) named.push({ name: n.id.name as string, node: n });
    } else if (n.type === 'VariableDeclarator' && isNode(n.id) && isFunction(n.init)) {
      named.push({ name: n.id.name as string, node: n.init as Node });
    } else if (n.type === 'AssignmentExpression' && isNode(n.left) && isFunction(n.right)) {
      const name = chainName(n.left);
      if (name !== undefined) named.push({ name, node: n.right as Node });
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && typeof value === 'object') visit(value);
  };
  visit(program);
  return { named, all };
}

/** Names of function expressions by their start offset (what the engine calls "anonymous function"). */
export function expressionNames(program: Node): Map<number, string> {
  const out = new Map<number, string>();
  for (const { name, node } of functionsOf(program).named) if (node.type === 'FunctionExpression') out.set(node.start, name);
  return out;
}
