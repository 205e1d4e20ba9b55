import type {
  ClassDeclaration,
  ClassMember,
  ConstDeclarator,
  ConstStatement,
  DimStatement,
  EraseStatement,
  Expression,
  Identifier,
  Parameter,
  ProcedureDeclaration,
  ProcedureKind,
  ReDimClause,
  ReDimStatement,
  Visibility,
} from './ast';
import type { BlockKind, Closer } from './blocks';
import { closerAt } from './blocks';
import type { Cursor } from './cursor';
import { CompileError } from './errors';
import { parseExpression, parseName } from './expressions';
import { TokenType } from './lexer';
import type { StatementParser } from './statements';

/** `Dim a, b(3), c()` and the `Public`/`Private` variable forms. The keyword is already consumed. */
export function parseDim(p: StatementParser, start: number, visibility?: Visibility): DimStatement {
  const c = p.c;
  const declarations = [];
  do {
    const name = parseName(c);
    let bounds: Expression[] | null = null;
    let end = name.end;
    if (c.isPunct('(')) {
      c.advance();
      bounds = [];
      if (!c.isPunct(')')) {
        do {
          bounds.push(parseConstantBound(c));
        } while (c.eatPunct(','));
      }
      end = c.expectPunct(')', CompileError.ExpectedRParen).end;
    }
    declarations.push({ kind: 'VariableDeclarator' as const, name, bounds, start: name.start, end });
  } while (c.eatPunct(','));
  const end = declarations[declarations.length - 1].end;
  return { kind: 'Dim', ...(visibility ? { visibility } : {}), declarations, start, end };
}

/** `Dim` takes only integer constants as bounds (`ReDim` takes any expression). */
function parseConstantBound(c: Cursor): Expression {
  const token = c.token;
  if (token.type === TokenType.Number && token.numberKind !== 'Double') {
    c.advance();
    return { kind: 'NumberLiteral', value: token.numberValue ?? 0, numberKind: token.numberKind ?? 'Integer', raw: token.text, start: token.start, end: token.end };
  }
  // Keep the declaration (its name matters to the editor) and report the bound.
  const bound = parseExpression(c);
  c.report(CompileError.ExpectedIntegerConstant, bound.start, bound.end);
  return bound;
}

/** `Const a = 1, b = "x"`. The keyword (and any visibility) starts at `start`; `Const` itself is consumed here if present. */
export function parseConst(p: StatementParser, start: number, visibility?: Visibility): ConstStatement {
  const c = p.c;
  c.eatKeyword('const');
  const declarations: ConstDeclarator[] = [];
  do {
    const name = parseName(c);
    c.expectPunct('=', CompileError.ExpectedEquals);
    const value = parseConstantValue(c);
    declarations.push({ kind: 'ConstDeclarator', name, value, start: name.start, end: value.end });
  } while (c.eatPunct(','));
  return { kind: 'Const', ...(visibility ? { visibility } : {}), declarations, start, end: declarations[declarations.length - 1].end };
}

const LITERAL_KINDS = new Set(['NumberLiteral', 'StringLiteral', 'DateLiteral', 'BooleanLiteral', 'NothingLiteral', 'EmptyLiteral', 'NullLiteral']);

/** A Const value must be a literal, optionally signed (and optionally in parentheses). */
function parseConstantValue(c: Cursor): Expression {
  const start = c.token;
  const value = parseExpression(c);
  let inner = value;
  while (inner.kind === 'Paren') inner = inner.expression;
  while (inner.kind === 'Unary' && inner.operator !== 'Not') inner = inner.operand;
  if (!LITERAL_KINDS.has(inner.kind)) c.report(CompileError.ExpectedLiteral, start.start, value.end);
  return value;
}

export function parseReDim(p: StatementParser): ReDimStatement {
  const c = p.c;
  const keyword = c.advance();
  const preserve = c.eatKeyword('preserve') !== undefined;
  const clauses: ReDimClause[] = [];
  do {
    const name = parseName(c);
    c.expectPunct('(', CompileError.ExpectedLParen);
    const bounds = [parseExpression(c)];
    while (c.eatPunct(',')) bounds.push(parseExpression(c));
    const close = c.expectPunct(')', CompileError.ExpectedRParen);
    clauses.push({ kind: 'ReDimClause', name, bounds, start: name.start, end: close.end });
  } while (c.eatPunct(','));
  return { kind: 'ReDim', preserve, clauses, start: keyword.start, end: clauses[clauses.length - 1].end };
}

export function parseErase(p: StatementParser): EraseStatement {
  const c = p.c;
  const keyword = c.advance();
  const targets: Identifier[] = [parseName(c)];
  while (c.eatPunct(',')) targets.push(parseName(c));
  return { kind: 'Erase', targets, start: keyword.start, end: targets[targets.length - 1].end };
}

/** True at `Sub`, `Function`, `Property Get|Let|Set`, optionally after `Public [Default]` or `Private`. */
export function startsProcedure(c: Cursor): boolean {
  let i = 0;
  const at = (k: number) => c.peek(k);
  const kw = (k: number, text: string) => at(k).type === TokenType.Keyword && at(k).text === text;
  if (kw(0, 'public') || kw(0, 'private')) i++;
  if (kw(i, 'default')) i++;
  return kw(i, 'sub') || kw(i, 'function') || (kw(i, 'property') && (kw(i + 1, 'get') || kw(i + 1, 'let') || kw(i + 1, 'set')));
}

const PROCEDURE_BLOCK: Record<ProcedureKind, { block: BlockKind; closer: Closer }> = {
  Sub: { block: 'sub', closer: 'end-sub' },
  Function: { block: 'function', closer: 'end-function' },
  PropertyGet: { block: 'property', closer: 'end-property' },
  PropertyLet: { block: 'property', closer: 'end-property' },
  PropertySet: { block: 'property', closer: 'end-property' },
};

export function parseProcedure(p: StatementParser, level: 'program' | 'class'): ProcedureDeclaration {
  const c = p.c;
  const first = c.token;
  let visibility: Visibility | undefined;
  if (c.isKeyword('public') || c.isKeyword('private')) visibility = c.advance().text === 'public' ? 'Public' : 'Private';
  const defaultToken = c.eatKeyword('default');
  const keyword = c.advance();
  let procedureKind: ProcedureKind;
  if (keyword.text === 'property') {
    const accessor = c.advance().text;
    procedureKind = accessor === 'get' ? 'PropertyGet' : accessor === 'let' ? 'PropertyLet' : 'PropertySet';
    if (level !== 'class') c.report(CompileError.MustBeInsideClass, keyword.start, c.previous.end);
  } else {
    procedureKind = keyword.text === 'sub' ? 'Sub' : 'Function';
  }
  if (defaultToken) checkDefault(c, defaultToken.start, defaultToken.end, visibility, procedureKind, level);

  let name: Identifier = { kind: 'Identifier', name: '', key: '', start: c.previous.end, end: c.previous.end };
  let parameters: Parameter[] = [];
  const headerOk = p.guard(() => {
    name = parseName(c);
    parameters = parseParameters(c);
    return true;
  });
  if (headerOk) {
    checkParameters(c, name, procedureKind, parameters);
    p.endStatement();
  }

  const { block, closer } = PROCEDURE_BLOCK[procedureKind];
  const body = p.parseBlock(block);
  const endStart = c.token.start;
  const end = p.closeBlock(block, closer);
  return {
    kind: 'Procedure',
    procedureKind,
    name,
    parameters,
    body,
    ...(visibility ? { visibility } : {}),
    isDefault: defaultToken !== undefined,
    endStart: Math.min(endStart, end),
    start: first.start,
    end,
  };
}

function checkDefault(c: Cursor, start: number, end: number, visibility: Visibility | undefined, kind: ProcedureKind, level: string): void {
  if (level !== 'class') c.report(CompileError.MustBeInsideClass, start, end);
  else if (visibility !== 'Public') c.report(CompileError.DefaultNeedsPublic, start, end);
  else if (kind === 'PropertyLet' || kind === 'PropertySet') c.report(CompileError.DefaultOnlyOnPropertyGet, start, end);
}

function checkParameters(c: Cursor, name: Identifier, kind: ProcedureKind, parameters: Parameter[]): void {
  if ((name.key === 'class_initialize' || name.key === 'class_terminate') && parameters.length > 0) {
    c.report(CompileError.InitTerminateArgs, name.start, name.end);
  }
  if ((kind === 'PropertyLet' || kind === 'PropertySet') && parameters.length === 0) {
    c.report(CompileError.PropertyNeedsArgument, name.start, name.end);
  }
}

function parseParameters(c: Cursor): Parameter[] {
  const parameters: Parameter[] = [];
  if (!c.eatPunct('(')) return parameters;
  if (c.eatPunct(')')) return parameters;
  do {
    const first = c.token;
    let byVal = false;
    if (c.eatKeyword('byval')) byVal = true;
    else c.eatKeyword('byref');
    const name = parseName(c);
    let isArray = false;
    let end = name.end;
    if (c.isPunct('(')) {
      c.advance();
      end = c.expectPunct(')', CompileError.ExpectedRParen).end;
      isArray = true;
    }
    parameters.push({ kind: 'Parameter', name, byVal, isArray, start: first.start, end });
  } while (c.eatPunct(','));
  c.expectPunct(')', CompileError.ExpectedRParen);
  return parameters;
}

export function parseClassDeclaration(p: StatementParser): ClassDeclaration {
  const c = p.c;
  const classToken = c.advance();
  let name: Identifier = { kind: 'Identifier', name: '', key: '', start: c.previous.end, end: c.previous.end };
  if (p.guard(() => (name = parseName(c)))) p.endStatement();

  const members: ClassMember[] = [];
  p.stack.push('class');
  try {
    for (;;) {
      c.skipSeparators();
      const closer = closerAt(c);
      if (closer === 'eof' || closer?.startsWith('end-') || c.isKeyword('class')) break;
      const member = p.guard((): ClassMember | null => {
        if (closer === 'decl') return p.parseDeclaration('class') as ClassMember;
        if (c.isKeyword('dim')) return parseDim(p, c.advance().start);
        if (c.isKeyword('const')) return parseConst(p, c.token.start);
        throw c.abort(CompileError.ExpectedStatement);
      });
      if (member) members.push(member);
      p.endStatement();
    }
  } finally {
    p.stack.pop();
  }
  const endStart = c.token.start;
  const end = p.closeBlock('class', 'end-class');
  return { kind: 'Class', name, members, endStart: Math.min(endStart, end), start: classToken.start, end };
}
