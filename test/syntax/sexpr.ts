import type { Argument, Node, Statement } from '../../simulator/src/syntax/ast';

/**
 * Prints a syntax tree as a compact S-expression, so tests can state the expected tree in one line:
 * `Foo (x) * y, z` → `(Foo (* (paren x) y) z)`.
 */
export function sexpr(node: Node | Argument | null): string {
  if (node === null) return '_';
  switch (node.kind) {
    case 'Program':
      return node.body.map(sexpr).join('\n');
    case 'Identifier':
      return node.bracketed ? `[${node.name}]` : node.name;
    case 'NumberLiteral':
      return node.raw;
    case 'StringLiteral':
      return JSON.stringify(node.value);
    case 'DateLiteral':
      return `#${node.text}#`;
    case 'BooleanLiteral':
      return node.value ? 'True' : 'False';
    case 'NothingLiteral':
      return 'Nothing';
    case 'EmptyLiteral':
      return 'Empty';
    case 'NullLiteral':
      return 'Null';
    case 'Me':
      return 'Me';
    case 'Missing':
      return '_missing';
    case 'Unary':
      return `(${node.operator === 'Not' ? 'Not' : node.operator === '-' ? 'neg' : 'pos'} ${sexpr(node.operand)})`;
    case 'Binary':
      return `(${node.operator} ${sexpr(node.left)} ${sexpr(node.right)})`;
    case 'Paren':
      return `(paren ${sexpr(node.expression)})`;
    case 'Member':
      return `(. ${sexpr(node.object)} ${node.name.name})`;
    case 'Call':
      return `(call ${[node.callee, ...node.args].map(sexpr).join(' ')})`;
    case 'New':
      return `(new ${node.className.name})`;
    case 'OptionExplicit':
      return '(option-explicit)';
    case 'VariableDeclarator':
      if (node.bounds === null) return sexpr(node.name);
      return node.bounds.length === 0 ? `${sexpr(node.name)}()` : `(${[sexpr(node.name), ...node.bounds.map(sexpr)].join(' ')})`;
    case 'Dim':
      return `(${(node.visibility ?? 'Dim').toLowerCase()} ${node.declarations.map(sexpr).join(' ')})`;
    case 'ReDimClause':
      return `(${[node.name.name, ...node.bounds.map(sexpr)].join(' ')})`;
    case 'ReDim':
      return `(redim${node.preserve ? ' preserve' : ''} ${node.clauses.map(sexpr).join(' ')})`;
    case 'ConstDeclarator':
      return `(${node.name.name} ${sexpr(node.value)})`;
    case 'Const':
      return `(${node.visibility ? node.visibility.toLowerCase() + '-' : ''}const ${node.declarations.map(sexpr).join(' ')})`;
    case 'Erase':
      return `(erase ${node.targets.map(sexpr).join(' ')})`;
    case 'Assignment':
      return `(${node.isSet ? 'set' : '='} ${sexpr(node.target)} ${sexpr(node.value)})`;
    case 'CallStatement':
      return `(${node.explicit ? 'Call ' : ''}${[node.callee, ...node.args].map(sexpr).join(' ')})`;
    case 'If': {
      const parts = [`(then${block(node.body)})`, ...node.elseIfs.map(sexpr)];
      if (node.elseBody) parts.push(`(else${block(node.elseBody)})`);
      return `(${node.singleLine ? 'if1' : 'if'} ${sexpr(node.test)} ${parts.join(' ')})`;
    }
    case 'ElseIf':
      return `(elseif ${sexpr(node.test)}${block(node.body)})`;
    case 'Select':
      return `(select ${sexpr(node.discriminant)} ${node.cases.map(sexpr).join(' ')})`;
    case 'Case':
      return node.isElse ? `(case-else${block(node.body)})` : `(case (${node.tests.map(sexpr).join(' ')})${block(node.body)})`;
    case 'For':
      return `(for ${node.variable.name} ${sexpr(node.from)} ${sexpr(node.to)}${node.step ? ' step ' + sexpr(node.step) : ''}${block(node.body)})`;
    case 'ForEach':
      return `(foreach ${node.variable.name} ${sexpr(node.collection)}${block(node.body)})`;
    case 'Do':
      return node.condition
        ? `(do-${node.conditionKind?.toLowerCase()}-${node.conditionPosition} ${sexpr(node.condition)}${block(node.body)})`
        : `(do${block(node.body)})`;
    case 'While':
      return `(while ${sexpr(node.test)}${block(node.body)})`;
    case 'Exit':
      return `(exit ${node.target})`;
    case 'With':
      return `(with ${sexpr(node.object)}${block(node.body)})`;
    case 'OnError':
      return `(on-error ${node.mode})`;
    case 'Stop':
      return '(stop)';
    case 'Parameter':
      return `${node.byVal ? 'ByVal ' : ''}${node.name.name}${node.isArray ? '()' : ''}`;
    case 'Procedure': {
      const head = [node.visibility, node.isDefault ? 'Default' : undefined, node.procedureKind].filter(Boolean).join(' ');
      return `(${head} ${node.name.name} (${node.parameters.map(sexpr).join(', ')})${block(node.body)})`;
    }
    case 'Class':
      return `(class ${node.name.name}${block(node.members)})`;
  }
}

function block(statements: readonly Statement[]): string {
  return statements.map((s) => ' ' + sexpr(s)).join('');
}
