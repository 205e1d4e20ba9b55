/**
 * The JScript side of the open documents: which documents are JScript, the language service
 * (loaded on the first one), and each document's diagnostics, cached by version.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { JScriptService } from '../../../simulator/src/analysis/jscript/service';
import { encodingFindings, handlerFindings, jscriptHostData, jscriptRuleDiagnostics, languageOfPath, resultFindings, sandboxProgIdNames } from '../../../simulator/src/editor';
import type { AnalysisDiagnostic, EncodingInfo, JScriptHostData } from '../../../simulator/src/editor';
import type { ServerSettings } from '../settings';
import { syntaxDiagnostic, ruleDiagnostic } from './diagnostics';
import { loadJScriptService } from './loader';

export const JSCRIPT_LANGUAGE_ID = 'hmailserver-jscript';

/** A JScript document: the client says so, or (for clients without our language ids) the file is a .js. */
export function isJScriptDocument(doc: Pick<TextDocument, 'languageId' | 'uri'>): boolean {
  if (doc.languageId === JSCRIPT_LANGUAGE_ID || doc.languageId === 'javascript' || doc.languageId === 'jscript') return true;
  if (doc.languageId === 'hmailserver-vbscript' || doc.languageId === 'vbscript' || doc.languageId === 'vb') return false;
  return languageOfPath(doc.uri) === 'jscript';
}

interface CachedDiagnostics {
  version: number;
  rules: AnalysisDiagnostic[];
  lsp: Diagnostic[];
}

export class JScriptDocuments {
  private service: JScriptService | undefined;
  private host: JScriptHostData | undefined;
  private readonly diagnosticsCache = new Map<string, CachedDiagnostics>();

  constructor(
    private readonly settings: () => ServerSettings,
    /** What the file on disk starts with (BOM or not), for `hms-utf8-without-bom`. */
    private readonly encodingOf: (uri: string) => EncodingInfo | undefined,
  ) {}

  /** The service with `doc`'s current text in it. */
  serviceFor(doc: TextDocument): JScriptService {
    const host = jscriptHostData(this.settings().version, sandboxProgIdNames());
    if (!this.service) this.service = loadJScriptService(host);
    else if (host !== this.host) this.service.setHost(host);
    if (host !== this.host) this.diagnosticsCache.clear();
    this.host = host;
    this.service.update(doc.uri, doc.getText(), doc.version);
    return this.service;
  }

  /**
   * An edit arrived: once the service is loaded, it takes the new text at once (a cheap incremental
   * parse of the edit), so the request that follows — a completion as the user types — only checks.
   */
  changed(doc: TextDocument): void {
    if (!this.service || !this.service.has(doc.uri)) return;
    this.serviceFor(doc);
    this.service.synchronize(doc.uri);
  }

  /** The document's diagnostics (syntax errors `js1002`…, rules `hms-…`), computed once per version and settings. */
  diagnostics(doc: TextDocument): Diagnostic[] {
    return this.compute(doc).lsp;
  }

  /** The rule diagnostics with their quick fixes, in offsets. */
  ruleDiagnostics(doc: TextDocument): AnalysisDiagnostic[] {
    return this.compute(doc).rules;
  }

  /** Settings changed (version, rule severities), or one file's encoding on disk: recomputed. */
  invalidate(uri?: string): void {
    if (uri === undefined) this.diagnosticsCache.clear();
    else this.diagnosticsCache.delete(uri);
  }

  close(uri: string): void {
    this.diagnosticsCache.delete(uri);
    this.service?.close(uri);
  }

  private compute(doc: TextDocument): CachedDiagnostics {
    const service = this.serviceFor(doc);
    const cached = this.diagnosticsCache.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const settings = this.settings();
    const analysis = service.analyze(doc.uri)!;
    const findings = [
      ...handlerFindings(analysis.functions, settings.version),
      ...analysis.findings,
      ...resultFindings(analysis.result, analysis.functions),
      ...encodingFindings(doc.getText(), this.encodingOf(doc.uri)),
    ];
    const comments = analysis.comments.map((c) => ({ text: c.text, line: doc.positionAt(c.start).line }));
    const rules = jscriptRuleDiagnostics(findings, comments, (offset) => doc.positionAt(offset).line, settings.rules);
    rules.sort((a, b) => a.start - b.start);
    const lsp = [...analysis.syntax.map(syntaxDiagnostic), ...rules.map((d) => ruleDiagnostic(doc, d))];
    const entry = { version: doc.version, rules, lsp };
    this.diagnosticsCache.set(doc.uri, entry);
    return entry;
  }
}
