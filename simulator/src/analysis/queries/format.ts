/**
 * Formatting: re-indents blocks and, optionally, writes keywords in their usual casing (`End If`).
 *
 * It works line by line on the text (not the tree) so that a file with a syntax error still
 * formats, and nothing but leading white space and keyword case ever changes.
 */
import { KEYWORDS } from '../../syntax/lexer';
import type { TextEdit } from '../rules/index';

export interface FormatOptions {
  tabSize: number;
  insertSpaces: boolean;
  keywordCasing: 'preserve' | 'pascal';
}

const CASED: Record<string, string> = { elseif: 'ElseIf', byval: 'ByVal', byref: 'ByRef', redim: 'ReDim', goto: 'GoTo' };
function pascal(keyword: string): string {
  return CASED[keyword] ?? keyword[0].toUpperCase() + keyword.slice(1);
}

/** The line's code with strings blanked and the comment removed; the comment start (or -1). */
function codeOf(line: string): { code: string; commentAt: number } {
  let out = '';
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      out += c === '"' ? '"' : ' ';
      if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += '"';
    } else if (c === "'" || (/^rem(\s|$)/i.test(line.slice(i)) && (i === 0 || /[\s:]/.test(line[i - 1])))) {
      return { code: out, commentAt: i };
    } else out += c;
  }
  return { code: out, commentAt: -1 };
}

interface LineShape {
  /** Levels to remove before this line. */
  dedent: number;
  /** Levels to add after it (relative to its own indent). */
  indent: number;
}

const PROC = /^(?:(?:public|private)\s+)?(?:default\s+)?(?:sub|function|property\s+(?:get|let|set))\b/;

function shapeOf(code: string): LineShape {
  const t = code.trim().toLowerCase();
  if (!t) return { dedent: 0, indent: 0 };
  // `Function F(x) : F = False : End Function`: opens and closes on one line.
  if (PROC.test(t) || /^class\b/.test(t)) return { dedent: 0, indent: /\bend\s+(sub|function|property|class)\b/.test(t) ? 0 : 1 };
  if (/^end\s+select\b/.test(t)) return { dedent: 2, indent: 0 };
  if (/^end\s+(if|sub|function|property|class|with)\b/.test(t) || /^(next|loop|wend)\b/.test(t)) return { dedent: 1, indent: 0 };
  if (/^(else|elseif)\b/.test(t)) return { dedent: 1, indent: /^elseif\b/.test(t) && !/\bthen\s*$/.test(t) ? 0 : 1 };
  if (/^case\b/.test(t)) return { dedent: 1, indent: 1 };
  if (/^select\s+case\b/.test(t)) return { dedent: 0, indent: 2 };
  if (/^if\b/.test(t)) return { dedent: 0, indent: /\bthen\s*$/.test(t) ? 1 : 0 };
  if (/^(for|do|while|with)\b/.test(t)) {
    // One-line loops (`Do : … : Loop`) close themselves.
    const closes = /:\s*(next|loop|wend|end\s+with)\b/.test(t);
    return { dedent: 0, indent: closes ? 0 : 1 };
  }
  return { dedent: 0, indent: 0 };
}

/** Edits that re-indent `text` (and re-case keywords when asked). */
export function formatDocument(text: string, options: FormatOptions): TextEdit[] {
  const unit = options.insertSpaces ? ' '.repeat(Math.max(1, options.tabSize)) : '\t';
  const lines: { start: number; text: string }[] = [];
  const lineRe = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = lineRe.exec(text)) !== null) {
    lines.push({ start: m.index, text: m[1] });
    if (m[2] === '') break;
  }
  const edits: TextEdit[] = [];
  let level = 0;
  for (let i = 0; i < lines.length; ) {
    // A statement continued with " _" is one logical line: its first line decides the dedent,
    // the whole statement the indent after it, and the continuation lines sit one level deeper.
    let last = i;
    const codes = [codeOf(lines[i].text)];
    while (last + 1 < lines.length && /\s_\s*$/.test(codes[codes.length - 1].code)) {
      last++;
      codes.push(codeOf(lines[last].text));
    }
    const logical = codes.map((c, k) => (k < codes.length - 1 ? c.code.replace(/\s_\s*$/, ' ') : c.code)).join('');
    const shape = shapeOf(logical);
    level = Math.max(0, level - shape.dedent);
    for (let k = i; k <= last; k++) {
      const line = lines[k].text;
      const body = line.trimStart();
      const indent = body.length === 0 ? '' : unit.repeat(level + (k > i ? 1 : 0));
      const c = codes[k - i];
      const newBody = options.keywordCasing === 'pascal' && body.length ? recase(line, c.code, c.commentAt).trimStart() : body;
      const newLine = indent + newBody.replace(/[ \t]+$/, '');
      if (newLine !== line) edits.push({ start: lines[k].start, end: lines[k].start + line.length, newText: newLine });
    }
    level += shape.indent;
    i = last + 1;
  }
  return edits;
}

/** The line with every keyword outside strings and comments in its usual casing. */
function recase(line: string, code: string, commentAt: number): string {
  const end = commentAt >= 0 ? commentAt : line.length;
  let out = '';
  let last = 0;
  const word = /[A-Za-z_]\w*/g;
  let w: RegExpExecArray | null;
  while ((w = word.exec(code.slice(0, end))) !== null) {
    const lower = w[0].toLowerCase();
    // A member name after `.` is not a keyword (`oRule.Next` stays as written).
    if (!KEYWORDS.has(lower) || code[w.index - 1] === '.' || code[w.index - 1] === '[') continue;
    out += line.slice(last, w.index) + pascal(lower);
    last = w.index + w[0].length;
  }
  return out + line.slice(last);
}
