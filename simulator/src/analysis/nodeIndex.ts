/**
 * The nodes the rules look at, each with the procedure it is in, so that every rule is a loop over
 * a short list instead of another traversal. The binder fills it while it resolves names.
 */
import type {
  AssignmentStatement,
  CallExpression,
  CallStatement,
  ForEachStatement,
  Identifier,
  MemberExpression,
  Statement,
} from '../syntax/ast';
import type { ProcedureInfo } from './symbols';

export interface Located<T> {
  node: T;
  /** The enclosing procedure; undefined at script level (code that runs at load time). */
  procedure: ProcedureInfo | undefined;
  /** At class level or in a method. */
  inClass: boolean;
}

export interface NodeIndex {
  members: Located<MemberExpression>[];
  assignments: Located<AssignmentStatement>[];
  calls: Located<CallExpression | CallStatement>[];
  forEach: Located<ForEachStatement>[];
  /** Identifiers used as values (not declarations, not member names). */
  names: Located<Identifier>[];
  /** Statements at script level, outside procedures and classes. */
  topLevel: Statement[];
}
