/**
 * Stand-ins for COM objects the simulator does not implement (DNSLibrary.DNSResolver, vendor
 * and .NET components), scripted by `mocks.objects`:
 *
 * ```json
 * "objects": { "DNSLibrary.DNSResolver": { "members": {
 *   "Timeout": 5,                                    // a property (readable, assignable)
 *   "DNSLookup": { "returns": "127.0.0.2" },         // a method, same answer every call
 *   "PTR": { "sequence": ["a.example", "b.example"] }, // one answer per call, the last repeats
 *   "TXT": { "error": { "number": -2147467259, "description": "DNS timeout" } },
 *   "Result": { "Count": 2 }                          // a nested object with its own members
 * } } }
 * ```
 *
 * Every method call is recorded as a `com` side effect with its arguments and answer; a member
 * the mock does not declare raises 438, as a real object would, and is recorded as denied.
 */
import { RuntimeError, raise } from '../runtime/errors.js';
import { ComObject, HostError, MemberTable, memberNotFound, type MemberDefinition, type VbsObject } from '../runtime/objects/comObject.js';
import type { Value } from '../runtime/values/variant.js';
import type { ObjectMock } from '../scenario/types.js';
import type { SimulationContext } from './context.js';
import { recordEffect } from './recorder.js';
import { describeValue, jsonToValue } from './values.js';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A scenario value as the script receives it: plain objects become nested stand-ins. */
function mockValue(ctx: SimulationContext, owner: string, v: unknown): Value {
  return isPlainObject(v) ? new MockObject(ctx, owner, v) : jsonToValue(v);
}

function describeCall(name: string, args: Value[]): string {
  return `${name}(${args.map(describeValue).join(', ')})`;
}

class MockObject extends ComObject {
  constructor(
    readonly ctx: SimulationContext,
    /** The ProgID, or ProgID.Member for nested objects, for error texts and the record. */
    readonly label: string,
    members: Record<string, unknown>,
  ) {
    super(buildTable(ctx, label, members), label.split('.').filter((s) => !/^\d+$/.test(s)).pop() ?? label);
  }

  private check(name: string): void {
    if (!this.hasMember(name)) {
      recordEffect(this.ctx, 'com', `${this.label}.${name}`, false, 'not declared in mocks.objects: error 438');
      memberNotFound(name);
    }
  }

  override getProperty(name: string, args: Value[]): Value {
    this.check(name);
    return super.getProperty(name, args);
  }

  override callMethod(name: string, args: Value[]): Value {
    this.check(name);
    return super.callMethod(name, args);
  }

  override setProperty(name: string, args: Value[], value: Value, isSet: boolean): void {
    this.check(name);
    super.setProperty(name, args, value, isSet);
  }
}

function buildTable(ctx: SimulationContext, label: string, members: Record<string, unknown>): MemberTable<MockObject> {
  const defs: Record<string, MemberDefinition<MockObject>> = {};
  for (const [name, spec] of Object.entries(members)) {
    const target = `${label}.${name}`;
    if (isPlainObject(spec) && ('returns' in spec || 'sequence' in spec || 'error' in spec)) {
      let calls = 0;
      defs[name] = {
        call(_self, args) {
          const n = calls++;
          const what = describeCall(target, args);
          if (isPlainObject(spec.error)) {
            const number = typeof spec.error.number === 'number' ? spec.error.number : 0x80004005;
            const description = typeof spec.error.description === 'string' ? spec.error.description : 'Unspecified error';
            recordEffect(ctx, 'com', what, true, `raised ${number}: ${description} (mocked)`);
            throw new HostError(number >>> 0, description, label);
          }
          const answer = Array.isArray(spec.sequence) ? spec.sequence[Math.min(n, spec.sequence.length - 1)] : spec.returns;
          const value = mockValue(ctx, target, answer);
          recordEffect(ctx, 'com', what, true, `returned ${describeValue(value)} (mocked)`);
          return value;
        },
      };
    } else {
      let value = mockValue(ctx, target, spec);
      defs[name] = {
        get: (_self, args) => {
          if (args.length > 0) {
            if (value instanceof ComObject) return value.getDefault(args);
            raise(RuntimeError.WrongNumberOfArguments, name);
          }
          return value;
        },
        set: (_self, args, v) => {
          if (args.length > 0) raise(RuntimeError.WrongNumberOfArguments, name);
          recordEffect(ctx, 'com', target, true, `set to ${describeValue(v)}`);
          value = v;
        },
        pure: true,
      };
    }
  }
  return new MemberTable(defs);
}

export function createMockObject(ctx: SimulationContext, progId: string, mock: ObjectMock): VbsObject {
  recordEffect(ctx, 'com', progId, true, 'CreateObject: stand-in from mocks.objects');
  return new MockObject(ctx, progId, isPlainObject(mock.members) ? mock.members : {});
}
