/**
 * What the server reads from disk: include files (cached by modification time) and the first bytes
 * of a script, to know whether it carries a BOM. The editor's text has no BOM in it, so this is
 * the only way to tell how hMailServer will decode the file.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { includeSymbols, mapIncludePath, type IncludedSymbol } from '../../simulator/src/editor';
import type { EncodingInfo } from '../../simulator/src/editor';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).toString();
}

/** The BOM and UTF-8 validity of the file behind `uri`; undefined when it is not on disk. */
export function readEncoding(uri: string): EncodingInfo | undefined {
  const p = uriToPath(uri);
  if (!p) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(p);
  } catch {
    return undefined;
  }
  const utf8Bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf16Bom = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  let notUtf8 = false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    notUtf8 = true;
  }
  return { hasBom: utf8Bom || utf16Bom, notUtf8 };
}

interface CachedInclude {
  mtimeMs: number;
  symbols: IncludedSymbol[];
}

/** Loads include files' declarations, re-reading a file only when it changed on disk. */
export class IncludeLoader {
  private readonly cache = new Map<string, CachedInclude>();

  /** Declarations from every include path that resolves to a readable file. */
  load(paths: readonly string[], mappings: Readonly<Record<string, string>>, documentUri: string): IncludedSymbol[] {
    const docPath = uriToPath(documentUri);
    const baseDir = docPath ? path.dirname(docPath) : undefined;
    const out: IncludedSymbol[] = [];
    const seen = new Set<string>();
    for (const written of paths) {
      const local = mapIncludePath(written, mappings, baseDir);
      if (!local || seen.has(local) || local === docPath) continue;
      seen.add(local);
      out.push(...this.read(local));
    }
    return out;
  }

  private read(file: string): IncludedSymbol[] {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      this.cache.delete(file);
      return [];
    }
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.symbols;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return [];
    }
    const symbols = includeSymbols(pathToUri(file), text.replace(/^\uFEFF/, ''));
    this.cache.set(file, { mtimeMs, symbols });
    return symbols;
  }
}
