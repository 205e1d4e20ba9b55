/**
 * What an EventHandlers.js does with `Result` and the other named items, as facts in offsets of
 * the user's text, for the light half to judge against the API data (`result.ts`: the VBScript
 * rules `hms-result-*` and the `→ 554 Rejected` inlay hints):
 * - every use of a named item (`Result`, `HMAILSERVER_MESSAGE` …) inside a top-level function;
 * - every `Result.Value = …` / `Result.Message = …` (any receiver typed `hMailServer.Result`, any
 *   case: COM resolves names case-insensitively), with the number or the leading string literal.
 * Top-level code is `hms-load-time-named-item`'s (findings.ts).
 */
import ts from 'typescript';
import type { TextMapping } from './virtualText';

export interface JsNamedItemUse {
  name: string;
  start: number;
  end: number;
  /** The top-level function it is in. */
  handler: string;
}

export interface JsResultAssignment {
  /** Lower-case member name: `value`, `message`, `parameter`. */
  member: string;
  handler: string;
  /** The assigned expression. */
  valueStart: number;
  valueEnd: number;
  /** A numeric literal, possibly negated or in parentheses. */
  number?: number;
  /** The string literal the value starts with (`"554 No" + x`): its value and the offset of its opening quote. */
  leadingString?: { value: string; start: number };
}

export interface JsResultFacts {
  namedItems: JsNamedItemUse[];
  assignments: JsResultAssignment[];
}

export function resultFactsOf(program: ts.Program, source: ts.SourceFile, virtual: TextMapping, namedItems: ReadonlySet<string>, apiFile: string): JsResultFacts {
  const checker = program.getTypeChecker();
  const out: JsResultFacts = { namedItems: [], assignments: [] };
  const fromApi = (symbol: ts.Symbol | undefined) => symbol?.declarations?.some((d) => d.getSourceFile().fileName === apiFile) === true;
  const span = (node: ts.Node) => virtual.originalSpan(node.getStart(source), node.getEnd());

  const visit = (node: ts.Node, handler: string): void => {
    if (ts.isIdentifier(node) && namedItems.has(node.text) && isValueReference(node) && fromApi(checker.getSymbolAtLocation(node))) {
      const s = span(node);
      if (s) out.namedItems.push({ name: node.text, ...s, handler });
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      ts.isIdentifier(node.left.name)
    ) {
      const member = node.left.name.text.toLowerCase();
      if (member === 'value' || member === 'message' || member === 'parameter') {
        const type = checker.getTypeAtLocation(node.left.expression);
        const symbol = type.getSymbol();
        const s = span(node.right);
        if (s && symbol?.name === 'Result' && symbol.flags & ts.SymbolFlags.Interface && fromApi(symbol)) {
          const assignment: JsResultAssignment = { member, handler, valueStart: s.start, valueEnd: s.end };
          const n = numericLiteral(node.right);
          if (n !== undefined) assignment.number = n;
          const str = leadingString(node.right);
          const at = str && virtual.originalSpan(str.getStart(source), str.getEnd());
          if (str && at) assignment.leadingString = { value: str.text, start: at.start };
          out.assignments.push(assignment);
        }
      }
    }
    ts.forEachChild(node, (child) => visit(child, handler));
  };
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) visit(statement, statement.name.text);
  }
  return out;
}

/** `1`, `-1`, `(2)`: the only Result.Value that can be judged without running the script. */
function numericLiteral(e: ts.Expression): number | undefined {
  if (ts.isNumericLiteral(e)) return Number(e.text);
  if (ts.isParenthesizedExpression(e)) return numericLiteral(e.expression);
  if (ts.isPrefixUnaryExpression(e) && (e.operator === ts.SyntaxKind.MinusToken || e.operator === ts.SyntaxKind.PlusToken)) {
    const v = numericLiteral(e.operand);
    return v === undefined ? undefined : e.operator === ts.SyntaxKind.MinusToken ? -v : v;
  }
  return undefined;
}

/** The string literal an expression starts with: `"554 Go away"`, `"554 " + reason`. */
function leadingString(e: ts.Expression): ts.StringLiteral | undefined {
  if (ts.isStringLiteral(e)) return e;
  if (ts.isParenthesizedExpression(e)) return leadingString(e.expression);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return leadingString(e.left);
  return undefined;
}

/** An identifier that reads a variable (not a property name, a declaration's name or a label). */
export function isValueReference(node: ts.Identifier): boolean {
  const p = node.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === node) return false;
  if ((ts.isPropertyAssignment(p) || ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isParameter(p) || ts.isFunctionExpression(p)) && p.name === node) return false;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  return true;
}
