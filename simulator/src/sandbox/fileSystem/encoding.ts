/**
 * Text encodings of FileSystemObject: ANSI is the system code page (Windows-1252 on the
 * English/Western European servers hMailServer mostly runs on), Unicode is UTF-16LE with a
 * byte-order mark. Node has no Windows-1252 encoder, and its decoder depends on ICU, so both
 * directions are done here from the code page's table.
 */

/** Windows-1252 bytes 0x80–0x9F; the rest of the page coincides with Latin-1. The five unassigned bytes map to the C1 controls of the same value, as Windows does. */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];
const REVERSE = new Map<number, number>(HIGH.map((cp, i) => [cp, 0x80 + i]));

export function decodeAnsi(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const codes = new Array<number>(chunk.length);
    for (let j = 0; j < chunk.length; j++) {
      const b = chunk[j];
      codes[j] = b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Characters outside the code page become `?`, as WideCharToMultiByte's default character does. */
export function encodeAnsi(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out[n++] = cp;
    else out[n++] = REVERSE.get(cp) ?? 0x3f;
  }
  return out.subarray(0, n);
}

export const UTF16_BOM = Buffer.from([0xff, 0xfe]);

export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe;
}

export function decodeUtf16(bytes: Uint8Array): string {
  const start = hasUtf16Bom(bytes) ? 2 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, (bytes.length - start) & ~1).toString('utf16le');
}

export function encodeUtf16(text: string): Buffer {
  return Buffer.from(text, 'utf16le');
}

/** FSO's Tristate format argument: 0 ASCII (ANSI), -1 Unicode, -2 system default (ANSI, but a UTF-16 BOM is honoured). */
export type TextFormat = 'ansi' | 'unicode';

export function decodeText(bytes: Uint8Array, format: TextFormat | 'default'): { text: string; format: TextFormat } {
  if (format === 'unicode' || (format === 'default' && hasUtf16Bom(bytes))) return { text: decodeUtf16(bytes), format: 'unicode' };
  return { text: decodeAnsi(bytes), format: 'ansi' };
}

export function encodeText(text: string, format: TextFormat): Buffer {
  return format === 'unicode' ? encodeUtf16(text) : encodeAnsi(text);
}
