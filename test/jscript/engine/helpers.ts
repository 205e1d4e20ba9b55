/**
 * Test helpers for the JScript engine: an engine with an `Echo(...)` output channel (arguments
 * converted with JScript's ToString and joined by a space, as WScript.Echo prints them) and a
 * small COM object with an indexed property and a collection.
 */
import { JScriptEngine } from '../../../simulator/src/runtime/jscript/engine.js';
import { toStr } from '../../../simulator/src/runtime/jscript/conversions.js';
import { ComObject, MemberTable } from '../../../simulator/src/runtime/objects/comObject.js';
import { makeLong, type Value } from '../../../simulator/src/runtime/values/variant.js';
import { toNumber as vbsToNumber, toStr as vbsToStr } from '../../../simulator/src/runtime/values/coerce.js';

export function engineWithEcho(options: ConstructorParameters<typeof JScriptEngine>[0] = {}): { engine: JScriptEngine; output: string[] } {
  const output: string[] = [];
  const engine = new JScriptEngine({ clock: () => Date.UTC(2026, 10, 25, 15, 33, 47), seed: 1, ...options });
  const realm = engine.realm;
  realm.global.define(
    'Echo',
    realm.fn('Echo', 0, (_t, args) => {
      output.push(args.map((a) => toStr(a)).join(' '));
      return undefined;
    }),
    2,
  );
  engine.progIds.register('Test.Headers', () => new TestHeaders());
  return { engine, output };
}

/** A message-like COM object: `HeaderValue(name)` is an indexed property, `Items` a collection, `Add` a method. */
export class TestHeaders extends ComObject {
  readonly values = new Map<string, string>();
  subject = '';

  constructor() {
    super(headersTable, 'TestHeaders');
  }

  enumerate(): Iterable<Value> {
    return [...this.values.keys()];
  }
}

const headersTable = new MemberTable<TestHeaders>(
  {
    HeaderValue: {
      get: (self, args) => self.values.get(vbsToStr(args[0]).toLowerCase()) ?? '',
      set: (self, args, value) => {
        self.values.set(vbsToStr(args[0]).toLowerCase(), vbsToStr(value));
      },
    },
    Subject: {
      get: (self) => self.subject,
      set: (self, _args, value) => {
        self.subject = vbsToStr(value);
      },
    },
    Count: { get: (self) => makeLong(self.values.size) },
    Item: { get: (self, args) => [...self.values.keys()][vbsToNumber(args[0])] },
    Add: {
      call: (self, args) => {
        self.values.set(vbsToStr(args[0]).toLowerCase(), vbsToStr(args[1]));
        return undefined;
      },
    },
  },
  { defaultMember: 'Item' },
);
