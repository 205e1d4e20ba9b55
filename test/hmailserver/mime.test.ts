/**
 * The MIME layer: byte-exact round trips, decoding as hMailServer shows it, edits that
 * serialise correctly (checked by re-parsing with our parser and with mailparser), and clear
 * errors for malformed files.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import {
  MalformedMessageError,
  MimeMessage,
  addAttachment,
  attachmentContent,
  attachmentFilename,
  attachmentList,
  bodyText,
  clearAttachments,
  findBodyPart,
  hasBodyType,
  removeAttachment,
  setBodyText,
} from '../../simulator/src/hmailserver/mime/index';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'messages');
const fixture = (name: string) => readFileSync(path.join(dir, name));
const load = (name: string) => MimeMessage.load(fixture(name), name);
const reparse = (m: MimeMessage) => MimeMessage.load(m.serialize(), 'reparsed.eml');

function body(m: MimeMessage, type: 'text/plain' | 'text/html'): string | undefined {
  const part = findBodyPart(m.root, type);
  return part ? bodyText(part, true) : undefined;
}

describe('round trip', () => {
  const good = readdirSync(dir).filter((f) => f.endsWith('.eml') && !f.startsWith('malformed'));
  for (const name of good) {
    test(`${name} serialises byte-identical when nothing changed`, async () => {
      const m = await load(name);
      assert.ok(m.serialize().equals(fixture(name)));
      const copy = m.clone();
      copy.root.touch(); // forces the top level to be rebuilt from its pieces
      assert.ok(copy.serialize().equals(fixture(name)), 'rebuilt from header fields, delimiters and children');
    });
  }

  test('an edit rewrites only the changed header; every part keeps its bytes', async () => {
    const original = fixture('attachments.eml');
    const m = await load('attachments.eml');
    m.setField('Subject', 'Changed', true);
    const out = m.serialize();
    const bodyAt = (b: Buffer) => b.indexOf('\r\n\r\n') + 4;
    assert.ok(out.subarray(bodyAt(out)).equals(original.subarray(bodyAt(original))));
    assert.match(out.toString('latin1'), /^From: Alice <alice@sender\.test>\r\nTo: bob@example\.com\r\nSubject: Changed\r\nDate:/);
  });
});

describe('malformed files', () => {
  const cases: Array<[string, Buffer, RegExp]> = [
    ['malformed-not-mail.eml', fixture('malformed-not-mail.eml'), /line 1 is not a header field/],
    ['malformed-no-boundary.eml', fixture('malformed-no-boundary.eml'), /multipart\/mixed without a boundary parameter/],
    ['empty.eml', Buffer.alloc(0), /the file is empty/],
    ['mbox.eml', Buffer.from('From alice@x Tue Nov 24 10:00:00 2026\r\nSubject: x\r\n\r\nbody\r\n'), /mbox "From " separator/],
    ['binary.eml', Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x0d, 0x0a]), /line 1 is not a header field/],
  ];
  for (const [name, data, reason] of cases) {
    test(`${name}: a MalformedMessageError naming the file and the problem`, async () => {
      await assert.rejects(MimeMessage.load(data, `messages/${name}`), (e: unknown) => {
        assert.ok(e instanceof MalformedMessageError);
        assert.equal(e.fileName, `messages/${name}`);
        assert.match(e.message, new RegExp(`^messages/${name.replace('.', '\\.')}: malformed message: `));
        assert.match(e.reason, reason);
        return true;
      });
    });
  }

  test('tolerated irregularities become warnings, the message still loads', async () => {
    const m = await load('truncated.eml');
    assert.deepEqual(m.warnings, ['line 6: multipart without closing "--XYZ--" line']);
    assert.equal(body(m, 'text/plain'), 'text part');
    const [att] = attachmentList(m.root);
    assert.equal(attachmentFilename(att), 'data.bin');
    assert.deepEqual([...attachmentContent(att)], [0, 1, 2, 3]);
  });
});

describe('decoding (what scripts see)', () => {
  test('plain text keeps CRLFs and trailing spaces (mailparser would not)', async () => {
    const m = await load('plain.eml');
    assert.equal(body(m, 'text/plain'), 'Hi Bob,\r\n\r\nare you free for lunch on Friday?   \r\nTrailing spaces above are kept.\r\n\r\nAlice\r\n');
    assert.equal(body(m, 'text/html'), undefined);
  });

  test('HTML-only mail has no Body part, only HTMLBody', async () => {
    const m = await load('html-only.eml');
    assert.equal(findBodyPart(m.root, 'text/plain'), undefined);
    assert.equal(body(m, 'text/html'), '<html><body><p>Große Rabatte bei <a href="http://shop.test/">shop.test</a></p></body></html>\r\n');
    assert.equal(hasBodyType(m.root, 'text/plain'), false);
    assert.equal(hasBodyType(m.root, 'TEXT/HTML'), true);
  });

  test('RFC 2047 words in several charsets, adjacent words joined, 8-bit header text', async () => {
    const m = await load('encoded.eml');
    assert.equal(m.getField('Subject', true), 'Grüße aus Köln und € 100');
    assert.equal(m.getField('From', true), 'Jörg Müller <joerg@sender.test>');
    assert.equal(m.getField('To', true), 'Åssa Lind <asa@example.com>');
    assert.equal(m.getField('X-Raw-8bit', true), 'café');
    assert.equal(m.getField('Subject', false), '=?ISO-8859-1?Q?Gr=FC=DFe_aus?= =?ISO-8859-1?Q?_K=F6ln?= und =?utf-8?B?4oKsIDEwMA==?=');
    assert.equal(body(m, 'text/plain'), 'Schöne Grüße aus Köln!\r\nété\r\n');
  });

  test('non-UTF-8 charsets in bodies and headers (KOI8-R)', async () => {
    const m = await load('koi8.eml');
    assert.equal(m.getField('Subject', true), 'Привет');
    assert.equal(body(m, 'text/plain'), 'Привет, мир\r\n');
  });

  test('folded headers are unfolded with one space', async () => {
    const m = await load('folded.eml');
    assert.equal(m.getField('Subject', true), 'This subject line is folded over two lines');
    assert.equal(m.getField('to', true), 'bob@example.com, carol@example.com, dave@example.com');
    // The value starts on the next line: like MimeField::UnfoldField, the line break becomes a leading space.
    assert.equal(m.getField('X-Spam-Report', true), ' * 1.0 TEST_RULE some rule * 0.5 OTHER_RULE another rule');
  });

  test('nested multipart: Body/HTMLBody from the alternative, attachments depth-first with names', async () => {
    const m = await load('attachments.eml');
    assert.equal(body(m, 'text/plain'), 'Please find the invoice attached. \r\nGrüße, Alice');
    assert.equal(body(m, 'text/html'), '<p>Please find the invoice attached.</p><p>Grüße, Alice</p>');
    const atts = attachmentList(m.root);
    assert.deepEqual(atts.map(attachmentFilename), ['invoice-2026.pdf', 'notes.txt', 'übersicht.png']);
    assert.ok(attachmentContent(atts[0]).subarray(0, 8).equals(Buffer.from('%PDF-1.4')));
    assert.equal(attachmentContent(atts[1]).toString(), 'line one\r\nline two');
    assert.ok(atts.every((a) => a.decoded !== undefined), 'content decoded by mailparser at load');
  });

  test('a message without MIME headers is text/plain', async () => {
    const m = await load('no-content-type.eml');
    assert.equal(body(m, 'text/plain'), 'Plain old message without MIME headers.\r\n');
  });
});

describe('edits', () => {
  test('non-ASCII header values are RFC 2047-encoded and decode back', async () => {
    const m = await load('plain.eml');
    m.setField('Subject', 'Grüße — ein sehr langer Betreff, der über die Zeilenlänge von 78 Zeichen hinausgeht', true);
    m.setField('X-New', 'neu', true);
    const out = m.serialize().toString('latin1');
    // eslint-disable-next-line no-control-regex
    assert.ok(/^[\x00-\x7f]*$/.test(out), 'all ASCII');
    assert.ok(out.split('\r\n').every((l) => l.length <= 78 || !l.includes(' ')), 'folded');
    assert.match(out, /\r\nX-New: neu\r\n\r\nHi Bob/);
    const back = await reparse(m);
    assert.equal(back.getField('Subject', true), 'Grüße — ein sehr langer Betreff, der über die Zeilenlänge von 78 Zeichen hinausgeht');
    const mp = await simpleParser(m.serialize());
    assert.equal(mp.subject, 'Grüße — ein sehr langer Betreff, der über die Zeilenlänge von 78 Zeichen hinausgeht');
  });

  test('address headers: only the display name is encoded', async () => {
    const m = await load('plain.eml');
    m.setField('From', '"Jörg Müller" <joerg@sender.test>', true);
    assert.match(m.header.rawValue('From'), /^=\?utf-8\?B\?[^ ]+\?= <joerg@sender\.test>$/);
    const mp = await simpleParser(m.serialize());
    assert.deepEqual(mp.from?.value, [{ address: 'joerg@sender.test', name: 'Jörg Müller' }]);
  });

  test('Body replacement: quoted-printable in the part charset, CRLF appended, other parts untouched', async () => {
    const original = fixture('attachments.eml');
    const m = await load('attachments.eml');
    setBodyText(m.root, 'text/plain', 'Neuer Text mit Grüßen', true, () => m.newBoundary());
    const back = await reparse(m);
    assert.equal(body(back, 'text/plain'), 'Neuer Text mit Grüßen\r\n');
    const part = findBodyPart(back.root, 'text/plain')!;
    assert.equal(part.charset, 'iso-8859-1');
    assert.equal(part.transferEncoding, 'quoted-printable');
    assert.equal(part.body.toString('latin1'), 'Neuer Text mit Gr=FC=DFen\r\n');
    const pdfStart = original.indexOf('------=_mixed_001\r\nContent-Type: application/pdf');
    assert.ok(m.serialize().toString('latin1').endsWith(original.subarray(pdfStart).toString('latin1')));
  });

  test('a charset that cannot hold the text switches the part to UTF-8', async () => {
    const m = await load('encoded.eml');
    setBodyText(m.root, 'text/plain', 'Ελληνικά', true, () => m.newBoundary());
    const back = await reparse(m);
    assert.equal(back.root.charset, 'utf-8');
    assert.equal(body(back, 'text/plain'), 'Ελληνικά\r\n');
  });

  test('HTMLBody on a plain message creates multipart/alternative (as CreatePart does)', async () => {
    const m = await load('plain.eml');
    setBodyText(m.root, 'text/html', '<p>Hi</p>', true, () => m.newBoundary());
    const back = await reparse(m);
    assert.equal(back.root.contentType, 'multipart/alternative');
    assert.equal(back.header.rawValue('Content-Transfer-Encoding'), '');
    assert.equal(body(back, 'text/plain'), body(await load('plain.eml'), 'text/plain'));
    assert.equal(body(back, 'text/html'), '<p>Hi</p>\r\n');
    const mp = await simpleParser(m.serialize());
    assert.equal(mp.html, '<p>Hi</p>\n');
    assert.match(mp.text ?? '', /lunch on Friday/);
  });

  test('Body on an HTML-only message adds a text part and keeps the HTML', async () => {
    const m = await load('html-only.eml');
    setBodyText(m.root, 'text/plain', 'Plain version', true, () => m.newBoundary());
    const back = await reparse(m);
    assert.equal(back.root.contentType, 'multipart/alternative');
    assert.equal(body(back, 'text/plain'), 'Plain version\r\n');
    assert.match(body(back, 'text/html')!, /Große Rabatte/);
  });

  test('setting an empty body empties the part', async () => {
    const m = await load('plain.eml');
    setBodyText(m.root, 'text/plain', '', true, () => m.newBoundary());
    assert.match(m.serialize().toString('latin1'), /Content-Transfer-Encoding: 7bit\r\n\r\n$/);
  });

  test('adding an attachment makes a multipart/mixed the server way; mailparser sees it', async () => {
    const m = await load('plain.eml');
    const pdf = Buffer.from('%PDF-1.4 tiny');
    const part = addAttachment(m.root, 'C:\\Temp\\Rechnung März.pdf', pdf, () => m.newBoundary());
    assert.equal(attachmentFilename(part), 'Rechnung März.pdf');
    const back = await reparse(m);
    assert.equal(back.root.contentType, 'multipart/mixed');
    assert.equal(body(back, 'text/plain'), body(await load('plain.eml'), 'text/plain'));
    const [att] = attachmentList(back.root);
    assert.equal(att.contentType, 'application/pdf');
    assert.equal(att.header.rawValue('Content-Disposition').startsWith('inline; filename='), true);
    assert.ok(attachmentContent(att).equals(pdf));
    const mp = await simpleParser(m.serialize());
    assert.equal(mp.attachments.length, 1);
    assert.equal(mp.attachments[0].filename, 'Rechnung März.pdf');
    assert.ok(mp.attachments[0].content.equals(pdf));
  });

  test('removing and clearing attachments (top-level parts only, as the server does)', async () => {
    const m = await load('attachments.eml');
    const [pdf, notes, png] = attachmentList(m.root);
    assert.equal(removeAttachment(m.root, notes), true);
    const back = await reparse(m);
    assert.deepEqual(attachmentList(back.root).map(attachmentFilename), ['invoice-2026.pdf', 'übersicht.png']);
    clearAttachments(m.root);
    const cleared = await reparse(m);
    assert.deepEqual(attachmentList(cleared.root), []);
    assert.equal(body(cleared, 'text/plain'), 'Please find the invoice attached. \r\nGrüße, Alice');
    assert.ok(pdf && png);
  });

  test('deleting a header keeps the others as they were', async () => {
    const m = await load('folded.eml');
    m.header.remove(m.header.find('x-spam-report')!);
    const out = m.serialize().toString('latin1');
    assert.ok(!out.includes('X-Spam-Report'));
    assert.ok(out.includes('References: <a@sender.test>\r\n <b@sender.test> <c@sender.test>\r\n'));
  });

  test('LF-only files stay LF-only after edits', async () => {
    const m = await load('lf-only.eml');
    m.setField('X-Tag', 'yes', true);
    setBodyText(m.root, 'text/plain', 'New\r\nlines', true, () => m.newBoundary());
    const out = m.serialize().toString('latin1');
    assert.ok(!out.includes('\r'));
    assert.equal(body(await reparse(m), 'text/plain'), 'New\nlines\n');
  });

  test('boundaries the message creates are deterministic', async () => {
    const a = await load('plain.eml');
    const b = await load('plain.eml');
    setBodyText(a.root, 'text/html', '<p>x</p>', true, () => a.newBoundary());
    setBodyText(b.root, 'text/html', '<p>x</p>', true, () => b.newBoundary());
    assert.ok(a.serialize().equals(b.serialize()));
  });
});

describe('line endings for SMTP', () => {
  test('bare LFs are detected and converted to CRLF; CRLF data is returned as is', async () => {
    const { hasBareLf, toCrlf } = await import('../../simulator/src/hmailserver/mime/index');
    const lf = fixture('lf-only.eml');
    assert.equal(hasBareLf(lf), true);
    const crlf = toCrlf(lf);
    assert.equal(hasBareLf(crlf), false);
    assert.equal(crlf.toString('latin1'), lf.toString('latin1').replace(/\n/g, '\r\n'));
    const plain = fixture('plain.eml');
    assert.equal(toCrlf(plain), plain);
  });
});

describe('codecs', () => {
  test('RFC 2047: values round-trip; long values split into words of at most 75 characters', async () => {
    const { encodeHeaderValue, decodeHeaderWords } = await import('../../simulator/src/hmailserver/mime/index');
    for (const text of ['ASCII only', 'Grüße', 'a € b 𝄞 c', `${'Übergrößenträger '.repeat(8)}end`, 'mixed\tTab ß', '  lead and trail  ']) {
      const encoded = encodeHeaderValue('Subject', text, 'iso-8859-1');
      // eslint-disable-next-line no-control-regex
      assert.ok(/^[\x00-\x7f]*$/.test(encoded), encoded);
      assert.ok(encoded.split(' ').every((w) => !w.startsWith('=?') || w.length <= 75), encoded);
      assert.equal(decodeHeaderWords(encoded), text);
    }
    assert.equal(
      encodeHeaderValue('From', '"Jörg Müller" <joerg@x.test>, Åsa<asa@y.test>, plain@z.test', 'utf-8'),
      '=?utf-8?B?SsO2cmcgTcO8bGxlcg==?= <joerg@x.test>, =?utf-8?B?w4VzYQ==?= <asa@y.test>, plain@z.test',
    );
  });

  test('quoted-printable: hard breaks kept, soft breaks at 76, trailing whitespace and "=" encoded', async () => {
    const { encodeQuotedPrintable, decodeQuotedPrintable } = await import('../../simulator/src/hmailserver/mime/codecs');
    const text = Buffer.from(`${'x'.repeat(100)}\r\ntrailing \r\na=b\r\n`, 'latin1');
    const encoded = encodeQuotedPrintable(text, '\r\n');
    assert.ok(encoded.split('\r\n').every((l) => l.length <= 76));
    assert.match(encoded, /trailing=20\r\na=3Db\r\n$/);
    assert.ok(decodeQuotedPrintable(Buffer.from(encoded, 'latin1')).equals(text));
  });
});
