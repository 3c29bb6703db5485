import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { commitments, statusTransitions } from '@/db/schema';

export interface StateColumns {
  status: SQL;
  progress: SQL;
}

/**
 * Status and progress expressions (over `commitments`) for the end of `date`; null means now.
 * For a past date, one set-based pass over the transitions after it fills a scratch table with
 * each commitment's first later transition (whose `from` is its state then), so every dashboard
 * query of the request reads it by key instead of seeking the history per commitment. The
 * dashboard is computed synchronously, so no other request sees the table in between.
 */
export function prepareStateAt(db: Db, date: string | null): StateColumns {
  if (!date) return { status: sql`${commitments.status}`, progress: sql`${commitments.progress}` };
  const table = sql.raw('temp.state_as_of');
  const t = statusTransitions;
  db.run(sql`drop table if exists ${table}`);
  db.run(sql`create table ${table} (id integer primary key, status text not null, progress integer not null)`);
  // min() picks the earliest later transition per commitment (ties by recording order); its
  // bare columns come from that row.
  db.run(sql`insert into ${table} (id, status, progress)
    select cid, fs, fp from (
      select ${t.commitmentId} as cid, ${t.fromStatus} as fs, ${t.fromProgress} as fp, min(${t.effectiveDate} || ':' || printf('%012d', ${t.updateId}))
      from ${t} where ${t.effectiveDate} > ${date} group by ${t.commitmentId})`);
  const lookup = (column: string) => sql`(select ${sql.raw(column)} from ${table} s where s.id = ${commitments.id})`;
  return {
    status: sql`coalesce(${lookup('status')}, ${commitments.status})`,
    progress: sql`coalesce(${lookup('progress')}, ${commitments.progress})`,
  };
}
