/**
 * ADODB in the sandbox: Connection, Recordset (with Fields/Field), Command (with Parameters).
 * No database is contacted: every statement goes through `runSql` (answered by `mocks.sql`,
 * recorded as `sql`), and opening a connection is recorded with its password masked. Rows
 * live in memory; AddNew/Update/Delete on a recordset change them and are recorded too.
 *
 * Faithful where scripts can tell: the default cursor is forward-only and read-only, so
 * `RecordCount` is -1 and `AddNew` fails unless the script asked for an updatable cursor, and
 * errors carry ADO's numbers (3021 no current record, 3265 no such field, 3704 closed …).
 */
import { raise, RuntimeError } from '../runtime/errors.js';
import { ComObject, HostError, isComObject, MemberTable, Nothing, type VbsObject } from '../runtime/objects/comObject.js';
import { VbsArray } from '../runtime/values/array.js';
import { toBool, toLong, toStr } from '../runtime/values/coerce.js';
import { makeLong, subtypeOf, VarType, type Value } from '../runtime/values/variant.js';
import { given, method, optLong, optStr, prop } from './args.js';
import type { SimulationContext } from './context.js';
import { recordEffect } from './recorder.js';
import { maskConnectionString, runSql } from './sql.js';
import { describeValue } from './values.js';

const ADO_ERRORS: Record<number, string> = {
  3001: 'Arguments are of the wrong type, are out of acceptable range, or are in conflict with one another.',
  3021: 'Either BOF or EOF is True, or the current record has been deleted. Requested operation requires a current record.',
  3251: 'Current Recordset does not support updating. This may be a limitation of the provider, or of the selected locktype.',
  3265: 'Item cannot be found in the collection corresponding to the requested name or ordinal.',
  3704: 'Operation is not allowed when the object is closed.',
  3705: 'Operation is not allowed when the object is open.',
  3709: 'The connection cannot be used to perform this operation. It is either closed or invalid in this context.',
};

/** ADO errors are FACILITY_CONTROL HRESULTs, so VBScript shows them as 3021, 3265 …. */
function adoError(code: number, source: string): never {
  throw new HostError((0x800a0000 | code) >>> 0, ADO_ERRORS[code], source);
}

const adOpenForwardOnly = 0;
const adOpenDynamic = 2;
const adLockReadOnly = 1;
const adUseClient = 3;
const adStateClosed = 0;
const adStateOpen = 1;

// ------------------------------------------------------------------ Connection

export class AdoConnection extends ComObject {
  connectionString = '';
  state = adStateClosed;
  transactionLevel = 0;
  commandTimeout = 30;
  connectionTimeout = 15;
  cursorLocation = 2;
  defaultDatabase = '';
  readonly errors = new AdoErrors();

  constructor(readonly ctx: SimulationContext) {
    super(connectionTable, 'Connection');
  }

  open(cs: string | undefined): void {
    if (this.state === adStateOpen) adoError(3705, 'ADODB.Connection');
    if (cs !== undefined) this.connectionString = cs;
    this.state = adStateOpen;
    recordEffect(this.ctx, 'sql', `OPEN ${maskConnectionString(this.connectionString)}`, true, 'ADODB.Connection.Open: simulated, no database contacted');
  }

  requireOpen(): void {
    if (this.state !== adStateOpen) adoError(3709, 'ADODB.Connection');
  }

  execute(sql: string): AdoRecordset {
    this.requireOpen();
    const result = runSql(this.ctx, sql, 'ADODB.Connection.Execute');
    const rs = new AdoRecordset(this.ctx);
    rs.load(result.columns, result.rows, sql, this, adOpenForwardOnly, adLockReadOnly);
    rs.recordsAffected = result.recordsAffected;
    return rs;
  }

  close(): void {
    if (this.state !== adStateOpen) adoError(3704, 'ADODB.Connection');
    this.state = adStateClosed;
    this.transactionLevel = 0;
  }

  transaction(statement: 'BEGIN TRANSACTION' | 'COMMIT' | 'ROLLBACK'): number {
    this.requireOpen();
    if (statement !== 'BEGIN TRANSACTION' && this.transactionLevel === 0) adoError(3001, 'ADODB.Connection');
    this.transactionLevel += statement === 'BEGIN TRANSACTION' ? 1 : -1;
    recordEffect(this.ctx, 'sql', statement, true, 'ADODB.Connection: simulated');
    return this.transactionLevel;
  }
}

const connectionTable = new MemberTable<AdoConnection>(
  {
    ConnectionString: prop('ConnectionString', (c) => c.connectionString, (c, v) => {
      if (c.state === adStateOpen) adoError(3705, 'ADODB.Connection');
      c.connectionString = toStr(v);
    }),
    State: prop('State', (c) => makeLong(c.state)),
    Provider: prop('Provider', () => 'MSDASQL.1'),
    Version: prop('Version', () => '6.1'),
    CommandTimeout: prop('CommandTimeout', (c) => makeLong(c.commandTimeout), (c, v) => void (c.commandTimeout = toLong(v))),
    ConnectionTimeout: prop('ConnectionTimeout', (c) => makeLong(c.connectionTimeout), (c, v) => void (c.connectionTimeout = toLong(v))),
    CursorLocation: prop('CursorLocation', (c) => makeLong(c.cursorLocation), (c, v) => void (c.cursorLocation = toLong(v))),
    DefaultDatabase: prop('DefaultDatabase', (c) => c.defaultDatabase, (c, v) => void (c.defaultDatabase = toStr(v))),
    Errors: prop('Errors', (c) => c.errors),
    Open: method('Open', 0, 4, (c, a) => {
      c.open(given(a, 0) ? toStr(a[0]) : undefined);
      return undefined;
    }),
    Execute: method('Execute', 1, 3, (c, a) => c.execute(toStr(a[0]))),
    Close: method('Close', 0, 0, (c) => {
      c.close();
      return undefined;
    }),
    BeginTrans: method('BeginTrans', 0, 0, (c) => makeLong(c.transaction('BEGIN TRANSACTION'))),
    CommitTrans: method('CommitTrans', 0, 0, (c) => {
      c.transaction('COMMIT');
      return undefined;
    }),
    RollbackTrans: method('RollbackTrans', 0, 0, (c) => {
      c.transaction('ROLLBACK');
      return undefined;
    }),
  },
  { defaultMember: 'ConnectionString' },
);

/** Connection.Errors: provider errors. Simulated statements never fail, so it stays empty. */
class AdoErrors extends ComObject {
  constructor() {
    super(errorsTable, 'Errors');
  }
  enumerate(): Iterable<Value> {
    return [];
  }
}

const errorsTable = new MemberTable<AdoErrors>(
  {
    Count: prop('Count', () => makeLong(0)),
    Item: method('Item', 1, 1, () => adoError(3265, 'ADODB.Errors'), true),
    Clear: method('Clear', 0, 0, () => undefined),
    Refresh: method('Refresh', 0, 0, () => undefined),
  },
  { defaultMember: 'Item' },
);

// ------------------------------------------------------------------ Recordset

/** ADO's DataTypeEnum for a column, from its first non-Null value. */
function adoType(values: Value[]): number {
  const v = values.find((x) => x !== null && x !== undefined);
  switch (v === undefined ? VarType.String : subtypeOf(v)) {
    case VarType.Integer:
    case VarType.Long:
      return 3; // adInteger
    case VarType.Double:
      return 5; // adDouble
    case VarType.Boolean:
      return 11; // adBoolean
    default:
      return 202; // adVarWChar
  }
}

export class AdoRecordset extends ComObject {
  columns: string[] = [];
  rows: Value[][] = [];
  position = 0;
  state = adStateClosed;
  source = '';
  connection: AdoConnection | undefined;
  connectionString: string | undefined;
  cursorType = adOpenForwardOnly;
  lockType = adLockReadOnly;
  cursorLocation = 2;
  recordsAffected = 0;
  /** The row being added (AddNew), or the changes to the current row, until Update. */
  pending: { row: Value[]; isNew: boolean } | undefined;

  constructor(readonly ctx: SimulationContext) {
    super(recordsetTable, 'Recordset');
  }

  load(columns: string[], rows: Value[][], source: string, connection: AdoConnection | undefined, cursorType: number, lockType: number): void {
    this.columns = columns;
    this.rows = rows;
    this.source = source;
    this.connection = connection;
    this.cursorType = cursorType;
    this.lockType = lockType;
    this.position = 0;
    this.state = adStateOpen;
    this.pending = undefined;
  }

  open(sourceArg: Value, connectionArg: Value, cursorType: number, lockType: number): void {
    if (this.state === adStateOpen) adoError(3705, 'ADODB.Recordset');
    let sql: string;
    let connection = this.connection;
    if (sourceArg instanceof AdoCommand) {
      sql = sourceArg.statement();
      connection = sourceArg.connection;
    } else {
      sql = sourceArg === undefined ? this.source : toStr(sourceArg);
    }
    if (connectionArg instanceof AdoConnection) connection = connectionArg;
    else if (typeof connectionArg === 'string') connection = implicitConnection(this.ctx, connectionArg);
    else if (!connection && this.connectionString !== undefined) connection = implicitConnection(this.ctx, this.connectionString);
    if (!connection) adoError(3709, 'ADODB.Recordset');
    connection.requireOpen();
    const result = runSql(this.ctx, sql, 'ADODB.Recordset.Open');
    this.load(result.columns, result.rows, sql, connection, cursorType, lockType);
  }

  requireOpen(): void {
    if (this.state !== adStateOpen) adoError(3704, 'ADODB.Recordset');
  }

  get eof(): boolean {
    this.requireOpen();
    return this.position >= this.rows.length;
  }

  get bof(): boolean {
    this.requireOpen();
    return this.position < 0 || this.rows.length === 0;
  }

  /** The current row; 3021 at BOF/EOF. */
  current(): Value[] {
    this.requireOpen();
    if (this.pending) return this.pending.row;
    if (this.position < 0 || this.position >= this.rows.length) adoError(3021, 'ADODB.Field');
    return this.rows[this.position];
  }

  columnIndex(key: Value): number {
    this.requireOpen();
    if (typeof key === 'string') {
      const i = this.columns.findIndex((c) => c.toLowerCase() === key.toLowerCase());
      if (i < 0) adoError(3265, 'ADODB.Fields');
      return i;
    }
    const i = toLong(key);
    if (i < 0 || i >= this.columns.length) adoError(3265, 'ADODB.Fields');
    return i;
  }

  move(to: number): void {
    this.requireOpen();
    if (this.pending) this.update();
    if ((to > this.position && this.eof) || (to < this.position && this.bof)) adoError(3021, 'ADODB.Recordset');
    this.position = Math.max(-1, Math.min(this.rows.length, to));
  }

  get recordCount(): number {
    this.requireOpen();
    const serverSideDynamic = this.cursorLocation !== adUseClient && (this.cursorType === adOpenForwardOnly || this.cursorType === adOpenDynamic);
    return serverSideDynamic ? -1 : this.rows.length;
  }

  private writable(): void {
    this.requireOpen();
    if (this.lockType === adLockReadOnly) adoError(3251, 'ADODB.Recordset');
  }

  setField(index: number, value: Value): void {
    this.writable();
    if (!this.pending) this.pending = { row: this.current().slice(), isNew: false };
    this.pending.row[index] = value;
  }

  addNew(fields: Value, values: Value): void {
    this.writable();
    if (this.pending) this.update();
    this.pending = { row: this.columns.map(() => null), isNew: true };
    if (fields !== undefined) this.assign(fields, values);
  }

  private assign(fields: Value, values: Value): void {
    const names = fields instanceof VbsArray ? fields.data : [fields];
    const vals = values instanceof VbsArray ? values.data : [values];
    names.forEach((f, i) => this.setField(this.columnIndex(f), vals[i]));
  }

  update(fields?: Value, values?: Value): void {
    this.writable();
    if (fields !== undefined) this.assign(fields, values);
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    const assignments = this.columns.map((c, i) => `${c}=${describeValue(pending.row[i])}`).join(', ');
    if (pending.isNew) {
      this.rows.push(pending.row);
      this.position = this.rows.length - 1;
      recordEffect(this.ctx, 'sql', `INSERT (Recordset.AddNew) ${this.source}`, true, `ADODB.Recordset.Update: ${assignments} (simulated)`);
    } else {
      this.rows[this.position] = pending.row;
      recordEffect(this.ctx, 'sql', `UPDATE (Recordset.Update) ${this.source}`, true, `ADODB.Recordset.Update: ${assignments} (simulated)`);
    }
  }

  deleteCurrent(): void {
    this.writable();
    this.current();
    this.rows.splice(this.position, 1);
    recordEffect(this.ctx, 'sql', `DELETE (Recordset.Delete) ${this.source}`, true, 'ADODB.Recordset.Delete (simulated)');
  }

  /** GetRows: a fields × rows array from the current row on; the recordset ends at EOF (or after the rows taken). */
  getRows(count: number, columns: Value): VbsArray {
    if (this.eof) adoError(3021, 'ADODB.Recordset');
    const take = this.rows.slice(this.position, count < 0 ? undefined : this.position + count);
    const cols = columns === undefined ? this.columns.map((_, i) => i) : (columns instanceof VbsArray ? columns.data : [columns]).map((c) => this.columnIndex(c));
    const out = VbsArray.create([cols.length - 1, take.length - 1]);
    cols.forEach((c, f) => take.forEach((row, r) => out.set([f, r], row[c])));
    this.position += take.length;
    return out;
  }

  getString(count: number, columnDelimiter: string, rowDelimiter: string, nullExpr: string): string {
    if (this.eof) adoError(3021, 'ADODB.Recordset');
    const take = this.rows.slice(this.position, count < 0 ? undefined : this.position + count);
    this.position += take.length;
    return take.map((row) => row.map((v) => (v === null ? nullExpr : toStr(v))).join(columnDelimiter) + rowDelimiter).join('');
  }

  close(): void {
    this.requireOpen();
    this.state = adStateClosed;
    this.pending = undefined;
  }
}

function implicitConnection(ctx: SimulationContext, cs: string): AdoConnection {
  const c = new AdoConnection(ctx);
  c.open(cs);
  return c;
}

const recordsetTable = new MemberTable<AdoRecordset>(
  {
    // `rs("col")`, `rs.Fields("col")` and `rs("col") = v` all go through Fields with an index.
    Fields: {
      get: (r, a) => {
        r.requireOpen();
        const fields = new AdoFields(r);
        return a.length === 0 ? fields : fields.getDefault(a);
      },
      set: (r, a, v) => {
        if (a.length !== 1) raise(RuntimeError.WrongNumberOfArguments, 'Fields');
        r.setField(r.columnIndex(a[0]), v);
      },
      pure: true,
    },
    EOF: prop('EOF', (r) => r.eof),
    BOF: prop('BOF', (r) => r.bof),
    RecordCount: prop('RecordCount', (r) => makeLong(r.recordCount)),
    State: prop('State', (r) => makeLong(r.state)),
    Source: prop('Source', (r) => r.source, (r, v) => void (r.source = isComObject(v) && v instanceof AdoCommand ? v.statement() : toStr(v))),
    ActiveConnection: prop(
      'ActiveConnection',
      (r) => r.connection ?? Nothing,
      (r, v) => {
        if (v instanceof AdoConnection) r.connection = v;
        else r.connectionString = toStr(v);
      },
    ),
    CursorType: prop('CursorType', (r) => makeLong(r.cursorType), (r, v) => void (r.cursorType = toLong(v))),
    LockType: prop('LockType', (r) => makeLong(r.lockType), (r, v) => void (r.lockType = toLong(v))),
    CursorLocation: prop('CursorLocation', (r) => makeLong(r.cursorLocation), (r, v) => void (r.cursorLocation = toLong(v))),
    AbsolutePosition: prop('AbsolutePosition', (r) => makeLong(r.eof || r.bof ? -3 : r.position + 1)),
    Open: method('Open', 0, 5, (r, a) => {
      r.open(given(a, 0) ? a[0] : undefined, given(a, 1) ? a[1] : undefined, optLong(a, 2, r.cursorType), optLong(a, 3, r.lockType));
      return undefined;
    }),
    Close: method('Close', 0, 0, (r) => {
      r.close();
      return undefined;
    }),
    MoveNext: method('MoveNext', 0, 0, (r) => void r.move(r.position + 1)),
    MovePrevious: method('MovePrevious', 0, 0, (r) => void r.move(r.position - 1)),
    MoveFirst: method('MoveFirst', 0, 0, (r) => {
      r.requireOpen();
      r.position = 0;
      return undefined;
    }),
    MoveLast: method('MoveLast', 0, 0, (r) => {
      r.requireOpen();
      r.position = Math.max(0, r.rows.length - 1);
      return undefined;
    }),
    Move: method('Move', 1, 2, (r, a) => void r.move(r.position + toLong(a[0]))),
    GetRows: method('GetRows', 0, 3, (r, a) => r.getRows(optLong(a, 0, -1), given(a, 2) ? a[2] : undefined)),
    GetString: method('GetString', 0, 5, (r, a) => r.getString(optLong(a, 1, -1), optStr(a, 2, '\t'), optStr(a, 3, '\r'), optStr(a, 4, ''))),
    AddNew: method('AddNew', 0, 2, (r, a) => void r.addNew(given(a, 0) ? a[0] : undefined, given(a, 1) ? a[1] : undefined)),
    Update: method('Update', 0, 2, (r, a) => void r.update(given(a, 0) ? a[0] : undefined, given(a, 1) ? a[1] : undefined)),
    CancelUpdate: method('CancelUpdate', 0, 0, (r) => void (r.pending = undefined)),
    Delete: method('Delete', 0, 1, (r) => void r.deleteCurrent()),
    Supports: method('Supports', 1, 1, (r) => r.cursorType !== adOpenForwardOnly || r.cursorLocation === adUseClient, true),
    NextRecordset: method('NextRecordset', 0, 1, () => Nothing),
  },
  { defaultMember: 'Fields' },
);

class AdoFields extends ComObject {
  constructor(readonly rs: AdoRecordset) {
    super(fieldsTable, 'Fields');
  }
  enumerate(): Iterable<Value> {
    return this.rs.columns.map((_, i) => new AdoField(this.rs, i));
  }
}

const fieldsTable = new MemberTable<AdoFields>(
  {
    Count: prop('Count', (f) => makeLong(f.rs.columns.length)),
    Item: {
      get: (f, a) => {
        if (a.length !== 1) raise(RuntimeError.WrongNumberOfArguments, 'Item');
        return new AdoField(f.rs, f.rs.columnIndex(a[0]));
      },
      set: (f, a, v) => {
        if (a.length !== 1) raise(RuntimeError.WrongNumberOfArguments, 'Item');
        f.rs.setField(f.rs.columnIndex(a[0]), v);
      },
      pure: true,
    },
  },
  { defaultMember: 'Item' },
);

/** A field is bound to its recordset and column: its Value follows the current row, as in ADO. */
class AdoField extends ComObject {
  constructor(
    readonly rs: AdoRecordset,
    readonly index: number,
  ) {
    super(fieldTable, 'Field');
  }
  get name(): string {
    return this.rs.columns[this.index];
  }
}

const fieldTable = new MemberTable<AdoField>(
  {
    Value: prop('Value', (f) => f.rs.current()[f.index], (f, v) => f.rs.setField(f.index, v)),
    Name: prop('Name', (f) => f.name),
    Type: prop('Type', (f) => makeLong(adoType(f.rs.rows.map((r) => r[f.index])))),
    DefinedSize: prop('DefinedSize', (f) => makeLong(adoType(f.rs.rows.map((r) => r[f.index])) === 202 ? 255 : 4)),
    ActualSize: prop('ActualSize', (f) => {
      const v = f.rs.current()[f.index];
      return makeLong(v === null ? 0 : typeof v === 'string' ? v.length * 2 : 4);
    }),
    OriginalValue: prop('OriginalValue', (f) => (f.rs.position >= 0 && f.rs.position < f.rs.rows.length ? f.rs.rows[f.rs.position][f.index] : f.rs.current()[f.index])),
    UnderlyingValue: prop('UnderlyingValue', (f) => f.rs.current()[f.index]),
    Attributes: prop('Attributes', () => makeLong(0x60)),
  },
  { defaultMember: 'Value' },
);

// ------------------------------------------------------------------ Command

export class AdoCommand extends ComObject {
  connection: AdoConnection | undefined;
  commandText = '';
  commandType = 1;
  commandTimeout = 30;
  prepared = false;
  readonly parameters: AdoParameter[] = [];

  constructor(readonly ctx: SimulationContext) {
    super(commandTable, 'Command');
  }

  /** The statement as recorded and matched: `?` placeholders replaced by the parameters' values as SQL literals. */
  statement(values?: Value[]): string {
    let i = 0;
    return this.commandText.replace(/\?/g, (q) => {
      const v = values && i < values.length ? values[i] : this.parameters[i]?.value;
      const has = (values && i < values.length) || i < this.parameters.length;
      i++;
      if (!has) return q;
      if (v === null || v === undefined) return 'NULL';
      if (typeof v === 'string') return `'${v.replace(/'/g, "''")}'`;
      return toStr(v);
    });
  }

  execute(values: Value[] | undefined): AdoRecordset {
    if (!this.connection) adoError(3709, 'ADODB.Command');
    this.connection.requireOpen();
    const sql = this.statement(values);
    const result = runSql(this.ctx, sql, 'ADODB.Command.Execute');
    const rs = new AdoRecordset(this.ctx);
    rs.load(result.columns, result.rows, sql, this.connection, adOpenForwardOnly, adLockReadOnly);
    rs.recordsAffected = result.recordsAffected;
    return rs;
  }
}

const commandTable = new MemberTable<AdoCommand>({
  ActiveConnection: prop(
    'ActiveConnection',
    (c) => c.connection ?? Nothing,
    (c, v) => {
      c.connection = v instanceof AdoConnection ? v : implicitConnection(c.ctx, toStr(v));
    },
  ),
  CommandText: prop('CommandText', (c) => c.commandText, (c, v) => void (c.commandText = toStr(v))),
  CommandType: prop('CommandType', (c) => makeLong(c.commandType), (c, v) => void (c.commandType = toLong(v))),
  CommandTimeout: prop('CommandTimeout', (c) => makeLong(c.commandTimeout), (c, v) => void (c.commandTimeout = toLong(v))),
  Prepared: prop('Prepared', (c) => c.prepared, (c, v) => void (c.prepared = toBool(v))),
  Parameters: prop('Parameters', (c) => new AdoParameters(c)),
  CreateParameter: method('CreateParameter', 0, 5, (_c, a) => {
    const p = new AdoParameter();
    p.name = optStr(a, 0, '');
    p.type = optLong(a, 1, 0);
    p.direction = optLong(a, 2, 1);
    p.size = optLong(a, 3, 0);
    p.value = given(a, 4) ? a[4] : undefined;
    return p;
  }),
  Execute: method('Execute', 0, 3, (c, a) => c.execute(given(a, 1) && a[1] instanceof VbsArray ? a[1].data : given(a, 1) ? [a[1]] : undefined)),
});

class AdoParameters extends ComObject {
  constructor(readonly command: AdoCommand) {
    super(parametersTable, 'Parameters');
  }
  find(key: Value): AdoParameter {
    const list = this.command.parameters;
    const i = typeof key === 'string' ? list.findIndex((p) => p.name.toLowerCase() === key.toLowerCase()) : toLong(key);
    if (i < 0 || i >= list.length) adoError(3265, 'ADODB.Parameters');
    return list[i];
  }
  enumerate(): Iterable<Value> {
    return this.command.parameters.slice();
  }
}

const parametersTable = new MemberTable<AdoParameters>(
  {
    Count: prop('Count', (p) => makeLong(p.command.parameters.length)),
    Item: method('Item', 1, 1, (p, a) => p.find(a[0]), true),
    Append: method('Append', 1, 1, (p, a) => {
      if (!(a[0] instanceof AdoParameter)) raise(RuntimeError.TypeMismatch, 'Append');
      p.command.parameters.push(a[0]);
      return undefined;
    }),
    Delete: method('Delete', 1, 1, (p, a) => {
      const param = p.find(a[0]);
      p.command.parameters.splice(p.command.parameters.indexOf(param), 1);
      return undefined;
    }),
    Refresh: method('Refresh', 0, 0, () => undefined),
  },
  { defaultMember: 'Item' },
);

class AdoParameter extends ComObject {
  name = '';
  type = 0;
  direction = 1;
  size = 0;
  value: Value = undefined;
  constructor() {
    super(parameterTable, 'Parameter');
  }
}

const parameterTable = new MemberTable<AdoParameter>(
  {
    Value: prop('Value', (p) => p.value, (p, v) => void (p.value = v)),
    Name: prop('Name', (p) => p.name, (p, v) => void (p.name = toStr(v))),
    Type: prop('Type', (p) => makeLong(p.type), (p, v) => void (p.type = toLong(v))),
    Direction: prop('Direction', (p) => makeLong(p.direction), (p, v) => void (p.direction = toLong(v))),
    Size: prop('Size', (p) => makeLong(p.size), (p, v) => void (p.size = toLong(v))),
  },
  { defaultMember: 'Value' },
);

export function createConnection(ctx: SimulationContext): VbsObject {
  return new AdoConnection(ctx);
}

export function createRecordset(ctx: SimulationContext): VbsObject {
  return new AdoRecordset(ctx);
}

export function createCommand(ctx: SimulationContext): VbsObject {
  return new AdoCommand(ctx);
}
