import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { commitments, statusTransitions } from '@/db/schema';
import { ABSENT } from '@/lib/commitments/vocabulary';
import { isCalendarDate } from '@/lib/periods/dates';

type Reader = Pick<Db, 'run'>;

/** A commitment's status and progress at a date, as SQL over `commitments`. */
export interface StateColumns {
  status: SQL;
  progress: SQL;
}

const t = statusTransitions;

/**
 * A commitment's status and progress at the end of `date`: `absent` before its adoption date;
 * otherwise the state its first state change after the date started from, or, with none, its
 * current state. Only commitments changed since the date need the index seek.
 */
export function stateAtSql(date: string): StateColumns {
  const first = (column: SQL) =>
    sql`(select ${column} from ${t} where ${t.commitmentId} = ${commitments.id} and ${t.effectiveDate} > ${date} order by ${t.effectiveDate}, ${t.updateId} limit 1)`;
  const absent = sql`${commitments.adoptedOn} > ${date}`;
  const changedSince = sql`${commitments.lastUpdateOn} > ${date}`;
  return {
    status: sql`(case when ${absent} then ${ABSENT} when ${changedSince} then coalesce(${first(sql`${t.fromStatus}`)}, ${commitments.status}) else ${commitments.status} end)`,
    progress: sql`(case when ${absent} then 0 when ${changedSince} then coalesce(${first(sql`${t.fromProgress}`)}, ${commitments.progress}) else ${commitments.progress} end)`,
  };
}

/** The latest entry's effective date on or before `date` (null if none): the "last update" then. */
export function lastUpdateAtSql(date: string): SQL<string | null> {
  return sql<string | null>`(case when ${commitments.lastUpdateOn} <= ${date} then ${commitments.lastUpdateOn}
    else (select max(${t.effectiveDate}) from ${t} where ${t.commitmentId} = ${commitments.id} and ${t.updateId} != 0 and ${t.effectiveDate} <= ${date}) end)`;
}

/** A per-request scratch table in the connection's temp schema, named after a date (checked, as it is spliced into SQL). */
export function scratchTable(kind: string, date: string): SQL {
  if (!isCalendarDate(date) && date !== END_OF_TIME) throw new Error(`Not an ISO date: ${date}`);
  return sql.raw(`temp.${kind}_${date.replaceAll('-', '')}`);
}

/** The state every commitment reaches once all its history (and its adoption) has happened. */
export const END_OF_TIME = '9999-12-31';

/** Runs the statement that fills a new scratch table; if it fails, the table goes too. */
export function fillOrDrop(db: Reader, table: SQL, fill: SQL): void {
  try {
    db.run(fill);
  } catch (e) {
    db.run(sql`drop table if exists ${table}`);
    throw e;
  }
}

/** The scope's commitments with their state at a date, for counting: a FROM clause and its columns. */
export interface StateTable {
  /** `commitments`, left-joined to the scratch table. */
  from: SQL;
  /** The join alone, to add to another FROM over `commitments`. */
  join: SQL;
  columns: StateColumns;
  /** Drops the scratch table. */
  release(): void;
}

/**
 * For counting a whole scope at a date: one set-based pass over the state changes after it fills
 * a scratch table with each in-scope commitment's first later change (whose `from` is its state
 * then, `absent` before its adoption), which the counting queries join by key. `restrictTo`
 * (conditions on `commitments`) limits the pass to a narrow scope; null reads every change.
 * `name` and `alias` tell apart two such tables used together (states at two dates).
 */
export function prepareStateTable(db: Reader, date: string, restrictTo: SQL[] | null, name = 'state_at', alias = 's'): StateTable {
  const table = scratchTable(name, date);
  const s = sql.raw(alias);
  db.run(sql`drop table if exists ${table}`);
  db.run(sql`create table ${table} (id integer primary key, status text not null, progress integer not null)`);
  // min() picks the earliest later change per commitment (ties by recording order); its bare
  // columns come from that row.
  fillOrDrop(db, table, sql`insert into ${table} (id, status, progress)
    select cid, fs, fp from (
      select ${t.commitmentId} as cid, ${t.fromStatus} as fs, ${t.fromProgress} as fp, min(${t.effectiveDate} || ':' || printf('%012d', ${t.updateId}))
      from ${t} where ${t.effectiveDate} > ${date}
        ${restrictTo ? sql`and ${t.commitmentId} in (select ${commitments.id} from ${commitments} where ${and(...restrictTo)})` : sql``}
      group by ${t.commitmentId})`);
  return {
    from: sql`${commitments} left join ${table} ${s} on ${s}.id = ${commitments.id}`,
    join: sql`left join ${table} ${s} on ${s}.id = ${commitments.id}`,
    columns: { status: sql`coalesce(${s}.status, ${commitments.status})`, progress: sql`coalesce(${s}.progress, ${commitments.progress})` },
    release: () => db.run(sql`drop table if exists ${table}`),
  };
}
