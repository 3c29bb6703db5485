import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agencies, areas, commitments, statusFlowTotals, statusFlows, statusFlowsByAgency, statusTransitions } from '@/db/schema';
import type { CommitmentFilter } from '@/lib/commitments/filters';
import { ABSENT, STATUSES, type State, type Status } from '@/lib/commitments/vocabulary';
import { scopeConditions } from './scope';
import { monthIndexSql } from './vocabulary-sql';

/** Counts and progress sums per status, for one group (an area, an agency, a quarter…). */
export interface StateTally {
  counts: Record<Status, number>;
  progressSum: number;
  total: number;
}

export const emptyTally = (): StateTally => ({ counts: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>, progressSum: 0, total: 0 });

interface FlowRow {
  m: number;
  f: State;
  t: State;
  n: number;
  fp: number;
  tp: number;
}

/**
 * Net status changes per month (year * 12 + month - 1) after `afterMonth`, adoptions included
 * (from `absent`). Reads the monthly rollup's totals for the whole corpus, the rollup when the
 * scope only narrows by area, lead agency or its country, the per-agency rollup for an agency
 * alone, and otherwise the history. The rollups hold the commitments not archived only.
 */
export function netChangesByMonth(db: Db, scopeFilter: Partial<CommitmentFilter>, afterMonth: number, scope: SQL[] = scopeConditions(scopeFilter)): Map<number, StateTally> {
  const rollupable = !scopeFilter.dialogue && !scopeFilter.agency && !scopeFilter.archived;
  let rows: FlowRow[];
  const agencyOnly = scopeFilter.agency && !scopeFilter.dialogue && !scopeFilter.area && !scopeFilter.lead && !scopeFilter.country && !scopeFilter.archived;
  if (agencyOnly) {
    const f = statusFlowsByAgency;
    rows = db.all<FlowRow>(sql`select ${f.month} as m, ${f.fromStatus} as f, ${f.toStatus} as t, ${f.n} as n, ${f.fromProgressSum} as fp, ${f.toProgressSum} as tp
      from ${f} where ${f.agencyId} = (select ${agencies.id} from ${agencies} where ${agencies.code} = ${scopeFilter.agency}) and ${f.month} > ${afterMonth} and ${f.n} != 0`);
  } else if (rollupable && !scopeFilter.area && !scopeFilter.lead && !scopeFilter.country) {
    const f = statusFlowTotals;
    rows = db.all<FlowRow>(sql`select ${f.month} as m, ${f.fromStatus} as f, ${f.toStatus} as t, ${f.n} as n, ${f.fromProgressSum} as fp, ${f.toProgressSum} as tp
      from ${f} where ${f.month} > ${afterMonth} and ${f.n} != 0`);
  } else if (rollupable) {
    const f = statusFlows;
    const where: SQL[] = [sql`${f.month} > ${afterMonth}`];
    if (scopeFilter.area) where.push(sql`${f.areaId} = (select ${areas.id} from ${areas} where ${areas.code} = ${scopeFilter.area})`);
    if (scopeFilter.lead) where.push(sql`${f.leadAgencyId} = (select ${agencies.id} from ${agencies} where ${agencies.code} = ${scopeFilter.lead})`);
    if (scopeFilter.country) where.push(sql`${f.leadAgencyId} in (select ${agencies.id} from ${agencies} where ${agencies.country} = ${scopeFilter.country})`);
    rows = db.all<FlowRow>(sql`select ${f.month} as m, ${f.fromStatus} as f, ${f.toStatus} as t, sum(${f.n}) as n, sum(${f.fromProgressSum}) as fp, sum(${f.toProgressSum}) as tp
      from ${f} where ${and(...where)} group by m, f, t`);
  } else {
    rows = rawFlows(db, scope, afterMonth);
  }
  const map = new Map<number, StateTally>();
  for (const r of rows) {
    const tally = map.get(r.m) ?? emptyTally();
    if (r.t !== ABSENT) tally.counts[r.t] += r.n;
    if (r.f !== ABSENT) tally.counts[r.f] -= r.n;
    tally.progressSum += r.tp - r.fp;
    map.set(r.m, tally);
  }
  return map;
}

function rawFlows(db: Db, scope: SQL[], afterMonth: number): FlowRow[] {
  const t = statusTransitions;
  const month = monthIndexSql(sql`${t.effectiveDate}`);
  return db.all<FlowRow>(sql`select ${month} as m, ${t.fromStatus} as f, ${t.toStatus} as t,
      count(*) as n, sum(${t.fromProgress}) as fp, sum(${t.toProgress}) as tp
    from ${t} join ${commitments} on ${commitments.id} = ${t.commitmentId}
    where ${and(...scope, sql`${month} > ${afterMonth}`)} group by m, f, t`);
}

/**
 * A state change into or out of `completed` (`where`, written as the partial index
 * status_transitions_completed_idx's condition so SQLite can use it) and its effect on the count
 * of completed commitments (`delta`: +1 in, −1 out).
 */
const COMPLETED_MOVE = {
  where: sql.raw(`(to_status = 'completed' or from_status = 'completed')`),
  delta: sql.raw(`((to_status = 'completed') - (from_status = 'completed'))`),
};

/**
 * How many commitments due on or before `end` were completed at its end, for any `end` up to
 * `asOf`. Each state change into `completed` (+1) or out of it (−1), the adoption included, counts
 * from the later of its effective date and its commitment's due date: summed, they telescope to
 * "completed at `end`" for exactly the commitments due by then (existing then, too: the adoption is
 * a change). Only the changes touching `completed` are read, through status_transitions_completed_idx
 * where it exists (the condition is written as that partial index's, so SQLite can use it).
 */
export function completedOfDueCounter(db: Db, scope: SQL[], asOf: string, narrow: boolean): (end: string) => number {
  const t = statusTransitions;
  // CROSS JOIN fixes the order: a narrow scope's few commitments, each with its history by key; for
  // a broad one, the changes first (the planner would otherwise walk every commitment's history).
  // `+` keeps the planner off the due-date index.
  const from = narrow ? sql`${commitments} cross join ${t} on ${t.commitmentId} = ${commitments.id}` : sql`${t} cross join ${commitments} on ${commitments.id} = ${t.commitmentId}`;
  const steps = db.all<{ k: string; n: number }>(sql`select max(${t.effectiveDate}, ${commitments.dueEnd}) as k, sum(${COMPLETED_MOVE.delta}) as n
    from ${from}
    where ${and(sql`${t.effectiveDate} <= ${asOf}`, COMPLETED_MOVE.where, ...scope, sql`+${commitments.dueEnd} <= ${asOf}`)}
    group by k order by k`);
  const sums: number[] = [];
  for (const [i, s] of steps.entries()) sums.push((sums[i - 1] ?? 0) + s.n);
  return (end: string) => {
    // The number of steps on or before `end`, by bisection.
    let lo = 0;
    let hi = steps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (steps[mid]!.k <= end) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : sums[lo - 1]!;
  };
}
