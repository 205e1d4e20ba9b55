import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeScript, scriptFileFromSource } from '../../simulator/src/pipeline/scriptFile';

describe('reading the script as the server does (§2.1)', () => {
  test('UTF-8 with a BOM is UTF-8', () => {
    const r = decodeScript(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x = "Grüße"', 'utf8')]));
    assert.equal(r.encoding, 'utf-8');
    assert.equal(r.source, 'x = "Grüße"');
  });

  test('FF FE is UTF-16LE', () => {
    const r = decodeScript(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('x = "ü"', 'utf16le')]));
    assert.equal(r.encoding, 'utf-16le');
    assert.equal(r.source, 'x = "ü"');
  });

  test('UTF-8 without a BOM is misread as ANSI, as on the server', () => {
    const r = decodeScript(Buffer.from('x = "ü"', 'utf8'));
    assert.equal(r.encoding, 'ansi');
    assert.equal(r.source, 'x = "Ã¼"');
  });

  test('Windows-1252 bytes decode as ANSI (0x80 is the euro sign)', () => {
    assert.equal(decodeScript(Buffer.from([0x78, 0x3d, 0x22, 0x80, 0x22])).source, 'x="€"');
  });

  test('the appended call sits two lines below the file', () => {
    assert.equal(scriptFileFromSource('a.vbs', 'a = 1\r\nb = 2').callLine, 4);
    assert.equal(scriptFileFromSource('a.vbs', 'a = 1\r\nb = 2\r\n').callLine, 5);
  });
});
