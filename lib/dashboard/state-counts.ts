import 'server-only';
import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agencies, commitments, statusFlowTotals, statusFlows, statusFlowsByAgency, statusTransitions } from '@/db/schema';
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
 * rollup's totals for the whole corpus, the rollup when the scope only narrows by area, lead
 * agency or its country, the per-agency rollup for an agency alone, and otherwise the history.
 */
export function netChangesByMonth(db: Db, scopeFilter: Partial<CommitmentFilter>, afterMonth: number, scope: SQL[] = scopeConditions(scopeFilter)): Map<number, StateTally> {
  const rollupable = !scopeFilter.dialogue && !scopeFilter.agency && !scopeFilter.archived;
  let rows: FlowRow[];
  const agencyOnly = scopeFilter.agency && !scopeFilter.dialogue && !scopeFilter.area && !scopeFilter.lead && !scopeFilter.country && !scopeFilter.archived;
  if (agencyOnly) {
    const f = statusFlowsByAgency;
    rows = db.all<FlowRow>(sql`select ${f.month} as m, ${f.fromStatus} as f, ${f.toStatus} as t, ${f.n} as n, ${f.fromProgressSum} as fp, ${f.toProgressSum} as tp
      from ${f} where ${f.agencyId} = (select ${agencies.id} from ${agencies} where ${agencies.code} = ${scopeFilter.agency}) and ${f.month} > ${afterMonth} and ${f.n} != 0`);
    rows = rows.concat(archivedFlows(db, scopeFilter, afterMonth));
  } else if (rollupable && !scopeFilter.area && !scopeFilter.lead && !scopeFilter.country) {
    const f = statusFlowTotals;
    rows = db.all<FlowRow>(sql`select ${f.month} as m, ${f.fromStatus} as f, ${f.toStatus} as t, ${f.n} as n, ${f.fromProgressSum} as fp, ${f.toProgressSum} as tp
      from ${f} where ${f.month} > ${afterMonth} and ${f.n} != 0`);
    rows = rows.concat(archivedFlows(db, scopeFilter, afterMonth));
  } else if (rollupable) {
    const f = statusFlows;
    const where: SQL[] = [sql`${f.month} > ${afterMonth}`];
    if (scopeFilter.area) where.push(sql`${f.areaId} = (select id from areas where code = ${scopeFilter.area})`);
    if (scopeFilter.lead) where.push(sql`${f.leadAgencyId} = (select id from agencies where code = ${scopeFilter.lead})`);
    if (scopeFilter.country) where.push(sql`${f.leadAgencyId} in (select ${agencies.id} from ${agencies} where ${agencies.country} = ${scopeFilter.country})`);
    rows = db.all<FlowRow>(sql`select ${f.month} as m, ${f.fromStatus} as f, ${f.toStatus} as t, sum(${f.n}) as n, sum(${f.fromProgressSum}) as fp, sum(${f.toProgressSum}) as tp
      from ${f} where ${and(...where)} group by m, f, t`);
    rows = rows.concat(archivedFlows(db, scopeFilter, afterMonth));
  } else {
    rows = rawFlows(db, scope, afterMonth, 1);
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

/** The rollup counts archived commitments too; these rows take theirs back out (there are few). */
function archivedFlows(db: Db, scopeFilter: Partial<CommitmentFilter>, afterMonth: number): FlowRow[] {
  const archived = [...scopeConditions({ ...scopeFilter, archived: true }), sql`${commitments.archivedAt} is not null`];
  return rawFlows(db, archived, afterMonth, -1);
}

const monthOf = (d: SQL) => sql`cast(substr(${d}, 1, 4) as integer) * 12 + cast(substr(${d}, 6, 2) as integer) - 1`;

function rawFlows(db: Db, scope: SQL[], afterMonth: number, sign: 1 | -1): FlowRow[] {
  const t = statusTransitions;
  return db.all<FlowRow>(sql`select ${monthOf(sql`${t.effectiveDate}`)} as m, ${t.fromStatus} as f, ${t.toStatus} as t,
      ${sign} * count(*) as n, ${sign} * sum(${t.fromProgress}) as fp, ${sign} * sum(${t.toProgress}) as tp
    from ${t} join ${commitments} on ${commitments.id} = ${t.commitmentId}
    where ${and(...scope, sql`${monthOf(sql`${t.effectiveDate}`)} > ${afterMonth}`)} group by m, f, t`);
}
