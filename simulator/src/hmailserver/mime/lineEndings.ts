/**
 * Line endings as SMTP sees them. hMailServer stores what the client sent, which is CRLF-only:
 * SMTP requires it, clients convert, and the server rejects data with bare LFs
 * ("554 Rejected - Message containing bare LF's."). An `.eml` saved on Unix has LF-only lines,
 * so the pipeline decides: convert (what a client would do) or check (what the server would say).
 */

/** Whether the data contains an LF not preceded by CR. */
export function hasBareLf(data: Buffer): boolean {
  for (let i = data.indexOf(0x0a); i >= 0; i = data.indexOf(0x0a, i + 1)) {
    if (i === 0 || data[i - 1] !== 0x0d) return true;
  }
  return false;
}

/** Every lone LF (and lone CR) becomes CRLF; existing CRLFs stay. Returns the input when nothing changes. */
export function toCrlf(data: Buffer): Buffer {
  if (!hasBareLf(data) && data.indexOf(0x0d) < 0) return data;
  const text = data.toString('latin1');
  const converted = text.replace(/\r\n|\r|\n/g, '\r\n');
  return converted === text ? data : Buffer.from(converted, 'latin1');
}
