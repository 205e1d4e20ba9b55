/**
 * The file's encoding: hMailServer reads a script without a BOM as ANSI (the system code page), so
 * UTF-8 text without a BOM arrives garbled ("Ã¤" for "ä") in headers, messages and log lines.
 */
import type { Rule, RuleContext } from './rule';

const utf8WithoutBom: Rule = {
  code: 'hms-utf8-without-bom',
  defaultSeverity: 'warning',
  description: 'UTF-8 without a BOM and non-ASCII text: the server reads the file as ANSI and garbles that text.',
  check(ctx: RuleContext) {
    const text = ctx.source;
    if (text.charCodeAt(0) === 0xfeff || ctx.encoding?.hasBom || ctx.encoding?.notUtf8) return;
    // The first run of non-ASCII characters is enough to make the point (and to place the fix).
    const i = text.search(/[^\x00-\x7f]/);
    if (i < 0) return;
    let end = i;
    while (end < text.length && text.charCodeAt(end) >= 0x80) end++;
    ctx.report({
      start: i,
      end,
      message:
        'This file is UTF-8 without a BOM and contains non-ASCII text; hMailServer reads such a file as ANSI, so this text ' +
        'arrives garbled. Save it as UTF-8 with BOM.',
      fixes: [{ title: 'Add a UTF-8 BOM', preferred: true, edits: [{ start: 0, end: 0, newText: '\uFEFF' }] }],
    });
  },
};

export const encodingRules: readonly Rule[] = [utf8WithoutBom];
