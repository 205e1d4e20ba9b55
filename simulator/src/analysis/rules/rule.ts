/**
 * The shape of a diagnostic rule: a stable code, a default severity, and a check that reports
 * through its context. Rules never see settings or suppression comments; the runner applies both.
 */
import type { ServerVersion } from '../../api/index';
import type { ParseResult } from '../../syntax/parseResult';
import type { Binding } from '../binder';
import type { NodeIndex } from '../nodeIndex';
import type { TypeEvaluator } from '../typeEvaluator';

export type RuleSeverity = 'off' | 'hint' | 'information' | 'warning' | 'error';

/** A text replacement in the analysed document, in UTF-16 offsets. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A quick fix computed with the diagnostic, so an editor only has to map offsets. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix the editor should prefer. */
  preferred?: boolean;
}

export interface Finding {
  start: number;
  end: number;
  message: string;
  fixes?: Fix[];
  /** Marks code that has no effect (editors fade it). */
  unnecessary?: boolean;
}

/** The encoding facts the analysis cannot read from text alone. */
export interface EncodingInfo {
  /** The file on disk starts with a UTF-8 BOM (EF BB BF) or is UTF-16 with a BOM. */
  hasBom: boolean;
  /** The file's bytes are not valid UTF-8 (so it is already in an ANSI code page). */
  notUtf8?: boolean;
}

export interface RuleContext {
  source: string;
  parse: ParseResult;
  binding: Binding;
  types: TypeEvaluator;
  nodes: NodeIndex;
  version: ServerVersion;
  encoding: EncodingInfo | undefined;
  report(finding: Finding): void;
}

export interface Rule {
  /** `hms-<kebab-name>`. */
  code: string;
  defaultSeverity: Exclude<RuleSeverity, 'off'>;
  /** One line for settings UIs and docs. */
  description: string;
  check(ctx: RuleContext): void;
}
