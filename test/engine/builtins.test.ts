/** Unit tests of the built-in library through its tables, with a fixed clock, time zone and seed. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { VbsRuntimeError } from '../../simulator/src/runtime/errors';
import { builtinClasses, builtinConstants, builtinFunctions, builtinProgIds, callBuiltin, createDictionary, createRegExp, type BuiltinContext } from '../../simulator/src/runtime/builtins/index';
import { withoutSideEffects } from '../../simulator/src/runtime/objects/comObject';
import { VbsArray } from '../../simulator/src/runtime/values/array';
import { toStr, typeNameOf } from '../../simulator/src/runtime/values/coerce';
import { setCurrentLocale } from '../../simulator/src/runtime/values/locale';
import { MissingArgumentValue, VDate, VLongLong, type Value } from '../../simulator/src/runtime/values/variant';

function context(overrides: Partial<BuiltinContext> = {}): BuiltinContext {
  let seed = 0.25;
  return {
    // 2024-07-01 10:20:30.456 UTC
    now: () => Date.UTC(2024, 6, 1, 10, 20, 30, 456),
    timeZone: 'Europe/Berlin',
    locale: 1033,
    random: () => seed,
    reseed: (s) => {
      seed = s;
    },
    ...overrides,
  };
}

function call(name: string, args: Value[], ctx = context()): Value {
  const fn = builtinFunctions.get(name.toLowerCase());
  assert.ok(fn, `no builtin ${name}`);
  return callBuiltin(fn, ctx, args);
}

const text = (v: Value): string => (v === null ? 'Null' : toStr(v));

function throwsVbs(fn: () => unknown, number: number): void {
  assert.throws(fn, (e: unknown) => e instanceof VbsRuntimeError && e.number === number);
}

describe('tables', () => {
  test('the documented functions are all there', () => {
    const names = `Abs Array Asc AscB AscW Atn CBool CByte CCur CDate CDbl Chr ChrB ChrW CInt CLng Cos CSng CStr Date DateAdd DateDiff
      DatePart DateSerial DateValue Day Escape Exp Filter Fix FormatCurrency FormatDateTime FormatNumber FormatPercent GetLocale Hex Hour
      InStr InStrB InStrRev Int IsArray IsDate IsEmpty IsNull IsNumeric Join LBound LCase Left LeftB Len LenB Log LTrim Mid MidB Minute
      Month MonthName Now Oct Randomize Replace RGB Right RightB Rnd Round RTrim ScriptEngine ScriptEngineBuildVersion
      ScriptEngineMajorVersion ScriptEngineMinorVersion Second SetLocale Sgn Sin Space Split Sqr StrComp String StrReverse Tan Time Timer
      TimeSerial TimeValue Trim TypeName UBound UCase Unescape VarType Weekday WeekdayName Year`.split(/\s+/);
    for (const n of names) assert.ok(builtinFunctions.has(n.toLowerCase()), n);
  });
  test('constants and their subtypes', () => {
    assert.equal(builtinConstants.get('vbcrlf'), '\r\n');
    assert.equal(typeNameOf(builtinConstants.get('vbred')), 'Long');
    assert.equal(typeNameOf(builtinConstants.get('vbobjecterror')), 'Long');
    assert.equal(builtinConstants.get('vbobjecterror') as number, -2147221504);
    assert.equal(typeNameOf(builtinConstants.get('vbsunday')), 'Integer');
  });
  test('factories', () => {
    assert.equal(builtinClasses.get('regexp')!().typeName, 'IRegExp2');
    assert.equal(builtinProgIds.get('Scripting.Dictionary')!().typeName, 'Dictionary');
  });
  test('arity errors', () => {
    throwsVbs(() => call('Left', ['a']), 450);
    throwsVbs(() => call('Len', [MissingArgumentValue]), 449);
  });
});

describe('clock and time zone', () => {
  test('Now, Date, Time and Timer use the context', () => {
    assert.equal(text(call('Now', [])), '7/1/2024 12:20:30 PM'); // CEST, UTC+2
    assert.equal(text(call('Date', [])), '7/1/2024');
    assert.equal(text(call('Time', [])), '12:20:30 PM');
    assert.equal(text(call('Timer', [])), '44430.45');
    assert.equal(text(call('Now', [], context({ timeZone: 'America/New_York' }))), '7/1/2024 6:20:30 AM');
  });
  test('a date string without a year takes the clock\'s year', () => {
    assert.equal(text(call('CDate', ['3/4'])), '3/4/2000'); // CDate does not know the clock
    assert.equal(text(call('Year', ['3/4'])), '2024');
  });
});

describe('Rnd', () => {
  test('VBScript\'s sequence without Randomize', () => {
    const ctx = context();
    const seq = [1, 2, 3, 4, 5].map(() => text(call('Rnd', [], ctx)));
    assert.deepEqual(seq, ['0.7055475', '0.533424', '0.5795186', '0.2895625', '0.301948']);
  });
  test('each context has its own generator', () => {
    const a = context();
    const b = context();
    call('Rnd', [], a);
    assert.equal(text(call('Rnd', [], b)), '0.7055475');
  });
  test('Randomize without an argument draws from the context', () => {
    const one = context();
    const two = context();
    call('Randomize', [], one);
    call('Randomize', [], two);
    assert.equal(text(call('Rnd', [], one)), text(call('Rnd', [], two)));
  });
});

describe('SetLocale', () => {
  test('updates the context and the formatting locale', () => {
    const ctx = context();
    try {
      assert.equal(text(call('SetLocale', [1031], ctx)), '1033');
      assert.equal(ctx.locale, 1031);
      assert.equal(text(call('CStr', [1.5], ctx)), '1,5');
    } finally {
      setCurrentLocale(1033);
    }
  });
});

describe('strings and arrays', () => {
  test('a few string functions', () => {
    assert.equal(call('Replace', ['a.b.c', '.', '-', MissingArgumentValue, 1]), 'a-b.c');
    assert.equal(call('Mid', ['abc', 2, MissingArgumentValue]), 'bc');
    assert.equal(text(call('InStr', ['abc', 'c'])), '3');
    assert.equal(call('StrComp', ['a', 'A', 1]), 0);
  });
  test('Split returns a VbsArray', () => {
    const a = call('Split', ['a b']) as VbsArray;
    assert.ok(a instanceof VbsArray);
    assert.deepEqual(a.data, ['a', 'b']);
  });
});

describe('Dictionary', () => {
  test('auto-add on read, but not while evaluating without side effects', () => {
    const d = createDictionary();
    withoutSideEffects(() => d.getProperty('Item', ['x']));
    assert.equal(d.size, 0);
    d.getProperty('Item', ['x']);
    assert.equal(d.size, 1);
  });
  test('enumerates keys and inspects entries', () => {
    const d = createDictionary();
    d.callMethod('Add', ['k', 1]);
    assert.deepEqual([...d.enumerate()], ['k']);
    assert.deepEqual(d.inspect(), [{ name: 'k', value: 1 }]);
  });
  test('a 64-bit integer cannot be a key (error 5), as in scrrun', () => {
    const d = createDictionary();
    throwsVbs(() => d.callMethod('Add', [new VLongLong(1n), 1]), 5);
  });
  test('JavaScript members are not reachable', () => {
    const d = createDictionary();
    for (const name of ['constructor', '__proto__', 'toString', 'valueOf', 'entries', 'keyOf']) throwsVbs(() => d.getProperty(name, []), 438);
  });
});

describe('RegExp', () => {
  test('Test is allowed during side-effect-free evaluation', () => {
    const re = createRegExp();
    re.setProperty('Pattern', [], 'a', false);
    assert.equal(withoutSideEffects(() => re.callMethod('Test', ['cat'])), true);
  });
  test('a bad pattern raises when used, not when set', () => {
    const re = createRegExp();
    re.setProperty('Pattern', [], '(', false);
    throwsVbs(() => re.callMethod('Test', ['x']), 5020);
  });
  test('dates passed to string functions use CStr', () => {
    assert.equal(text(call('Len', [new VDate(36526)])), '8');
  });
});
