/** Unit tests of the value library: errors, arrays, coercion, number/date text and operators. */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { raise, runtimeErrorText, RuntimeError, VbsRuntimeError, runtimeErrorHResult } from '../../simulator/src/runtime/errors';
import { VbsArray } from '../../simulator/src/runtime/values/array';
import { compare, compareWithLiteral, isNumericValue, isTrue, roundHalfEven, toBool, toDateNumber, toInteger, toLong, toNumber, toStr, typeNameOf } from '../../simulator/src/runtime/values/coerce';
import { dateToParts, formatDateValue, parseDate, partsToDate } from '../../simulator/src/runtime/values/dateText';
import { setDefaultValueHook } from '../../simulator/src/runtime/values/defaultValue';
import { localeInfo, setCurrentLocale } from '../../simulator/src/runtime/values/locale';
import { formatDouble, formatSingle, parseNumber } from '../../simulator/src/runtime/values/numberText';
import { binaryOperators as B, unaryOperators as U } from '../../simulator/src/runtime/values/operators';
import { VByte, VCurrency, VDate, VDouble, VLong, VLongLong, VSingle, type Value, type VbsObjectLike } from '../../simulator/src/runtime/values/variant';

function throwsVbs(fn: () => unknown, number: number): void {
  assert.throws(fn, (e: unknown) => e instanceof VbsRuntimeError && e.number === number);
}

const show = (v: Value): string => `${typeNameOf(v)}:${v === null ? 'Null' : toStr(v)}`;

describe('errors', () => {
  test('texts and names', () => {
    assert.equal(runtimeErrorText(13), 'Type mismatch');
    assert.equal(runtimeErrorText(32811), 'Element not found');
    assert.equal(runtimeErrorText(12345), 'Unknown runtime error');
    assert.throws(() => raise(RuntimeError.TypeMismatch, 'CInt'), { message: "Type mismatch: 'CInt'", itemName: 'CInt', plainDescription: 'Type mismatch' });
    assert.equal(runtimeErrorHResult(13), 0x800a000d | 0);
  });
  test('every listed number has a text', () => {
    for (const n of Object.values(RuntimeError)) assert.notEqual(runtimeErrorText(n), 'Unknown runtime error', String(n));
  });
});

describe('VbsArray', () => {
  test('get/set with bounds checks', () => {
    const a = VbsArray.create([2, 1]);
    a.set([2, 1], 'x');
    assert.equal(a.get([2, 1]), 'x');
    assert.equal(a.data[5], 'x');
    throwsVbs(() => a.get([3, 0]), 9);
    throwsVbs(() => a.get([0]), 9);
    throwsVbs(() => a.get1(0), 9);
  });
  test('ReDim Preserve keeps rows and refuses other dimensions', () => {
    const a = VbsArray.create([1, 1]);
    a.set([0, 0], 1);
    a.set([1, 1], 4);
    a.redim([1, 2], true);
    assert.deepEqual(a.data, [1, undefined, undefined, undefined, 4, undefined]);
    throwsVbs(() => a.redim([2, 2], true), 9);
    a.redim([0], false);
    assert.deepEqual(a.data, [undefined]);
  });
  test('fixed arrays refuse ReDim; Erase resets or frees', () => {
    const fixed = VbsArray.create([1], true);
    throwsVbs(() => fixed.redim([3], false), 10);
    fixed.set([0], 5);
    fixed.erase();
    assert.deepEqual(fixed.upperBounds, [1]);
    assert.equal(fixed.get([0]), undefined);
    const dyn = VbsArray.fromList([1, 2]);
    dyn.erase();
    throwsVbs(() => dyn.ubound(), 9);
  });
  test('clone copies nested arrays and is dynamic', () => {
    const inner = VbsArray.fromList([1]);
    const a = new VbsArray([0], [inner], true);
    const b = a.clone();
    (b.data[0] as VbsArray).set([0], 2);
    assert.equal(inner.get([0]), 1);
    assert.equal(b.fixed, false);
  });
  test('For Each order is the first index fastest', () => {
    const a = VbsArray.create([1, 2]);
    for (let i = 0; i <= 1; i++) for (let j = 0; j <= 2; j++) a.set([i, j], `${i}${j}`);
    assert.deepEqual(a.enumerationOrder(), ['00', '10', '01', '11', '02', '12']);
  });
});

describe('coercion', () => {
  test('toNumber', () => {
    assert.equal(toNumber(undefined), 0);
    assert.equal(toNumber(true), -1);
    assert.equal(toNumber(' 12 '), 12);
    assert.equal(toNumber('&HFF'), 255);
    assert.equal(toNumber(new VCurrency(1.5)), 1.5);
    assert.equal(toNumber(new VLongLong(5n)), 5);
    throwsVbs(() => toNumber('abc'), 13);
    throwsVbs(() => toNumber(null), 94);
    throwsVbs(() => toNumber(VbsArray.fromList([])), 13);
  });
  test('toStr', () => {
    assert.equal(toStr(1.5), '1.5');
    assert.equal(toStr(new VDouble(2)), '2');
    assert.equal(toStr(new VSingle(Math.fround(0.1))), '0.1');
    assert.equal(toStr(new VCurrency(1.5)), '1.5');
    assert.equal(toStr(new VDate(36526.5)), '1/1/2000 12:00:00 PM');
    assert.equal(toStr(new VLongLong(9007199254740993n)), '9007199254740993');
    assert.equal(toStr(false), 'False');
    throwsVbs(() => toStr(null), 94);
  });
  test('toBool and isTrue', () => {
    assert.equal(toBool('TRUE'), true);
    assert.equal(toBool('0'), false);
    throwsVbs(() => toBool('x'), 13);
    throwsVbs(() => toBool(null), 94);
    assert.equal(isTrue(null), false);
    assert.equal(isTrue(2), true);
  });
  test('banker\'s rounding in integer conversions', () => {
    assert.equal(roundHalfEven(2.5), 2);
    assert.equal(roundHalfEven(-2.5), -2);
    assert.equal(roundHalfEven(3.5), 4);
    assert.equal(toInteger(1.5), 2);
    assert.equal(toInteger('&HFFFF'), -1);
    assert.equal(toLong(-0.5), 0);
    throwsVbs(() => toInteger(32767.5), 6);
    throwsVbs(() => toLong(2147483648), 6);
  });
  test('compare', () => {
    assert.equal(compare(1, 2), -1);
    assert.equal(compare('b', 'a'), 1);
    assert.equal(compare('A', 'a', true), 0);
    assert.equal(compare(5, '1'), -1);
    assert.equal(compare(undefined, ''), 0);
    assert.equal(compare(undefined, 0), 0);
    assert.equal(compare(null, 1), null);
    assert.equal(compare(new VLongLong(2n), new VLongLong(3n)), -1);
  });
  test('compareWithLiteral converts the constant to the other side', () => {
    assert.equal(compareWithLiteral('1', 1, false), 0);
    assert.equal(compareWithLiteral(1, '1', true), 0);
    // The constant 9 becomes the string "9", so the comparison is textual.
    assert.equal(compareWithLiteral('10', 9, false), -1);
    assert.equal(compareWithLiteral(new VDate(36527), '1/1/2000', false), 1);
  });
  test('objects reach coercion through the default-value hook', () => {
    const obj: VbsObjectLike = { isVbsObject: true };
    setDefaultValueHook(() => 42);
    try {
      assert.equal(toNumber(obj), 42);
      assert.equal(toStr(obj), '42');
      assert.equal(show(B['+'](obj, 1)), 'Integer:43');
    } finally {
      setDefaultValueHook(() => raise(RuntimeError.PropertyOrMethodNotSupported));
    }
  });
  test('isNumericValue', () => {
    assert.equal(isNumericValue('1,000'), true);
    assert.equal(isNumericValue(new VDate(1)), false);
    assert.equal(isNumericValue(''), false);
  });
  test('toDateNumber', () => {
    assert.equal(toDateNumber('1/1/2000'), 36526);
    assert.equal(toDateNumber(1.5), 1.5);
    throwsVbs(() => toDateNumber('nope'), 13);
    throwsVbs(() => toDateNumber(1e10), 6);
  });
});

describe('number text', () => {
  test('formatDouble', () => {
    assert.equal(formatDouble(1e15), '1E+15');
    assert.equal(formatDouble(123456789012345), '123456789012345');
    assert.equal(formatDouble(1e-5), '1E-05');
    assert.equal(formatDouble(0.0001), '0.0001');
    assert.equal(formatDouble(-1.5e-10), '-1.5E-10');
    assert.equal(formatDouble(1 / 3), '0.333333333333333');
    assert.equal(formatDouble(999999999999999.9), '1E+15');
    assert.equal(formatSingle(Math.fround(123456789)), '1.234568E+08');
  });
  test('parseNumber', () => {
    assert.equal(parseNumber('1,234.5'), 1234.5);
    assert.equal(parseNumber('(5)'), -5);
    assert.equal(parseNumber('5-'), -5);
    assert.equal(parseNumber('$5'), 5);
    assert.equal(parseNumber('1e3'), 1000);
    assert.equal(parseNumber('&HFFFFFFFF'), -1);
    assert.equal(parseNumber('.'), undefined);
    assert.equal(parseNumber('1 2'), undefined);
    assert.equal(parseNumber(''), undefined);
    assert.equal(parseNumber('1,5', localeInfo(1031)), 1.5);
    assert.equal(parseNumber('1.5', localeInfo(1031)), 15);
  });
});

describe('date text', () => {
  test('serial numbers and parts', () => {
    assert.equal(partsToDate(2000, 1, 1), 36526);
    assert.equal(partsToDate(1899, 12, 29, 6), -1.25);
    assert.deepEqual(dateToParts(-1.25), { year: 1899, month: 12, day: 29, hour: 6, minute: 0, second: 0, weekday: 6 });
    assert.equal(dateToParts(36526.99999999).day, 2); // rounds to the next second, i.e. midnight
  });
  test('parseDate', () => {
    assert.equal(parseDate('2000-01-02'), 36527);
    assert.equal(parseDate('Jan 2 2000'), 36527);
    assert.equal(parseDate('2/30/2000'), undefined);
    assert.equal(parseDate('12:30 PM'), 0.5 + 1 / 48);
    assert.equal(parseDate('02.01.2000', localeInfo(1031)), 36527);
    assert.equal(parseDate('hello'), undefined);
  });
  test('formatDateValue', () => {
    assert.equal(formatDateValue(0), '12:00:00 AM');
    assert.equal(formatDateValue(36526), '1/1/2000');
    assert.equal(formatDateValue(36526.75, localeInfo(1031)), '01.01.2000 18:00:00');
  });
});

describe('operators', () => {
  test('result subtypes', () => {
    assert.equal(show(B['+'](32767, 1)), 'Long:32768');
    assert.equal(show(B['+'](new VLong(1), 1)), 'Long:2');
    assert.equal(show(B['+'](new VByte(255), new VByte(1))), 'Integer:256');
    assert.equal(show(B['*'](new VCurrency(1), 1.5)), 'Double:1.5');
    assert.equal(show(B['+'](new VCurrency(1), 1.5)), 'Currency:2.5');
    assert.equal(show(B['/'](new VSingle(1), 2)), 'Single:0.5');
    assert.equal(show(B['\\'](-32768, -1)), 'Long:32768');
    assert.equal(show(U['-'](-32768)), 'Long:32768');
    assert.equal(show(U['-'](new VLong(-5))), 'Long:5');
    assert.equal(show(U.Not(new VLong(-40000))), 'Long:39999');
    assert.equal(show(U.Not(65535)), 'Long:-65536');
  });
  test('64-bit integers', () => {
    const big = new VLongLong(9007199254740993n);
    assert.equal(show(B['+'](big, 1)), 'LongLong:9007199254740994');
    assert.equal(show(B['\\'](big, 2)), 'LongLong:4503599627370496');
    assert.equal(show(B['+'](big, 0.5)), 'Double:9.00719925474099E+15');
    assert.equal(B['='](big, new VLongLong(9007199254740993n)), true);
    throwsVbs(() => B['*'](new VLongLong(2n ** 62n), 4), 6);
  });
  test('Null rules of the logical operators', () => {
    assert.equal(B.And(null, false), false);
    assert.equal(B.And(null, true), null);
    assert.equal(B.Or(null, true), true);
    assert.equal(B.Or(null, false), null);
    assert.equal(B.Imp(false, null), true);
    assert.equal(B.Imp(null, true), true);
    assert.equal(B.Imp(true, null), null);
    assert.equal(B.Xor(null, true), null);
  });
  test('errors', () => {
    throwsVbs(() => B['/'](1, 0), 11);
    throwsVbs(() => B['/'](0, 0), 6);
    throwsVbs(() => B.Mod(1, 0), 11);
    throwsVbs(() => B['+']('a', 1), 13);
    throwsVbs(() => B.Is(1, 1), 424);
    throwsVbs(() => B['^'](-8, 1 / 3), 5);
  });
  test('locale affects string arithmetic', () => {
    setCurrentLocale(1031);
    try {
      assert.equal(show(B['+']('1,5', 1)), 'Double:2,5');
    } finally {
      setCurrentLocale(1033);
    }
  });
});
