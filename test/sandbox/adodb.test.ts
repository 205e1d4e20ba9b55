import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { newRun, run } from './helpers.js';
import { runSql } from '../../simulator/src/sandbox/sql.js';

const DSN = 'Driver={MariaDB ODBC 3.1 Driver};Server=localhost;Database=hmail;User=hm;Password=s3cret;';

describe('ADODB', () => {
  test('Connection.Execute → Recordset loop with EOF/MoveNext and rs("col") (P4 pattern)', () => {
    const sim = newRun({
      sql: [
        { match: 'SELECT domain, hits FROM hm_catchspam WHERE hits > *', rows: [{ domain: 'spam.test', hits: 3 }, { domain: 'junk.test', hits: 5, extra: null }] },
        { match: 'INSERT INTO *', recordsAffected: 1 },
      ],
    });
    const out = run(sim, `
      Set cn = CreateObject("ADODB.Connection")
      Echo TypeName(cn), cn.State
      cn.Open "${DSN}"
      Echo cn.State
      Set rs = cn.Execute("SELECT domain, hits" & vbCrLf & "  FROM hm_catchspam WHERE hits > 2")
      Echo TypeName(rs), rs.RecordCount, rs.Fields.Count, rs.BOF, rs.EOF
      Do Until rs.EOF
        Echo rs("domain"), rs.Fields("HITS").Value, rs.Fields(1), rs(0) & "", IsNull(rs("extra").Value)
        rs.MoveNext
      Loop
      For Each f In rs.Fields : Echo f.Name, f.Type : Next
      rs.Close
      cn.Execute "INSERT INTO hm_log VALUES ('x')"
      cn.Close
      Echo cn.State`);
    assert.deepEqual(out, [
      'Connection 0',
      '1',
      'Recordset -1 3 False False',
      'spam.test 3 3 spam.test True',
      'junk.test 5 5 junk.test True',
      'domain 202',
      'hits 3',
      'extra 202',
      '0',
    ]);
    assert.deepEqual(
      sim.recorder.effects.map((e) => [e.kind, e.target, e.allowed]),
      [
        ['sql', 'OPEN Driver={MariaDB ODBC 3.1 Driver};Server=localhost;Database=hmail;User=hm;Password=***;', true],
        ['sql', 'SELECT domain, hits\r\n  FROM hm_catchspam WHERE hits > 2', true],
        ['sql', "INSERT INTO hm_log VALUES ('x')", true],
      ],
    );
    assert.match(sim.recorder.effects[1].detail!, /2 row\(s\)/);
  });

  test('unmatched SQL: empty result, recorded as not allowed', () => {
    const sim = newRun();
    const out = run(sim, `
      Set cn = CreateObject("ADODB.Connection")
      cn.Open "DSN=hmail"
      Set rs = cn.Execute("SELECT * FROM unknown")
      Echo rs.EOF, rs.BOF, rs.Fields.Count`);
    assert.deepEqual(out, ['True True 0']);
    assert.equal(sim.recorder.effects[1].allowed, false);
    assert.match(sim.recorder.effects[1].detail!, /no mocks\.sql rule matched/);
  });

  test('ADO errors: 3021 past EOF, 3265 unknown field, 3704 closed, 3709 not open, 3705 already open', () => {
    const sim = newRun({ sql: [{ match: 'SELECT 1*', rows: [{ one: 1 }] }] });
    const out = run(sim, `
      Set cn = CreateObject("ADODB.Connection")
      On Error Resume Next
      cn.Execute "SELECT 1" : Echo Err.Number, Err.Description : Err.Clear
      cn.Open "DSN=x"
      cn.Open "DSN=x" : Echo Err.Number : Err.Clear
      Set rs = cn.Execute("SELECT 1")
      x = rs("nope") : Echo Err.Number, Err.Source : Err.Clear
      rs.MoveNext
      x = rs("one") : Echo Err.Number : Err.Clear
      rs.MoveNext : Echo Err.Number : Err.Clear
      rs.Close
      x = rs.EOF : Echo Err.Number, Err.Description : Err.Clear
      rs.AddNew : Echo Err.Number`);
    assert.deepEqual(out, [
      '3709 The connection cannot be used to perform this operation. It is either closed or invalid in this context.',
      '3705',
      '3265 ADODB.Fields',
      '3021',
      '3021',
      '3704 Operation is not allowed when the object is closed.',
      '3704',
    ]);
  });

  test('Recordset.Open with a static cursor: RecordCount, MoveFirst/MoveLast, GetRows, GetString', () => {
    const sim = newRun({ sql: [{ match: 'SELECT * FROM hm_accounts', rows: [{ id: 1, addr: 'a@x.test' }, { id: 2, addr: 'b@x.test' }, { id: 3, addr: 'c@x.test' }] }] });
    const out = run(sim, `
      Set cn = CreateObject("ADODB.Connection")
      cn.Open "DSN=hmail"
      Set rs = CreateObject("ADODB.Recordset")
      rs.Open "SELECT * FROM hm_accounts", cn, 3, 1
      Echo rs.RecordCount, rs.State
      rs.MoveLast : Echo rs("id")
      rs.MoveFirst : Echo rs("id")
      a = rs.GetRows()
      Echo UBound(a, 1), UBound(a, 2), a(1, 2), rs.EOF
      rs.MoveFirst
      Echo Replace(rs.GetString(2, 2, ";", "|"), vbCr, "")`);
    assert.deepEqual(out, ['3 1', '3', '1', '1 2 c@x.test True', '1;a@x.test|2;b@x.test|']);
  });

  test('AddNew/Update on an updatable recordset are recorded; the default read-only cursor refuses (3251)', () => {
    const sim = newRun({ sql: [{ match: 'SELECT * FROM hm_ids WHERE *', rows: [{ ip: '1.2.3.4', hits: 1 }] }] });
    const out = run(sim, `
      Set cn = CreateObject("ADODB.Connection")
      cn.Open "DSN=hmail"
      Set rs = CreateObject("ADODB.Recordset")
      rs.Open "SELECT * FROM hm_ids WHERE ip = '1.2.3.4'", cn, 1, 3
      rs("hits") = rs("hits") + 1
      rs.Update
      rs.AddNew
      rs("ip") = "5.6.7.8"
      rs("hits") = 1
      rs.Update
      Echo rs.RecordCount, rs("ip")
      Set ro = cn.Execute("SELECT * FROM hm_ids WHERE 1=1")
      On Error Resume Next
      ro.AddNew
      Echo Err.Number`);
    assert.deepEqual(out, ['2 5.6.7.8', '3251']);
    const sql = sim.recorder.effects.filter((e) => e.kind === 'sql').map((e) => `${e.target} | ${e.detail}`);
    assert.ok(sql.some((s) => s.startsWith("UPDATE (Recordset.Update) SELECT * FROM hm_ids WHERE ip = '1.2.3.4' | ADODB.Recordset.Update: ip=\"1.2.3.4\", hits=2")));
    assert.ok(sql.some((s) => s.startsWith('INSERT (Recordset.AddNew)') && s.includes('ip="5.6.7.8", hits=1')));
  });

  test('transactions and Errors', () => {
    const sim = newRun();
    const out = run(sim, `
      Set cn = CreateObject("ADODB.Connection")
      cn.ConnectionString = "DSN=hmail;UID=x;PWD=y"
      cn.Open
      Echo cn.BeginTrans()
      cn.Execute "UPDATE a SET b = 1"
      cn.CommitTrans
      cn.BeginTrans
      cn.RollbackTrans
      Echo cn.Errors.Count, cn
      On Error Resume Next
      cn.CommitTrans
      Echo Err.Number`);
    assert.deepEqual(out, ['1', '0 DSN=hmail;UID=x;PWD=y', '3001']);
    assert.deepEqual(
      sim.recorder.effects.map((e) => e.target),
      ['OPEN DSN=hmail;UID=x;PWD=***', 'BEGIN TRANSACTION', 'UPDATE a SET b = 1', 'COMMIT', 'BEGIN TRANSACTION', 'ROLLBACK'],
    );
  });

  test('Command with parameters: the statement is recorded and matched with the values filled in', () => {
    const sim = newRun({ sql: [{ match: "SELECT mobile FROM users WHERE name = 'bob'", rows: [{ mobile: '+49123' }] }] });
    const out = run(sim, `
      Set cn = CreateObject("ADODB.Connection")
      cn.Open "DSN=hmail"
      Set cmd = CreateObject("ADODB.Command")
      Set cmd.ActiveConnection = cn
      cmd.CommandText = "SELECT mobile FROM users WHERE name = ?"
      cmd.Parameters.Append cmd.CreateParameter("name", 200, 1, 50, "bob")
      Echo TypeName(cmd), cmd.Parameters.Count, cmd.Parameters(0).Value
      Set rs = cmd.Execute
      Echo rs("mobile")
      Set rs = cmd.Execute(, Array("o'hara"))
      Echo rs.EOF`);
    assert.deepEqual(out, ['Command 1 bob', '+49123', 'True']);
    assert.deepEqual(
      sim.recorder.effects.filter((e) => e.kind === 'sql').slice(1).map((e) => [e.target, e.allowed]),
      [
        ["SELECT mobile FROM users WHERE name = 'bob'", true],
        ["SELECT mobile FROM users WHERE name = 'o''hara'", false],
      ],
    );
  });

  test('runSql is reusable by Database.ExecuteSQL', () => {
    const sim = newRun({ sql: [{ match: 'delete from hm_ids *', recordsAffected: 4 }] });
    const r = runSql(sim.ctx, 'DELETE FROM hm_ids WHERE ip = 1', 'Database.ExecuteSQL');
    assert.deepEqual(r, { columns: [], rows: [], recordsAffected: 4, matched: true });
    assert.deepEqual(sim.recorder.effects, [{ kind: 'sql', target: 'DELETE FROM hm_ids WHERE ip = 1', allowed: true, detail: 'Database.ExecuteSQL: 4 record(s) affected (mocked)' }]);
  });
});

describe('ADODB.Stream', () => {
  test('reading a UTF-8 file (which FileSystemObject cannot) and writing one with a BOM', () => {
    const sim = newRun({ files: { 'C:\\hMailServer\\Events\\config.json': { content: '' } } });
    sim.fs.writeFile('C:\\hMailServer\\Events\\config.json', Buffer.from('\ufeff{"name":"Grüße"}\r\nline2', 'utf8'));
    const out = run(sim, `
      Set s = CreateObject("ADODB.Stream")
      Echo TypeName(s), s.State
      s.Type = 2
      s.Charset = "utf-8"
      s.Open
      s.LoadFromFile "C:\\hMailServer\\Events\\config.json"
      Echo s.ReadText(-2)
      Echo s.ReadText, s.EOS
      s.Close
      Set o = CreateObject("ADODB.Stream")
      o.Charset = "utf-8"
      o.Open
      o.WriteText "Müller", 1
      Echo o.Size
      o.SaveToFile "C:\\hMailServer\\Events\\out.txt", 2
      On Error Resume Next
      o.SaveToFile "C:\\hMailServer\\Events\\out.txt"
      Echo Err.Number, Err.Description
      Err.Clear
      o.SaveToFile "C:\\NoFolder\\x.txt", 2
      Echo Err.Number
      Err.Clear
      o.LoadFromFile "C:\\missing.txt"
      Echo Err.Number, Err.Description`);
    assert.deepEqual(out, [
      'Stream 0',
      '{"name":"Grüße"}',
      'line2 True',
      '12',
      '3004 Write to file failed.',
      '3004',
      '3002 File could not be opened.',
    ]);
    assert.deepEqual([...sim.fs.readFile('C:\\hMailServer\\Events\\out.txt')!], [0xef, 0xbb, 0xbf, ...Buffer.from('Müller\r\n', 'utf8')]);
    assert.deepEqual(
      sim.recorder.effects.map((e) => [e.kind, e.allowed]),
      [['file-read', true], ['file-write', true], ['file-write', false], ['file-write', false], ['file-read', false]],
    );
  });

  test('binary: saving an HTTP responseBody', () => {
    const sim = newRun({ http: [{ url: 'https://x.test/list.txt', body: 'a.test\nb.test' }] });
    const out = run(sim, `
      Set h = CreateObject("MSXML2.XMLHTTP")
      h.open "GET", "https://x.test/list.txt", False
      h.send
      Set s = CreateObject("ADODB.Stream")
      s.Type = 1
      s.Open
      s.Write h.responseBody
      Echo s.Size, s.Position
      s.Position = 0
      b = s.Read(2)
      Echo UBound(b), b(0)
      s.SaveToFile "C:\\Windows\\Temp\\list.txt", 2
      s.Close
      Echo CreateObject("Scripting.FileSystemObject").OpenTextFile("C:\\Windows\\Temp\\list.txt").ReadAll`);
    assert.deepEqual(out, ['13 13', '1 97', 'a.test\nb.test']);
  });
});
