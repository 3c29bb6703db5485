import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { ABSENT } from '@/lib/commitments/vocabulary';
import { monthIndexSql } from './vocabulary-sql';

/**
 * The derived data as functions of the source tables (dialogues, commitments, commitment_partners,
 * status_updates), written once and used three ways: the projector applies them to the commitments
 * a write touched, `rebuildDerived` to all of them, and `verifyDerived` into scratch copies that it
 * compares with the stored ones. Every statement names commitments as `c` and reads the tables in
 * `DerivedTables`, so the same SQL fills the real tables or the copies.
 */

type Runner = Pick<Db, 'run'>;

export interface DerivedTables {
  /** The commitments with their derived columns (status, progress, last_update_on, adopted_on). */
  commitments: SQL;
  transitions: SQL;
  tallies: SQL;
  agencyTallies: SQL;
  flows: SQL;
  flowTotals: SQL;
  flowsByAgency: SQL;
}

export const MAIN_TABLES: DerivedTables = {
  commitments: sql.raw('main.commitments'),
  transitions: sql.raw('main.status_transitions'),
  tallies: sql.raw('main.commitment_tallies'),
  agencyTallies: sql.raw('main.agency_tallies'),
  flows: sql.raw('main.status_flows'),
  flowTotals: sql.raw('main.status_flow_totals'),
  flowsByAgency: sql.raw('main.status_flows_by_agency'),
};

/** Which commitments a statement touches: a condition on `c.id`. */
export type Selection = SQL;
export const ALL: Selection = sql`1`;
export const IDS_TABLE = sql.raw('temp.as_of_ids');
export const SELECTED: Selection = sql`c.id in (select id from ${IDS_TABLE})`;

/** World order of a commitment's entries: effective date, then recording order (update id; 0 is the adoption). */
const WORLD_ORDER = sql.raw('order by su.effective_date, su.id');

/**
 * Sets the columns a commitment derives from its dialogue and history: adopted_on (the dialogue's
 * date), and, when it has entries, status and progress (its latest entry in world order) and
 * last_update_on (the latest effective date). A commitment without entries keeps the status it
 * was created with. Writes only the rows that differ.
 */
export function refreshCommitmentColumns(db: Runner, t: DerivedTables, which: Selection): void {
  db.run(sql`update ${t.commitments} as c set status = x.s, progress = x.p, last_update_on = x.l, adopted_on = x.a
    from (
      select c.id,
        coalesce(l.new_status, c.status) as s, coalesce(l.new_progress, c.progress) as p, l.effective_date as l,
        (select d.held_on from main.dialogues d where d.id = c.dialogue_id) as a
      from ${t.commitments} c
      left join main.status_updates l on l.id = (select su.id from main.status_updates su where su.commitment_id = c.id order by su.effective_date desc, su.id desc limit 1)
      where ${which}
    ) x
    where c.id = x.id and (c.status is not x.s or c.progress is not x.p or c.last_update_on is not x.l or c.adopted_on is not x.a)`);
}

/**
 * Writes the commitments' chains of state changes: the adoption (update 0, on adopted_on, from
 * `absent` to the state the first recorded entry started from, or the commitment's own state when
 * it has none), then each entry in world order, moving from its predecessor's state.
 */
export function writeTransitions(db: Runner, t: DerivedTables, which: Selection): void {
  db.run(sql`delete from ${t.transitions} where commitment_id in (select c.id from ${t.commitments} c where ${which})`);
  const initial = sql`(select su.previous_status as s, su.previous_progress as p from main.status_updates su where su.commitment_id = c.id order by su.id limit 1)`;
  db.run(sql`insert into ${t.transitions} (commitment_id, update_id, effective_date, from_status, to_status, from_progress, to_progress)
    select c.id, 0, c.adopted_on, ${ABSENT}, coalesce((select s from ${initial}), c.status), 0, coalesce((select p from ${initial}), c.progress)
    from ${t.commitments} c where ${which}`);
  db.run(sql`insert into ${t.transitions} (commitment_id, update_id, effective_date, from_status, to_status, from_progress, to_progress)
    select su.commitment_id, su.id, su.effective_date,
      coalesce(lag(su.new_status) over w, (select x.to_status from ${t.transitions} x where x.commitment_id = su.commitment_id and x.update_id = 0)), su.new_status,
      coalesce(lag(su.new_progress) over w, (select x.to_progress from ${t.transitions} x where x.commitment_id = su.commitment_id and x.update_id = 0)), su.new_progress
    from main.status_updates su where su.commitment_id in (select c.id from ${t.commitments} c where ${which})
    window w as (partition by su.commitment_id ${WORLD_ORDER})`);
}

const upsert = (columns: string) =>
  sql.raw(`on conflict do update set ${columns.split(', ').map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`);

/** The agencies on each selected commitment, as lead or partner, once each: (cid, agency_id). */
const agenciesOn = (t: DerivedTables, which: Selection) => sql`(
  select c.id as cid, c.lead_agency_id as agency_id from ${t.commitments} c where ${which}
  union select p.commitment_id, p.agency_id from main.commitment_partners p where p.commitment_id in (select c.id from ${t.commitments} c where ${which}))`;

/**
 * Adds (sign 1) or takes away (sign -1) the selected commitments' share of every rollup: the
 * tallies of their current state, per agency too, and the monthly flows of their transitions (in
 * total, by area and lead agency, and per agency). Archived commitments have no share. The
 * projector takes a commitment's share away before a write and adds it back after, so the
 * rollups always equal the sums `rebuildDerived` would compute.
 */
export function applyShares(db: Runner, t: DerivedTables, which: Selection, sign: 1 | -1): void {
  const live = sql`${which} and c.archived_at is null`;
  db.run(sql`insert into ${t.tallies} (area_id, lead_agency_id, due_end, status, n, progress_sum)
    select c.area_id, c.lead_agency_id, coalesce(c.due_end, ''), c.status, ${sign} * count(*), ${sign} * sum(c.progress)
    from ${t.commitments} c where ${live} group by 1, 2, 3, 4 ${upsert('n, progress_sum')}`);
  db.run(sql`insert into ${t.agencyTallies} (agency_id, area_id, lead_agency_id, due_end, status, n, progress_sum)
    select m.agency_id, c.area_id, c.lead_agency_id, coalesce(c.due_end, ''), c.status, ${sign} * count(*), ${sign} * sum(c.progress)
    from ${agenciesOn(t, which)} m join ${t.commitments} c on c.id = m.cid where c.archived_at is null group by 1, 2, 3, 4, 5 ${upsert('n, progress_sum')}`);
  const month = monthIndexSql(sql`x.effective_date`);
  const sums = sql`${sign} * count(*), ${sign} * sum(x.from_progress), ${sign} * sum(x.to_progress)`;
  const flowColumns = 'n, from_progress_sum, to_progress_sum';
  db.run(sql`insert into ${t.flows} (month, area_id, lead_agency_id, from_status, to_status, n, from_progress_sum, to_progress_sum)
    select ${month}, c.area_id, c.lead_agency_id, x.from_status, x.to_status, ${sums}
    from ${t.commitments} c join ${t.transitions} x on x.commitment_id = c.id where ${live} group by 1, 2, 3, 4, 5 ${upsert(flowColumns)}`);
  db.run(sql`insert into ${t.flowTotals} (month, from_status, to_status, n, from_progress_sum, to_progress_sum)
    select ${month}, x.from_status, x.to_status, ${sums}
    from ${t.commitments} c join ${t.transitions} x on x.commitment_id = c.id where ${live} group by 1, 2, 3 ${upsert(flowColumns)}`);
  db.run(sql`insert into ${t.flowsByAgency} (agency_id, month, from_status, to_status, n, from_progress_sum, to_progress_sum)
    select m.agency_id, ${month}, x.from_status, x.to_status, ${sums}
    from ${agenciesOn(t, which)} m join ${t.commitments} c on c.id = m.cid join ${t.transitions} x on x.commitment_id = c.id
    where c.archived_at is null group by 1, 2, 3, 4 ${upsert(flowColumns)}`);
}
