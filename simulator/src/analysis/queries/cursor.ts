/**
 * What the text around the cursor says, read from the line itself.
 *
 * While the user types, the line under the cursor is usually incomplete (`oMessage.`,
 * `CreateObject("`, `Sub On`), so completion and signature help read that line directly and parse
 * only the expression they need; everything else comes from the last analysis.
 */
import type { Analysis } from '../analyze';

export interface LineState {
  /** Text of the logical line before the cursor (continuation lines joined, comments cut). */
  prefix: string;
  /** Offset in the document where `prefix` starts. */
  prefixStart: number;
  inString: boolean;
  inComment: boolean;
  /** Inside a string: where its text starts. */
  stringStart: number;
}

/** Scans the line up to the cursor for strings and comments; `"` inside a string is doubled. */
export function lineState(a: Analysis, offset: number): LineState {
  const lines = a.parse.lines;
  let line = lines.lineAt(offset);
  // A line ending in " _" continues on the next one: start at the first line of the statement.
  while (line > 0 && /\s_\s*$/.test(lines.lineText(line - 1))) line--;
  const start = lines.lineStarts[line];
  const text = a.source.slice(start, offset);
  let inString = false;
  let stringStart = -1;
  let inComment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else inString = false;
      }
    } else if (c === '"') {
      inString = true;
      stringStart = start + i + 1;
    } else if (c === "'") {
      inComment = true;
      break;
    } else if (/[Rr]/.test(c) && /^rem(\s|$)/i.test(text.slice(i)) && (i === 0 || /[\s:]/.test(text[i - 1]))) {
      inComment = true;
      break;
    }
  }
  const prefix = text.replace(/\s_\s*(\r\n|\r|\n)/g, '  ');
  return { prefix, prefixStart: start, inString, inComment, stringStart };
}

/**
 * The expression that ends just before `end` in `text` (`oMessage.Recipients(0)` in
 * `If oMessage.Recipients(0).`): identifiers, dots, and balanced brackets and strings.
 */
export function expressionBefore(text: string, end: number): { text: string; start: number } {
  let i = end;
  while (i > 0) {
    const c = text[i - 1];
    if (/[\w.\]]/.test(c)) {
      i--;
    } else if (c === ')') {
      let depth = 0;
      let j = i - 1;
      for (; j >= 0; j--) {
        if (text[j] === '"') {
          j = text.lastIndexOf('"', j - 1);
          if (j < 0) break;
        } else if (text[j] === ')') depth++;
        else if (text[j] === '(' && --depth === 0) break;
      }
      if (j < 0) break;
      i = j;
    } else if (c === '[') {
      i--;
    } else break;
  }
  return { text: text.slice(i, end), start: i };
}

/** The innermost unclosed `(` before `end`, skipping strings; -1 if none. */
export function openParenBefore(text: string, end: number): number {
  let inString = false;
  const opens: number[] = [];
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (inString) {
      if (c === '"') inString = text[i + 1] === '"' ? (i++, true) : false;
    } else if (c === '"') inString = true;
    else if (c === '(') opens.push(i);
    else if (c === ')') opens.pop();
  }
  return opens.length ? opens[opens.length - 1] : -1;
}

/** Top-level commas between `from` and `end` (not inside parentheses or strings). */
export function countCommas(text: string, from: number, end: number): number {
  let depth = 0;
  let inString = false;
  let n = 0;
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (inString) {
      if (c === '"') inString = text[i + 1] === '"' ? (i++, true) : false;
    } else if (c === '"') inString = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) n++;
  }
  return n;
}

/** The statement part of a prefix: what follows the last `:` separator or `Then`/`Else` of a one-line If. */
export function statementTail(prefix: string): string {
  let inString = false;
  let cut = 0;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix[i];
    if (c === '"') inString = !inString;
    else if (!inString && c === ':') cut = i + 1;
  }
  const tail = prefix.slice(cut);
  const m = /^(.*\b(?:Then|Else))(\s.*)$/i.exec(tail);
  return m ? m[2] : tail;
}
