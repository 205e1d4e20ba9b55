import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { errorLogLine, hresultOf, scriptErrorMessage } from '../../simulator/src/pipeline/errorLog';

describe("script errors in hMailServer's format (§2.6)", () => {
  test('VBScript errors are FACILITY_CONTROL HRESULTs', () => {
    assert.equal(hresultOf(13), '800A000D');
    assert.equal(hresultOf(424), '800A01A8');
    assert.equal(hresultOf(1002), '800A03EA');
  });

  test('host HRESULTs print as themselves', () => {
    assert.equal(hresultOf(0x80004001 | 0), '80004001');
  });

  test('the message the script site builds', () => {
    assert.equal(
      scriptErrorMessage({ source: 'Microsoft VBScript runtime error', number: 424, description: "Object required: 'EventLog'", line: 3, column: 0, code: 'EventLog.Write "x"' }),
      `Script Error: Source: Microsoft VBScript runtime error - Error: 800A01A8 - Description: Object required: 'EventLog' - Line: 3 Column: 0 - Code: EventLog.Write "x"`,
    );
  });

  test('the ERROR log line replaces line breaks with [nl]', () => {
    assert.equal(errorLogLine(1234, '2026-11-24 10:00:00.000', 'a\r\nb'), '"ERROR"\t1234\t"2026-11-24 10:00:00.000"\t"a[nl]b"');
  });
});
