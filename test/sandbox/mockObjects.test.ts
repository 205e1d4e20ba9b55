import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { newRun, run } from './helpers.js';

const DNS = {
  'DNSLibrary.DNSResolver': {
    members: {
      Timeout: 5,
      DNSLookup: { returns: '127.0.0.2' },
      PTR: { sequence: ['mail.sender.test', 'other.test'] },
      TXT: { error: { number: -2147467259, description: 'DNS request timed out' } },
      Servers: ['1.1.1.1', '8.8.8.8'],
      Result: { Count: 2, First: { returns: 'a' } },
    },
  },
};

describe('mocks.objects stand-ins', () => {
  test('constants, { returns }, { sequence }, arrays and nested objects (P1/P4 DNS resolver)', () => {
    const sim = newRun({ objects: DNS });
    const out = run(sim, `
      Set dns = CreateObject("DNSLibrary.DNSResolver")
      Echo TypeName(dns), dns.Timeout
      Echo dns.DNSLookup("9.113.0.203.zen.spamhaus.org")
      Echo dns.PTR("203.0.113.9"), dns.PTR("203.0.113.9"), dns.PTR("203.0.113.9")
      Echo Join(dns.Servers, ","), dns.Result.Count, dns.Result.First()
      dns.Timeout = 10
      Echo dns.Timeout`);
    assert.deepEqual(out, ['DNSResolver 5', '127.0.0.2', 'mail.sender.test other.test other.test', '1.1.1.1,8.8.8.8 2 a', '10']);
    assert.deepEqual(sim.recorder.effects.map((e) => `${e.target} → ${e.detail}`), [
      'DNSLibrary.DNSResolver → CreateObject: stand-in from mocks.objects',
      'DNSLibrary.DNSResolver.DNSLookup("9.113.0.203.zen.spamhaus.org") → returned "127.0.0.2" (mocked)',
      'DNSLibrary.DNSResolver.PTR("203.0.113.9") → returned "mail.sender.test" (mocked)',
      'DNSLibrary.DNSResolver.PTR("203.0.113.9") → returned "other.test" (mocked)',
      'DNSLibrary.DNSResolver.PTR("203.0.113.9") → returned "other.test" (mocked)',
      'DNSLibrary.DNSResolver.Result.First() → returned "a" (mocked)',
      'DNSLibrary.DNSResolver.Timeout → set to 10',
    ]);
    assert.ok(sim.recorder.effects.every((e) => e.kind === 'com'));
  });

  test('{ error } raises the given number; an undeclared member raises 438 and is recorded', () => {
    const sim = newRun({ objects: DNS });
    const out = run(sim, `
      Set dns = CreateObject("DNSLibrary.DNSResolver")
      On Error Resume Next
      x = dns.TXT("example.test")
      Echo Err.Number, Err.Description, Err.Source
      Err.Clear
      x = dns.MX("example.test")
      Echo Err.Number, Err.Description`);
    assert.deepEqual(out, ['-2147467259 DNS request timed out DNSLibrary.DNSResolver', "438 Object doesn't support this property or method"]);
    const last = sim.recorder.effects.at(-1)!;
    assert.deepEqual([last.target, last.allowed], ['DNSLibrary.DNSResolver.MX', false]);
  });

  test('ProgIDs neither built in nor mocked give 429; a mock cannot replace a sandbox object', () => {
    const sim = newRun({ objects: { 'Scripting.FileSystemObject': { members: { FileExists: { returns: true } } }, 'Vendor.Thing.2': { members: {} } } });
    const out = run(sim, `
      On Error Resume Next
      Set x = CreateObject("AbuseIPDBComponent.Checker")
      Echo Err.Number, Err.Description
      Err.Clear
      Echo CreateObject("Scripting.FileSystemObject").FileExists("C:\\nothing.txt")
      Echo TypeName(CreateObject("Vendor.Thing.2"))`);
    assert.deepEqual(out, ["429 ActiveX component can't create object", 'False', 'Thing']);
  });
});
