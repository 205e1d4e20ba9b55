/**
 * Words for API members, events and symbols, shared by completion details, hover and signature help.
 */
import { availableVersions, type ApiEvent, type ApiMember, type Availability } from '../../api/index';
import type { Analysis } from '../analyze';
import { effectiveValues, outcomeText } from '../resultInfo';
import type { VbSymbol } from '../symbols';
import { typeLabel } from '../types';

/** `Subject As String`, `AddRecipient(Name As String, Address As String)`. */
export function memberSignature(m: ApiMember): string {
  const params = m.params.length || m.kind === 'method' ? `(${m.params.map((p) => `${p.direction === 'out' ? 'ByRef ' : ''}${p.name} As ${p.type}`).join(', ')})` : '';
  const type = m.type === 'void' ? '' : ` As ${m.type}`;
  return `${m.name}${params}${type}`;
}

export function memberDetail(m: ApiMember): string {
  const ro = m.kind === 'property' && !m.writable ? ' (read-only)' : m.kind === 'property' && !m.readable ? ' (write-only)' : '';
  return `${m.kind} ${m.interfaceName}.${memberSignature(m)}${ro}`;
}

export function versionNote(item: { readonly availability: Availability; readonly since: string }): string {
  const versions = availableVersions(item);
  const since = `Since hMailServer ${item.since.replace(/^<=\s*/, '≤ ')}`;
  return versions.length === 3 ? `${since}.` : `${since}; available in ${versions.join(', ')}.`;
}

export function memberDoc(m: ApiMember): string {
  const lines = [m.description, '', versionNote(m)];
  if (m.versionNote) lines.push(m.versionNote);
  return lines.join('\n');
}

export function eventDoc(e: ApiEvent): string {
  const lines = [e.description, '', `**When:** ${e.when}`];
  if (e.result) {
    const useful = effectiveValues(e);
    lines.push('', useful.length ? `**Result.Value:** ${useful.join('; ')}; anything else: ${outcomeText(e.result.other)}.` : '**Result:** present but ignored.');
  } else {
    lines.push('', '**No Result object** in this event.');
  }
  lines.push('', versionNote(e));
  return lines.join('\n');
}

/** `Sub Foo(a, b)`, `Dim x As Message`, `Const MAX = 5`: a one-line declaration for hover. */
export function symbolSignature(a: Analysis, s: VbSymbol): string {
  const type = typeLabel(a.types.symbolType(s));
  switch (s.kind) {
    case 'sub':
    case 'function':
    case 'property': {
      const p = s.procedure?.node;
      const head = p ? (p.procedureKind.startsWith('Property') ? `Property ${p.procedureKind.slice(8)}` : p.procedureKind) : s.kind === 'sub' ? 'Sub' : 'Function';
      const params = p ? p.parameters.map((x) => `${x.byVal ? 'ByVal ' : ''}${x.name.name}${x.isArray ? '()' : ''}`).join(', ') : '';
      const ret = s.kind === 'function' && type !== 'Variant' ? ` As ${type}` : '';
      return `${head} ${s.name}(${params})${ret}`;
    }
    case 'class':
      return `Class ${s.name}`;
    case 'constant':
      return `Const ${s.name}${s.constValue ? ` = ${a.source.slice(s.constValue.start, s.constValue.end)}` : ''}`;
    case 'parameter':
      return `(parameter) ${s.name} As ${type}`;
    case 'namedItem':
      return `${s.name} As ${s.apiGlobal?.type ?? type}`;
    case 'globalMember':
      return s.apiMember ? `${s.apiGlobal?.name ?? ''}.${memberSignature(s.apiMember)}` : s.name;
    case 'builtinFunction': {
      const f = a.builtins.functions.get(s.key);
      const params = f?.params ?? (f ? Array.from({ length: f.maxArgs }, (_, i) => `arg${i + 1}`) : []);
      return `Function ${s.name}(${params.join(', ')})`;
    }
    case 'builtinConstant':
      return `Const ${s.name}`;
    default:
      return `Dim ${s.name} As ${type}`;
  }
}
