/**
 * State shared while compiling one unit: the realm and runtime the closures capture, the
 * source unit (for statement locations), the current scope and the recursive entry points.
 */
import type * as estree from 'acorn';
import type { Realm } from '../realm.js';
import type { Eval, Exec, JsRuntime, JsSourceUnit, JsStatementInfo } from '../runtime.js';
import type { CompileScope } from './scope.js';

export interface Compilers {
  expr(ctx: CompileContext, node: estree.Node): Eval;
  statements(ctx: CompileContext, body: readonly estree.Node[]): Exec;
}

export class CompileContext {
  constructor(
    readonly realm: Realm,
    readonly unit: JsSourceUnit,
    readonly scope: CompileScope,
    readonly compilers: Compilers,
    /** eval code and debugger evaluations: expression statements record the completion value in `f.ret`. */
    readonly completionValues: boolean,
    /** Compile function bodies on their first call. */
    readonly lazy: boolean,
  ) {}

  get rt(): JsRuntime {
    return this.realm.rt;
  }

  withScope(scope: CompileScope): CompileContext {
    return new CompileContext(this.realm, this.unit, scope, this.compilers, this.completionValues, this.lazy);
  }

  expr(node: estree.Node): Eval {
    return this.compilers.expr(this, node);
  }

  statements(body: readonly estree.Node[]): Exec {
    return this.compilers.statements(this, body);
  }

  info(node: { start: number; end: number }): JsStatementInfo {
    const pos = this.unit.lines.positionAt(node.start);
    return { unit: this.unit, start: node.start, end: node.end, line: pos.line, column: pos.character };
  }

  /** The source text of a node (error texts name expressions the way the script wrote them). */
  text(node: { start: number; end: number }): string {
    return this.unit.source.slice(node.start, node.end);
  }
}
