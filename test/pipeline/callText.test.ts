import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appendedCall, PARAMETER_ESCAPING } from '../../simulator/src/pipeline/callText';
import { parse } from '../../simulator/src/syntax/parser';

const named = (name: string) => ({ kind: 'namedItem' as const, name });
const str = (value: string, escaping: 'deliveryFailed' | 'doubleQuotes' | 'none') => ({ kind: 'string' as const, value, escaping });

describe('the appended call (§2.3, §2.5)', () => {
  test('named items are passed by name', () => {
    assert.equal(appendedCall('vbscript', 'OnAcceptMessage', [named('HMAILSERVER_CLIENT'), named('HMAILSERVER_MESSAGE')]), 'Call OnAcceptMessage(HMAILSERVER_CLIENT, HMAILSERVER_MESSAGE)');
    assert.equal(appendedCall('jscript', 'OnAcceptMessage', [named('HMAILSERVER_CLIENT'), named('HMAILSERVER_MESSAGE')]), 'OnAcceptMessage(HMAILSERVER_CLIENT, HMAILSERVER_MESSAGE);');
  });

  test('OnDeliveryFailed (VBScript): quotes removed, CRLF becomes " + vbCRLF + ", trimmed', () => {
    const call = appendedCall('vbscript', 'OnDeliveryFailed', [
      named('HMAILSERVER_MESSAGE'),
      str('carol@remote.test', 'deliveryFailed'),
      str('  550 "mailbox" unavailable\r\nsecond line ', 'deliveryFailed'),
    ]);
    assert.equal(call, 'Call OnDeliveryFailed(HMAILSERVER_MESSAGE, "carol@remote.test", "550 mailbox unavailable" + vbCRLF + "second line")');
    assert.deepEqual(parse(call).diagnostics, []);
  });

  test('OnError (VBScript): quotes doubled, CRLF not handled, so a two-line description breaks the call', () => {
    const ok = appendedCall('vbscript', 'OnError', [{ kind: 'number', value: 2 }, { kind: 'number', value: 5014 }, str('Backup', 'doubleQuotes'), str('say "hi"', 'doubleQuotes')]);
    assert.equal(ok, 'Call OnError(2, 5014, "Backup", "say ""hi""")');
    assert.deepEqual(parse(ok).diagnostics, []);
    const broken = appendedCall('vbscript', 'OnError', [{ kind: 'number', value: 2 }, { kind: 'number', value: 1 }, str('x', 'doubleQuotes'), str('line1\r\nline2', 'doubleQuotes')]);
    assert.equal(parse(broken).diagnostics[0]?.code, 1033);
  });

  test('OnBackupFailed: embedded raw, so a quote in the reason is a syntax error', () => {
    const call = appendedCall('vbscript', 'OnBackupFailed', [str('disk "D" full', 'none')]);
    assert.equal(call, 'Call OnBackupFailed("disk "D" full")');
    assert.notDeepEqual(parse(call).diagnostics, []);
  });

  test('OnExternalAccountDownload without a message passes Nothing / null', () => {
    const args = [named('HMAILSERVER_FETCHACCOUNT'), { kind: 'nothing' as const }, str("uid'1", 'doubleQuotes')];
    assert.equal(appendedCall('vbscript', 'OnExternalAccountDownload', args), `Call OnExternalAccountDownload(HMAILSERVER_FETCHACCOUNT, Nothing, "uid'1")`);
    assert.equal(appendedCall('jscript', 'OnExternalAccountDownload', args), `OnExternalAccountDownload(HMAILSERVER_FETCHACCOUNT, null, 'uid\\'1');`);
  });

  test('JScript OnDeliveryFailed: apostrophes escaped, CRLF as \\r\\n', () => {
    assert.equal(
      appendedCall('jscript', 'OnDeliveryFailed', [named('HMAILSERVER_MESSAGE'), str("o'brien@x.test", 'deliveryFailed'), str('550 no\r\nmore', 'deliveryFailed')]),
      "OnDeliveryFailed(HMAILSERVER_MESSAGE, 'o\\'brien@x.test', '550 no\\r\\nmore');",
    );
  });

  test('every string parameter of every event has an escaping rule', () => {
    assert.deepEqual(Object.keys(PARAMETER_ESCAPING).sort(), ['OnBackupFailed', 'OnClientValidatePassword', 'OnDeliveryFailed', 'OnError', 'OnExternalAccountDownload']);
  });
});
