import 'server-only';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb, type Db } from '@/db/client';
import { agencies, areas, commitments, stateSnapshots } from '@/db/schema';
import { NO_DEADLINE, type CommitmentFilter } from '@/lib/commitments/filters';
import { partnersOf } from '@/lib/commitments/queries';
import { isClosed, STATUSES, type Status } from '@/lib/commitments/vocabulary';
import { todayIso } from '@/lib/periods/dates';
import { parseQuarter, quarterRange } from '@/lib/periods/quarters';
import { existsOn, scopeConditions } from './scope';
import { prepareSnapshots, statesOn, type StatesOn } from './sources';
import { lastUpdateAtSql, stateAtSql, type StateColumns } from './state';
import { OPEN_SQL, statusRankSql } from './vocabulary-sql';
import { claimFilterSql } from '@/lib/claims/state';
import { claimStatesFor } from '@/lib/claims/queries';
import { assessmentQuarterOf, verdictFilterSql, verdictSql } from '@/lib/assessments/queries';

/** The date a filter shows: its `asOf` when that is in the past, else today. */
/** A commitment with at least one inferred assignment: its lead, or a partner link. */
export const HAS_INFERRED = sql`(${commitments.leadBasis} = 'inferred' or exists (select 1 from commitment_partners hp where hp.commitment_id = ${commitments.id} and hp.basis = 'inferred'))`;

export const listDate = (f: Pick<CommitmentFilter, 'asOf'>, today: string) => (f.asOf && f.asOf < today ? f.asOf : today);

/**
 * Every condition of a filter, judged at the end of `date`: only commitments existing then (from
 * their dialogue's date), with status and overdue as they stood then.
 */
export function filterConditions(f: Partial<CommitmentFilter>, date: string, state: StateColumns = stateAtSql(date)): SQL[] {
  const where = [...scopeConditions(f), existsOn(date)];
  if (f.status?.length) where.push(sql`${state.status} in (${sql.join(f.status.map((s) => sql`${s}`), sql`, `)})`);
  if (f.due === NO_DEADLINE) where.push(sql`${commitments.dueEnd} is null`);
  else if (f.due) {
    const q = parseQuarter(f.due);
    const range = q ? quarterRange(q) : { start: `${f.due}-01-01`, end: `${f.due}-12-31` };
    where.push(sql`${commitments.dueEnd} between ${range.start} and ${range.end}`);
  }
  if (f.dueBy) where.push(sql`${commitments.dueEnd} <= ${f.dueBy}`);
  if (f.inferred === true) where.push(HAS_INFERRED);
  if (f.confirmation) where.push(claimFilterSql(f.confirmation, date));
  if (f.verdict) where.push(verdictFilterSql(f.verdict, assessmentQuarterOf(date)));
  const overdue = sql`(${commitments.dueEnd} is not null and ${commitments.dueEnd} < ${date} and ${state.status} in ${OPEN_SQL})`;
  if (f.overdue === true) where.push(overdue);
  if (f.overdue === false) where.push(sql`not ${overdue}`);
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(${commitments.code} like ${pattern} escape '\\' or ${commitments.titleKo} like ${pattern} escape '\\' or ${commitments.titleEn} like ${pattern} escape '\\')`);
  }
  return where;
}

function orderFor(f: Pick<CommitmentFilter, 'sort' | 'dir'>, date: string, state: StateColumns): SQL[] {
  const dir = f.dir === 'desc' ? desc : asc;
  switch (f.sort) {
    case 'due':
      return [sql`${commitments.dueEnd} is null`, dir(commitments.dueEnd), asc(commitments.code)];
    case 'status':
      return [dir(statusRankSql(state.status)), asc(commitments.code)];
    case 'progress':
      return [dir(state.progress), asc(commitments.code)];
    case 'updated':
      return [dir(lastUpdateAtSql(date)), asc(commitments.code)];
    default:
      return [dir(commitments.code)];
  }
}

const lead = alias(agencies, 'lead');

interface PageRow {
  id: number;
  status: Status;
  progress: number;
}

/**
 * One page sorted by status (rank, then code) from a month-end snapshot: each status in turn, its
 * commitments walked in code order through the snapshot's (status, code) index, stopping once the
 * page is full; those whose state changed between the month end and the date come from the few
 * corrections. A status before the page's start is only counted.
 */
function pageByStatus(db: Db, states: StatesOn, where: SQL, dir: 'asc' | 'desc', limit: number, offset: number): PageRow[] {
  const { base, snap, fixTable, fix } = states.snapshot!;
  const c = commitments;
  const fromSnapshot = sql`
    select ${c.id} as id, ${snap}.code as code, ${snap}.status as status, ${snap}.progress as progress
      from ${stateSnapshots} ${snap} cross join ${c} on ${c.id} = ${snap}.commitment_id`;
  const bucket = (status: Status) =>
    fixTable
      ? sql`${fromSnapshot} left join ${fixTable} ${fix} on ${fix}.id = ${c.id}
          where ${snap}.as_of = ${base} and ${snap}.status = ${status} and ${fix}.id is null and ${where}
        union all
        select ${c.id}, ${c.code}, ${fix}.status, ${fix}.progress
          from ${fixTable} ${fix} cross join ${c} on ${c.id} = ${fix}.id left join ${stateSnapshots} ${snap} on ${snap}.as_of = ${base} and ${snap}.commitment_id = ${c.id}
          where ${fix}.status = ${status} and ${where}`
      : sql`${fromSnapshot} where ${snap}.as_of = ${base} and ${snap}.status = ${status} and ${where}`;
  // Statuses rank in their vocabulary order (statusRankSql).
  const ranked = dir === 'desc' ? [...STATUSES].reverse() : [...STATUSES];
  const rows: PageRow[] = [];
  let skip = offset;
  for (const status of ranked) {
    if (rows.length >= limit) break;
    if (skip > 0) {
      const size = db.get<{ n: number }>(sql`select count(*) as n from (${bucket(status)})`)!.n;
      if (skip >= size) {
        skip -= size;
        continue;
      }
    }
    rows.push(...db.all<PageRow>(sql`select id, status, progress from (${bucket(status)}) order by code limit ${limit - rows.length} offset ${skip}`));
    skip = 0;
  }
  return rows;
}

/**
 * The commitments as they stood at the end of a date (the filter's `asOf`, or today): one page of
 * those matching the filter, each with its status, progress, overdue flag and latest entry as of
 * that date, its lead and partners; and how many match. The list page, `GET
 * /api/v1/commitments` and every drill-down from the as-of view read this. Snapshots are built
 * through `snapshotWriter` (see planAsOfView).
 */
export function listAsOf(f: CommitmentFilter, today: string = todayIso(), db: Db = getDb(), snapshotWriter: Db = db) {
  const date = listDate(f, today);
  prepareSnapshots(snapshotWriter, f, [date], today);
  return db.transaction(
    () => {
      // Each commitment's state on the date, from the cheapest source (lib/as-of/sources.ts).
      const states = statesOn(db, date, today, 'ls');
      try {
        const state = states.columns;
        const where = and(...filterConditions(f, date, state));
        // Only a filter on the state needs each commitment's state to count.
        const byState = !!f.status?.length || f.overdue !== undefined;
        const total = db.get<{ n: number }>(sql`select count(*) as n from ${commitments} ${byState ? states.join : sql``} where ${where}`)?.n ?? 0;
        // The page's ids first, so the per-row details below are read for its rows only.
        const offset = (f.page - 1) * f.pageSize;
        const page =
          f.sort === 'status' && states.snapshot
            ? pageByStatus(db, states, where!, f.dir, f.pageSize, offset)
            : db.all<PageRow>(sql`select ${commitments.id} as id, ${state.status} as status, ${state.progress} as progress
                from ${commitments} ${states.join} where ${where}
                order by ${sql.join(orderFor(f, date, state), sql`, `)} limit ${f.pageSize} offset ${offset}`);
        const ids = page.map((r) => r.id);
        const rows = ids.length
          ? db
              .select({
                id: commitments.id,
                code: commitments.code,
                titleKo: commitments.titleKo,
                titleEn: commitments.titleEn,
                dueSpec: commitments.dueSpec,
                dueEnd: commitments.dueEnd,
                lastUpdate: lastUpdateAtSql(date),
                adoptedOn: commitments.adoptedOn,
                archivedAt: commitments.archivedAt,
                area: { code: areas.code, nameKo: areas.nameKo, nameEn: areas.nameEn },
                lead: { code: lead.code, nameKo: lead.nameKo, shortNameKo: lead.shortNameKo, nameEn: lead.nameEn, country: lead.country },
                leadBasis: commitments.leadBasis,
                verdict: verdictSql(assessmentQuarterOf(date)),
              })
              .from(commitments)
              .innerJoin(areas, eq(areas.id, commitments.areaId))
              .innerJoin(lead, eq(lead.id, commitments.leadAgencyId))
              .where(inArray(commitments.id, ids))
              .all()
          : [];
        const byId = new Map(rows.map((r) => [r.id, r]));
        const partners = partnersOf(db, ids);
        const claimStates = claimStatesFor(db, ids, date);
        const items = page.map(({ id, status, progress }) => {
          const { id: _, adoptedOn, archivedAt, area, lead: leadAgency, leadBasis, ...r } = byId.get(id)!;
          const partnerList = partners.get(id) ?? [];
          // How many of its assignments (lead and partners) someone inferred rather than read in the source.
          const inferredAssignments = (leadBasis === 'inferred' ? 1 : 0) + partnerList.filter((p) => p.basis.basis === 'inferred').length;
          // The standing claim (a closing status the other side has not confirmed, or disputed); null when settled or none.
          const c = claimStates.get(id);
          // The agencies asked: the listed lead and partners on the sides the claim asks.
          const awaiting = c ? [leadAgency, ...partnerList].filter((a) => c.counterSides.includes(a.country)).map((a) => a.code) : [];
          const claim = c && c.state !== 'confirmed' ? { state: c.state, overdue: c.overdue, awaiting: [...new Set(awaiting)] } : null;
          return { ...r, status, progress, adoptedOn, archivedAt, area, lead: { ...leadAgency, basis: leadBasis }, overdue: r.dueEnd !== null && r.dueEnd < date && !isClosed(status), partners: partnerList, inferredAssignments, claim };
        });
        return { asOf: date, past: date < today, items, total };
      } finally {
        states.release();
      }
    },
    { behavior: 'deferred' },
  );
}

export type CommitmentsAsOf = ReturnType<typeof listAsOf>;
export type CommitmentListItem = CommitmentsAsOf['items'][number];
