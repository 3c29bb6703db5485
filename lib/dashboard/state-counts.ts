import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agencies, commitments, statusFlows, statusTransitions } from '@/db/schema';
import type { CommitmentFilter } from '@/lib/commitments/filters';
import { scopeConditions } from '@/lib/commitments/queries';
import { STATUSES, type Status } from '@/lib/commitments/vocabulary';

/** Counts and progress sums per status, for one group (an area, an agency, a quarter…). */
export interface StateTally {
  counts: Record<Status, number>;
  progressSum: number;
  total: number;
}

export const emptyTally = (): StateTally => ({ counts: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>, progressSum: 0, total: 0 });

export function addTo(tally: StateTally, status: Status, n: number, progress: number): void {
  tally.counts[status] += n;
  tally.total += n;
  tally.progressSum += progress;
}

/** The current tally of the scope (stored statuses). */
export function tallyNow(db: Db, scope: SQL[]): StateTally {
  const tally = emptyTally();
  const rows = db.all<{ s: Status; n: number; p: number }>(
    sql`select ${commitments.status} as s, count(*) as n, coalesce(sum(${commitments.progress}), 0) as p from ${commitments} where ${and(...scope) ?? sql`1`} group by s`,
  );
  for (const r of rows) addTo(tally, r.s, r.n, r.p);
  return tally;
}

interface FlowRow {
  m: number;
  f: Status;
  t: Status;
  n: number;
  fp: number;
  tp: number;
}

/**
 * Net status changes per month (year * 12 + month - 1) after `afterMonth`. Reads the monthly
 * rollup when the scope only narrows by area, lead agency or its country; otherwise the history.
 */
export function netChangesByMonth(db: Db, scopeFilter: Partial<CommitmentFilter>, afterMonth: number): Map<number, StateTally> {
  const rollupable = !scopeFilter.dialogue && !scopeFilter.agency && !scopeFilter.archived;
  let rows: FlowRow[];
  if (rollupable) {
    const f = statusFlows;
    const where: SQL[] = [sql`${f.month} > ${afterMonth}`];
    if (scopeFilter.area) where.push(sql`${f.areaId} = (select id from areas where code = ${scopeFilter.area})`);
    if (scopeFilter.lead) where.push(sql`${f.leadAgencyId} = (select id from agencies where code = ${scopeFilter.lead})`);
    if (scopeFilter.country) where.push(sql`${f.leadAgencyId} in (select ${agencies.id} from ${agencies} where ${agencies.country} = ${scopeFilter.country})`);
    rows = db.all<FlowRow>(sql`select ${f.month} as m, ${f.fromStatus} as f, ${f.toStatus} as t, sum(${f.n}) as n, sum(${f.fromProgressSum}) as fp, sum(${f.toProgressSum}) as tp
      from ${f} where ${and(...where)} group by m, f, t`);
    // The rollup counts archived commitments too; take theirs back out (there are few).
    const archived = [...scopeConditions({ ...scopeFilter, archived: true }), sql`${commitments.archivedAt} is not null`];
    rows = rows.concat(rawFlows(db, archived, afterMonth, -1));
  } else {
    rows = rawFlows(db, scopeConditions(scopeFilter), afterMonth, 1);
  }
  const map = new Map<number, StateTally>();
  for (const r of rows) {
    const tally = map.get(r.m) ?? emptyTally();
    tally.counts[r.t] += r.n;
    tally.counts[r.f] -= r.n;
    tally.progressSum += r.tp - r.fp;
    map.set(r.m, tally);
  }
  return map;
}

const monthOf = (d: SQL) => sql`cast(substr(${d}, 1, 4) as integer) * 12 + cast(substr(${d}, 6, 2) as integer) - 1`;

function rawFlows(db: Db, scope: SQL[], afterMonth: number, sign: 1 | -1): FlowRow[] {
  const t = statusTransitions;
  return db.all<FlowRow>(sql`select ${monthOf(sql`${t.effectiveDate}`)} as m, ${t.fromStatus} as f, ${t.toStatus} as t,
      ${sign} * count(*) as n, ${sign} * sum(${t.fromProgress}) as fp, ${sign} * sum(${t.toProgress}) as tp
    from ${t} join ${commitments} on ${commitments.id} = ${t.commitmentId}
    where ${and(...scope, sql`${monthOf(sql`${t.effectiveDate}`)} > ${afterMonth}`)} group by m, f, t`);
}
