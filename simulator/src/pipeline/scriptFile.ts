/**
 * The event script as hMailServer reads it (§2.1): bytes decoded by BOM — UTF-8 with an
 * EF BB BF BOM, UTF-16LE with FF FE, anything else as ANSI (Windows-1252), so UTF-8 without
 * a BOM is misread exactly as on the server — then parsed once for every firing of the run.
 */
import iconv from 'iconv-lite';
import { readFileSync, statSync } from 'node:fs';
import { LineIndex } from '../syntax/lineIndex';
import { languageOfPath } from '../syntax/language';
import { parseScript, type ParsedScript } from './scriptLanguage';

export type ScriptEncoding = 'utf-8' | 'utf-16le' | 'ansi';

/** The file, its language (by extension) and its parse. */
export type ScriptFile = ParsedScript & {
  /** Absolute path on this machine. */
  path: string;
  source: string;
  encoding: ScriptEncoding;
  /** 1-based line of the call the server appends after CRLF CRLF (errors in it are reported there). */
  callLine: number;
};

export function decodeScript(bytes: Buffer): { source: string; encoding: ScriptEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { source: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { source: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  // Node's TextDecoder treats windows-1252 as Latin-1 (0x80 would not be €): iconv-lite has the real table.
  return { source: iconv.decode(bytes, 'windows-1252'), encoding: 'ansi' };
}

/** Parsed scripts by path, reused while the file is unchanged (replays and test runs read the same script many times). */
const cache = new Map<string, { mtimeMs: number; size: number; file: ScriptFile }>();

export function readScriptFile(path: string): ScriptFile {
  const stat = statSync(path);
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.file;
  const { source, encoding } = decodeScript(readFileSync(path));
  const file = scriptFileFromSource(path, source, encoding);
  cache.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, file });
  return file;
}

export function scriptFileFromSource(path: string, source: string, encoding: ScriptEncoding = 'utf-8'): ScriptFile {
  // file + CRLF CRLF + call: the call sits two lines below the file's last line.
  const callLine = new LineIndex(source).lineCount + 2;
  return { path, source, encoding, callLine, ...parseScript(languageOfPath(path), source, path) };
}
