/**
 * The script-facing Message, Attachments, Recipients and MessageHeaders objects, through the
 * VbsObject protocol and through the VBScript engine (as a handler would use them).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { MimeMessage } from '../../simulator/src/hmailserver/mime/index';
import { MessageObject, StoredMessage, createNewMessage, type MessageSave } from '../../simulator/src/hmailserver/objects/message';
import type { RecipientData } from '../../simulator/src/hmailserver/objects/recipients';
import { E_NOTIMPL, undeclaredImplementations } from '../../simulator/src/hmailserver/apiObject';
import { membersOf } from '../../simulator/src/api';
import { messageImplementation } from '../../simulator/src/hmailserver/objects/message';
import { attachmentImplementation, attachmentsImplementation } from '../../simulator/src/hmailserver/objects/attachments';
import { recipientImplementation, recipientsImplementation } from '../../simulator/src/hmailserver/objects/recipients';
import { headerImplementation, headersImplementation } from '../../simulator/src/hmailserver/objects/headers';
import { HMAILSERVER_COM_ERROR as HM_COM_ERROR } from '../../simulator/src/hmailserver/objects/members';
import { createSimulationContext } from '../../simulator/src/sandbox/simulation';
import type { SimulationContext } from '../../simulator/src/sandbox/context';
import { ScriptEngine, ScriptError } from '../../simulator/src/runtime/engine/scriptEngine';
import { VbsRuntimeError } from '../../simulator/src/runtime/errors';
import { isComObject, type VbsObject } from '../../simulator/src/runtime/objects/comObject';
import { VDate, VLongLong, VLong, numericValue, subtypeOf, VarType, type Value } from '../../simulator/src/runtime/values/variant';
import type { ServerVersion } from '../../simulator/src/api';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'messages');
const fixture = (name: string) => readFileSync(path.join(dir, name));
/** 2026-11-24 10:00:00 UTC = 11:00 in Berlin. */
const NOW = Date.UTC(2026, 10, 24, 10, 0, 0);

function context(version: ServerVersion = '5.6'): { ctx: SimulationContext; effects: () => unknown[] } {
  const sim = createSimulationContext({
    version,
    now: () => NOW,
    timeZone: 'Europe/Berlin',
    scenarioDir: dir,
    mocks: { files: { 'C:\\Data\\report.pdf': { content: '%PDF-1.4 report' } } },
  });
  return { ctx: sim.ctx, effects: () => sim.recorder.effects };
}

const bob: RecipientData = { address: 'bob@example.com', originalAddress: 'info@example.com', isLocalUser: true };

interface Setup {
  ctx: SimulationContext;
  stored: StoredMessage;
  message: MessageObject;
  saves: MessageSave[];
  effects: () => unknown[];
}

async function setup(file: string, init: Partial<ConstructorParameters<typeof StoredMessage>[0]> = {}, version: ServerVersion = '5.6'): Promise<Setup> {
  const { ctx, effects } = context(version);
  const mime = await MimeMessage.load(fixture(file), file);
  const stored = new StoredMessage({
    file: mime,
    fromAddress: 'alice@sender.test',
    recipients: [{ ...bob }],
    filename: 'C:\\Program Files\\hMailServer\\Data\\{A1}.eml',
    ...init,
  });
  const saves: MessageSave[] = [];
  const message = new MessageObject(ctx, stored, { onSave: (s) => saves.push(s) });
  return { ctx, stored, message, saves, effects };
}

const n = (v: Value) => numericValue(v);
const get = (o: VbsObject, name: string, ...args: Value[]) => o.getProperty(name, args);
const obj = (v: Value): VbsObject => {
  assert.ok(isComObject(v));
  return v as VbsObject;
};

function throwsNumber(fn: () => unknown, number: number, text?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof VbsRuntimeError || e instanceof ScriptError, String(e));
    assert.equal((e as VbsRuntimeError).number, number);
    if (text) assert.match((e as VbsRuntimeError).description, text);
    return true;
  });
}

describe('Message: header fields', () => {
  test('Subject, From, To, CC, Date decoded; TypeName is Message', async () => {
    const { message } = await setup('encoded.eml');
    assert.equal(message.typeName, 'Message');
    assert.equal(get(message, 'Subject'), 'Grüße aus Köln und € 100');
    assert.equal(get(message, 'From'), 'Jörg Müller <joerg@sender.test>');
    assert.equal(get(message, 'To'), 'Åssa Lind <asa@example.com>');
    assert.equal(get(message, 'CC'), '');
    assert.equal(get(message, 'Date'), 'Tue, 24 Nov 2026 13:00:00 +0100');
  });

  test('HeaderValue: first match, case-insensitive, decoded, missing gives ""', async () => {
    const { message } = await setup('plain.eml');
    assert.match(String(get(message, 'HeaderValue', 'RECEIVED')), /^from mail\.sender\.test .* by mx\.example\.com with ESMTP;/);
    assert.equal(get(message, 'HeaderValue', 'x-custom-tag'), 'keep me');
    assert.equal(get(message, 'HeaderValue', 'X-Nope'), '');
    const enc = await setup('encoded.eml');
    assert.equal(get(enc.message, 'HeaderValue', 'subject'), 'Grüße aus Köln und € 100');
  });

  test('HeaderValue set replaces the first occurrence or appends; EncodeFields False works raw', async () => {
    const { message } = await setup('plain.eml');
    message.setProperty('HeaderValue', ['Received'], 'replaced', false);
    message.setProperty('HeaderValue', ['X-Spam'], 'Ja, über', false);
    const headers = obj(get(message, 'Headers'));
    const names = Array.from({ length: n(get(headers, 'Count')) }, (_, i) => get(obj(get(headers, 'Item', i)), 'Name'));
    assert.deepEqual(names.filter((n) => n === 'Received').length, 2);
    assert.equal(get(obj(get(headers, 'Item', 1)), 'Value'), 'replaced');
    assert.equal(names[names.length - 1], 'X-Spam');
    assert.equal(get(message, 'HeaderValue', 'X-Spam'), 'Ja, über');
    message.setProperty('EncodeFields', [], false, false);
    assert.equal(get(message, 'EncodeFields'), false);
    assert.match(String(get(message, 'HeaderValue', 'X-Spam')), /^Ja, =\?us-ascii\?|^Ja, =\?utf-8\?B\?/);
  });

  test('Date: assigning "" inserts the current date (simulated clock, local time)', async () => {
    const { message } = await setup('plain.eml');
    message.setProperty('Date', [], '', false);
    assert.equal(get(message, 'Date'), 'Tue, 24 Nov 2026 11:00:00 +0100');
  });
});

describe('Message: bodies', () => {
  test('HTML-only mail: Body is empty, HTMLBody is the HTML', async () => {
    const { message } = await setup('html-only.eml');
    assert.equal(get(message, 'Body'), '');
    assert.match(String(get(message, 'HTMLBody')), /^<html><body><p>Große Rabatte/);
    assert.equal(message.callMethod('HasBodyType', ['text/plain']), false);
    assert.equal(message.callMethod('HasBodyType', ['text/html']), true);
  });

  test('Body append then Save: the saved file re-parses to the new text', async () => {
    const { message, saves, stored } = await setup('plain.eml');
    message.setProperty('Body', [], `${String(get(message, 'Body'))}-- \r\nSignature`, false);
    message.callMethod('Save', []);
    assert.equal(saves.length, 1);
    assert.equal(saves[0].previousState, 1);
    assert.equal(stored.size, saves[0].data.length);
    const mp = await simpleParser(saves[0].data);
    assert.match(mp.text ?? '', /Alice\n-- \nSignature\n$/);
    assert.ok(fixture('plain.eml').toString('latin1').includes('Alice\r\n'), 'the fixture is untouched');
  });

  test('EncodeFields False: bodies come back as stored (quoted-printable here)', async () => {
    const { message } = await setup('html-only.eml');
    message.setProperty('EncodeFields', [], false, false);
    assert.match(String(get(message, 'HTMLBody')), /Gro=C3=9Fe Rabatte/);
  });

  test('a part without a charset parameter is returned undecoded, as MimeBody::GetUnicodeText does', async () => {
    const { ctx } = context();
    const data = Buffer.from('Subject: x\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\na=3Db\r\n');
    const message = new MessageObject(ctx, new StoredMessage({ file: await MimeMessage.load(data, 'x.eml') }));
    assert.equal(get(message, 'Body'), 'a=3Db\r\n');
  });

  test('Charset reads and writes the top-level charset parameter', async () => {
    const { message } = await setup('encoded.eml');
    assert.equal(get(message, 'Charset'), 'ISO-8859-1');
    message.setProperty('Charset', [], 'utf-8', false);
    assert.equal(get(message, 'Charset'), 'utf-8');
  });
});

describe('Message: per-event shape and numbers', () => {
  test('OnAcceptMessage: ID 0 (VT_I8), State 1, Size in KB, DeliveryAttempt, Filename, InternalDate', async () => {
    const { message } = await setup('attachments.eml');
    const id = get(message, 'ID');
    assert.ok(id instanceof VLongLong && id.value === 0n);
    assert.equal(subtypeOf(get(message, 'State')), VarType.Long);
    assert.ok(get(message, 'State') instanceof VLong && (get(message, 'State') as VLong).value === 1);
    assert.equal((get(message, 'Size') as VLong).value, Math.floor(fixture('attachments.eml').length / 1024));
    assert.equal((get(message, 'DeliveryAttempt') as VLong).value, 1);
    assert.equal(get(message, 'Filename'), 'C:\\Program Files\\hMailServer\\Data\\{A1}.eml');
    const date = get(message, 'InternalDate');
    assert.ok(date instanceof VDate);
  });

  test('delivery event: the ID is set and Size counts KB of the stored file', async () => {
    const { message } = await setup('plain.eml', { id: 12345678901n, retries: 2, size: 5000 });
    assert.equal((get(message, 'ID') as VLongLong).value, 12345678901n);
    assert.equal((get(message, 'DeliveryAttempt') as VLong).value, 3);
    assert.equal(n(get(message, 'Size')), 4);
  });

  test('OnSMTPData: envelope only — no subject or body, Size 0, ID 0, a fresh MessageData', async () => {
    const { ctx } = context();
    const stored = new StoredMessage({ fromAddress: 'alice@sender.test', recipients: [{ ...bob }] });
    const message = new MessageObject(ctx, stored);
    assert.equal(get(message, 'Subject'), '');
    assert.equal(get(message, 'Body'), '');
    assert.equal(n(get(message, 'Size')), 0);
    assert.equal((get(message, 'ID') as VLongLong).value, 0n);
    assert.equal(get(message, 'FromAddress'), 'alice@sender.test');
    assert.equal(n(get(obj(get(message, 'Recipients')), 'Count')), 1);
    assert.equal(n(get(obj(get(message, 'Headers')), 'Count')), 2);
    assert.equal(get(message, 'Charset'), 'utf-8');
  });

  test('Flag get/set by bit', async () => {
    const { message, stored } = await setup('plain.eml');
    assert.equal(get(message, 'Flag', 1), false);
    message.setProperty('Flag', [1], true, false);
    message.setProperty('Flag', [4], true, false);
    message.setProperty('Flag', [1], false, false);
    assert.equal(stored.flags, 4);
    assert.equal(get(message, 'Flag', 4), true);
  });

  test('an empty wrapper (OnTooManyInvalidCommands without a message) raises the access error', () => {
    const { ctx } = context();
    const message = new MessageObject(ctx, undefined);
    throwsNumber(() => get(message, 'Subject'), HM_COM_ERROR, /You do not have access/);
  });
});

describe('Message: Save and RefreshContent', () => {
  test('changes are in memory until Save; RefreshContent drops unsaved ones', async () => {
    const { message, saves } = await setup('plain.eml');
    message.setProperty('Subject', [], 'Draft', false);
    message.callMethod('RefreshContent', []);
    assert.equal(get(message, 'Subject'), 'Lunch on Friday?');
    message.setProperty('Subject', [], 'Saved', false);
    message.callMethod('Save', []);
    message.setProperty('Subject', [], 'Unsaved again', false);
    message.callMethod('RefreshContent', []);
    assert.equal(get(message, 'Subject'), 'Saved');
    assert.equal(saves.length, 1);
  });

  test('a new wrapper (the next event) sees only what was saved', async () => {
    const { ctx, message, stored } = await setup('plain.eml');
    message.setProperty('HeaderValue', ['X-Saved'], 'yes', false);
    message.callMethod('Save', []);
    message.setProperty('HeaderValue', ['X-Unsaved'], 'yes', false);
    const next = new MessageObject(ctx, stored);
    assert.equal(get(next, 'HeaderValue', 'X-Saved'), 'yes');
    assert.equal(get(next, 'HeaderValue', 'X-Unsaved'), '');
  });

  test('CreateObject("hMailServer.Message"): State 0, Save inserts Date and queues (State 1)', async () => {
    const { ctx } = context();
    const saves: MessageSave[] = [];
    const message = createNewMessage(ctx, { onSave: (s) => saves.push(s) });
    assert.equal((get(message, 'State') as VLong).value, 0);
    message.setProperty('From', [], '"Server" <postmaster@example.com>', false);
    message.setProperty('Subject', [], 'Notice', false);
    message.setProperty('Body', [], 'Hello', false);
    message.callMethod('AddRecipient', ['Alice', 'alice@sender.test']);
    message.callMethod('Save', []);
    assert.equal(saves[0].previousState, 0);
    assert.equal(saves[0].message.state, 1);
    const mp = await simpleParser(saves[0].data);
    assert.equal(mp.subject, 'Notice');
    assert.equal(mp.text, 'Hello\n');
    assert.equal(mp.date?.getTime(), NOW);
    assert.deepEqual(mp.to && !Array.isArray(mp.to) ? mp.to.value : undefined, [{ address: 'alice@sender.test', name: 'Alice' }]);
    assert.deepEqual(saves[0].message.recipients, [{ address: 'alice@sender.test', originalAddress: 'alice@sender.test', isLocalUser: false }]);
  });
});

describe('Recipients', () => {
  test("the pipeline's own recipient records (more fields) pass through AddRecipient", async () => {
    interface Expanded extends RecipientData {
      accountId: number;
    }
    const { ctx } = context();
    const stored = new StoredMessage<Expanded>({ recipients: [{ ...bob, accountId: 3 }] });
    const message = new MessageObject<Expanded>(ctx, stored, {
      resolveRecipient: (a) => [{ address: a, originalAddress: a, isLocalUser: true, accountId: 9 }],
    });
    message.callMethod('AddRecipient', ['', 'x@example.com']);
    assert.deepEqual(stored.recipients.map((r) => r.accountId), [3, 9]);
  });

  test('Count, Item default member, Address vs OriginalAddress, IsLocalUser', async () => {
    const { message } = await setup('plain.eml', {
      recipients: [{ ...bob }, { address: 'carol@remote.test', originalAddress: 'carol@remote.test', isLocalUser: false }],
    });
    const recipients = obj(get(message, 'Recipients'));
    assert.equal(recipients.typeName, 'Recipients');
    assert.equal(n(get(recipients, 'Count')), 2);
    const first = obj(recipients.getDefault([0]));
    assert.equal(get(first, 'Address'), 'bob@example.com');
    assert.equal(get(first, 'OriginalAddress'), 'info@example.com');
    assert.equal(get(first, 'IsLocalUser'), true);
    throwsNumber(() => recipients.getDefault([2]), 9);
    throwsNumber(() => get(recipients, 'Item', -1), 9);
  });

  test('ClearRecipients and AddRecipient change the envelope now and the headers in memory', async () => {
    const { ctx, stored } = await setup('plain.eml');
    const message = new MessageObject(ctx, stored, {
      resolveRecipient: (a) => [{ address: 'bob@example.com', originalAddress: a, isLocalUser: true }],
    });
    message.callMethod('ClearRecipients', []);
    assert.equal(stored.recipients.length, 0);
    assert.equal(get(message, 'To'), '');
    assert.equal(get(message, 'CC'), '');
    message.callMethod('AddRecipient', ['Info', 'info@example.com']);
    message.callMethod('AddRecipient', ['', 'sales@example.com']);
    assert.equal(get(message, 'To'), '"Info" <info@example.com>,"" <sales@example.com>');
    assert.deepEqual(stored.recipients.map((r) => r.originalAddress), ['info@example.com', 'sales@example.com']);
    assert.equal(n(get(obj(get(message, 'Recipients')), 'Count')), 2);
  });
});

describe('Headers', () => {
  test('Count, Item (default, zero-based, file order), ItemByName, Name/Value raw, Delete', async () => {
    const { message } = await setup('encoded.eml');
    const headers = obj(get(message, 'Headers'));
    assert.equal(n(get(headers, 'Count')), 8);
    const first = obj(headers.getDefault([0]));
    assert.equal(first.typeName, 'MessageHeader');
    assert.equal(get(first, 'Name'), 'From');
    assert.equal(get(first, 'Value'), '=?ISO-8859-1?Q?J=F6rg_M=FCller?= <joerg@sender.test>');
    const subject = obj(get(headers, 'ItemByName', 'SUBJECT'));
    assert.equal(get(subject, 'Name'), 'Subject');
    subject.callMethod('Delete', []);
    assert.equal(n(get(headers, 'Count')), 7);
    assert.equal(get(message, 'Subject'), '');
    throwsNumber(() => get(headers, 'ItemByName', 'Subject'), 9);
    throwsNumber(() => headers.getDefault([7]), 9);
  });

  test('renaming and re-valuing a header through MessageHeader', async () => {
    const { message } = await setup('plain.eml');
    const tag = obj(get(obj(get(message, 'Headers')), 'ItemByName', 'X-Custom-Tag'));
    tag.setProperty('Name', [], 'X-Renamed', false);
    tag.setProperty('Value', [], 'new value', false);
    assert.equal(get(message, 'HeaderValue', 'X-Custom-Tag'), '');
    assert.equal(get(message, 'HeaderValue', 'X-Renamed'), 'new value');
  });
});

describe('Attachments', () => {
  test('Count, Item default, Filename, Size (stored length), SaveAs through the sandbox', async () => {
    const { message, ctx, effects } = await setup('attachments.eml');
    const atts = obj(get(message, 'Attachments'));
    assert.equal(n(get(atts, 'Count')), 3);
    const pdf = obj(atts.getDefault([0]));
    assert.equal(pdf.typeName, 'Attachment');
    assert.equal(get(pdf, 'Filename'), 'invoice-2026.pdf');
    assert.equal(subtypeOf(get(pdf, 'Size')), VarType.Long);
    pdf.callMethod('SaveAs', ['C:\\Quarantine\\invoice-2026.pdf']);
    const written = ctx.fs.readFile('c:/quarantine/INVOICE-2026.PDF');
    assert.ok(written && written.subarray(0, 8).equals(Buffer.from('%PDF-1.4')));
    assert.deepEqual(effects().at(-1), {
      kind: 'file-write',
      target: 'C:\\Quarantine\\invoice-2026.pdf',
      allowed: true,
      detail: `${written.length} bytes (attachment invoice-2026.pdf)`,
    });
    throwsNumber(() => atts.getDefault([3]), 9);
  });

  test('Delete removes the part but the collection keeps its Count (server behaviour); Save persists', async () => {
    const { message, saves } = await setup('attachments.eml');
    const atts = obj(get(message, 'Attachments'));
    obj(get(atts, 'Item', 1)).callMethod('Delete', []);
    assert.equal(n(get(atts, 'Count')), 3);
    message.callMethod('Save', []);
    const mp = await simpleParser(saves[0].data);
    assert.deepEqual(mp.attachments.map((a) => a.filename), ['invoice-2026.pdf', 'übersicht.png']);
  });

  test('Clear empties the list and the message', async () => {
    const { message, saves } = await setup('attachments.eml');
    const atts = obj(get(message, 'Attachments'));
    atts.callMethod('Clear', []);
    assert.equal(n(get(atts, 'Count')), 0);
    message.callMethod('Save', []);
    const mp = await simpleParser(saves[0].data);
    assert.equal(mp.attachments.length, 0);
    assert.match(mp.text ?? '', /Please find the invoice attached/);
  });

  test('Add reads through the sandbox; a missing file is the server COM error', async () => {
    const { message, saves, effects } = await setup('plain.eml');
    const atts = obj(get(message, 'Attachments'));
    atts.callMethod('Add', ['C:\\Data\\report.pdf']);
    assert.equal(n(get(atts, 'Count')), 1);
    assert.equal(get(obj(get(atts, 'Item', 0)), 'Filename'), 'report.pdf');
    throwsNumber(() => atts.callMethod('Add', ['C:\\Data\\missing.pdf']), HM_COM_ERROR, /^Failed to attach file\.$/);
    assert.deepEqual(
      effects().map((e) => (e as { target: string; allowed: boolean }).allowed),
      [true, false],
    );
    message.callMethod('Save', []);
    const mp = await simpleParser(saves[0].data);
    assert.equal(mp.attachments[0].filename, 'report.pdf');
    assert.equal(mp.attachments[0].content.toString(), '%PDF-1.4 report');
    assert.match(mp.text ?? '', /lunch on Friday/);
  });
});

describe('errors: unknown members and unmodelled cases', () => {
  test('a member hMailServer does not have is 438 (oMessage.Header, a real script bug)', async () => {
    const { message } = await setup('plain.eml');
    throwsNumber(() => get(message, 'Header', 'Subject'), 438);
  });

  test('the "not simulated" error for what hmailsim does not model (Copy of a mailbox message)', async () => {
    const { message } = await setup('plain.eml', { accountId: 7, state: 2 });
    throwsNumber(() => message.callMethod('Copy', [3]), E_NOTIMPL, /^Not simulated: Message\.Copy/);
    const delivering = await setup('plain.eml');
    assert.equal(delivering.message.callMethod('Copy', [3]), undefined);
  });

  test('wrong argument counts are 450', async () => {
    const { message } = await setup('plain.eml');
    throwsNumber(() => get(message, 'HeaderValue'), 450);
    throwsNumber(() => message.callMethod('AddRecipient', ['x']), 450);
  });
});

describe('coverage against the API declaration', () => {
  const tables: Array<[string, Record<string, unknown>]> = [
    ['Message', messageImplementation],
    ['Attachments', attachmentsImplementation],
    ['Attachment', attachmentImplementation],
    ['Recipients', recipientsImplementation],
    ['Recipient', recipientImplementation],
    ['MessageHeaders', headersImplementation],
    ['MessageHeader', headerImplementation],
  ];
  for (const [iface, impl] of tables) {
    test(`${iface}: every declared member is simulated, nothing undeclared`, () => {
      assert.deepEqual(undeclaredImplementations(iface, impl as never), []);
      const implemented = new Set(Object.keys(impl).map((k) => k.toLowerCase()));
      assert.deepEqual(membersOf(iface).filter((m) => !implemented.has(m.name.toLowerCase())).map((m) => m.name), []);
    });
  }
});

describe('through the VBScript engine', () => {
  async function engineWith(file: string) {
    const s = await setup(file);
    const engine = new ScriptEngine({ clock: () => NOW });
    engine.addObject('oMessage', s.message);
    return { ...s, engine };
  }

  test('a handler body: loops, default members, header edits and Save', async () => {
    const { engine, saves } = await engineWith('attachments.eml');
    engine.addCode(
      [
        'Dim i, names',
        'For i = 0 To oMessage.Attachments.Count - 1',
        '  names = names & oMessage.Attachments(i).Filename & ";"',
        'Next',
        'oMessage.HeaderValue("X-Attachments") = names',
        'oMessage.Subject = "[scanned] " & oMessage.Subject',
        'If InStr(oMessage.Body, vbCrLf) > 0 Then oMessage.HeaderValue("X-Has-CrLf") = "yes"',
        'oMessage.Save',
      ].join('\n'),
      'EventHandlers.vbs',
    );
    const mp = await simpleParser(saves[0].data);
    assert.equal(mp.subject, '[scanned] Invoice and notes');
    // mailparser leaves encoded words in unknown headers alone; our parser decodes them like HeaderValue.
    const back = await MimeMessage.load(saves[0].data, 'saved.eml');
    assert.equal(back.getField('X-Attachments', true), 'invoice-2026.pdf;notes.txt;übersicht.png;');
    assert.equal(mp.headers.get('x-has-crlf'), 'yes');
  });

  test('Recipients(i).Address, TypeName and VarType of ID', async () => {
    const { engine } = await engineWith('plain.eml');
    assert.equal(engine.eval('oMessage.Recipients(0).Address'), 'bob@example.com');
    assert.equal(engine.eval('TypeName(oMessage)'), 'Message');
    assert.equal(engine.eval('VarType(oMessage.ID)'), 20);
    assert.equal(engine.eval('oMessage.Size'), 0);
  });

  test('For Each over a collection fails (no enumerator)', async () => {
    const { engine } = await engineWith('plain.eml');
    throwsNumber(() => engine.executeStatement('Dim r\nFor Each r In oMessage.Recipients\nNext'), 451);
  });

  test('error 9 and 438 reach the script, and On Error Resume Next sees them', async () => {
    const { engine } = await engineWith('plain.eml');
    throwsNumber(() => engine.eval('oMessage.Headers(99).Name'), 9);
    throwsNumber(() => engine.eval('oMessage.Header("Subject")'), 438);
    engine.addCode('On Error Resume Next\nDim h : h = oMessage.Headers.ItemByName("X-Missing").Value\nDim n : n = Err.Number', 'x.vbs');
    assert.equal(engine.getGlobal('n'), 9);
  });
});
