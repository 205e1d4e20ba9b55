/**
 * The text the language service sees: the user's text with insertions (JSDoc before handlers) and
 * a suffix, and the offset mapping both ways. An offset inside an insertion maps to where the
 * insertion was made.
 */
export interface Insertion {
  /** Offset in the original text; the insertion goes before the character there. */
  at: number;
  text: string;
}

/** Offsets of a text TypeScript sees back to the user's text. */
export interface TextMapping {
  toOriginal(offset: number): number;
  originalSpan(start: number, end: number): { start: number; end: number } | undefined;
}

export class VirtualText implements TextMapping {
  readonly text: string;
  private readonly insertions: Insertion[];

  constructor(
    readonly original: string,
    insertions: readonly Insertion[],
    suffix = '',
  ) {
    this.insertions = [...insertions].sort((a, b) => a.at - b.at);
    let text = '';
    let at = 0;
    for (const ins of this.insertions) {
      text += original.slice(at, ins.at) + ins.text;
      at = ins.at;
    }
    this.text = text + original.slice(at) + suffix;
  }

  toVirtual(offset: number): number {
    let shift = 0;
    for (const ins of this.insertions) {
      if (ins.at > offset) break;
      shift += ins.text.length;
    }
    return offset + shift;
  }

  toOriginal(offset: number): number {
    let shift = 0;
    for (const ins of this.insertions) {
      const start = ins.at + shift;
      if (offset < start) break;
      if (offset < start + ins.text.length) return ins.at;
      shift += ins.text.length;
    }
    return Math.min(offset - shift, this.original.length);
  }

  /**
   * The span of the user's text a span of the virtual text covers, or undefined when it lies in an
   * insertion (the JSDoc typing a handler's parameters) or in the suffix.
   */
  originalSpan(start: number, end: number): { start: number; end: number } | undefined {
    const from = this.toOriginal(start);
    if (this.toVirtual(from) !== start || end < start) return undefined;
    const to = from + (end - start);
    if (to > this.original.length) return undefined;
    // No insertion inside the span: it maps one to one.
    if (this.insertions.some((ins) => from < ins.at && ins.at < to)) return undefined;
    return { start: from, end: to };
  }
}
