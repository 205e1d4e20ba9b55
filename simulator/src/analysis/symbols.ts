/**
 * Symbols and scopes of one script, as the binder builds them.
 */
import type { ApiEvent, ApiGlobal, ApiMember } from '../api/index';
import type { Range } from '../syntax/lineIndex';
import type {
  AssignmentStatement,
  ClassDeclaration,
  Expression,
  Identifier,
  Node,
  ProcedureDeclaration,
} from '../syntax/ast';

export type SymbolKind =
  | 'variable'
  | 'constant'
  | 'parameter'
  | 'sub'
  | 'function'
  | 'property'
  | 'class'
  /** `Result`, `EventLog`, `HMAILSERVER_*`: objects the server injects. */
  | 'namedItem'
  /** A member of a named item reachable as a bare name (SCRIPTITEM_GLOBALMEMBERS). */
  | 'globalMember'
  | 'builtinFunction'
  | 'builtinConstant';

export interface Span {
  start: number;
  end: number;
}

/** One value stored into a symbol: `x = v`, `Set x = v`, or `F = v` inside Function F. */
export interface SymbolAssignment {
  value: Expression;
  isSet: boolean;
  statement: AssignmentStatement;
  /** The procedure the assignment is in; undefined at script level. */
  procedure: ProcedureInfo | undefined;
}

export interface VbSymbol {
  name: string;
  key: string;
  kind: SymbolKind;
  scope: Scope;
  /** The declaring name; undefined for implicit variables and host symbols. */
  declaration: Span | undefined;
  /** Set when the symbol comes from an include file. */
  uri: string | undefined;
  /** The declaration's range in the include file `uri`. */
  declarationRange?: Range;
  /** Declared nodes: a Property Get/Let/Set trio shares one symbol. */
  nodes: Node[];
  /** Not declared anywhere: VBScript creates it on first use (an error under Option Explicit). */
  implicit: boolean;
  /** Every identifier that names this symbol, declarations included, in source order per file. */
  references: Identifier[];
  assignments: SymbolAssignment[];
  visibility: 'Public' | 'Private' | undefined;
  procedure?: ProcedureInfo;
  classInfo?: ClassInfo;
  apiGlobal?: ApiGlobal;
  apiMember?: ApiMember;
  /** Set for a constant: its value expression. */
  constValue?: Expression;
  /** Parameters: position in the list. */
  paramIndex?: number;
}

export type ScopeKind = 'global' | 'class' | 'procedure';

export interface Scope {
  kind: ScopeKind;
  symbols: Map<string, VbSymbol>;
  parent: Scope | undefined;
  start: number;
  end: number;
  procedure?: ProcedureInfo;
  classInfo?: ClassInfo;
}

/**
 * What the server does with a procedure: an event handler (called by name), a rule "Run function"
 * (one parameter, a Message; never called from the script itself), a class member, or a helper.
 */
export type ProcedureRole =
  | { kind: 'event'; event: ApiEvent }
  | { kind: 'rule' }
  | { kind: 'method' }
  | { kind: 'helper' };

export interface ProcedureInfo {
  node: ProcedureDeclaration;
  symbol: VbSymbol;
  scope: Scope;
  classInfo: ClassInfo | undefined;
  role: ProcedureRole;
  parameters: VbSymbol[];
}

export interface ClassInfo {
  node: ClassDeclaration;
  symbol: VbSymbol;
  scope: Scope;
}

export function makeScope(kind: ScopeKind, parent: Scope | undefined, span: Span): Scope {
  // Scopes point to their parent only: the host scope is shared by every analysis, so a list of
  // children there would keep every old analysis alive.
  return { kind, symbols: new Map(), parent, start: span.start, end: span.end };
}

export function makeSymbol(
  scope: Scope,
  kind: SymbolKind,
  name: string,
  declaration: Identifier | undefined,
  extra: Partial<VbSymbol> = {},
): VbSymbol {
  return {
    name,
    key: name.toLowerCase(),
    kind,
    scope,
    declaration: declaration ? { start: declaration.start, end: declaration.end } : undefined,
    uri: undefined,
    nodes: [],
    implicit: false,
    references: declaration ? [declaration] : [],
    assignments: [],
    visibility: undefined,
    ...extra,
  };
}

/** True for symbols the user wrote (and may rename). */
export function isUserSymbol(s: VbSymbol): boolean {
  return s.kind !== 'namedItem' && s.kind !== 'globalMember' && s.kind !== 'builtinFunction' && s.kind !== 'builtinConstant';
}
