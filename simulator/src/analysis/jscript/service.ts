/**
 * The JScript language service: TypeScript's language service over
 * - the ES3 library (lib.es5.d.ts without what jscript.dll lacks, generated at build time),
 * - the hMailServer declarations generated from the API data for the configured version,
 * - a virtual copy of each open EventHandlers.js, cut into pieces of global code (scriptFiles.ts:
 *   an edit re-parses and re-binds only its own function), in which every top-level event handler
 *   gets a JSDoc comment typing its parameters (`@param {hMailServer.Message} oMessage`), with
 *   offsets mapped back to the user's text (`VirtualText`, `Piece`).
 *
 * It answers completions, hover, signature help, outline, folding, definition, references, rename
 * (what the script declares, never a handler or an API member) and formatting, and finds what
 * TypeScript's types reveal: ES5 built-ins on values of the right type (`hms-js-es5-builtin`),
 * members hMailServer objects do not have (`hms-unknown-member`, `hms-unavailable-in-version`), and
 * the facts the Result rules and inlay hints judge (resultFacts.ts → result.ts). Syntax errors come
 * from the project's ES3 parser, never from TypeScript. Rule severities and suppressions are
 * applied by the caller (`rules.ts`), which also checks handler names.
 *
 * Heavy (TypeScript): bundled on its own as dist/jscriptService.js and loaded on the first JScript
 * document. It takes the API through `JScriptHostData` and imports nothing from `api/` at run time.
 */
import ts from 'typescript';
import { parseJScript } from '../../syntax/jscript/parser';
import type { SyntaxDiagnostic } from '../../syntax/parseResult';
import type { JScriptHostData, JsEventInfo } from './declarations';
import { JSCRIPT_KEYWORDS } from '../../syntax/jscript/keywords';
import { findingsOf } from './findings';
import { resultFactsOf, type JsResultFacts } from './resultFacts';
import type { JsFinding, JsFunctionInfo } from './rules';
import { scanScript, type ScanResult } from './scan';
import { layOut, pieceAt, Snapshot, type Piece, type SourceEntry } from './scriptFiles';
import type { Insertion } from './virtualText';

const LIB_FILE = '/hmailserver/lib.es3.d.ts';
const API_FILE = '/hmailserver/hmailserver.d.ts';

const OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  noLib: true,
  noResolve: true,
  types: [],
  target: ts.ScriptTarget.ES5,
  ignoreDeprecations: '6.0',
  allowNonTsExtensions: true,
  noEmit: true,
  strict: false,
};


const KEYWORDS = new Set(JSCRIPT_KEYWORDS);
/** Completions TypeScript offers that jscript.dll does not have. */
const HIDDEN = new Set(['globalThis']);

export interface JsCompletionEntry {
  label: string;
  /** TypeScript's element kind (`method`, `property`, `var`, `keyword` …) or `event` for a handler skeleton. */
  kind: string;
  sortText: string;
  detail?: string;
  documentation?: string;
  insertText?: string;
  /** The insert text is a snippet (`$0`). */
  snippet?: boolean;
  /** Replace [replaceStart, request offset) in the document. */
  replaceStart?: number;
  replaceEnd?: number;
  /** Ask `completionDetails` for detail and documentation. */
  resolvable?: boolean;
}

export interface JsCompletionDetails {
  detail: string;
  documentation: string;
}

export interface JsHover {
  markdown: string;
  start: number;
  end: number;
}

export interface JsSignatureHelp {
  signatures: Array<{ label: string; parameters: string[]; documentation: string }>;
  activeSignature: number;
  activeParameter: number;
}

export interface JsOutlineItem {
  name: string;
  /** `event` for a handler of a known event (any version), else TypeScript's element kind. */
  kind: string;
  start: number;
  end: number;
  selectionStart: number;
  selectionEnd: number;
  children: JsOutlineItem[];
}

export interface JsAnalysis {
  syntax: SyntaxDiagnostic[];
  /** Type-based findings (ES5 built-ins, unknown members); handler names are the caller's. */
  findings: JsFinding[];
  functions: JsFunctionInfo[];
  comments: Array<{ text: string; start: number }>;
  /** Named items and `Result.X = …` in the handlers, for the Result rules and inlay hints (result.ts). */
  result: JsResultFacts;
}

/** A span of the user's text. */
export interface JsSpan {
  start: number;
  end: number;
}

export type JsRenameCheck = { ok: true; start: number; end: number; name: string } | { ok: false; reason: string };

export interface JsFormatOptions {
  tabSize: number;
  insertSpaces: boolean;
}

export interface JsTextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface JScriptServiceOptions {
  /** The ES3 library text. */
  libText: string;
  host: JScriptHostData;
}

/** An open script: its pieces (scriptFiles.ts) in a language service of its own, so scripts never share a scope. */
interface OpenScript {
  id: number;
  text: string;
  version: number;
  scan: ScanResult;
  pieces: Piece[];
  byFile: Map<string, Piece>;
  ls: ts.LanguageService;
  analysis?: JsAnalysis;
  result?: JsResultFacts;
}

export class JScriptService {
  /** The ES3 library and the API declarations, in every script's program. */
  private readonly shared = new Map<string, SourceEntry>();
  /** Files TypeScript only parses (formatting), never part of a program. */
  private readonly syntaxOnly = new Map<string, SourceEntry>();
  private readonly scripts = new Map<string, OpenScript>();
  private host: JScriptHostData;
  private eventsByName: Map<string, JsEventInfo>;
  /** Shared by the scripts' language services: one tree of the library and declarations. */
  private readonly registry = ts.createDocumentRegistry(true, '/');
  private counter = 0;
  private pieceCounter = 0;
  private formatVersion = 0;

  constructor(options: JScriptServiceOptions) {
    this.host = options.host;
    this.eventsByName = new Map(options.host.events.map((e) => [e.name, e]));
    this.shared.set(LIB_FILE, { snapshot: new Snapshot(options.libText), version: 1 });
    this.shared.set(API_FILE, { snapshot: new Snapshot(options.host.declarations), version: 1 });
  }

  private createLanguageService(s: OpenScript): ts.LanguageService {
    const { shared, syntaxOnly } = this;
    const entry = (f: string) => shared.get(f) ?? s.byFile.get(f)?.entry ?? syntaxOnly.get(f);
    const serviceHost: ts.LanguageServiceHost = {
      getCompilationSettings: () => OPTIONS,
      getScriptFileNames: () => [LIB_FILE, API_FILE, ...s.pieces.map((p) => p.fileName)],
      getScriptVersion: (f) => String(entry(f)?.version ?? 0),
      getScriptSnapshot: (f) => entry(f)?.snapshot,
      getScriptKind: (f) => (f.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS),
      getCurrentDirectory: () => '/',
      getDefaultLibFileName: () => LIB_FILE,
      fileExists: (f) => entry(f) !== undefined,
      readFile: (f) => entry(f)?.snapshot.text,
      useCaseSensitiveFileNames: () => true,
    };
    return ts.createLanguageService(serviceHost, this.registry);
  }

  /** Another server version (or other ProgIDs): new declarations, same scripts. */
  setHost(host: JScriptHostData): void {
    if (host === this.host) return;
    this.host = host;
    this.eventsByName = new Map(host.events.map((e) => [e.name, e]));
    const entry = this.shared.get(API_FILE)!;
    this.shared.set(API_FILE, { snapshot: new Snapshot(host.declarations), version: entry.version + 1 });
    for (const s of this.scripts.values()) {
      s.analysis = undefined;
      s.result = undefined;
    }
  }

  /** Opens or updates a script; cheap when the version is the one already known. */
  update(uri: string, text: string, version: number): void {
    const existing = this.scripts.get(uri);
    if (existing && existing.version === version && existing.text === text) return;
    const scan = scanScript(text);
    const s: OpenScript = existing ?? ({ id: ++this.counter, pieces: [], byFile: new Map() } as unknown as OpenScript);
    const dir = `/scripts/${s.id}/`;
    s.pieces = layOut(text, scan, this.handlerInsertions(scan), s.pieces, () => `${dir}${++this.pieceCounter}.js`);
    s.byFile = new Map(s.pieces.map((p) => [p.fileName, p]));
    s.text = text;
    s.version = version;
    s.scan = scan;
    s.analysis = undefined;
    s.result = undefined;
    if (!existing) {
      s.ls = this.createLanguageService(s);
      this.scripts.set(uri, s);
    }
  }

  /** The piece `offset` falls in, and the offset in its virtual text. */
  private locate(s: OpenScript, offset: number): { piece: Piece; fileName: string; position: number } {
    const piece = pieceAt(s.pieces, offset);
    return { piece, fileName: piece.fileName, position: piece.toVirtual(offset) };
  }

  /** A span TypeScript reported, in the user's text; undefined outside the script or inside inserted text. */
  private spanOf(s: OpenScript, fileName: string, span: ts.TextSpan): JsSpan | undefined {
    return s.byFile.get(fileName)?.originalSpan(span.start, span.start + span.length);
  }

  /**
   * Brings the script's program up to date (TypeScript re-parses and re-binds the edited piece and
   * makes its new type checker). Called on every edit, so the request that follows — a completion
   * as the user types — only answers, and each incremental parse spans one edit, not everything
   * between two requests.
   */
  synchronize(uri: string): void {
    this.scripts.get(uri)?.ls.getProgram();
  }

  close(uri: string): void {
    const s = this.scripts.get(uri);
    if (!s) return;
    this.scripts.delete(uri);
    s.ls.dispose();
  }

  has(uri: string): boolean {
    return this.scripts.has(uri);
  }

  /** The JSDoc typing each top-level handler's parameters (and documenting the event). */
  private handlerInsertions(scan: ScanResult): Insertion[] {
    const out: Insertion[] = [];
    for (const f of scan.functions) {
      const e = this.eventsByName.get(f.name);
      if (!e) continue;
      const lines = [e.documentation.replace(/\*\//g, '* /')];
      f.params.forEach((p, i) => {
        const type = e.params[i]?.tsType;
        if (type) lines.push(`@param {${type}} ${p}`);
      });
      out.push({ at: f.keywordStart, text: `/**\n${lines.map((l) => ` * ${l.replace(/\n/g, '\n * ')}`).join('\n')}\n */\n` });
    }
    return out;
  }

  analyze(uri: string): JsAnalysis | undefined {
    const s = this.scripts.get(uri);
    if (!s) return undefined;
    if (s.analysis) return s.analysis;
    const parsed = parseJScript(s.text, uri);
    const program = s.ls.getProgram();
    const findings: JsFinding[] = [];
    for (const piece of s.pieces) {
      const source = program?.getSourceFile(piece.fileName);
      if (program && source) findings.push(...findingsOf(program, source, piece, s.scan, this.host, API_FILE, LIB_FILE));
    }
    s.analysis = { syntax: parsed.diagnostics, findings, functions: this.functionsOf(s), comments: s.scan.comments, result: this.resultFactsOf(s) };
    return s.analysis;
  }

  private functionsOf(s: OpenScript): JsFunctionInfo[] {
    return s.scan.functions.map((f) => ({
      name: f.name,
      start: f.start,
      end: f.end,
      referenced: (s.scan.identifierCounts.get(f.name) ?? 0) > 1,
      params: f.params.length,
    }));
  }

  private resultFactsOf(s: OpenScript): JsResultFacts {
    if (s.result) return s.result;
    const program = s.ls.getProgram();
    const namedItems = new Set(this.host.namedItems);
    const result: JsResultFacts = { namedItems: [], assignments: [] };
    for (const piece of s.pieces) {
      const source = program?.getSourceFile(piece.fileName);
      if (!program || !source) continue;
      const facts = resultFactsOf(program, source, piece, namedItems, API_FILE);
      result.namedItems.push(...facts.namedItems);
      result.assignments.push(...facts.assignments);
    }
    s.result = result;
    return result;
  }

  /** The Result facts and the top-level functions, without the rest of the analysis (inlay hints, hover). */
  resultFacts(uri: string): { result: JsResultFacts; functions: JsFunctionInfo[] } | undefined {
    const s = this.scripts.get(uri);
    if (!s) return undefined;
    return { result: this.resultFactsOf(s), functions: s.analysis?.functions ?? this.functionsOf(s) };
  }

  completions(uri: string, offset: number, triggerCharacter?: string): JsCompletionEntry[] {
    const s = this.scripts.get(uri);
    if (!s) return [];
    const { piece, fileName, position } = this.locate(s, offset);
    const lineStart = Math.max(s.text.lastIndexOf('\n', offset - 1) + 1, 0);
    const before = s.text.slice(lineStart, offset);
    const inComment = () => s.ls.getSpanOfEnclosingComment(fileName, position, false) !== undefined;
    const afterFunction = /\bfunction\s+([A-Za-z_$][\w$]*)?$/.exec(before);
    if (afterFunction) return inComment() ? [] : this.handlerNames(s, offset - (afterFunction[1]?.length ?? 0), offset);
    if (triggerCharacter === ' ') return [];
    const info = s.ls.getCompletionsAtPosition(fileName, position, {
      triggerCharacter: triggerCharacter as ts.CompletionsTriggerCharacter | undefined,
      includeCompletionsForModuleExports: false,
      includeCompletionsWithInsertText: true,
      includeAutomaticOptionalChainCompletions: false,
      includeCompletionsWithClassMemberSnippets: false,
      includeCompletionsWithObjectLiteralMethodSnippets: false,
    });
    const out: JsCompletionEntry[] = [];
    const only = info?.isMemberCompletion ? this.apiMembersAt(s, fileName, position) : undefined;
    if (info) {
      // In a JS file TypeScript adds every word of the file (kind `warning`); they only help where
      // nothing is known, e.g. after `x.` on an untyped x.
      const typed = info.entries.some((e) => e.kind !== ts.ScriptElementKind.warning);
      const seen = new Set<string>();
      for (const e of info.entries) {
        if (typed && e.kind === ts.ScriptElementKind.warning) continue;
        if (only && !only.has(e.name)) continue;
        if (e.source || HIDDEN.has(e.name)) continue;
        if (e.kind === ts.ScriptElementKind.keyword && !KEYWORDS.has(e.name)) continue;
        const entry: JsCompletionEntry = { label: e.name, kind: e.kind, sortText: e.sortText, resolvable: e.kind !== ts.ScriptElementKind.warning && e.kind !== ts.ScriptElementKind.keyword };
        if (e.insertText !== undefined && e.insertText !== e.name) entry.insertText = e.insertText;
        if (e.replacementSpan) {
          entry.replaceStart = piece.toOriginal(e.replacementSpan.start);
          entry.replaceEnd = piece.toOriginal(e.replacementSpan.start + e.replacementSpan.length);
        }
        seen.add(e.name);
        out.push(entry);
      }
      // TypeScript's words come from the piece the cursor is in; the script has more.
      if (!typed && info.entries.some((e) => e.kind === ts.ScriptElementKind.warning)) {
        const word = /[A-Za-z_$][\w$]*$/.exec(before)?.[0];
        for (const name of s.scan.identifierCounts.keys()) {
          if (!seen.has(name) && name !== word) out.push({ label: name, kind: ts.ScriptElementKind.warning, sortText: '18', resolvable: false });
        }
      }
    }
    // A handler skeleton where a statement starts with `On…`.
    const statementStart = /^\s*(On[\w$]*)$/.exec(before);
    if (statementStart && !info?.isMemberCompletion && !inComment()) {
      for (const item of this.handlerNames(s, offset - statementStart[1].length, offset)) {
        out.push({ ...item, label: `function ${item.label}`, insertText: `function ${item.insertText}` });
      }
    }
    return out;
  }

  /**
   * After `x.` where x is an hMailServer object: the names it has (TypeScript would add Function's
   * apply, call, length … to a collection, which is callable for `coll(0)`), or none at all after a
   * COM method used without a call. Undefined elsewhere.
   */
  private apiMembersAt(s: OpenScript, fileName: string, position: number): Set<string> | undefined {
    const program = s.ls.getProgram();
    const source = program?.getSourceFile(fileName);
    if (!program || !source) return undefined;
    let access: ts.PropertyAccessExpression | undefined;
    const visit = (node: ts.Node): void => {
      if (position < node.pos || position > node.end) return;
      if (ts.isPropertyAccessExpression(node) && node.expression.end < position && position <= node.name.end) access = node;
      ts.forEachChild(node, visit);
    };
    visit(source);
    if (!access) return undefined;
    const checker = program.getTypeChecker();
    const receiverSymbol = checker.getSymbolAtLocation(access.expression);
    const fromApi = (symbol: ts.Symbol | undefined) => symbol?.declarations?.some((d) => d.getSourceFile().fileName === API_FILE) === true;
    if (fromApi(receiverSymbol) && receiverSymbol!.flags & ts.SymbolFlags.Method) return new Set();
    const type = checker.getTypeAtLocation(access.expression);
    const typeSymbol = type.getSymbol();
    if (!typeSymbol || !(typeSymbol.flags & ts.SymbolFlags.Interface) || !fromApi(typeSymbol)) return undefined;
    return new Set(type.getProperties().map((p) => p.name));
  }

  /** Events of the configured version not yet handled, as `Name(params) { }` skeletons. */
  private handlerNames(s: OpenScript, replaceStart: number, offset: number): JsCompletionEntry[] {
    const defined = new Set(s.scan.functions.filter((f) => !(f.start <= offset && offset <= f.end)).map((f) => f.name));
    return this.host.events
      .filter((e) => e.available && !defined.has(e.name))
      .map((e, i) => ({
        label: e.name,
        kind: 'event',
        sortText: String(i).padStart(2, '0'),
        detail: e.prototype,
        documentation: e.documentation,
        insertText: `${e.name}(${e.params.map((p) => p.name).join(', ')}) {\n\t$0\n}`,
        snippet: true,
        replaceStart,
        replaceEnd: offset,
      }));
  }

  completionDetails(uri: string, offset: number, name: string): JsCompletionDetails | undefined {
    const s = this.scripts.get(uri);
    if (!s) return undefined;
    const { fileName, position } = this.locate(s, offset);
    const d = s.ls.getCompletionEntryDetails(fileName, position, name, undefined, undefined, undefined, undefined);
    if (!d) return undefined;
    return { detail: ts.displayPartsToString(d.displayParts), documentation: documentationOf(d.documentation, d.tags) };
  }

  hover(uri: string, offset: number): JsHover | undefined {
    const s = this.scripts.get(uri);
    if (!s) return undefined;
    const { piece, fileName, position } = this.locate(s, offset);
    const q = s.ls.getQuickInfoAtPosition(fileName, position);
    if (!q) return undefined;
    const signature = ts.displayPartsToString(q.displayParts);
    const doc = documentationOf(q.documentation, q.tags);
    const start = piece.toOriginal(q.textSpan.start);
    const end = piece.toOriginal(q.textSpan.start + q.textSpan.length);
    return { markdown: `\`\`\`typescript\n${signature}\n\`\`\`${doc ? `\n\n${doc}` : ''}`, start, end };
  }

  signatureHelp(uri: string, offset: number, triggerCharacter?: string): JsSignatureHelp | undefined {
    const s = this.scripts.get(uri);
    if (!s) return undefined;
    const reason: ts.SignatureHelpTriggerReason =
      triggerCharacter === '(' || triggerCharacter === ','
        ? { kind: 'characterTyped', triggerCharacter }
        : { kind: 'invoked' };
    const { fileName, position } = this.locate(s, offset);
    const help = s.ls.getSignatureHelpItems(fileName, position, { triggerReason: reason });
    if (!help) return undefined;
    return {
      signatures: help.items.map((item) => {
        const parameters = item.parameters.map((p) => ts.displayPartsToString(p.displayParts));
        const separator = ts.displayPartsToString(item.separatorDisplayParts);
        const label = ts.displayPartsToString(item.prefixDisplayParts) + parameters.join(separator) + ts.displayPartsToString(item.suffixDisplayParts);
        return { label, parameters, documentation: documentationOf(item.documentation, item.tags) };
      }),
      activeSignature: help.selectedItemIndex,
      activeParameter: help.argumentIndex,
    };
  }

  /** Functions and variables of the script, nested as declared (handlers as `event`). */
  outline(uri: string): JsOutlineItem[] {
    const s = this.scripts.get(uri);
    if (!s) return [];
    const convert = (piece: Piece, item: ts.NavigationTree, depth: number): JsOutlineItem | undefined => {
      const span = item.spans[0];
      if (!span || item.text.startsWith('<')) return undefined;
      const name = item.nameSpan ?? span;
      const children = depth < 3 ? inOrder(piece, item.childItems, depth + 1) : [];
      const isHandler = depth === 0 && item.kind === ts.ScriptElementKind.functionElement && this.eventsByName.has(item.text);
      const selectionStart = piece.toOriginal(name.start);
      const selectionEnd = piece.toOriginal(name.start + name.length);
      // `Foo.prototype.bar = function …`: TypeScript's span is the function, its name lies before it;
      // a symbol's range must contain its name (VS Code rejects the whole outline otherwise).
      return {
        name: item.text,
        kind: isHandler ? 'event' : item.kind,
        start: Math.min(piece.toOriginal(span.start), selectionStart),
        end: Math.max(piece.toOriginal(span.start + span.length), selectionEnd),
        selectionStart,
        selectionEnd,
        children,
      };
    };
    // TypeScript lists them by name: the outline follows the script.
    const inOrder = (piece: Piece, items: ts.NavigationTree[] | undefined, depth: number): JsOutlineItem[] =>
      (items ?? [])
        .map((c) => convert(piece, c, depth))
        .filter((c): c is JsOutlineItem => c !== undefined)
        .sort((a, b) => a.start - b.start);
    return s.pieces.flatMap((piece) => inOrder(piece, s.ls.getNavigationTree(piece.fileName).childItems, 0));
  }

  /** Foldable regions (blocks, comments) in offsets of the user's text; none from the inserted JSDoc. */
  foldingRegions(uri: string): Array<{ start: number; end: number; kind: string }> {
    const s = this.scripts.get(uri);
    if (!s) return [];
    const out: Array<{ start: number; end: number; kind: string }> = [];
    for (const piece of s.pieces) {
      for (const o of s.ls.getOutliningSpans(piece.fileName)) {
        const start = piece.toOriginal(o.textSpan.start);
        const end = piece.toOriginal(o.textSpan.start + o.textSpan.length);
        if (end > start) out.push({ start, end, kind: o.kind });
      }
    }
    return out;
  }

  /** Where the name under the cursor is declared in the script (API and library declarations have no place in it). */
  definition(uri: string, offset: number): JsSpan[] {
    const s = this.scripts.get(uri);
    if (!s) return [];
    const { fileName, position } = this.locate(s, offset);
    const out: JsSpan[] = [];
    for (const d of s.ls.getDefinitionAtPosition(fileName, position) ?? []) {
      const piece = s.byFile.get(d.fileName);
      if (piece) out.push({ start: piece.toOriginal(d.textSpan.start), end: piece.toOriginal(d.textSpan.start + d.textSpan.length) });
    }
    return out;
  }

  /**
   * Every occurrence in the script of what the name under the cursor refers to: the script's
   * functions and variables, and also an API member or named item (`oMessage.Subject`, `Result`),
   * whose declarations lie outside the script. None from the inserted JSDoc.
   */
  references(uri: string, offset: number, includeDeclaration: boolean): JsSpan[] {
    const s = this.scripts.get(uri);
    if (!s) return [];
    const { fileName, position } = this.locate(s, offset);
    const out = new Map<number, JsSpan>();
    for (const symbol of s.ls.findReferences(fileName, position) ?? []) {
      const d = symbol.definition;
      for (const r of symbol.references) {
        const isDeclaration = r.isDefinition || (d.fileName === r.fileName && d.textSpan.start === r.textSpan.start);
        if (!includeDeclaration && isDeclaration) continue;
        const span = this.spanOf(s, r.fileName, r.textSpan);
        if (span) out.set(span.start, span);
      }
    }
    return [...out.values()].sort((a, b) => a.start - b.start);
  }

  /**
   * Whether the name under the cursor can be renamed: only what the script declares, and not an
   * event handler (hMailServer calls it by its name), as VBScript's rename.
   */
  prepareRename(uri: string, offset: number): JsRenameCheck {
    const s = this.scripts.get(uri);
    if (!s) return { ok: false, reason: 'Nothing to rename here.' };
    const { fileName, position } = this.locate(s, offset);
    const defs = s.ls.getDefinitionAtPosition(fileName, position) ?? [];
    if (defs.some((d) => !s.byFile.has(d.fileName))) {
      return { ok: false, reason: `${defs[0].name} is provided by hMailServer or JScript and cannot be renamed.` };
    }
    const info = s.ls.getRenameInfo(fileName, position, { allowRenameOfImportPath: false });
    const span = info.canRename ? this.spanOf(s, fileName, info.triggerSpan) : undefined;
    if (!span || defs.length === 0) return { ok: false, reason: 'Nothing to rename here.' };
    const name = s.text.slice(span.start, span.end);
    const handler = defs.some((d) => {
      const at = this.spanOf(s, d.fileName, d.textSpan);
      return at !== undefined && s.scan.functions.some((f) => f.start === at.start && this.eventsByName.has(f.name));
    });
    if (handler) return { ok: false, reason: `${name} is an event handler: hMailServer calls it by this name.` };
    return { ok: true, ...span, name };
  }

  /** The spans to replace with `newName`, or why not. */
  renameLocations(uri: string, offset: number, newName: string): { edits: JsSpan[] } | { error: string } {
    const check = this.prepareRename(uri, offset);
    if (!check.ok) return { error: check.reason };
    if (!/^[A-Za-z_$][\w$]*$/.test(newName) || RESERVED.has(newName)) return { error: `'${newName}' is not a valid JScript name.` };
    if (this.eventsByName.has(newName)) return { error: `'${newName}' is an event name: hMailServer would call it.` };
    const s = this.scripts.get(uri)!;
    const { fileName, position } = this.locate(s, offset);
    const out = new Map<number, JsSpan>();
    for (const l of s.ls.findRenameLocations(fileName, position, false, false, { providePrefixAndSuffixTextForRename: false }) ?? []) {
      const span = this.spanOf(s, l.fileName, l.textSpan);
      if (span) out.set(span.start, span);
    }
    return { edits: [...out.values()].sort((a, b) => a.start - b.start) };
  }

  /**
   * Formatting edits for the whole script by TypeScript's formatter, over the user's text itself (a
   * file outside the program: formatting needs only the syntax tree), with settings that keep ES3:
   * whitespace and indentation only, semicolons left as they are.
   */
  format(uri: string, options: JsFormatOptions): JsTextEdit[] {
    const s = this.scripts.get(uri);
    if (!s) return [];
    const fileName = `/scripts/${s.id}/format.js`;
    this.syntaxOnly.set(fileName, { snapshot: new Snapshot(s.text), version: ++this.formatVersion });
    const newLine = /\r\n/.test(s.text) ? '\r\n' : '\n';
    const settings: ts.FormatCodeSettings = {
      ...ts.getDefaultFormatCodeSettings(newLine),
      tabSize: options.tabSize,
      indentSize: options.tabSize,
      convertTabsToSpaces: options.insertSpaces,
      indentStyle: ts.IndentStyle.Smart,
      semicolons: ts.SemicolonPreference.Ignore,
      trimTrailingWhitespace: true,
      insertSpaceAfterFunctionKeywordForAnonymousFunctions: true,
      insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true,
      placeOpenBraceOnNewLineForFunctions: false,
      placeOpenBraceOnNewLineForControlBlocks: false,
    };
    try {
      return s.ls.getFormattingEditsForDocument(fileName, settings).map((e) => ({ start: e.span.start, end: e.span.start + e.span.length, newText: e.newText }));
    } finally {
      // The tree stays in TypeScript's syntax cache until the next syntactic request; the text need not.
      this.syntaxOnly.delete(fileName);
    }
  }
}

/** ES3's reserved words (7.5.1–7.5.3): no JScript name. */
const RESERVED = new Set([
  ...JSCRIPT_KEYWORDS,
  ...'abstract boolean byte char class const double enum export extends final float goto implements import int interface long native package private protected public short static super synchronized throws transient volatile'.split(' '),
]);

function documentationOf(doc: readonly ts.SymbolDisplayPart[] | undefined, tags: readonly ts.JSDocTagInfo[] | undefined): string {
  const parts = [ts.displayPartsToString(doc ? [...doc] : [])];
  for (const t of tags ?? []) {
    if (t.name === 'param') continue;
    const text = t.text ? ts.displayPartsToString(t.text) : '';
    parts.push(`*@${t.name}*${text ? ` — ${text}` : ''}`);
  }
  return parts.filter((p) => p).join('\n\n');
}

export function createJScriptService(options: JScriptServiceOptions): JScriptService {
  return new JScriptService(options);
}
