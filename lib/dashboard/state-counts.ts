import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { commitments, statusTransitions } from '@/db/schema';
import { STATUSES, type Status } from '@/lib/commitments/vocabulary';

/** Counts and progress sums per status, for one group (an area, an agency, a quarter…). */
export interface StateTally {
  counts: Record<Status, number>;
  progressSum: number;
  total: number;
}

export const emptyTally = (): StateTally => ({ counts: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>, progressSum: 0, total: 0 });

interface Row {
  g: string | number | null;
  s: Status;
  n: number;
  p: number;
}

function add(map: Map<string, StateTally>, rows: Row[], sign: 1 | -1) {
  for (const r of rows) {
    const key = String(r.g);
    const t = map.get(key) ?? emptyTally();
    t.counts[r.s] += sign * r.n;
    t.progressSum += sign * r.p;
    t.total += sign * r.n;
    map.set(key, t);
  }
}

/**
 * Status tallies per group as they stood at the end of `date`, computed in SQL as
 * "now" (commitments.status) minus the world-order changes effective after `date`
 * (status_transitions). `group` is an SQL expression over `commitments`.
 */
export function tallyAt(db: Db, scope: SQL[], group: SQL, date: string | null): Map<string, StateTally> {
  const where = and(...scope);
  const now = db.all<Row>(sql`
    select ${group} as g, ${commitments.status} as s, count(*) as n, coalesce(sum(${commitments.progress}), 0) as p
    from ${commitments} where ${where ?? sql`1`} group by g, s`);
  const map = new Map<string, StateTally>();
  add(map, now, 1);
  if (date) add(map, deltasAfter(db, scope, group, date), -1);
  return map;
}

/** Net status changes (to minus from) effective after `date`, per group. */
function deltasAfter(db: Db, scope: SQL[], group: SQL, date: string): Row[] {
  const t = statusTransitions;
  const where = and(...scope, sql`${t.effectiveDate} > ${date}`);
  return db.all<Row>(sql`
    select g, s, sum(n) as n, sum(p) as p from (
      select ${group} as g, ${t.toStatus} as s, 1 as n, ${t.toProgress} as p
        from ${t} join ${commitments} on ${commitments.id} = ${t.commitmentId} where ${where}
      union all
      select ${group} as g, ${t.fromStatus} as s, -1 as n, -${t.fromProgress} as p
        from ${t} join ${commitments} on ${commitments.id} = ${t.commitmentId} where ${where}
    ) group by g, s`);
}

/** Net changes per period bucket of the effective date (for time series), after `from` up to `to`. */
export function deltasByPeriod(db: Db, scope: SQL[], bucket: (effectiveDate: SQL) => SQL, from: string, to: string): Map<string, StateTally> {
  const t = statusTransitions;
  const where = and(...scope, sql`${t.effectiveDate} > ${from}`, sql`${t.effectiveDate} <= ${to}`);
  const rows = db.all<Row>(sql`
    select g, s, sum(n) as n, sum(p) as p from (
      select ${bucket(sql`${t.effectiveDate}`)} as g, ${t.toStatus} as s, 1 as n, ${t.toProgress} as p
        from ${t} join ${commitments} on ${commitments.id} = ${t.commitmentId} where ${where}
      union all
      select ${bucket(sql`${t.effectiveDate}`)} as g, ${t.fromStatus} as s, -1 as n, -${t.fromProgress} as p
        from ${t} join ${commitments} on ${commitments.id} = ${t.commitmentId} where ${where}
    ) group by g, s`);
  const map = new Map<string, StateTally>();
  add(map, rows, 1);
  return map;
}
