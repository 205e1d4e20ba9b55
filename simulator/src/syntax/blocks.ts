import { CompileError, type CompileErrorNumber } from './errors';
import type { Cursor } from './cursor';
import { TokenType } from './lexer';

/** The kinds of block a statement list can sit in. */
export type BlockKind =
  | 'program'
  | 'class'
  | 'sub'
  | 'function'
  | 'property'
  | 'if'
  | 'select'
  | 'for'
  | 'do'
  | 'while'
  | 'with';

/**
 * What a statement-starting token closes. `decl` marks the start of a procedure or class
 * (which only the script or a class may contain), so a missing `End Sub` is noticed at the next `Sub`.
 */
export type Closer =
  | 'end-if'
  | 'end-sub'
  | 'end-function'
  | 'end-property'
  | 'end-class'
  | 'end-select'
  | 'end-with'
  | 'end-other'
  | 'next'
  | 'loop'
  | 'wend'
  | 'else'
  | 'elseif'
  | 'case'
  | 'decl'
  | 'eof';

const END_TARGETS: Record<string, Closer> = {
  if: 'end-if',
  sub: 'end-sub',
  function: 'end-function',
  property: 'end-property',
  class: 'end-class',
  select: 'end-select',
  with: 'end-with',
};

const PLAIN_CLOSERS: Record<string, Closer> = {
  next: 'next',
  loop: 'loop',
  wend: 'wend',
  else: 'else',
  elseif: 'elseif',
  case: 'case',
  sub: 'decl',
  function: 'decl',
  class: 'decl',
  public: 'decl',
  private: 'decl',
};

/** Classifies the statement that starts at the cursor. */
export function closerAt(c: Cursor): Closer | null {
  const token = c.token;
  if (token.type === TokenType.EOF) return 'eof';
  if (token.type !== TokenType.Keyword) return null;
  if (token.text === 'end') {
    const next = c.peek();
    return (next.type === TokenType.Keyword && END_TARGETS[next.text]) || 'end-other';
  }
  if (token.text === 'property') {
    const next = c.peek();
    return next.type === TokenType.Keyword && (next.text === 'get' || next.text === 'let' || next.text === 'set') ? 'decl' : null;
  }
  return PLAIN_CLOSERS[token.text] ?? null;
}

/** Which closers end (or continue) each kind of block. */
const OWNED: Record<BlockKind, ReadonlySet<Closer>> = {
  program: new Set(['decl', 'eof']),
  class: new Set(['decl', 'end-class']),
  sub: new Set(['end-sub']),
  function: new Set(['end-function']),
  property: new Set(['end-property']),
  if: new Set(['else', 'elseif', 'end-if']),
  select: new Set(['case', 'end-select']),
  for: new Set(['next']),
  do: new Set(['loop']),
  while: new Set(['wend']),
  with: new Set(['end-with']),
};

export function owns(kind: BlockKind, closer: Closer): boolean {
  return OWNED[kind].has(closer);
}

/** The error a block reports when something else closes it: VBScript's wording, e.g. "Expected 'If'" at `End Sub`. */
export function missingEndError(kind: BlockKind, closer: Closer): CompileErrorNumber {
  switch (kind) {
    case 'for':
      return CompileError.ExpectedNext;
    case 'do':
      return CompileError.ExpectedLoop;
    case 'while':
      return CompileError.ExpectedWend;
  }
  if (!closer.startsWith('end-')) return CompileError.ExpectedEnd;
  return WRONG_END_ERROR[kind] ?? CompileError.ExpectedEnd;
}

const WRONG_END_ERROR: Partial<Record<BlockKind, CompileErrorNumber>> = {
  if: CompileError.ExpectedIf,
  sub: CompileError.ExpectedSub,
  function: CompileError.ExpectedFunction,
  property: CompileError.ExpectedProperty,
  class: CompileError.ExpectedClass,
  select: CompileError.ExpectedSelect,
  with: CompileError.ExpectedWith,
};

/** The error for a closer that no open block wants. */
export function strayCloserError(closer: Closer): CompileErrorNumber {
  switch (closer) {
    case 'next':
      return CompileError.UnexpectedNext;
    case 'loop':
      return CompileError.LoopWithoutDo;
    default:
      return CompileError.ExpectedStatement;
  }
}
