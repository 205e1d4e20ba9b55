import type { ClassDeclaration, Identifier, ProcedureDeclaration, Program, Statement } from './ast';
import type { Cursor } from './cursor';
import { CompileError } from './errors';

/**
 * Declaration checks vbscript.dll makes while compiling: a name declared twice in one scope
 * (error 1041) and more than one Default member in a class (error 1052).
 */
export function checkDeclarations(program: Program, c: Cursor): void {
  const globals = new NameScope(c);
  declareStatements(program.body, globals, c, true);
}

class NameScope {
  private readonly names = new Map<string, string>();
  constructor(private readonly c: Cursor) {}

  /** `kind` distinguishes the Property Get/Let/Set trio, which may share a name. */
  declare(name: Identifier, kind = 'variable'): void {
    if (!name.key) return;
    const previous = this.names.get(name.key);
    if (previous === undefined) {
      this.names.set(name.key, kind);
      return;
    }
    const accessors = previous.startsWith('Property') && kind.startsWith('Property') && !previous.split(',').includes(kind);
    if (accessors) this.names.set(name.key, `${previous},${kind}`);
    else this.c.report(CompileError.NameRedefined, name.start, name.end);
  }
}

function declareStatements(body: Statement[], scope: NameScope, c: Cursor, topLevel: boolean): void {
  for (const statement of body) {
    switch (statement.kind) {
      case 'Dim':
        for (const d of statement.declarations) scope.declare(d.name);
        break;
      case 'Const':
        for (const d of statement.declarations) scope.declare(d.name);
        break;
      case 'Procedure':
        if (topLevel) scope.declare(statement.name, statement.procedureKind);
        checkProcedure(statement, c);
        break;
      case 'Class':
        if (topLevel) scope.declare(statement.name, 'class');
        checkClass(statement, c);
        break;
      case 'If':
        declareStatements(statement.body, scope, c, false);
        for (const clause of statement.elseIfs) declareStatements(clause.body, scope, c, false);
        if (statement.elseBody) declareStatements(statement.elseBody, scope, c, false);
        break;
      case 'Select':
        for (const clause of statement.cases) declareStatements(clause.body, scope, c, false);
        break;
      case 'For':
      case 'ForEach':
      case 'Do':
      case 'While':
      case 'With':
        declareStatements(statement.body, scope, c, false);
        break;
    }
  }
}

function checkProcedure(procedure: ProcedureDeclaration, c: Cursor): void {
  const locals = new NameScope(c);
  for (const parameter of procedure.parameters) locals.declare(parameter.name);
  declareStatements(procedure.body, locals, c, false);
}

function checkClass(declaration: ClassDeclaration, c: Cursor): void {
  const members = new NameScope(c);
  let defaults = 0;
  for (const member of declaration.members) {
    if (member.kind === 'Procedure') {
      members.declare(member.name, member.procedureKind.startsWith('Property') ? member.procedureKind : 'method');
      checkProcedure(member, c);
      if (member.isDefault && ++defaults > 1) c.report(CompileError.MultipleDefaults, member.name.start, member.name.end);
    } else {
      for (const d of member.declarations) members.declare(d.name);
    }
  }
}
