// Coverage of the hMailServer API declaration by the simulated objects, and the rule that every
// member real scripts use (the "Ranked usage" of real-world-patterns.md, parsed here so the
// list cannot drift from the reference) is simulated.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { defaultMember, getInterface, getMember, interfaces, progIdInterface, SERVER_VERSIONS } from '../../simulator/src/api';
import {
  coverageOf,
  formatCoverage,
  hmailserverProgIds,
  isSimulated,
  SERVER_OBJECT_IMPLEMENTATIONS,
} from '../../simulator/src/hmailserver/objects/serverObjects';
import { undeclaredImplementations } from '../../simulator/src/hmailserver/apiObject';

const root = path.resolve(__dirname, '..', '..');
const PATTERNS = path.join(root, '..', 'shared', 'reference', 'real-world-patterns.md');

/** The message layer's interfaces (another module owns them). */
const MESSAGE_FAMILY = ['Message', 'Attachment', 'Attachments', 'MessageHeader', 'MessageHeaders', 'Recipient', 'Recipients'];
const MESSAGE_MODULES = ['message', 'attachments', 'headers', 'recipients'];

type Tables = Record<string, Record<string, unknown>>;

/** The message layer's implementation tables, by interface, found by their export names (`headersImplementation` → MessageHeaders). */
async function messageTables(): Promise<{ tables: Tables; missing: string[] }> {
  const tables: Tables = {};
  for (const name of MESSAGE_MODULES) {
    let exported: Record<string, unknown>;
    try {
      exported = (await import(`../../simulator/src/hmailserver/objects/${name}`)) as Record<string, unknown>;
    } catch {
      continue;
    }
    for (const [key, value] of Object.entries(exported)) {
      if (!key.endsWith('Implementation') || typeof value !== 'object' || value === null) continue;
      const stem = key.slice(0, -'Implementation'.length).toLowerCase();
      const iface = MESSAGE_FAMILY.find((f) => f.toLowerCase() === stem) ?? MESSAGE_FAMILY.find((f) => f.toLowerCase().endsWith(stem));
      if (iface) tables[iface] = value as Record<string, unknown>;
    }
  }
  return { tables, missing: MESSAGE_FAMILY.filter((f) => !tables[f]) };
}

// ------------------------------------------------------------------ the reference's usage list

export interface Requirement {
  interfaceName: string;
  member: string;
  /** The reference text it came from. */
  source: string;
}

const VARIABLES: Record<string, string> = { oclient: 'Client', omessage: 'Message', message: 'Message', oaccount: 'Account', ofetchaccount: 'FetchAccount' };

/** The "### hMailServer members" table and its "Used once each" line. */
function usageEntries(markdown: string): string[] {
  const start = markdown.indexOf('### hMailServer members');
  assert.ok(start >= 0, 'real-world-patterns.md has no "### hMailServer members" section');
  const end = markdown.indexOf('\n### ', start + 1);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  const entries: string[] = [];
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (line.startsWith('|') && cells.length >= 4 && /^\d+$/.test(cells[1])) entries.push(cells[2]);
    if (line.startsWith('Used once each:')) entries.push(...splitTopLevel(line.slice('Used once each:'.length)));
  }
  return entries;
}

/** Splits on commas outside parentheses. */
function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/**
 * The members one entry names. The first backticked token sets the base: a chain from a script
 * variable or interface (`oMessage.Recipients`), a `CreateObject("hMailServer.X")`, or an
 * interface name; later bare tokens (`ItemByName`, `(i).Address`, `Save`) are members of that
 * base — or of its item type when the base is a collection that lacks them.
 */
function requirementsOf(entry: string): { requirements: Requirement[]; progIds: string[] } {
  const requirements: Requirement[] = [];
  const progIds: string[] = [];
  let base: string | undefined;
  const need = (iface: string, member: string) => {
    const m = getMember(iface, member);
    assert.ok(m, `reference entry "${entry}": ${iface}.${member} is not declared`);
    requirements.push({ interfaceName: iface, member: m.name, source: entry });
    return m;
  };
  /** Walks `segments` from `start`; returns the interface the chain ends on (or that owns its last member). */
  const walk = (start: string, segments: string[]): string => {
    let current = start;
    for (const raw of segments) {
      const segment = raw.replace(/\(.*\)$/, '');
      if (segment === '') {
        const d = defaultMember(current);
        assert.ok(d, `reference entry "${entry}": ${current} has no default member`);
        requirements.push({ interfaceName: current, member: d.name, source: entry });
        current = d.returnsInterface ?? current;
        continue;
      }
      const owner = getMember(current, segment) ? current : getInterface(current)?.collection?.itemType;
      assert.ok(owner && getMember(owner, segment), `reference entry "${entry}": cannot resolve ${segment} on ${current}`);
      current = need(owner, segment).returnsInterface ?? owner;
    }
    return current;
  };
  for (const [, token] of entry.matchAll(/`([^`]+)`/g)) {
    const created = /^CreateObject\("([^"]+)"\)$/.exec(token);
    if (created) {
      progIds.push(created[1]);
      base = progIdInterface(created[1]);
      continue;
    }
    const segments = token.split('.');
    const head = segments[0].replace(/\(.*\)$/, '');
    const start = VARIABLES[head.toLowerCase()] ?? getInterface(head)?.name;
    if (start && !(base && getMember(base, head))) {
      base = segments.length === 1 ? start : walk(start, segments.slice(1));
      continue;
    }
    if (base) {
      walk(base, segments);
      continue;
    }
    // A bare member with no base: the one script-facing interface declaring it.
    const owners = interfaces().filter((i) => getMember(i.name, head));
    assert.equal(owners.length, 1, `reference entry "${entry}": ${head} is ambiguous or unknown`);
    walk(owners[0].name, segments);
  }
  return { requirements, progIds };
}

describe('objects: coverage of the API declaration', () => {
  it('implements only declared members', () => {
    for (const [name, table] of Object.entries(SERVER_OBJECT_IMPLEMENTATIONS)) {
      assert.deepEqual(undeclaredImplementations(name, table), [], name);
    }
  });

  it('prints coverage per interface and version', async () => {
    const { tables, missing } = await messageTables();
    const all = { ...SERVER_OBJECT_IMPLEMENTATIONS, ...tables } as typeof SERVER_OBJECT_IMPLEMENTATIONS;
    for (const version of SERVER_VERSIONS) {
      console.log(`\nhMailServer API coverage, ${version}:\n${formatCoverage(coverageOf(all, version))}`);
    }
    if (missing.length) console.log(`\nMessage-family tables not found (owned by the message layer): ${missing.join(', ')}`);
    const client = coverageOf(all, '5.7').find((c) => c.interfaceName === 'Client')!;
    assert.deepEqual(client.notSimulated, []);
  });
});

describe('objects: every member real scripts use is simulated', () => {
  let markdown: string | undefined;
  try {
    markdown = readFileSync(PATTERNS, 'utf8');
  } catch {
    markdown = undefined; // ../shared is not present (e.g. a packaged copy): nothing to check against
  }

  it('parses the ranked usage of real-world-patterns.md', { skip: markdown === undefined }, () => {
    const parsed = usageEntries(markdown!).map(requirementsOf);
    const names = new Set(parsed.flatMap((p) => p.requirements.map((r) => `${r.interfaceName}.${r.member}`)));
    console.log(`Members used by real scripts (${names.size}): ${[...names].join(', ')}`);
    // Spot checks that the parser reads the table the way a person does.
    for (const expected of ['Application.Authenticate', 'Client.IPAddress', 'Recipient.OriginalAddress', 'SecurityRange.Save', 'ServerMessage.Text', 'Attachment.SaveAs', 'Message.ClearRecipients']) {
      assert.ok(names.has(expected), `${expected} missing from ${[...names].join(', ')}`);
    }
  });

  it('simulates every server-side member and ProgID they use; the Message family when its tables exist', { skip: markdown === undefined }, async () => {
    const { tables } = await messageTables();
    const all = { ...SERVER_OBJECT_IMPLEMENTATIONS, ...tables } as typeof SERVER_OBJECT_IMPLEMENTATIONS;
    const unsimulated: string[] = [];
    const deferred: string[] = [];
    for (const { requirements, progIds } of usageEntries(markdown!).map(requirementsOf)) {
      for (const r of requirements) {
        const name = `${r.interfaceName}.${r.member}`;
        if (isSimulated(all, r.interfaceName, r.member)) continue;
        if (MESSAGE_FAMILY.includes(r.interfaceName) && !tables[r.interfaceName]) deferred.push(name);
        else unsimulated.push(`${name} (from: ${r.source})`);
      }
      for (const progId of progIds) {
        if (progIdInterface(progId) === 'Message') continue; // registered by the pipeline from the message layer
        if (!Object.keys(hmailserverProgIds).some((p) => p.toLowerCase() === progId.toLowerCase())) unsimulated.push(`CreateObject("${progId}")`);
      }
    }
    if (deferred.length) console.log(`Message-family members not checked (tables not available): ${[...new Set(deferred)].join(', ')}`);
    assert.deepEqual([...new Set(unsimulated)], []);
  });
});
