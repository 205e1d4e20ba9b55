/**
 * Content-Transfer-Encodings: quoted-printable and base64, both directions.
 *
 * Synchronous on purpose: after the one asynchronous load, every script-facing member works
 * synchronously (the interpreter cannot await), so re-encoding an edited body and decoding a
 * part the script just created must not need mailparser.
 */

const HEX = '0123456789ABCDEF';

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** RFC 2045 §6.7 decoding; a malformed `=` sequence is kept literally, as lenient decoders do. */
export function decodeQuotedPrintable(input: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(input.length);
  let n = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c !== 0x3d) {
      out[n++] = c;
      continue;
    }
    // Soft line break: "=" then optional trailing whitespace, then CRLF or LF.
    let j = i + 1;
    while (j < input.length && (input[j] === 0x20 || input[j] === 0x09)) j++;
    if (j < input.length && input[j] === 0x0d && input[j + 1] === 0x0a) {
      i = j + 1;
      continue;
    }
    if (j < input.length && input[j] === 0x0a) {
      i = j;
      continue;
    }
    if (j >= input.length) {
      i = j;
      continue;
    }
    const h = hexValue(input[i + 1] ?? -1);
    const l = hexValue(input[i + 2] ?? -1);
    if (h >= 0 && l >= 0) {
      out[n++] = (h << 4) | l;
      i += 2;
    } else out[n++] = c;
  }
  return out.subarray(0, n);
}

/**
 * Quoted-printable for text: line breaks in the input (CRLF or a lone LF) become hard breaks
 * written with `eol`; lines are soft-wrapped at 76 characters; trailing whitespace is encoded.
 */
export function encodeQuotedPrintable(bytes: Uint8Array, eol: string): string {
  const lines: string[] = [];
  let start = 0;
  const pushLine = (end: number) => lines.push(encodeQpLine(bytes.subarray(start, end), eol));
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      pushLine(i > start && bytes[i - 1] === 0x0d ? i - 1 : i);
      start = i + 1;
    }
  }
  if (start < bytes.length) pushLine(bytes.length);
  else if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0a) lines.push('');
  return lines.join(eol);
}

function encodeQpLine(line: Uint8Array, eol: string): string {
  const tokens: string[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    const last = i === line.length - 1;
    const literal = (c >= 33 && c <= 126 && c !== 0x3d) || ((c === 0x20 || c === 0x09) && !last);
    tokens.push(literal ? String.fromCharCode(c) : `=${HEX[c >> 4]}${HEX[c & 15]}`);
  }
  let out = '';
  let width = 0;
  for (const t of tokens) {
    if (width + t.length > 75) {
      out += `=${eol}`;
      width = 0;
    }
    out += t;
    width += t.length;
  }
  return out;
}

export function decodeBase64(input: Uint8Array): Buffer {
  return Buffer.from(Buffer.from(input).toString('latin1').replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
}

/** Base64 in 76-character lines, each ended with `eol` (the body then ends with a line break). */
export function encodeBase64(bytes: Uint8Array, eol: string): string {
  const b64 = Buffer.from(bytes).toString('base64');
  let out = '';
  for (let i = 0; i < b64.length; i += 76) out += b64.slice(i, i + 76) + eol;
  return out;
}

/** The decoded bytes of a body in the given Content-Transfer-Encoding (7bit/8bit/binary/unknown: as is). */
export function decodeTransfer(body: Uint8Array, encoding: string): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    case 'base64':
      return decodeBase64(body);
    default:
      return Buffer.from(body);
  }
}
