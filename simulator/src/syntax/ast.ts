/**
 * The VBScript syntax tree shared by the language server, the interpreter and the debugger.
 *
 * Every node carries `start`/`end`: UTF-16 offsets into the source, end exclusive.
 * Convert them to lines and columns with the `LineIndex` returned by `parse`.
 * Names keep the spelling the author used; VBScript compares them case-insensitively,
 * so compare `name.toLowerCase()` (or use `Identifier.key`).
 */

export interface NodeBase {
  start: number;
  end: number;
}

// ---------------------------------------------------------------- expressions

export interface Identifier extends NodeBase {
  kind: 'Identifier';
  name: string;
  /** Lower-cased name: VBScript names are case-insensitive. */
  key: string;
  /** Written as `[name]`. */
  bracketed?: boolean;
}

/** VBScript's literal subtypes: `1` is Integer, `40000` is Long, `3e9` or `1.5` is Double. */
export type NumberKind = 'Integer' | 'Long' | 'Double';

export interface NumberLiteral extends NodeBase {
  kind: 'NumberLiteral';
  value: number;
  numberKind: NumberKind;
  raw: string;
}

export interface StringLiteral extends NodeBase {
  kind: 'StringLiteral';
  /** The value, with `""` already folded to `"`. */
  value: string;
}

export interface DateLiteral extends NodeBase {
  kind: 'DateLiteral';
  /** The text between the `#` signs; the runtime converts it with its locale. */
  text: string;
}

export interface BooleanLiteral extends NodeBase {
  kind: 'BooleanLiteral';
  value: boolean;
}

export interface NothingLiteral extends NodeBase {
  kind: 'NothingLiteral';
}
export interface EmptyLiteral extends NodeBase {
  kind: 'EmptyLiteral';
}
export interface NullLiteral extends NodeBase {
  kind: 'NullLiteral';
}
export interface MeExpression extends NodeBase {
  kind: 'Me';
}

export type UnaryOperator = 'Not' | '-' | '+';

export interface UnaryExpression extends NodeBase {
  kind: 'Unary';
  operator: UnaryOperator;
  operand: Expression;
}

export type BinaryOperator =
  | '^'
  | '*'
  | '/'
  | '\\'
  | 'Mod'
  | '+'
  | '-'
  | '&'
  | '='
  | '<>'
  | '<'
  | '>'
  | '<='
  | '>='
  | 'Is'
  | 'And'
  | 'Or'
  | 'Xor'
  | 'Eqv'
  | 'Imp';

export interface BinaryExpression extends NodeBase {
  kind: 'Binary';
  operator: BinaryOperator;
  left: Expression;
  right: Expression;
}

/** `(expr)`. Kept in the tree because a parenthesised argument is passed ByVal. */
export interface ParenExpression extends NodeBase {
  kind: 'Paren';
  expression: Expression;
}

/** `object.name`; `object` is null for the leading-dot form inside `With`. */
export interface MemberExpression extends NodeBase {
  kind: 'Member';
  object: Expression | null;
  name: Identifier;
}

/**
 * `callee(args)`: a call, an array index or a default-member access; VBScript decides at run time.
 * `argsStart`/`argsEnd` span the parentheses.
 */
export interface CallExpression extends NodeBase {
  kind: 'Call';
  callee: Expression;
  args: Argument[];
  argsStart: number;
  argsEnd: number;
}

/** An omitted argument, as in `obj.Method a, , c`. */
export interface MissingArgument extends NodeBase {
  kind: 'Missing';
}

export interface NewExpression extends NodeBase {
  kind: 'New';
  className: Identifier;
}

export type Argument = Expression | MissingArgument;

export type Expression =
  | Identifier
  | NumberLiteral
  | StringLiteral
  | DateLiteral
  | BooleanLiteral
  | NothingLiteral
  | EmptyLiteral
  | NullLiteral
  | MeExpression
  | UnaryExpression
  | BinaryExpression
  | ParenExpression
  | MemberExpression
  | CallExpression
  | NewExpression;

// ---------------------------------------------------------------- statements

export type Visibility = 'Public' | 'Private';

export interface OptionExplicitStatement extends NodeBase {
  kind: 'OptionExplicit';
}

export interface VariableDeclarator extends NodeBase {
  kind: 'VariableDeclarator';
  name: Identifier;
  /** `null`: a scalar. `[]`: a dynamic array, `Dim a()`. Otherwise the upper bounds. */
  bounds: Expression[] | null;
}

/** `Dim`, or `Public`/`Private` variables at script or class level. */
export interface DimStatement extends NodeBase {
  kind: 'Dim';
  /** Absent for `Dim`. */
  visibility?: Visibility;
  declarations: VariableDeclarator[];
}

export interface ReDimClause extends NodeBase {
  kind: 'ReDimClause';
  name: Identifier;
  bounds: Expression[];
}

export interface ReDimStatement extends NodeBase {
  kind: 'ReDim';
  preserve: boolean;
  clauses: ReDimClause[];
}

export interface ConstDeclarator extends NodeBase {
  kind: 'ConstDeclarator';
  name: Identifier;
  value: Expression;
}

export interface ConstStatement extends NodeBase {
  kind: 'Const';
  visibility?: Visibility;
  declarations: ConstDeclarator[];
}

export interface EraseStatement extends NodeBase {
  kind: 'Erase';
  targets: Identifier[];
}

/** `target = value`, `Set target = value` (`isSet`), or the rarely seen `Let target = value`. */
export interface AssignmentStatement extends NodeBase {
  kind: 'Assignment';
  isSet: boolean;
  target: Expression;
  value: Expression;
}

/**
 * A procedure call used as a statement: `Foo a, b`, `Call Foo(a, b)`, `obj.Method`.
 * Without `Call`, `Foo (x)` has one argument, `Paren(x)`, which the runtime passes ByVal.
 */
export interface CallStatement extends NodeBase {
  kind: 'CallStatement';
  /** Written with the `Call` keyword. */
  explicit: boolean;
  callee: Expression;
  args: Argument[];
}

export interface ElseIfClause extends NodeBase {
  kind: 'ElseIf';
  test: Expression;
  body: Statement[];
}

export interface IfStatement extends NodeBase {
  kind: 'If';
  test: Expression;
  body: Statement[];
  elseIfs: ElseIfClause[];
  /** `null` when there is no `Else`. */
  elseBody: Statement[] | null;
  /** The one-line form `If a Then b Else c`. */
  singleLine: boolean;
}

export interface CaseClause extends NodeBase {
  kind: 'Case';
  /** Empty for `Case Else`. */
  tests: Expression[];
  isElse: boolean;
  body: Statement[];
}

export interface SelectStatement extends NodeBase {
  kind: 'Select';
  discriminant: Expression;
  cases: CaseClause[];
}

export interface ForStatement extends NodeBase {
  kind: 'For';
  variable: Identifier;
  from: Expression;
  to: Expression;
  step: Expression | null;
  body: Statement[];
}

export interface ForEachStatement extends NodeBase {
  kind: 'ForEach';
  variable: Identifier;
  collection: Expression;
  body: Statement[];
}

/** Every `Do` form; `condition` is null for a plain `Do … Loop`. */
export interface DoStatement extends NodeBase {
  kind: 'Do';
  condition: Expression | null;
  /** `While` runs while true, `Until` until true. */
  conditionKind: 'While' | 'Until' | null;
  /** `pre`: `Do While x … Loop`; `post`: `Do … Loop While x`. */
  conditionPosition: 'pre' | 'post' | null;
  body: Statement[];
}

export interface WhileStatement extends NodeBase {
  kind: 'While';
  test: Expression;
  body: Statement[];
}

export type ExitTarget = 'Do' | 'For' | 'Function' | 'Sub' | 'Property';

export interface ExitStatement extends NodeBase {
  kind: 'Exit';
  target: ExitTarget;
}

export interface WithStatement extends NodeBase {
  kind: 'With';
  object: Expression;
  body: Statement[];
}

export interface OnErrorStatement extends NodeBase {
  kind: 'OnError';
  mode: 'ResumeNext' | 'GoTo0';
}

export interface StopStatement extends NodeBase {
  kind: 'Stop';
}

export interface Parameter extends NodeBase {
  kind: 'Parameter';
  name: Identifier;
  /** VBScript passes ByRef unless `ByVal` is written. */
  byVal: boolean;
  /** `a()` in the parameter list. */
  isArray: boolean;
}

export type ProcedureKind = 'Sub' | 'Function' | 'PropertyGet' | 'PropertyLet' | 'PropertySet';

export interface ProcedureDeclaration extends NodeBase {
  kind: 'Procedure';
  procedureKind: ProcedureKind;
  name: Identifier;
  parameters: Parameter[];
  body: Statement[];
  visibility?: Visibility;
  isDefault: boolean;
  /** Offsets of the `End Sub`/`End Function`/`End Property` line (equal to `end` when it is missing). */
  endStart: number;
}

export type ClassMember = DimStatement | ConstStatement | ProcedureDeclaration;

export interface ClassDeclaration extends NodeBase {
  kind: 'Class';
  name: Identifier;
  members: ClassMember[];
  endStart: number;
}

export type Statement =
  | OptionExplicitStatement
  | DimStatement
  | ReDimStatement
  | ConstStatement
  | EraseStatement
  | AssignmentStatement
  | CallStatement
  | IfStatement
  | SelectStatement
  | ForStatement
  | ForEachStatement
  | DoStatement
  | WhileStatement
  | ExitStatement
  | WithStatement
  | OnErrorStatement
  | StopStatement
  | ProcedureDeclaration
  | ClassDeclaration;

export interface Program extends NodeBase {
  kind: 'Program';
  body: Statement[];
  optionExplicit: boolean;
}

/** Nodes that are neither expressions nor statements. */
export type Clause = VariableDeclarator | ReDimClause | ConstDeclarator | ElseIfClause | CaseClause | Parameter | MissingArgument;

export type Node = Program | Statement | Expression | Clause;

export type NodeKind = Node['kind'];
export type NodeOfKind<K extends NodeKind> = Extract<Node, { kind: K }>;
