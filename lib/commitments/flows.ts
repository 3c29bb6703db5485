import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { commitments, statusFlows, statusTransitions } from '@/db/schema';
import type { Status } from './vocabulary';

type Tx = Pick<Db, 'run'>;

/** year * 12 + (month - 1) of an ISO date: the rollup's month key. */
export function monthIndex(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7)) - 1;
}

export interface Flow {
  month: number;
  areaId: number;
  leadAgencyId: number;
  from: { status: Status; progress: number };
  to: { status: Status; progress: number };
}

/** Adds (sign 1) or removes (sign -1) one transition from the monthly rollup. */
export function adjustFlow(tx: Tx, f: Flow, sign: 1 | -1): void {
  tx.run(sql`insert into ${statusFlows} (month, area_id, lead_agency_id, from_status, to_status, n, from_progress_sum, to_progress_sum)
    values (${f.month}, ${f.areaId}, ${f.leadAgencyId}, ${f.from.status}, ${f.to.status}, ${sign}, ${sign * f.from.progress}, ${sign * f.to.progress})
    on conflict do update set n = n + excluded.n, from_progress_sum = from_progress_sum + excluded.from_progress_sum, to_progress_sum = to_progress_sum + excluded.to_progress_sum`);
}

/** Moves a commitment's transitions between rollup cells when an admin changes its area or lead agency. */
export function moveFlows(tx: Tx, commitmentId: number, sign: 1 | -1): void {
  const t = statusTransitions;
  tx.run(sql`insert into ${statusFlows} (month, area_id, lead_agency_id, from_status, to_status, n, from_progress_sum, to_progress_sum)
    select cast(substr(${t.effectiveDate}, 1, 4) as integer) * 12 + cast(substr(${t.effectiveDate}, 6, 2) as integer) - 1,
      ${commitments.areaId}, ${commitments.leadAgencyId}, ${t.fromStatus}, ${t.toStatus}, ${sign} * count(*), ${sign} * sum(${t.fromProgress}), ${sign} * sum(${t.toProgress})
    from ${t} join ${commitments} on ${commitments.id} = ${t.commitmentId}
    where ${t.commitmentId} = ${commitmentId}
    group by 1, 2, 3, 4, 5
    on conflict do update set n = n + excluded.n, from_progress_sum = from_progress_sum + excluded.from_progress_sum, to_progress_sum = to_progress_sum + excluded.to_progress_sum`);
}
