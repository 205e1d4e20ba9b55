/**
 * `Application.Database`: `ExecuteSQL` and friends against the server's own database. Nothing
 * runs: each statement is recorded as an `sql` side effect and answered from `mocks.sql`
 * (first rule whose pattern matches; `*` matches anything). Every member needs server admin,
 * as InterfaceDatabase checks.
 */
import { toStr } from '../../runtime/values/coerce';
import { makeLong, type Value } from '../../runtime/values/variant';
import type { SqlMock } from '../../scenario/types';
import { ApiObject, apiMemberTable, type Implementation } from '../apiObject';
import type { Scalar } from '../server/types';
import { getter, method } from './members';
import type { Host } from './rows';

/** Whether a `mocks.sql` pattern matches a statement: `*` is any text; case and surrounding blanks are ignored. */
export function sqlPatternMatches(pattern: string, sql: string): boolean {
  const escaped = pattern.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[\\s\\S]*')}$`, 'i').test(sql.trim());
}

export function findSqlMock(mocks: readonly SqlMock[] | undefined, sql: string): SqlMock | undefined {
  return (mocks ?? []).find((m) => sqlPatternMatches(m.match, sql));
}

/** ExecuteSQLWithReturn's Long: the first column of the first mocked row, else the mock's recordsAffected, else 0. */
function returnValue(mock: SqlMock | undefined): number {
  const first = mock?.rows?.[0];
  const value = first === undefined ? undefined : Object.values(first)[0];
  const n = Number(value ?? mock?.recordsAffected ?? 0);
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

const databaseImplementation: Implementation<DatabaseObject> = {
  ExecuteSQL: method(1, (self, [sql]) => (self.execute(toStr(sql)), undefined)),
  ExecuteSQLWithReturn: method(1, (self, [sql]) => makeLong(returnValue(self.execute(toStr(sql))))),
  BeginTransaction: method(0, (self) => (self.execute('BEGIN TRANSACTION'), undefined)),
  CommitTransaction: method(0, (self) => (self.execute('COMMIT'), undefined)),
  RollbackTransaction: method(0, (self) => (self.execute('ROLLBACK'), undefined)),
  DatabaseType: getter((self) => self.info('DatabaseType')),
  ServerName: getter((self) => self.info('ServerName')),
  DatabaseName: getter((self) => self.info('DatabaseName')),
  IsConnected: getter((self) => (self.host.auth.requireServerAdmin(), true)),
};

export class DatabaseObject extends ApiObject {
  constructor(readonly host: Host) {
    super(apiMemberTable('Database', databaseImplementation, host.ctx.version), 'Database');
  }

  /** Records the statement; returns the mock that answered it, if any. */
  execute(sql: string): SqlMock | undefined {
    this.host.auth.requireServerAdmin();
    const mock = findSqlMock(this.host.ctx.mocks.sql, sql);
    const detail = mock ? `answered by mocks.sql "${mock.match}"` : 'no mocks.sql rule matched; nothing was executed';
    this.host.ctx.record({ kind: 'sql', target: sql, allowed: true, detail });
    return mock;
  }

  info(name: 'DatabaseType' | 'ServerName' | 'DatabaseName'): Value {
    this.host.auth.requireServerAdmin();
    const value: Scalar = this.host.server.state.database[name];
    return typeof value === 'number' ? makeLong(value) : value;
  }
}

export { databaseImplementation };
