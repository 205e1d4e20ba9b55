/**
 * Open documents, their analyses, and when diagnostics go out.
 *
 * An edit schedules a publication after `debounceMs` (0: on the next turn of the event loop, so
 * one batch of changes is analysed once). A request never waits for that timer: it analyses the
 * current text on the spot if the cached analysis is stale, so answers always match the text the
 * client sent last.
 */
import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../../simulator/src/editor';
import type { BuiltinCatalog } from '../../simulator/src/editor';
import type { EncodingInfo } from '../../simulator/src/editor';
import { IncludeLoader, readEncoding } from './files';
import { isJScriptDocument, JScriptDocuments } from './jscript/documents';
import { collectIfGrown, collectWhenIdle } from './memory';
import { toLspDiagnostic } from './providers/diagnostics';
import type { ServerSettings } from './settings';

interface Cached {
  version: number;
  analysis: Analysis;
}

export class DocumentManager {
  readonly documents = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, Cached>();
  private readonly timers = new Map<string, { cancel(): void }>();
  private readonly encodings = new Map<string, EncodingInfo | undefined>();
  private readonly includes = new IncludeLoader();
  /** EventHandlers.js documents go to the JScript analysis; everything else is VBScript. */
  readonly jscript: JScriptDocuments;

  constructor(
    private readonly connection: Connection,
    private readonly settings: () => ServerSettings,
    private readonly debounceMs: number,
    private readonly builtins: BuiltinCatalog,
  ) {
    this.jscript = new JScriptDocuments(settings, (uri) => this.encodings.get(uri));
  }

  listen(): void {
    this.documents.onDidOpen((e) => {
      this.encodings.set(e.document.uri, readEncoding(e.document.uri));
      this.schedule(e.document.uri, 0);
    });
    this.documents.onDidChangeContent((e) => {
      if (isJScriptDocument(e.document)) this.jscript.changed(e.document);
      this.schedule(e.document.uri, this.debounceMs);
    });
    this.documents.onDidSave((e) => {
      // Saving may have changed the encoding on disk (for example after adding a BOM).
      this.encodings.set(e.document.uri, readEncoding(e.document.uri));
      this.cache.delete(e.document.uri);
      this.jscript.invalidate(e.document.uri);
      this.schedule(e.document.uri, 0);
    });
    this.documents.onDidClose((e) => {
      this.timers.get(e.document.uri)?.cancel();
      this.timers.delete(e.document.uri);
      this.cache.delete(e.document.uri);
      this.encodings.delete(e.document.uri);
      this.jscript.close(e.document.uri);
      void this.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
    this.documents.listen(this.connection);
  }

  /** The open JScript document with this uri, if it is one. */
  jscriptDocument(uri: string): TextDocument | undefined {
    const doc = this.documents.get(uri);
    return doc && isJScriptDocument(doc) ? doc : undefined;
  }

  /** The VBScript analysis of the document's current text (computed now if stale); undefined if not open or JScript. */
  analysisFor(uri: string): Analysis | undefined {
    const doc = this.documents.get(uri);
    if (!doc || isJScriptDocument(doc)) return undefined;
    const cached = this.cache.get(uri);
    if (cached && cached.version === doc.version) return cached.analysis;
    const analysis = this.compute(doc);
    this.cache.set(uri, { version: doc.version, analysis });
    return analysis;
  }

  /** Settings changed: everything is re-analysed and re-published. */
  refreshAll(): void {
    this.cache.clear();
    this.jscript.invalidate();
    for (const doc of this.documents.all()) this.schedule(doc.uri, 0);
  }

  private schedule(uri: string, delay: number): void {
    this.timers.get(uri)?.cancel();
    const run = () => {
      this.timers.delete(uri);
      this.publish(uri);
    };
    if (delay <= 0) {
      const handle = setImmediate(run);
      this.timers.set(uri, { cancel: () => clearImmediate(handle) });
    } else {
      const handle = setTimeout(run, delay);
      this.timers.set(uri, { cancel: () => clearTimeout(handle) });
    }
  }

  private publish(uri: string): void {
    const doc = this.documents.get(uri);
    if (doc && isJScriptDocument(doc)) {
      void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: this.jscript.diagnostics(doc) });
      collectIfGrown();
      collectWhenIdle();
      return;
    }
    const analysis = this.analysisFor(uri);
    if (!doc || !analysis) return;
    const diagnostics = analysis.diagnostics.map((d) => toLspDiagnostic(analysis, d));
    void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    collectIfGrown();
    collectWhenIdle();
  }

  private compute(doc: TextDocument): Analysis {
    const settings = this.settings();
    const text = doc.getText();
    const base = {
      version: settings.version,
      rules: settings.rules,
      builtins: this.builtins,
      encoding: this.encodings.get(doc.uri),
      fileName: doc.uri,
    };
    // Include paths come out of the analysis itself: start from the previous ones, and analyse
    // again only when the script's set of includes changed.
    const cached = this.cache.get(doc.uri);
    // The previous tree is handed over to the incremental parser: drop the entry that owns it.
    this.cache.delete(doc.uri);
    const previous = cached?.analysis.includeReferences.map((r) => r.path) ?? [];
    const first = [...settings.includeFiles, ...previous];
    let analysis = analyze(text, {
      ...base,
      previous: cached?.analysis.parse,
      includes: this.includes.load(first, settings.pathMappings, doc.uri),
    });
    const found = [...settings.includeFiles, ...analysis.includeReferences.map((r) => r.path)];
    if (found.join('\n') !== first.join('\n')) {
      analysis = analyze(text, { ...base, parsed: analysis.parse, includes: this.includes.load(found, settings.pathMappings, doc.uri) });
    }
    return analysis;
  }
}
