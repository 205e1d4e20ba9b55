/**
 * The two shapes most of hMailServer's object model has:
 *
 * - a **row object** (Domain, Account, Alias, SecurityRange …): properties edit a private copy
 *   of a database row; `Save` writes it (inserting it when it came from `Add`), `Delete`
 *   removes it. Like the server, a change is invisible to other objects until saved;
 * - a **collection** (Domains, Accounts …): zero-based `Item(i)`, `Count`, `ItemByDBID` and
 *   lookups by name/address; a bad index or a miss is error 9. No `For Each` (no enumerator:
 *   error 451), exactly like the server's collections, which have no `_NewEnum`.
 *
 * Saves and deletes change the run's server state and are recorded as `com` side effects.
 */
import { getMember } from '../../api';
import type { SimulationContext } from '../../sandbox/context';
import type { MemberTable, VbsObject } from '../../runtime/objects/comObject';
import { toLong, toStr } from '../../runtime/values/coerce';
import { makeLong, type Value } from '../../runtime/values/variant';
import { ApiObject, type Implementation } from '../apiObject';
import { nextId } from '../server/state';
import type { SimulatedServer } from '../server/simulatedServer';
import type { Scalar, ServerState } from '../server/types';
import type { Authentication } from './authentication';
import { expectArgs, getter, method, subscriptOutOfRange, type FieldHost } from './members';

/** What every object reached from an Application carries. */
export interface Host {
  readonly ctx: SimulationContext;
  readonly server: SimulatedServer;
  readonly auth: Authentication;
}

export interface Row {
  ID: number;
}

/** How a kind of row is stored and guarded. */
export interface RowKind<R extends Row> {
  readonly interfaceName: string;
  /** The autoincrement counter (`nextId`). */
  readonly tableName: string;
  table(state: ServerState): R[];
  /** How the report names the row ("bob@example.com"). */
  label(row: R): string;
  /** Rights needed to save or delete (COM checks them in Save/Delete). */
  readonly rights: 'domainAdmin' | 'serverAdmin';
  /** Rows that go with this one (a domain's accounts …), removed with it. */
  cascade?(state: ServerState, row: R): void;
}

export abstract class RowObject<R extends Row> extends ApiObject implements FieldHost {
  protected draft: R;
  private saved: R | undefined;

  protected constructor(table: MemberTable<unknown>, readonly kind: RowKind<R>, readonly host: Host, row: R) {
    super(table, kind.interfaceName);
    this.saved = row.ID === 0 ? undefined : row;
    this.draft = { ...row };
  }

  readField(name: string): Scalar {
    return (this.draft as unknown as Record<string, Scalar>)[name];
  }

  writeField(name: string, value: Scalar): void {
    (this.draft as unknown as Record<string, Scalar>)[name] = value;
  }

  /** The row as last saved (or as loaded). */
  get row(): R {
    return this.saved ?? this.draft;
  }

  save(): void {
    this.checkRights();
    const state = this.host.server.state;
    if (this.saved) Object.assign(this.saved, this.draft);
    else {
      this.draft.ID = nextId(state, this.kind.tableName);
      this.saved = { ...this.draft };
      this.kind.table(state).push(this.saved);
    }
    this.recordChange('Save');
  }

  remove(): void {
    this.checkRights();
    if (!this.saved) return;
    deleteRow(this.host, this.kind, this.saved);
    this.saved = undefined;
    this.draft.ID = 0;
  }

  private checkRights(): void {
    if (this.kind.rights === 'serverAdmin') this.host.auth.requireServerAdmin();
    else this.host.auth.requireDomainAdmin();
  }

  private recordChange(action: string): void {
    this.host.ctx.record({ kind: 'com', target: `hMailServer.${this.kind.interfaceName}.${action} ${this.kind.label(this.draft)}`, allowed: true });
  }
}

export function deleteRow<R extends Row>(host: Host, kind: RowKind<R>, row: R): void {
  const state = host.server.state;
  const table = kind.table(state);
  const index = table.indexOf(row);
  if (index >= 0) table.splice(index, 1);
  kind.cascade?.(state, row);
  host.ctx.record({ kind: 'com', target: `hMailServer.${kind.interfaceName}.Delete ${kind.label(row)}`, allowed: true });
}

/** `ID` (read-only), `Save` and `Delete` of a row object, as far as `interfaceName` declares them. */
export function rowMembers<T extends RowObject<Row>>(interfaceName: string): Implementation<T> {
  const members: Implementation<T> = {
    ID: getter((self) => makeLong(self.row.ID)),
    Save: method(0, (self) => (self.save(), undefined)),
    Delete: method(0, (self) => (self.remove(), undefined)),
  };
  return declaredOnly(interfaceName, members);
}

/** Drops members the interface does not declare (not every collection has Refresh, not every row Delete). */
function declaredOnly<T>(interfaceName: string, members: Implementation<T>): Implementation<T> {
  for (const name of Object.keys(members)) if (!getMember(interfaceName, name)) delete members[name];
  return members;
}

// ------------------------------------------------------------------ collections

export interface CollectionSpec<Self, R extends Row> {
  /** The collection's interface: members it does not declare (some lack Refresh) are left out. */
  readonly interfaceName: string;
  /** The rows the collection shows now (read live: a saved `Add` appears, as AddToParentCollection does). */
  rows(self: Self): R[];
  item(self: Self, row: R): VbsObject;
  /** Lookup members (`ItemByName`, `ItemByAddress` …) → the row text they compare, case-insensitively. */
  lookups?: Readonly<Record<string, (row: R) => string>>;
}

/** `Count`, `Item`, `ItemByDBID`, the lookups and `Refresh`. */
export function collectionMembers<Self, R extends Row>(spec: CollectionSpec<Self, R>): Implementation<Self> {
  const out: Implementation<Self> = {
    Count: getter((self) => makeLong(spec.rows(self).length)),
    Item: {
      get: (self, args) => {
        expectArgs(args, 1);
        const rows = spec.rows(self);
        const index = toLong(args[0]);
        if (index < 0 || index >= rows.length) subscriptOutOfRange();
        return spec.item(self, rows[index]);
      },
    },
    ItemByDBID: lookup(spec, (row, key: Value) => row.ID === toLong(key)),
    // The collection reads the state on every access, so there is nothing to reload.
    Refresh: method(0, () => undefined),
  };
  for (const [name, text] of Object.entries(spec.lookups ?? {})) {
    out[name] = lookup(spec, (row, key: Value) => text(row).toLowerCase() === toStr(key).toLowerCase());
  }
  return declaredOnly(spec.interfaceName, out);
}

function lookup<Self, R extends Row>(spec: CollectionSpec<Self, R>, matches: (row: R, key: Value) => boolean) {
  return {
    get: (self: Self, args: Value[]): Value => {
      expectArgs(args, 1);
      const row = spec.rows(self).find((r) => matches(r, args[0]));
      return row ? spec.item(self, row) : subscriptOutOfRange();
    },
  };
}

/** `Delete(index)` and `DeleteByDBID(id)` of a collection. */
export function collectionDeleteMembers<Self extends { host: Host }, R extends Row>(spec: CollectionSpec<Self, R>, kind: RowKind<R>): Implementation<Self> {
  const remove = (self: Self, row: R | undefined) => {
    if (kind.rights === 'serverAdmin') self.host.auth.requireServerAdmin();
    else self.host.auth.requireDomainAdmin();
    if (!row) subscriptOutOfRange();
    deleteRow(self.host, kind, row);
    return undefined;
  };
  return {
    Delete: method(1, (self, [i]) => remove(self, spec.rows(self)[toLong(i)])),
    DeleteByDBID: method(1, (self, [id]) => remove(self, spec.rows(self).find((r) => r.ID === toLong(id)))),
  };
}
