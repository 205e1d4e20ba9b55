/**
 * Conditions of If, Do, While: Null counts as False, and under On Error Resume Next a test
 * that fails lets execution resume *into* the block, as vbscript.dll does.
 */
import type { Frame, StatementInfo } from '../frame.js';
import type { Evaluate } from '../procedures.js';
import { isTrue } from '../values/coerce.js';
import type { CompileContext } from './context.js';

/** A condition under On Error Resume Next: VBScript resumes *into* the block after a failing test. */
export function compileCondition(ctx: CompileContext, test: Evaluate, info: StatementInfo): (f: Frame) => boolean {
  const rt = ctx.rt;
  return (f) => {
    let v;
    try {
      v = test(f);
      if (v === true) return true;
      if (v === false) return false;
      return isTrue(v);
    } catch (e) {
      rt.handleError(e, f, info);
      return true;
    }
  };
}

