/**
 * What TypeScript's types reveal in an EventHandlers.js, in offsets of the user's text:
 * - `hms-js-es5-builtin`: an ES5 built-in jscript.dll lacks, used on a value of the right type
 *   (`oMessage.Subject.trim()`, `[1, 2].indexOf(2)`, `Object.keys(o)`, `JSON.stringify(x)`), or a
 *   distinctive one (`trim`, `forEach` …) on a value of unknown type; not where the script
 *   installs a polyfill (`String.prototype.trim = …`) or only tests for it (`typeof JSON`);
 * - `hms-unknown-member` / `hms-unavailable-in-version`: a member an hMailServer object does not
 *   have, in any version or in the configured one. COM resolves names case-insensitively, so
 *   `oMessage.subject` is fine, and only capitalised names are checked (as the API spells them);
 * - `hms-wscript`: WScript (hMailServer is no Windows Script Host);
 * - `hms-load-time-named-item`: Result, EventLog, HMAILSERVER_* in top-level code, which the server
 *   also runs when it loads the script, without them.
 */
import ts from 'typescript';
import type { JScriptHostData } from './declarations';
import { ES5_BUILTINS, es5BuiltinMessage, type Es5Builtin } from './es5Builtins';
import { isValueReference } from './resultFacts';
import type { JsFinding } from './rules';
import type { ScanResult } from './scan';
import type { TextMapping } from './virtualText';

const byName = new Map<string, Es5Builtin[]>();
for (const b of ES5_BUILTINS) byName.set(b.name, [...(byName.get(b.name) ?? []), b]);

const PROTOTYPE_OWNER: Partial<Record<Es5Builtin['receiver'], string>> = {
  string: 'String.prototype',
  array: 'Array.prototype',
  date: 'Date.prototype',
  function: 'Function.prototype',
  Array: 'Array',
  Object: 'Object',
  Date: 'Date',
};

/** The path a polyfill for `b` assigns (`String.prototype.trim`, `Array.isArray`, `JSON`). */
function polyfillPath(b: Es5Builtin): string {
  const owner = PROTOTYPE_OWNER[b.receiver];
  return owner ? `${owner}.${b.name}` : b.name;
}

/** Levenshtein distance (as analysis/text.ts; kept here so dist/jscriptService.js holds no copy of that module). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Math.max(a.length, b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

export function findingsOf(
  program: ts.Program,
  source: ts.SourceFile,
  virtual: TextMapping,
  scan: ScanResult,
  host: JScriptHostData,
  apiFile: string,
  libFile: string,
): JsFinding[] {
  const checker = program.getTypeChecker();
  const namedItems = new Set(host.namedItems);
  const out: JsFinding[] = [];
  const report = (code: string, node: ts.Node, message: string, replacement?: string) => {
    const start = virtual.toOriginal(node.getStart(source));
    const end = virtual.toOriginal(node.getEnd());
    const finding: JsFinding = { code, start, end, message };
    if (replacement) finding.fixes = [{ title: `Change to ${replacement}`, preferred: true, edits: [{ start, end, newText: replacement }] }];
    out.push(finding);
  };
  const declaredIn = (symbol: ts.Symbol | undefined, file: string) =>
    symbol?.declarations?.some((d) => d.getSourceFile().fileName === file) === true;
  /** The hMailServer interface a type is, if it is one. */
  const apiInterface = (type: ts.Type): string | undefined => {
    const symbol = type.getSymbol();
    if (!symbol || !(symbol.flags & ts.SymbolFlags.Interface) || !declaredIn(symbol, apiFile)) return undefined;
    return host.members[symbol.name] ? symbol.name : undefined;
  };
  const isLibGlobal = (node: ts.Expression, name: string) =>
    ts.isIdentifier(node) && node.text === name && declaredIn(checker.getSymbolAtLocation(node), libFile);
  const receiverMatches = (b: Es5Builtin, receiver: ts.Expression, type: ts.Type): boolean => {
    switch (b.receiver) {
      case 'string':
        return (type.flags & ts.TypeFlags.StringLike) !== 0 || (type.isUnion() && type.types.every((t) => (t.flags & ts.TypeFlags.StringLike) !== 0));
      case 'array':
        return checker.isArrayType(type) || checker.isTupleType(type);
      case 'date': {
        const s = type.getSymbol();
        return s?.name === 'Date' && declaredIn(s, libFile);
      }
      case 'function':
        return type.getCallSignatures().length > 0 && !apiInterface(type);
      case 'Array':
      case 'Object':
      case 'Date':
        return isLibGlobal(receiver, b.receiver);
      default:
        return false;
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name) && node.name.text.length > 0) {
      const name = node.name.text;
      const receiver = node.expression;
      const candidates = byName.get(name)?.filter((b) => b.receiver !== 'global' && !scan.assigned.has(polyfillPath(b)));
      // Types are asked only where they matter (each one costs type checking on every edit): for
      // the ES5 names, and for capitalised names, as hMailServer's members are all written
      // (COM resolves `oMessage.subject` case-insensitively, so lower case is no typo of a member).
      const capitalised = name.charCodeAt(0) >= 65 && name.charCodeAt(0) <= 90;
      if (candidates?.length || capitalised) {
        const type = checker.getTypeAtLocation(receiver);
        if (candidates?.length) {
          const isAny = (type.flags & ts.TypeFlags.Any) !== 0;
          const hit = candidates.find((b) => receiverMatches(b, receiver, type)) ?? (isAny ? candidates.find((b) => b.distinctive) : undefined);
          if (hit && !isFeatureTest(node)) report('hms-js-es5-builtin', node.name, es5BuiltinMessage(hit));
        }
        const iface = capitalised ? apiInterface(type) : undefined;
        if (iface && !type.getProperty(name)) memberFinding(iface, name, node.name);
      }
    } else if (ts.isIdentifier(node) && isValueReference(node)) {
      const name = node.text;
      if (name === 'WScript') {
        if (!checker.getSymbolAtLocation(node) && !isFeatureTest(node)) {
          report(
            'hms-wscript',
            node,
            'hMailServer does not provide the WScript object (it is not Windows Script Host): WScript.Sleep, WScript.Echo and ' +
              'WScript.Arguments fail. new ActiveXObject("WScript.Shell") does work.',
          );
        }
      } else if (namedItems.has(name)) {
        if (atTopLevel(node) && !isFeatureTest(node) && declaredIn(checker.getSymbolAtLocation(node), apiFile)) {
          report(
            'hms-load-time-named-item',
            node,
            `Top-level code runs when hMailServer loads the script, without ${name}: the load fails and no event fires. Move this into an event handler.`,
          );
        }
      } else {
        const globals = byName.get(name)?.filter((b) => b.receiver === 'global' && !scan.assigned.has(b.name));
        if (globals?.length && !checker.getSymbolAtLocation(node) && !isFeatureTest(node)) report('hms-js-es5-builtin', node, es5BuiltinMessage(globals[0]));
      }
    }
    ts.forEachChild(node, visit);
  };

  const memberFinding = (iface: string, name: string, at: ts.Node) => {
    const facts = host.members[iface];
    const known = facts[name.toLowerCase()];
    if (known) {
      if (known.versions.includes(host.version)) return;
      report(
        'hms-unavailable-in-version',
        at,
        `${iface}.${known.name} does not exist in hMailServer ${host.version} (${known.versions.length ? `available in ${known.versions.join(', ')}` : 'not in any supported version'}).`,
      );
      return;
    }
    let best: string | undefined;
    let bestDistance = 3;
    for (const f of Object.values(facts)) {
      if (!f.versions.includes(host.version)) continue;
      const d = editDistance(name.toLowerCase(), f.name.toLowerCase());
      if (d < bestDistance) {
        best = f.name;
        bestDistance = d;
      }
    }
    report('hms-unknown-member', at, `${iface} has no member '${name}'${best ? `; did you mean ${best}?` : '.'}`, best);
  };

  visit(source);
  return out;
}

/** `typeof JSON`, `if (!String.prototype.trim)`, `if (Array.isArray)`: a test for the feature, not a use. */
function isFeatureTest(node: ts.Node): boolean {
  const p = node.parent;
  if (ts.isTypeOfExpression(p)) return true;
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
  if ((ts.isIfStatement(p) && p.expression === node) || (ts.isConditionalExpression(p) && p.condition === node)) return true;
  if (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken) && p.left === node) return true;
  // The name inside `x.name`: the test is on the whole access.
  if (ts.isPropertyAccessExpression(p) && p.name === node) return isFeatureTest(p);
  return false;
}

/** Outside every function: code that also runs when the server loads the script. */
function atTopLevel(node: ts.Node): boolean {
  for (let p = node.parent; p; p = p.parent) if (ts.isFunctionLike(p)) return false;
  return true;
}
