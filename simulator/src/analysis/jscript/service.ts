/**
 * The JScript language service: TypeScript's language service over
 * - the ES3 library (lib.es5.d.ts without what jscript.dll lacks, generated at build time),
 * - the hMailServer declarations generated from the API data for the configured version,
 * - a virtual copy of each open EventHandlers.js in which every top-level event handler gets a
 *   JSDoc comment typing its parameters (`@param {hMailServer.Message} oMessage`), with offsets
 *   mapped back to the user's text (`VirtualText`).
 *
 * It answers completions, hover and signature help, and finds what TypeScript's types reveal:
 * ES5 built-ins on values of the right type (`hms-js-es5-builtin`) and members hMailServer objects
 * do not have (`hms-unknown-member`, `hms-unavailable-in-version`). Syntax errors come from the
 * project's ES3 parser, never from TypeScript. Rule severities and suppressions are applied by the
 * caller (`rules.ts`), which also checks handler names.
 *
 * Heavy (TypeScript): bundled on its own as dist/jscriptService.js and loaded on the first JScript
 * document. It takes the API through `JScriptHostData` and imports nothing from `api/` at run time.
 */
import ts from 'typescript';
import { parseJScript } from '../../syntax/jscript/parser';
import type { SyntaxDiagnostic } from '../../syntax/parseResult';
import type { JScriptHostData, JsEventInfo } from './declarations';
import { ES3_KEYWORDS } from './es5Builtins';
import { findingsOf } from './findings';
import type { JsFinding, JsFunctionInfo } from './rules';
import { scanScript, type ScanResult } from './scan';
import { VirtualText, type Insertion } from './virtualText';

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

/** A module marker after the user's text: each open script is its own scope. */
const SUFFIX = '\n;export {};\n';

const KEYWORDS = new Set(ES3_KEYWORDS);
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
}

export interface JScriptServiceOptions {
  /** The ES3 library text. */
  libText: string;
  host: JScriptHostData;
}

interface OpenScript {
  fileName: string;
  text: string;
  version: number;
  scan: ScanResult;
  virtual: VirtualText;
  analysis?: JsAnalysis;
}

/** A snapshot that tells TypeScript what changed, so an edit re-parses incrementally. */
class Snapshot implements ts.IScriptSnapshot {
  constructor(readonly text: string) {}
  getText(start: number, end: number): string {
    return this.text.slice(start, end);
  }
  getLength(): number {
    return this.text.length;
  }
  getChangeRange(old: ts.IScriptSnapshot): ts.TextChangeRange | undefined {
    if (!(old instanceof Snapshot)) return undefined;
    const a = old.text;
    const b = this.text;
    let prefix = 0;
    const max = Math.min(a.length, b.length);
    while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
    return ts.createTextChangeRange(ts.createTextSpan(prefix, a.length - prefix - suffix), b.length - prefix - suffix);
  }
}

export class JScriptService {
  private readonly files = new Map<string, { snapshot: Snapshot; version: number }>();
  private readonly scripts = new Map<string, OpenScript>();
  private host: JScriptHostData;
  private eventsByName: Map<string, JsEventInfo>;
  private readonly ls: ts.LanguageService;
  private counter = 0;

  constructor(options: JScriptServiceOptions) {
    this.host = options.host;
    this.eventsByName = new Map(options.host.events.map((e) => [e.name, e]));
    this.files.set(LIB_FILE, { snapshot: new Snapshot(options.libText), version: 1 });
    this.files.set(API_FILE, { snapshot: new Snapshot(options.host.declarations), version: 1 });
    const files = this.files;
    const serviceHost: ts.LanguageServiceHost = {
      getCompilationSettings: () => OPTIONS,
      getScriptFileNames: () => [...files.keys()],
      getScriptVersion: (f) => String(files.get(f)?.version ?? 0),
      getScriptSnapshot: (f) => files.get(f)?.snapshot,
      getScriptKind: (f) => (f.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS),
      getCurrentDirectory: () => '/',
      getDefaultLibFileName: () => LIB_FILE,
      fileExists: (f) => files.has(f),
      readFile: (f) => files.get(f)?.snapshot.text,
      useCaseSensitiveFileNames: () => true,
    };
    this.ls = ts.createLanguageService(serviceHost, ts.createDocumentRegistry(true, '/'));
  }

  /** Another server version (or other ProgIDs): new declarations, same scripts. */
  setHost(host: JScriptHostData): void {
    if (host === this.host) return;
    this.host = host;
    this.eventsByName = new Map(host.events.map((e) => [e.name, e]));
    const entry = this.files.get(API_FILE)!;
    this.files.set(API_FILE, { snapshot: new Snapshot(host.declarations), version: entry.version + 1 });
    for (const s of this.scripts.values()) s.analysis = undefined;
  }

  /** Opens or updates a script; cheap when the version is the one already known. */
  update(uri: string, text: string, version: number): void {
    const existing = this.scripts.get(uri);
    if (existing && existing.version === version && existing.text === text) return;
    const fileName = existing?.fileName ?? `/scripts/${++this.counter}/EventHandlers.js`;
    const scan = scanScript(text);
    const virtual = new VirtualText(text, this.handlerInsertions(scan), SUFFIX);
    this.scripts.set(uri, { fileName, text, version, scan, virtual });
    const previous = this.files.get(fileName);
    this.files.set(fileName, { snapshot: new Snapshot(virtual.text), version: (previous?.version ?? 0) + 1 });
  }

  close(uri: string): void {
    const s = this.scripts.get(uri);
    if (!s) return;
    this.scripts.delete(uri);
    this.files.delete(s.fileName);
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
    const program = this.ls.getProgram();
    const source = program?.getSourceFile(s.fileName);
    const findings = program && source ? findingsOf(program, source, s.virtual, s.scan, this.host, API_FILE, LIB_FILE) : [];
    const functions: JsFunctionInfo[] = s.scan.functions.map((f) => ({
      name: f.name,
      start: f.start,
      end: f.end,
      referenced: (s.scan.identifierCounts.get(f.name) ?? 0) > 1,
    }));
    s.analysis = { syntax: parsed.diagnostics, findings, functions, comments: s.scan.comments };
    return s.analysis;
  }

  completions(uri: string, offset: number, triggerCharacter?: string): JsCompletionEntry[] {
    const s = this.scripts.get(uri);
    if (!s) return [];
    const lineStart = Math.max(s.text.lastIndexOf('\n', offset - 1) + 1, 0);
    const before = s.text.slice(lineStart, offset);
    const inComment = () => this.ls.getSpanOfEnclosingComment(s.fileName, s.virtual.toVirtual(offset), false) !== undefined;
    const afterFunction = /\bfunction\s+([A-Za-z_$][\w$]*)?$/.exec(before);
    if (afterFunction) return inComment() ? [] : this.handlerNames(s, offset - (afterFunction[1]?.length ?? 0), offset);
    if (triggerCharacter === ' ') return [];
    const info = this.ls.getCompletionsAtPosition(s.fileName, s.virtual.toVirtual(offset), {
      triggerCharacter: triggerCharacter as ts.CompletionsTriggerCharacter | undefined,
      includeCompletionsForModuleExports: false,
      includeCompletionsWithInsertText: true,
      includeAutomaticOptionalChainCompletions: false,
      includeCompletionsWithClassMemberSnippets: false,
      includeCompletionsWithObjectLiteralMethodSnippets: false,
    });
    const out: JsCompletionEntry[] = [];
    const only = info?.isMemberCompletion ? this.apiMembersAt(s, s.virtual.toVirtual(offset)) : undefined;
    if (info) {
      // In a JS file TypeScript adds every word of the file (kind `warning`); they only help where
      // nothing is known, e.g. after `x.` on an untyped x.
      const typed = info.entries.some((e) => e.kind !== ts.ScriptElementKind.warning);
      for (const e of info.entries) {
        if (typed && e.kind === ts.ScriptElementKind.warning) continue;
        if (only && !only.has(e.name)) continue;
        if (e.source || HIDDEN.has(e.name)) continue;
        if (e.kind === ts.ScriptElementKind.keyword && !KEYWORDS.has(e.name)) continue;
        const entry: JsCompletionEntry = { label: e.name, kind: e.kind, sortText: e.sortText, resolvable: e.kind !== ts.ScriptElementKind.warning && e.kind !== ts.ScriptElementKind.keyword };
        if (e.insertText !== undefined && e.insertText !== e.name) entry.insertText = e.insertText;
        if (e.replacementSpan) {
          entry.replaceStart = s.virtual.toOriginal(e.replacementSpan.start);
          entry.replaceEnd = s.virtual.toOriginal(e.replacementSpan.start + e.replacementSpan.length);
        }
        out.push(entry);
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
  private apiMembersAt(s: OpenScript, position: number): Set<string> | undefined {
    const program = this.ls.getProgram();
    const source = program?.getSourceFile(s.fileName);
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
    const d = this.ls.getCompletionEntryDetails(s.fileName, s.virtual.toVirtual(offset), name, undefined, undefined, undefined, undefined);
    if (!d) return undefined;
    return { detail: ts.displayPartsToString(d.displayParts), documentation: documentationOf(d.documentation, d.tags) };
  }

  hover(uri: string, offset: number): JsHover | undefined {
    const s = this.scripts.get(uri);
    if (!s) return undefined;
    const q = this.ls.getQuickInfoAtPosition(s.fileName, s.virtual.toVirtual(offset));
    if (!q) return undefined;
    const signature = ts.displayPartsToString(q.displayParts);
    const doc = documentationOf(q.documentation, q.tags);
    const start = s.virtual.toOriginal(q.textSpan.start);
    const end = s.virtual.toOriginal(q.textSpan.start + q.textSpan.length);
    return { markdown: `\`\`\`typescript\n${signature}\n\`\`\`${doc ? `\n\n${doc}` : ''}`, start, end };
  }

  signatureHelp(uri: string, offset: number, triggerCharacter?: string): JsSignatureHelp | undefined {
    const s = this.scripts.get(uri);
    if (!s) return undefined;
    const reason: ts.SignatureHelpTriggerReason =
      triggerCharacter === '(' || triggerCharacter === ','
        ? { kind: 'characterTyped', triggerCharacter }
        : { kind: 'invoked' };
    const help = this.ls.getSignatureHelpItems(s.fileName, s.virtual.toVirtual(offset), { triggerReason: reason });
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
    const v = s.virtual;
    const limit = s.text.length;
    const convert = (item: ts.NavigationTree, depth: number): JsOutlineItem | undefined => {
      const span = item.spans[0];
      if (!span || item.text.startsWith('<') || span.start >= v.toVirtual(limit)) return undefined;
      const name = item.nameSpan ?? span;
      const children = depth < 3 ? inOrder(item.childItems, depth + 1) : [];
      const isHandler = depth === 0 && item.kind === ts.ScriptElementKind.functionElement && this.eventsByName.has(item.text);
      return {
        name: item.text,
        kind: isHandler ? 'event' : item.kind,
        start: v.toOriginal(span.start),
        end: v.toOriginal(span.start + span.length),
        selectionStart: v.toOriginal(name.start),
        selectionEnd: v.toOriginal(name.start + name.length),
        children,
      };
    };
    // TypeScript lists them by name: the outline follows the script.
    const inOrder = (items: ts.NavigationTree[] | undefined, depth: number): JsOutlineItem[] =>
      (items ?? [])
        .map((c) => convert(c, depth))
        .filter((c): c is JsOutlineItem => c !== undefined)
        .sort((a, b) => a.start - b.start);
    return inOrder(this.ls.getNavigationTree(s.fileName).childItems, 0);
  }

  /** Foldable regions (blocks, comments) in offsets of the user's text; none from the inserted JSDoc. */
  foldingRegions(uri: string): Array<{ start: number; end: number; kind: string }> {
    const s = this.scripts.get(uri);
    if (!s) return [];
    const out: Array<{ start: number; end: number; kind: string }> = [];
    for (const o of this.ls.getOutliningSpans(s.fileName)) {
      const start = s.virtual.toOriginal(o.textSpan.start);
      const end = s.virtual.toOriginal(o.textSpan.start + o.textSpan.length);
      if (end > start) out.push({ start, end, kind: o.kind });
    }
    return out;
  }

  /** Where the name under the cursor is declared in the script (API and library declarations have no place in it). */
  definition(uri: string, offset: number): Array<{ start: number; end: number }> {
    const s = this.scripts.get(uri);
    if (!s) return [];
    const defs = this.ls.getDefinitionAtPosition(s.fileName, s.virtual.toVirtual(offset)) ?? [];
    return defs
      .filter((d) => d.fileName === s.fileName)
      .map((d) => ({ start: s.virtual.toOriginal(d.textSpan.start), end: s.virtual.toOriginal(d.textSpan.start + d.textSpan.length) }));
  }
}

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
