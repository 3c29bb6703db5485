import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { commitments, statusTransitions } from '@/db/schema';
import { isIsoDate } from '@/lib/periods/dates';

type Reader = Pick<Db, 'run'>;

/** A commitment's status and progress at a date, as SQL over `commitments`. */
export interface StateColumns {
  status: SQL;
  progress: SQL;
}

const t = statusTransitions;
const current: StateColumns = { status: sql`${commitments.status}`, progress: sql`${commitments.progress}` };

/** A per-request scratch table in the connection's temp schema, named after a date (checked, as it is spliced into SQL). */
export function scratchTable(kind: string, date: string): SQL {
  if (!isIsoDate(date)) throw new Error(`Not an ISO date: ${date}`);
  return sql.raw(`temp.${kind}_${date.replaceAll('-', '')}`);
}

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
  /** `commitments`, left-joined to the scratch table when the date is past. */
  from: SQL;
  columns: StateColumns;
  /** Drops the scratch table. */
  release(): void;
}

/**
 * For counting a whole scope at a past date: one set-based pass over the transitions after it
 * fills a scratch table with each in-scope commitment's first later transition (whose `from` is
 * its state then), which the counting queries join by key. `restrictTo` (conditions on
 * `commitments`) limits the pass to a narrow scope, such as one dialogue; null reads every transition.
 */
export function prepareStateTable(db: Reader, date: string | null, restrictTo: SQL[] | null): StateTable {
  if (!date) return { from: sql`${commitments}`, columns: current, release: () => {} };
  const table = scratchTable('state_at', date);
  db.run(sql`drop table if exists ${table}`);
  db.run(sql`create table ${table} (id integer primary key, status text not null, progress integer not null)`);
  // min() picks the earliest later transition per commitment (ties by recording order); its bare
  // columns come from that row.
  fillOrDrop(db, table, sql`insert into ${table} (id, status, progress)
    select cid, fs, fp from (
      select ${t.commitmentId} as cid, ${t.fromStatus} as fs, ${t.fromProgress} as fp, min(${t.effectiveDate} || ':' || printf('%012d', ${t.updateId}))
      from ${t} where ${t.effectiveDate} > ${date}
        ${restrictTo ? sql`and ${t.commitmentId} in (select ${commitments.id} from ${commitments} where ${and(...restrictTo)})` : sql``}
      group by ${t.commitmentId})`);
  return {
    from: sql`${commitments} left join ${table} s on s.id = ${commitments.id}`,
    columns: { status: sql`coalesce(s.status, ${commitments.status})`, progress: sql`coalesce(s.progress, ${commitments.progress})` },
    release: () => db.run(sql`drop table if exists ${table}`),
  };
}
