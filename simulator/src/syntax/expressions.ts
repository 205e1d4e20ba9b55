import type {
  Argument,
  BinaryOperator,
  CallExpression,
  Expression,
  Identifier,
  MemberExpression,
} from './ast';
import { CONTEXTUAL_KEYWORDS } from './lexer';
import { CompileError } from './errors';
import type { Cursor } from './cursor';
import { TokenType, type Token } from './lexer';

/**
 * Binary operators from loosest to tightest binding, as vbscript.dll groups them.
 * Unary `Not` sits between And and the comparisons; unary minus binds tighter than `^`.
 */
const BINARY_LEVELS: readonly (readonly BinaryOperator[])[] = [
  ['Imp'],
  ['Eqv'],
  ['Xor'],
  ['Or'],
  ['And'],
  // level 5: Not (unary)
  ['=', '<>', '<', '>', '<=', '>=', 'Is'],
  ['&'],
  ['+', '-'],
  ['Mod'],
  ['\\'],
  ['*', '/'],
];
const NOT_LEVEL = 5;

const KEYWORD_OPERATORS: Record<string, BinaryOperator> = {
  imp: 'Imp',
  eqv: 'Eqv',
  xor: 'Xor',
  or: 'Or',
  and: 'And',
  is: 'Is',
  mod: 'Mod',
};

/** The binary operator `token` stands for, if any. */
function binaryOperatorOf(token: Token): BinaryOperator | undefined {
  if (token.type === TokenType.Punct) {
    switch (token.text) {
      case '=': case '<>': case '<': case '>': case '<=': case '>=': case '&': case '+': case '-': case '\\': case '*': case '/':
        return token.text;
    }
    return undefined;
  }
  if (token.type === TokenType.Keyword) return KEYWORD_OPERATORS[token.text];
  return undefined;
}

const levelOf = new Map<BinaryOperator, number>();
BINARY_LEVELS.forEach((ops, level) => {
  for (const op of ops) levelOf.set(op, level < NOT_LEVEL ? level : level + 1);
});

export function parseExpression(c: Cursor): Expression {
  return parseLevel(c, 0);
}

function parseLevel(c: Cursor, level: number): Expression {
  if (level === NOT_LEVEL) {
    const token = c.token;
    if (c.isKeyword('not')) {
      c.advance();
      const operand = parseLevel(c, NOT_LEVEL);
      return { kind: 'Unary', operator: 'Not', operand, start: token.start, end: operand.end };
    }
    return parseLevel(c, level + 1);
  }
  if (level > BINARY_LEVELS.length) return parsePower(c);
  return continueBinary(c, parseLevel(c, level + 1), level);
}

/** Extends `left` with operators at `level` and tighter: used when the left operand was parsed elsewhere. */
function continueBinary(c: Cursor, left: Expression, level: number): Expression {
  for (;;) {
    const op = binaryOperatorOf(c.token);
    if (op === undefined || levelOf.get(op) !== level) return left;
    c.advance();
    const right = parseLevel(c, level + 1);
    left = { kind: 'Binary', operator: op, left, right, start: left.start, end: right.end };
  }
}

/**
 * Continues an expression whose first operand (e.g. a parenthesised group after a Sub name) is
 * already parsed: `Foo (x) * y, z` passes `(x) * y` as the first argument.
 */
export function continueExpression(c: Cursor, first: Expression): Expression {
  let expr = continuePostfix(c, first);
  expr = continuePower(c, expr);
  // Climb from the tightest level to the loosest, letting each level absorb its operators.
  for (let level = BINARY_LEVELS.length; level >= 0; level--) {
    if (level === NOT_LEVEL) continue;
    expr = continueBinary(c, expr, level);
  }
  return expr;
}

/** `^` binds looser than unary minus in vbscript.dll: `-3 ^ 2` is 9 (checked against Windows' own tests via Wine). */
function parsePower(c: Cursor): Expression {
  return continuePower(c, parseUnary(c));
}

function parseUnary(c: Cursor): Expression {
  const token = c.token;
  if (c.isKeyword('not')) {
    // `a = Not b`: vbscript.dll accepts Not as an operand of a tighter operator too.
    return parseLevel(c, NOT_LEVEL);
  }
  if (c.isPunct('-') || c.isPunct('+')) {
    c.advance();
    const operand = parseUnary(c);
    return { kind: 'Unary', operator: token.text as '-' | '+', operand, start: token.start, end: operand.end };
  }
  return parsePostfix(c);
}

function continuePower(c: Cursor, left: Expression): Expression {
  while (c.isPunct('^')) {
    c.advance();
    const right = parseUnary(c);
    left = { kind: 'Binary', operator: '^', left, right, start: left.start, end: right.end };
  }
  return left;
}

function parsePostfix(c: Cursor): Expression {
  return continuePostfix(c, parsePrimary(c));
}

/** Applies `.name` and `(args)` suffixes to `expr`. */
export function continuePostfix(c: Cursor, expr: Expression): Expression {
  for (;;) {
    if (c.isPunct('.') && !c.token.spaceBefore) {
      expr = parseMemberSuffix(c, expr);
    } else if (c.isPunct('(') && expr.kind !== 'Paren' && isCallable(expr)) {
      expr = parseCallSuffix(c, expr);
    } else {
      return expr;
    }
  }
}

function isCallable(expr: Expression): boolean {
  return expr.kind === 'Identifier' || expr.kind === 'Member' || expr.kind === 'Call' || expr.kind === 'Me';
}

export function parseMemberSuffix(c: Cursor, object: Expression | null): MemberExpression {
  const dot = c.advance();
  const name = parseMemberName(c);
  return { kind: 'Member', object, name, start: object ? object.start : dot.start, end: name.end };
}

/** After a `.`, keywords are ordinary names (`oMessage.Delete`, `rs.Open`, `x.End`). */
function parseMemberName(c: Cursor): Identifier {
  const token = c.token;
  if (token.type === TokenType.Identifier || token.type === TokenType.Keyword) {
    c.advance();
    return identifierFrom(token);
  }
  throw c.abort(CompileError.ExpectedIdentifier);
}

export function parseCallSuffix(c: Cursor, callee: Expression): CallExpression {
  const open = c.advance();
  const args = parseArgumentList(c, ')');
  const close = c.expectPunct(')', CompileError.ExpectedRParen);
  return { kind: 'Call', callee, args, argsStart: open.start, argsEnd: close.end, start: callee.start, end: close.end };
}

/**
 * Comma-separated arguments up to `closer` (`)` or the end of a statement); an empty slot
 * is a `Missing` argument, as in `obj.Method a, , c`.
 */
export function parseArgumentList(c: Cursor, closer: ')' | 'statement'): Argument[] {
  const args: Argument[] = [];
  const atEnd = (): boolean => (closer === ')' ? c.isPunct(')') : c.atStatementEnd());
  if (atEnd()) return args;
  for (;;) {
    if (c.isPunct(',')) {
      args.push({ kind: 'Missing', start: c.token.start, end: c.token.start });
    } else {
      args.push(parseExpression(c));
    }
    if (!c.eatPunct(',')) break;
    if (atEnd()) {
      args.push({ kind: 'Missing', start: c.previous.end, end: c.previous.end });
      break;
    }
  }
  return args;
}

export function identifierFrom(token: Token): Identifier {
  return {
    kind: 'Identifier',
    name: token.text,
    key: token.text.toLowerCase(),
    start: token.start,
    end: token.end,
    ...(token.bracketed ? { bracketed: true } : {}),
  };
}

/** True when `token` can be used as a variable or procedure name. */
export function isNameToken(token: Token): boolean {
  return token.type === TokenType.Identifier || (token.type === TokenType.Keyword && CONTEXTUAL_KEYWORDS.has(token.text));
}

export function parseName(c: Cursor): Identifier {
  if (isNameToken(c.token)) return identifierFrom(c.advance());
  throw c.abort(CompileError.ExpectedIdentifier);
}

const LITERAL_KEYWORDS: Record<string, (start: number, end: number) => Expression> = {
  true: (start, end) => ({ kind: 'BooleanLiteral', value: true, start, end }),
  false: (start, end) => ({ kind: 'BooleanLiteral', value: false, start, end }),
  nothing: (start, end) => ({ kind: 'NothingLiteral', start, end }),
  empty: (start, end) => ({ kind: 'EmptyLiteral', start, end }),
  null: (start, end) => ({ kind: 'NullLiteral', start, end }),
  me: (start, end) => ({ kind: 'Me', start, end }),
};

function parsePrimary(c: Cursor): Expression {
  const token = c.token;
  switch (token.type) {
    case TokenType.Number:
      c.advance();
      return { kind: 'NumberLiteral', value: token.numberValue ?? 0, numberKind: token.numberKind ?? 'Integer', raw: token.text, start: token.start, end: token.end };
    case TokenType.String:
      c.advance();
      return { kind: 'StringLiteral', value: token.text, start: token.start, end: token.end };
    case TokenType.Date:
      c.advance();
      return { kind: 'DateLiteral', text: token.text, start: token.start, end: token.end };
    case TokenType.Identifier:
      c.advance();
      return identifierFrom(token);
    case TokenType.Keyword: {
      const literal = LITERAL_KEYWORDS[token.text];
      if (literal) {
        c.advance();
        return literal(token.start, token.end);
      }
      if (token.text === 'new') {
        c.advance();
        const className = parseName(c);
        return { kind: 'New', className, start: token.start, end: className.end };
      }
      if (CONTEXTUAL_KEYWORDS.has(token.text)) {
        c.advance();
        return identifierFrom(token);
      }
      break;
    }
    case TokenType.Punct:
      if (token.text === '(') {
        c.advance();
        const expression = parseExpression(c);
        const close = c.expectPunct(')', CompileError.ExpectedRParen);
        return { kind: 'Paren', expression, start: token.start, end: close.end };
      }
      if (token.text === '.') {
        // `.Name` inside a With block.
        return parseMemberSuffix(c, null);
      }
      break;
  }
  throw c.abort(CompileError.ExpectedExpression);
}
