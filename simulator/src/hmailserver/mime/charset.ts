/**
 * Character sets for the MIME layer.
 *
 * Decoding uses the WHATWG decoders Node ships (`TextDecoder` with full ICU covers every label
 * mail uses in practice: iso-8859-*, windows-125x, koi8-*, shift_jis, euc-*, iso-2022-jp, gb18030,
 * big5). Encoding only ever happens for text a script wrote, and there we keep the part's own
 * charset when we can produce it exactly (UTF-8, US-ASCII, ISO-8859-1, Windows-1252) and switch the
 * part to UTF-8 otherwise: a reader sees the same text, and no character is lost to a `?`.
 */

import { TextDecoder } from 'node:util';

const decoders = new Map<string, TextDecoder | null>();

function decoderFor(label: string): TextDecoder | null {
  let d = decoders.get(label);
  if (d === undefined) {
    try {
      d = new TextDecoder(label);
    } catch {
      d = null;
    }
    decoders.set(label, d);
  }
  return d;
}

/** The label without RFC 2231 language suffix and quotes, lower-cased; '' when absent. */
export function normalizeCharset(charset: string | undefined): string {
  if (!charset) return '';
  return charset.replace(/^["']|["']$/g, '').replace(/\*.*$/, '').trim().toLowerCase();
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes to text. An unknown or missing label falls back to Windows-1252, which is what an
 * ANSI conversion on a Western Windows server (hMailServer's CP_ACP) produces.
 */
export function decodeBytes(bytes: Uint8Array, charset: string | undefined): string {
  const label = normalizeCharset(charset);
  const d = (label && decoderFor(label)) || decoderFor('windows-1252')!;
  return d.decode(bytes);
}

/** 8-bit text with no declared charset: UTF-8 when it is valid UTF-8, else Windows-1252. */
export function decodeUndeclared(bytes: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return Buffer.from(bytes).toString('latin1');
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return decodeBytes(bytes, 'windows-1252');
  }
}

/** Windows-1252's 0x80–0x9F block (undefined slots stay unmapped). */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const cp1252Reverse = new Map<number, number>();
for (let i = 0; i < CP1252_HIGH.length; i++) cp1252Reverse.set(CP1252_HIGH.charCodeAt(i), 0x80 + i);

function encodeSingleByte(text: string, cp1252: boolean): Buffer | undefined {
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (cp1252) {
      if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c;
      else {
        const b = cp1252Reverse.get(c);
        if (b === undefined) return undefined;
        out[i] = b;
      }
    } else if (c <= 0xff) out[i] = c;
    else return undefined;
  }
  return out;
}

/**
 * Text to bytes in `charset` when that can be done exactly; otherwise UTF-8. Returns the charset
 * actually used so the caller can correct the part's `charset` parameter.
 */
export function encodeText(text: string, charset: string | undefined): { bytes: Buffer; charset: string } {
  const label = normalizeCharset(charset);
  switch (label) {
    case 'us-ascii':
    case 'ascii':
      // eslint-disable-next-line no-control-regex
      if (/^[\x00-\x7f]*$/.test(text)) return { bytes: Buffer.from(text, 'latin1'), charset: charset! };
      break;
    case 'iso-8859-1':
    case 'iso8859-1':
    case 'latin1': {
      const b = encodeSingleByte(text, false);
      if (b) return { bytes: b, charset: charset! };
      break;
    }
    case 'windows-1252':
    case 'cp1252': {
      const b = encodeSingleByte(text, true);
      if (b) return { bytes: b, charset: charset! };
      break;
    }
    case 'utf-8':
    case 'utf8':
      return { bytes: Buffer.from(text, 'utf8'), charset: charset! };
  }
  return { bytes: Buffer.from(text, 'utf8'), charset: 'utf-8' };
}
