/**
 * RFC 2047 encoded words in header values, and RFC 2231 parameter values.
 *
 * Header values are kept as "byte strings" (one char per byte, latin1) so that 8-bit headers
 * survive untouched; these functions turn them into text for scripts and back.
 */
import { decodeBytes, decodeUndeclared, encodeText } from './charset';
import { decodeQuotedPrintable } from './codecs';

const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

interface Piece {
  charset?: string;
  bytes: Buffer;
}

function wordBytes(encoding: string, text: string): Buffer {
  if (encoding === 'b' || encoding === 'B') return Buffer.from(text.replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
  return decodeQuotedPrintable(Buffer.from(text.replace(/_/g, ' '), 'latin1'));
}

/**
 * Decodes the encoded words of a raw header value. Whitespace between two adjacent encoded words
 * is dropped (RFC 2047 §6.2); adjacent words in one charset are joined as bytes first, so a
 * multi-byte character split across two words still decodes.
 */
export function decodeHeaderWords(raw: string): string {
  const pieces: Piece[] = [];
  let last = 0;
  let prevWasWord = false;
  ENCODED_WORD.lastIndex = 0;
  for (let m = ENCODED_WORD.exec(raw); m; m = ENCODED_WORD.exec(raw)) {
    const between = raw.slice(last, m.index);
    if (between && !(prevWasWord && /^[ \t\r\n]*$/.test(between))) pieces.push({ bytes: Buffer.from(between, 'latin1') });
    const charset = m[1].replace(/\*.*$/, '');
    const bytes = wordBytes(m[2], m[3]);
    const prev = pieces[pieces.length - 1];
    if (prevWasWord && prev && prev.charset?.toLowerCase() === charset.toLowerCase() && (!between || /^[ \t\r\n]*$/.test(between))) {
      prev.bytes = Buffer.concat([prev.bytes, bytes]);
    } else pieces.push({ charset, bytes });
    last = m.index + m[0].length;
    prevWasWord = true;
  }
  if (last === 0) return decodeUndeclared(Buffer.from(raw, 'latin1'));
  if (last < raw.length) pieces.push({ bytes: Buffer.from(raw.slice(last), 'latin1') });
  return pieces.map((p) => (p.charset === undefined ? decodeUndeclared(p.bytes) : decodeBytes(p.bytes, p.charset))).join('');
}

// eslint-disable-next-line no-control-regex
const NEEDS_ENCODING = /[^\x20-\x7e\t]/;

/** Headers whose value is an address list: only display names may be encoded there. */
const ADDRESS_HEADERS = new Set(['from', 'to', 'cc', 'bcc', 'reply-to', 'sender', 'resent-from', 'resent-to', 'resent-cc']);

/** Encoded words for `text` in `charset` (B encoding; ≤ 75 characters each, never splitting a character). */
function encodedWords(text: string, charset: string): string[] {
  const { bytes, charset: used } = encodeText(text, charset);
  const prefix = `=?${used}?B?`;
  const maxBytes = Math.floor((75 - prefix.length - 2) / 4) * 3;
  const words: string[] = [];
  // Split on character boundaries: grow a chunk char by char while its encoding fits.
  let chunk = '';
  let chunkLen = 0;
  for (const ch of text) {
    const len = encodeText(ch, used).bytes.length;
    if (chunkLen + len > maxBytes && chunk) {
      words.push(prefix + encodeText(chunk, used).bytes.toString('base64') + '?=');
      chunk = '';
      chunkLen = 0;
    }
    chunk += ch;
    chunkLen += len;
  }
  if (chunk || bytes.length === 0) words.push(prefix + encodeText(chunk, used).bytes.toString('base64') + '?=');
  return words;
}

/**
 * Encodes a header value a script assigned. Plain ASCII stays as it is. Otherwise the runs of
 * words that need it become encoded words. In address headers a quoted display name is encoded
 * without its quotes, and `<addr>` / `user@host` are never encoded, so the address stays
 * usable (a non-ASCII address itself goes out as UTF-8, as SMTPUTF8 mail carries it).
 * The result is a byte string: one char per byte.
 */
export function encodeHeaderValue(name: string, text: string, charset: string): string {
  if (!NEEDS_ENCODING.test(text)) return text;
  const address = ADDRESS_HEADERS.has(name.toLowerCase());
  let value = text;
  if (address) {
    value = value.replace(/"((?:[^"\\]|\\.)*)"/g, (all, inner: string) =>
      NEEDS_ENCODING.test(inner) ? encodedWords(inner.replace(/\\(.)/g, '$1'), charset).join(' ') : all,
    );
    // "Jörg<j@x>": the name part before '<' is a word of its own.
    value = value.replace(/([^\s<]*[^\x00-\x7f][^\s<]*)</g, '$1 <');
  }
  const encodable = (word: string) => NEEDS_ENCODING.test(word) && !(address && /[<>@]/.test(word));
  const tokens = value.split(/([ \t]+)/);
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) out.push(encodedWords(run.join(''), charset).join(' '));
    run = [];
  };
  for (let i = 0; i < tokens.length; i += 2) {
    const word = tokens[i];
    const space = tokens[i + 1] ?? '';
    if (encodable(word)) {
      run.push(word);
      if (space) {
        // Whitespace between two encoded words is invisible to readers, so it travels inside the run.
        if (i + 2 < tokens.length && encodable(tokens[i + 2])) run.push(space);
        else {
          flush();
          out.push(space);
        }
      }
    } else {
      flush();
      out.push(word + space);
    }
  }
  flush();
  const result = out.join('');
  return NEEDS_ENCODING.test(result) ? Buffer.from(result, 'utf8').toString('latin1') : result;
}

/**
 * RFC 2231 extended parameter value (`utf-8'en'%E2%82%AC`), already joined from its `*0*`, `*1*`
 * sections by the caller.
 */
export function decodeRfc2231(value: string): string {
  const m = /^([^']*)'[^']*'(.*)$/s.exec(value);
  const charset = m ? m[1] : '';
  const body = m ? m[2] : value;
  const bytes = Buffer.from(body.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
  return charset ? decodeBytes(bytes, charset) : decodeUndeclared(bytes);
}
