/** Direct unit tests of the helpers behind each built-in family (no interpreter involved). */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { splitText } from '../../simulator/src/runtime/builtins/arrays';
import { dateAdd, dateDiff, datePart, dateSerial, timeSerial, weekdayOf } from '../../simulator/src/runtime/builtins/dates';
import { fixedDigits, formatCurrency, formatNumber } from '../../simulator/src/runtime/builtins/formatting';
import { roundDecimal } from '../../simulator/src/runtime/builtins/math';
import { compilePattern } from '../../simulator/src/runtime/builtins/regexp';
import { ansiToChar, charToAnsi, escapeText, inStr, inStrRev, lcase, replaceText, ucase, unescapeText } from '../../simulator/src/runtime/builtins/strings';
import { VbsRuntimeError } from '../../simulator/src/runtime/errors';
import { daysFromCivil, formatDateValue, partsToDate } from '../../simulator/src/runtime/values/dateText';
import { localeInfo } from '../../simulator/src/runtime/values/locale';

const d = (y: number, m: number, day: number, h = 0, mi = 0, s = 0): number => partsToDate(y, m, day, h, mi, s);
const show = (serial: number): string => formatDateValue(serial);

describe('strings', () => {
  test('InStr / InStrRev', () => {
    assert.equal(inStr('abcabc', 'bc', 3, false), 5);
    assert.equal(inStr('ABC', 'b', 1, true), 2);
    assert.equal(inStrRev('abcabc', 'bc', 6, false), 5);
    assert.equal(inStrRev('abcd', 'bc', 2, false), 0);
  });
  test('Replace', () => {
    assert.equal(replaceText('xx testxx(xx)', 'xx', '!', 2, 1, false), 'x test!(xx)');
    assert.equal(replaceText('aa testAA(aA)', 'Aa', '!', 1, -1, true), '! test!(!)');
    assert.equal(replaceText('xxxxx', 'xx', 'y', 1, -1, false), 'yyx');
  });
  test('case mapping keeps the length', () => {
    assert.equal(ucase('straße'), 'STRAßE');
    assert.equal(lcase('ÄÖÜ'), 'äöü');
  });
  test('Windows-1252 for Asc and Chr', () => {
    assert.equal(ansiToChar(0x80), '€');
    assert.equal(charToAnsi('€'), 0x80);
    assert.equal(charToAnsi('ÿ'), 255);
    assert.equal(charToAnsi('Ω'), 63);
  });
  test('Escape and Unescape round-trip', () => {
    const s = 'a b&c=ä€/@*_+-.';
    assert.equal(escapeText(s), 'a%20b%26c%3D%E4%u20AC/@*_+-.');
    assert.equal(unescapeText(escapeText(s)), s);
  });
});

describe('arrays', () => {
  test('Split', () => {
    assert.deepEqual(splitText('a,b,c', ',', 2, false), ['a', 'b,c']);
    assert.deepEqual(splitText('aXbxc', 'x', -1, true), ['a', 'b', 'c']);
    assert.deepEqual(splitText('', ',', -1, false), []);
    assert.deepEqual(splitText('abc', '', -1, false), ['abc']);
    assert.deepEqual(splitText('a,b', ',', 0, false), []);
  });
});

describe('math', () => {
  test('Round on the decimal spelling, half to even', () => {
    assert.equal(roundDecimal(2.5, 0), 2);
    assert.equal(roundDecimal(0.125, 2), 0.12);
    assert.equal(roundDecimal(0.135, 2), 0.14);
    assert.equal(roundDecimal(2.675, 2), 2.68);
    assert.equal(roundDecimal(-1.005, 2), -1);
    assert.equal(roundDecimal(123.456, 5), 123.456);
    assert.equal(roundDecimal(0.0004, 3), 0);
  });
});

describe('formatting', () => {
  test('fixedDigits rounds half away from zero', () => {
    assert.deepEqual(fixedDigits(2.5, 0), ['3', '']);
    assert.deepEqual(fixedDigits(0.125, 2), ['0', '13']);
    assert.deepEqual(fixedDigits(9.995, 2), ['10', '00']);
    assert.deepEqual(fixedDigits(1e21, 1), ['1000000000000000000000', '0']);
  });
  test('formatNumber and formatCurrency per locale', () => {
    const o = { decimals: 2, leadingZero: true, parens: false, group: true };
    assert.equal(formatNumber(-1234.5, o, localeInfo(1031)), '-1.234,50');
    assert.equal(formatCurrency(-1234.5, o, localeInfo(1043)), '€ -1.234,50');
    assert.equal(formatCurrency(1234.5, o, localeInfo(1036)), '1\u00a0234,50 €');
    assert.equal(formatCurrency(-1, { ...o, parens: true }, localeInfo(1033)), '($1.00)');
  });
});

describe('dates', () => {
  test('day numbers', () => {
    assert.equal(daysFromCivil(1899, 12, 30), 0);
    assert.equal(daysFromCivil(100, 1, 1), -657434);
    assert.equal(daysFromCivil(9999, 12, 31), 2958465);
  });
  test('DateAdd', () => {
    assert.equal(show(dateAdd('m', 1, d(2011, 1, 31))), '2/28/2011');
    assert.equal(show(dateAdd('yyyy', 1, d(2012, 2, 29))), '2/28/2013');
    assert.equal(show(dateAdd('n', -1, d(2000, 1, 1))), '12/31/1999 11:59:00 PM');
    assert.throws(() => dateAdd('d', 1, d(9999, 12, 31)), VbsRuntimeError);
  });
  test('DateDiff counts boundaries', () => {
    assert.equal(dateDiff('yyyy', d(2000, 12, 31), d(2001, 1, 1), 1), 1);
    assert.equal(dateDiff('m', d(2000, 1, 31), d(2000, 2, 1), 1), 1);
    assert.equal(dateDiff('h', d(2000, 1, 1, 23, 59), d(2000, 1, 2, 0, 1), 1), 1);
    assert.equal(dateDiff('ww', d(2000, 1, 1), d(2000, 1, 2), 1), 1); // Saturday → Sunday
    assert.equal(dateDiff('w', d(2000, 1, 1), d(2000, 1, 7), 1), 0);
  });
  test('DatePart weeks', () => {
    assert.equal(datePart('ww', d(2021, 1, 1), 2, 2), 53); // Friday before ISO week 1 of 2021
    assert.equal(datePart('ww', d(2021, 1, 4), 2, 2), 1);
    assert.equal(datePart('y', d(2000, 12, 31), 1, 1), 366);
    assert.equal(weekdayOf(daysFromCivil(2000, 1, 1), 1), 7);
  });
  test('DateSerial and TimeSerial carry', () => {
    assert.equal(show(dateSerial(2000, 0, 0)), '11/30/1999');
    assert.equal(show(timeSerial(-1, 0, 0)), '12/29/1899 11:00:00 PM');
  });
});

describe('regexp dialect', () => {
  test('JavaScript-only syntax is refused', () => {
    for (const p of ['(?<=a)b', '(?<!a)b', '(?<name>a)', '\\k<name>']) {
      assert.throws(() => compilePattern(p, false, false), (e: unknown) => e instanceof VbsRuntimeError && e.number === 5017, p);
    }
  });
  test('flags', () => {
    const re = compilePattern('^a', true, true);
    assert.equal(re.flags, 'gim');
  });
});
