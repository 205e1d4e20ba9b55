import type {
  Argument,
  CaseClause,
  DoStatement,
  ElseIfClause,
  ExitTarget,
  Expression,
  IfStatement,
  Program,
  Statement,
} from './ast';
import { closerAt, missingEndError, owns, strayCloserError, type BlockKind, type Closer } from './blocks';
import { StatementAbort, type Cursor } from './cursor';
import {
  parseClassDeclaration,
  parseConst,
  parseDim,
  parseErase,
  parseProcedure,
  parseReDim,
  startsProcedure,
} from './declarations';
import { CompileError } from './errors';
import {
  continueExpression,
  continuePostfix,
  identifierFrom,
  isNameToken,
  parseArgumentList,
  parseCallSuffix,
  parseExpression,
  parseMemberSuffix,
  parseName,
} from './expressions';
import { TokenType } from './lexer';

/** Blocks that end with `End <keyword>`. */
function isClosedByEnd(kind: BlockKind): boolean {
  return kind !== 'program' && kind !== 'for' && kind !== 'do' && kind !== 'while';
}

/**
 * Statement and block parsing. Blocks keep a stack of what is open, so a statement that closes
 * an outer block (a `Next` for an enclosing `For`, the next `Sub`) ends the inner ones with one
 * "Expected …" diagnostic instead of a cascade.
 */
export class StatementParser {
  readonly stack: BlockKind[] = [];
  private sawStatement = false;

  constructor(readonly c: Cursor) {}

  parseProgram(): Program {
    const c = this.c;
    const body: Statement[] = [];
    let optionExplicit = false;
    this.stack.push('program');
    for (;;) {
      c.skipSeparators();
      const closer = closerAt(c);
      if (closer === 'eof') break;
      if (closer !== null && closer !== 'decl') {
        this.reportStray(closer);
        continue;
      }
      if (c.isKeyword('option')) {
        const statement = this.guard(() => this.parseOptionExplicit());
        if (statement) {
          optionExplicit = true;
          body.push(statement);
        }
        this.endStatement();
        continue;
      }
      const statement = this.guard(() => (closer === 'decl' ? this.parseDeclaration('program') : this.parseStatement()));
      if (statement) body.push(statement);
      this.endStatement();
    }
    this.stack.pop();
    const end = c.tokens[c.tokens.length - 1].end;
    return { kind: 'Program', body, optionExplicit, start: 0, end };
  }

  /** Runs `parse`; an aborted statement is dropped and the rest of its line skipped. */
  guard<T>(parse: () => T): T | null {
    try {
      return parse();
    } catch (e) {
      if (!(e instanceof StatementAbort)) throw e;
      this.c.skipToLineEnd();
      return null;
    }
  }

  /** After a statement: anything left before the separator is an error. */
  endStatement(): void {
    const c = this.c;
    if (c.atStatementEnd()) return;
    // A block closed by someone else's closer leaves the cursor at the start of that statement.
    const before = c.previous.type;
    if (c.pos > 0 && (before === TokenType.Newline || before === TokenType.Colon)) return;
    c.report(CompileError.ExpectedEndOfStatement, c.token.start, c.token.end);
    c.skipToLineEnd();
  }

  private reportStray(closer: Closer): void {
    const c = this.c;
    const start = c.token.start;
    const end = closer.startsWith('end-') ? c.peek().end : c.token.end;
    c.report(strayCloserError(closer), start, end);
    c.skipToLineEnd();
  }

  /**
   * Parses statements until one that closes this block or an enclosing one; that statement is
   * left for the caller. `kind` is pushed for the duration.
   */
  parseBlock(kind: BlockKind): Statement[] {
    const c = this.c;
    const body: Statement[] = [];
    this.stack.push(kind);
    try {
      for (;;) {
        c.skipSeparators();
        const closer = closerAt(c);
        if (closer !== null) {
          if (this.stack.some((open) => owns(open, closer))) return body;
          // `End Sub` in a Function: let the block report "Expected 'Function'" and take it as its end.
          if (closer.startsWith('end-') && this.stack.some(isClosedByEnd)) return body;
          this.reportStray(closer);
          continue;
        }
        const statement = this.guard(() => this.parseStatement());
        if (statement) body.push(statement);
        this.endStatement();
      }
    } finally {
      this.stack.pop();
    }
  }

  /**
   * Consumes the block's own closer, or reports what it expected and leaves the cursor where it is.
   * Returns the end offset of the block.
   */
  closeBlock(kind: BlockKind, expected: Closer): number {
    const c = this.c;
    const closer = closerAt(c);
    if (closer === expected) {
      const first = c.advance();
      const last = expected.startsWith('end-') ? c.advance() : first;
      return last.end;
    }
    const at = c.token;
    const end = closer?.startsWith('end-') ? c.peek().end : at.type === TokenType.EOF ? at.start : at.end;
    c.report(missingEndError(kind, closer ?? 'eof'), at.start, end);
    const wrongEnd = closer !== null && closer.startsWith('end-') && expected.startsWith('end-');
    if (wrongEnd && !this.stack.some((open) => owns(open, closer))) {
      const endToken = c.advance();
      const word = c.token.type === TokenType.Keyword || c.token.type === TokenType.Identifier ? c.advance() : endToken;
      return word.end;
    }
    return c.previous.end;
  }

  parseDeclaration(level: 'program' | 'class'): Statement {
    const c = this.c;
    if (c.isKeyword('class')) {
      if (level === 'class') throw c.abort(CompileError.ExpectedStatement);
      return parseClassDeclaration(this);
    }
    if (startsProcedure(c)) return parseProcedure(this, level);
    // `Public x`, `Private Const y = 1`
    const visibilityToken = c.advance();
    const visibility = visibilityToken.text === 'public' ? 'Public' : 'Private';
    if (c.isKeyword('const')) return parseConst(this, visibilityToken.start, visibility);
    return parseDim(this, visibilityToken.start, visibility);
  }

  parseStatement(): Statement {
    const c = this.c;
    const token = c.token;
    if (token.type === TokenType.Keyword) {
      const parse = this.keywordStatements[token.text];
      if (parse) {
        this.sawStatement = true;
        return parse();
      }
      if (!isNameToken(token) && token.text !== 'me') throw c.abort(CompileError.ExpectedStatement);
    } else if (token.type !== TokenType.Identifier && !c.isPunct('.')) {
      throw c.abort(CompileError.ExpectedStatement);
    }
    this.sawStatement = true;
    return this.parseCallOrAssignment();
  }

  private readonly keywordStatements: Record<string, () => Statement> = {
    dim: () => parseDim(this, this.c.advance().start),
    redim: () => parseReDim(this),
    const: () => parseConst(this, this.c.advance().start),
    erase: () => parseErase(this),
    set: () => this.parseSetOrLet(true),
    let: () => this.parseSetOrLet(false),
    call: () => this.parseCallKeyword(),
    if: () => this.parseIf(),
    select: () => this.parseSelect(),
    for: () => this.parseFor(),
    do: () => this.parseDo(),
    while: () => this.parseWhile(),
    with: () => this.parseWith(),
    exit: () => this.parseExit(),
    on: () => this.parseOnError(),
    stop: () => {
      const t = this.c.advance();
      return { kind: 'Stop', start: t.start, end: t.end };
    },
    option: () => this.parseOptionExplicit(),
  };

  private parseOptionExplicit(): Statement {
    const c = this.c;
    const option = c.advance();
    const explicit = c.expectKeyword('explicit', CompileError.SyntaxError);
    if (this.sawStatement || this.stack.length > 1) c.report(CompileError.ExpectedStatement, option.start, explicit.end);
    return { kind: 'OptionExplicit', start: option.start, end: explicit.end };
  }

  private parseSetOrLet(isSet: boolean): Statement {
    const c = this.c;
    const keyword = c.advance();
    const target = this.parseTarget();
    c.expectPunct('=', CompileError.ExpectedEquals);
    const value = parseExpression(c);
    return { kind: 'Assignment', isSet, target, value, start: keyword.start, end: value.end };
  }

  /** The start of a chain: `.Member` inside With, `Me`, or a name. */
  private parseChainHead(name: () => Expression): Expression {
    const c = this.c;
    if (c.isPunct('.')) return parseMemberSuffix(c, null);
    if (c.isKeyword('me')) {
      const t = c.advance();
      return { kind: 'Me', start: t.start, end: t.end };
    }
    return name();
  }

  /** An assignable chain: `x`, `x(1)`, `a.b(2).c`, `.Field` inside With. */
  private parseTarget(): Expression {
    const c = this.c;
    const target = continuePostfix(c, this.parseChainHead(() => parseName(c)));
    if (target.kind === 'Me') throw c.abort(CompileError.InvalidMe, c.previous);
    return target;
  }

  private parseCallKeyword(): Statement {
    const c = this.c;
    const keyword = c.advance();
    const target = this.parseTarget();
    if (target.kind === 'Call') {
      return { kind: 'CallStatement', explicit: true, callee: target.callee, args: target.args, start: keyword.start, end: target.end };
    }
    return { kind: 'CallStatement', explicit: true, callee: target, args: [], start: keyword.start, end: target.end };
  }

  /**
   * `x = 1`, `obj.Prop(1) = 2`, `Foo a, b`, `Foo (a)`, `Foo (a) * 2, b`.
   * A parenthesised group right after the callee belongs to the callee only when the statement ends
   * (or `=`, `.` or `(` follows) after it; otherwise it starts the first argument.
   */
  private parseCallOrAssignment(): Statement {
    const c = this.c;
    // parseStatement already checked that a name (or `.`, or `Me`) starts the statement.
    const head = this.parseChainHead(() => identifierFrom(c.advance()));

    let chain: Expression = head;
    for (;;) {
      if (c.isPunct('.') && !c.token.spaceBefore) {
        chain = parseMemberSuffix(c, chain);
      } else if (c.isPunct('(') && this.parenBelongsToCallee()) {
        chain = parseCallSuffix(c, chain);
      } else {
        break;
      }
    }

    if (c.isPunct('=')) {
      if (chain.kind === 'Me') throw c.abort(CompileError.InvalidMe, c.previous);
      c.advance();
      const value = parseExpression(c);
      return { kind: 'Assignment', isSet: false, target: chain, value, start: chain.start, end: value.end };
    }

    if (c.atStatementEnd()) {
      if (chain.kind === 'Call') {
        const args = chain.args;
        if (args.length > 1) c.report(CompileError.CannotUseParens, chain.argsStart, chain.argsEnd);
        const passed: Argument[] =
          args.length === 1 && args[0].kind !== 'Missing'
            ? [{ kind: 'Paren', expression: args[0], start: chain.argsStart, end: chain.argsEnd }]
            : args;
        return { kind: 'CallStatement', explicit: false, callee: chain.callee, args: passed, start: chain.start, end: chain.end };
      }
      return { kind: 'CallStatement', explicit: false, callee: chain, args: [], start: chain.start, end: chain.end };
    }

    const args = this.parseStatementArguments();
    const end = args.length > 0 ? args[args.length - 1].end : chain.end;
    return { kind: 'CallStatement', explicit: false, callee: chain, args, start: chain.start, end };
  }

  /** Arguments of a call statement without parentheses; the first may start with a parenthesised group. */
  private parseStatementArguments(): Argument[] {
    const c = this.c;
    if (c.isPunct('(')) {
      const open = c.advance();
      const inner = parseExpression(c);
      const close = c.expectPunct(')', CompileError.ExpectedRParen);
      const first = continueExpression(c, { kind: 'Paren', expression: inner, start: open.start, end: close.end });
      if (!c.eatPunct(',')) return [first];
      if (c.atStatementEnd()) return [first, { kind: 'Missing', start: c.previous.end, end: c.previous.end }];
      return [first, ...parseArgumentList(c, 'statement')];
    }
    return parseArgumentList(c, 'statement');
  }

  /** Looks past the balanced `( … )` at the cursor to see what follows it. */
  private parenBelongsToCallee(): boolean {
    const c = this.c;
    let depth = 0;
    let i = c.pos;
    const tokens = c.tokens;
    for (; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type === TokenType.Newline || t.type === TokenType.EOF || t.type === TokenType.Colon) return true;
      if (t.type !== TokenType.Punct) continue;
      if (t.text === '(') depth++;
      else if (t.text === ')' && --depth === 0) break;
    }
    const after = tokens[Math.min(i + 1, tokens.length - 1)];
    return c.atStatementEnd(after) || (after.type === TokenType.Punct && (after.text === '=' || after.text === '(' || (after.text === '.' && !after.spaceBefore)));
  }

  // ------------------------------------------------------------ control flow

  private parseIf(): Statement {
    const c = this.c;
    const ifToken = c.advance();
    let test: Expression;
    try {
      test = parseExpression(c);
      c.expectKeyword('then', CompileError.ExpectedThen);
    } catch (e) {
      if (!(e instanceof StatementAbort)) throw e;
      // Keep the block structure so the matching End If still closes it.
      c.skipToLineEnd();
      test = { kind: 'EmptyLiteral', start: ifToken.end, end: ifToken.end };
      return this.finishBlockIf(ifToken.start, test);
    }
    if (c.token.type === TokenType.Newline || c.token.type === TokenType.Colon || c.token.type === TokenType.EOF) {
      return this.finishBlockIf(ifToken.start, test);
    }
    return this.parseSingleLineIf(ifToken.start, test);
  }

  private parseSingleLineIf(start: number, test: Expression): IfStatement {
    const c = this.c;
    c.singleLineIf++;
    try {
      const body = this.parseInlineStatements();
      let elseBody: Statement[] | null = null;
      if (c.isKeyword('else')) {
        c.advance();
        elseBody = this.parseInlineStatements();
      }
      const end = c.previous.end;
      return { kind: 'If', test, body, elseIfs: [], elseBody, singleLine: true, start, end };
    } finally {
      c.singleLineIf--;
    }
  }

  /** `a : b : c` up to the end of the line (or an `Else` of the one-line If). */
  private parseInlineStatements(): Statement[] {
    const c = this.c;
    const list: Statement[] = [];
    for (;;) {
      while (c.token.type === TokenType.Colon) c.advance();
      if (c.token.type === TokenType.Newline || c.token.type === TokenType.EOF || c.isKeyword('else')) return list;
      const closer = closerAt(c);
      if (closer !== null || this.isBlockStatement()) throw c.abort(CompileError.SyntaxError);
      list.push(this.parseStatement());
      if (!c.atStatementEnd()) throw c.abort(CompileError.ExpectedEndOfStatement);
    }
  }

  /** Block statements (spanning lines) cannot appear inside a one-line If. */
  private isBlockStatement(): boolean {
    const c = this.c;
    if (c.token.type !== TokenType.Keyword) return false;
    switch (c.token.text) {
      case 'for':
      case 'do':
      case 'while':
      case 'select':
      case 'with':
        return true;
      case 'if':
        return false;
    }
    return false;
  }

  private finishBlockIf(start: number, test: Expression): IfStatement {
    const c = this.c;
    const body = this.parseBlock('if');
    const elseIfs: ElseIfClause[] = [];
    let elseBody: Statement[] | null = null;
    for (;;) {
      if (c.isKeyword('elseif')) {
        const keyword = c.advance();
        let clauseTest: Expression = { kind: 'EmptyLiteral', start: keyword.end, end: keyword.end };
        this.guardHeader(() => {
          clauseTest = parseExpression(c);
          c.expectKeyword('then', CompileError.ExpectedThen);
        });
        const clauseBody = this.parseBlock('if');
        elseIfs.push({ kind: 'ElseIf', test: clauseTest, body: clauseBody, start: keyword.start, end: c.previous.end });
        continue;
      }
      if (c.isKeyword('else') && elseBody === null) {
        c.advance();
        elseBody = this.parseBlock('if');
        continue;
      }
      break;
    }
    const end = this.closeBlock('if', 'end-if');
    return { kind: 'If', test, body, elseIfs, elseBody, singleLine: false, start, end };
  }

  /** Parses a block header; on an error, reports it and skips the rest of the line so the body still parses. */
  private guardHeader(parse: () => void): void {
    try {
      parse();
    } catch (e) {
      if (!(e instanceof StatementAbort)) throw e;
      this.c.skipToLineEnd();
    }
  }

  private parseSelect(): Statement {
    const c = this.c;
    const selectToken = c.advance();
    let discriminant: Expression = { kind: 'EmptyLiteral', start: selectToken.end, end: selectToken.end };
    this.guardHeader(() => {
      c.expectKeyword('case', CompileError.ExpectedCase);
      discriminant = parseExpression(c);
    });
    this.endStatement();
    const cases: CaseClause[] = [];
    this.stack.push('select');
    try {
      for (;;) {
        c.skipSeparators();
        if (!c.isKeyword('case')) {
          const closer = closerAt(c);
          if (closer === null) {
            // Only `Case` may follow `Select Case x`.
            c.report(CompileError.ExpectedCase);
            c.skipToLineEnd();
            continue;
          }
          break;
        }
        const caseToken = c.advance();
        let tests: Expression[] = [];
        let isElse = false;
        this.guardHeader(() => {
          if (c.eatKeyword('else')) {
            isElse = true;
          } else {
            tests = [parseExpression(c)];
            while (c.eatPunct(',')) tests.push(parseExpression(c));
          }
        });
        const body = this.parseBlock('select');
        cases.push({ kind: 'Case', tests, isElse, body, start: caseToken.start, end: c.previous.end });
      }
    } finally {
      this.stack.pop();
    }
    const end = this.closeBlock('select', 'end-select');
    return { kind: 'Select', discriminant, cases, start: selectToken.start, end };
  }

  private parseFor(): Statement {
    const c = this.c;
    const forToken = c.advance();
    if (c.isKeyword('each')) {
      c.advance();
      let variable = { kind: 'Identifier' as const, name: '', key: '', start: c.previous.end, end: c.previous.end };
      let collection: Expression = { kind: 'EmptyLiteral', start: forToken.end, end: forToken.end };
      this.guardHeader(() => {
        variable = parseName(c);
        c.expectKeyword('in', CompileError.ExpectedIn);
        collection = parseExpression(c);
      });
      const body = this.parseBlock('for');
      const end = this.closeBlock('for', 'next');
      return { kind: 'ForEach', variable, collection, body, start: forToken.start, end };
    }
    let variable = { kind: 'Identifier' as const, name: '', key: '', start: c.previous.end, end: c.previous.end };
    let from: Expression = { kind: 'EmptyLiteral', start: forToken.end, end: forToken.end };
    let to: Expression = from;
    let step: Expression | null = null;
    this.guardHeader(() => {
      variable = parseName(c);
      c.expectPunct('=', CompileError.ExpectedEquals);
      from = parseExpression(c);
      c.expectKeyword('to', CompileError.ExpectedTo);
      to = parseExpression(c);
      if (c.eatKeyword('step')) step = parseExpression(c);
    });
    const body = this.parseBlock('for');
    const end = this.closeBlock('for', 'next');
    return { kind: 'For', variable, from, to, step, body, start: forToken.start, end };
  }

  private parseDo(): Statement {
    const c = this.c;
    const doToken = c.advance();
    let condition: Expression | null = null;
    let conditionKind: DoStatement['conditionKind'] = null;
    let conditionPosition: DoStatement['conditionPosition'] = null;
    this.guardHeader(() => {
      if (c.isKeyword('while') || c.isKeyword('until')) {
        conditionKind = c.advance().text === 'while' ? 'While' : 'Until';
        conditionPosition = 'pre';
        condition = parseExpression(c);
      } else if (!c.atStatementEnd()) {
        throw c.abort(CompileError.ExpectedWhileUntilOrEnd);
      }
    });
    const body = this.parseBlock('do');
    let end: number;
    if (closerAt(c) === 'loop') {
      const loopToken = c.advance();
      end = loopToken.end;
      if (c.isKeyword('while') || c.isKeyword('until')) {
        const keyword = c.advance();
        if (conditionPosition === 'pre') {
          c.report(CompileError.ExpectedEndOfStatement, keyword.start, keyword.end);
          c.skipToLineEnd();
        } else {
          conditionKind = keyword.text === 'while' ? 'While' : 'Until';
          conditionPosition = 'post';
          const parsed = this.guard(() => parseExpression(c));
          if (parsed) {
            condition = parsed;
            end = parsed.end;
          }
        }
      }
    } else {
      end = this.closeBlock('do', 'loop');
    }
    return { kind: 'Do', condition, conditionKind, conditionPosition, body, start: doToken.start, end };
  }

  private parseWhile(): Statement {
    const { start, expression, body, end } = this.parseExpressionBlock('while', 'wend');
    return { kind: 'While', test: expression, body, start, end };
  }

  private parseWith(): Statement {
    const { start, expression, body, end } = this.parseExpressionBlock('with', 'end-with');
    return { kind: 'With', object: expression, body, start, end };
  }

  /** `<keyword> <expression>`, a body, and the closer: the shape of While and With. */
  private parseExpressionBlock(kind: BlockKind, closer: Closer): { start: number; expression: Expression; body: Statement[]; end: number } {
    const c = this.c;
    const keyword = c.advance();
    let expression: Expression = { kind: 'EmptyLiteral', start: keyword.end, end: keyword.end };
    this.guardHeader(() => {
      expression = parseExpression(c);
    });
    const body = this.parseBlock(kind);
    const end = this.closeBlock(kind, closer);
    return { start: keyword.start, expression, body, end };
  }

  private static readonly EXIT_TARGETS: Record<string, { target: ExitTarget; blocks: readonly BlockKind[] }> = {
    do: { target: 'Do', blocks: ['do'] },
    for: { target: 'For', blocks: ['for'] },
    function: { target: 'Function', blocks: ['function'] },
    sub: { target: 'Sub', blocks: ['sub'] },
    property: { target: 'Property', blocks: ['property'] },
  };

  private parseExit(): Statement {
    const c = this.c;
    const exitToken = c.advance();
    const targetToken = c.token;
    const spec = targetToken.type === TokenType.Keyword ? StatementParser.EXIT_TARGETS[targetToken.text] : undefined;
    if (!spec) throw c.abort(CompileError.SyntaxError);
    c.advance();
    // The target must enclose the Exit within the same procedure.
    let valid = false;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i];
      if (spec.blocks.includes(open)) {
        valid = true;
        break;
      }
      if (open === 'sub' || open === 'function' || open === 'property' || open === 'class' || open === 'program') break;
    }
    if (!valid) c.report(CompileError.InvalidExit, exitToken.start, targetToken.end);
    return { kind: 'Exit', target: spec.target, start: exitToken.start, end: targetToken.end };
  }

  private parseOnError(): Statement {
    const c = this.c;
    const onToken = c.advance();
    c.expectKeyword('error', CompileError.SyntaxError);
    if (c.eatKeyword('resume')) {
      const next = c.expectKeyword('next', CompileError.SyntaxError);
      return { kind: 'OnError', mode: 'ResumeNext', start: onToken.start, end: next.end };
    }
    c.expectKeyword('goto', CompileError.SyntaxError);
    const zero = c.token;
    if (zero.type !== TokenType.Number || zero.numberValue !== 0) throw c.abort(CompileError.SyntaxError);
    c.advance();
    return { kind: 'OnError', mode: 'GoTo0', start: onToken.start, end: zero.end };
  }
}
