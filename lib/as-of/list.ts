import 'server-only';
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb, type Db } from '@/db/client';
import { agencies, areas, commitments } from '@/db/schema';
import type { CommitmentFilter } from '@/lib/commitments/filters';
import { partnersOf } from '@/lib/commitments/queries';
import { isClosed, type Status } from '@/lib/commitments/vocabulary';
import { todayIso } from '@/lib/periods/dates';
import { parseQuarter, quarterRange } from '@/lib/periods/quarters';
import { existsOn, scopeConditions } from './scope';
import { lastUpdateAtSql, stateAtSql } from './state';
import { OPEN_SQL, statusRankSql } from './vocabulary-sql';

/** The date a filter shows: its `asOf` when that is in the past, else today. */
export const listDate = (f: Pick<CommitmentFilter, 'asOf'>, today: string) => (f.asOf && f.asOf < today ? f.asOf : today);

/**
 * Every condition of a filter, judged at the end of `date`: only commitments existing then (from
 * their dialogue's date), with status and overdue as they stood then.
 */
export function filterConditions(f: Partial<CommitmentFilter>, date: string): SQL[] {
  const where = [...scopeConditions(f), existsOn(date)];
  const state = stateAtSql(date);
  if (f.status?.length) where.push(sql`${state.status} in (${sql.join(f.status.map((s) => sql`${s}`), sql`, `)})`);
  if (f.due) {
    const q = parseQuarter(f.due);
    const range = q ? quarterRange(q) : { start: `${f.due}-01-01`, end: `${f.due}-12-31` };
    where.push(sql`${commitments.dueEnd} between ${range.start} and ${range.end}`);
  }
  const overdue = sql`(${commitments.dueEnd} is not null and ${commitments.dueEnd} < ${date} and ${state.status} in ${OPEN_SQL})`;
  if (f.overdue === true) where.push(overdue);
  if (f.overdue === false) where.push(sql`not ${overdue}`);
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(${commitments.code} like ${pattern} escape '\\' or ${commitments.titleKo} like ${pattern} escape '\\' or ${commitments.titleEn} like ${pattern} escape '\\')`);
  }
  return where;
}

function orderFor(f: Pick<CommitmentFilter, 'sort' | 'dir'>, date: string): SQL[] {
  const dir = f.dir === 'desc' ? desc : asc;
  const state = stateAtSql(date);
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

/**
 * The commitments as they stood at the end of a date (the filter's `asOf`, or today): one page of
 * those matching the filter, each with its status, progress, overdue flag and latest entry as of
 * that date, its lead and partners; and how many match. The list page, `GET
 * /api/v1/commitments` and every drill-down from the as-of view read this.
 */
export function listAsOf(f: CommitmentFilter, today: string = todayIso(), db: Db = getDb()) {
  const date = listDate(f, today);
  const where = and(...filterConditions(f, date));
  const state = stateAtSql(date);
  return db.transaction(
    () => {
      const total = db.select({ n: count() }).from(commitments).where(where).get()?.n ?? 0;
      const rows = db
        .select({
          id: commitments.id,
          code: commitments.code,
          titleKo: commitments.titleKo,
          titleEn: commitments.titleEn,
          dueSpec: commitments.dueSpec,
          dueEnd: commitments.dueEnd,
          status: sql<Status>`${state.status}`,
          progress: sql<number>`${state.progress}`,
          lastUpdate: lastUpdateAtSql(date),
          adoptedOn: commitments.adoptedOn,
          archivedAt: commitments.archivedAt,
          area: { code: areas.code, nameKo: areas.nameKo, nameEn: areas.nameEn },
          lead: { code: lead.code, nameKo: lead.nameKo, nameEn: lead.nameEn, country: lead.country },
        })
        .from(commitments)
        .innerJoin(areas, eq(areas.id, commitments.areaId))
        .innerJoin(lead, eq(lead.id, commitments.leadAgencyId))
        .where(where)
        .orderBy(...orderFor(f, date))
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .all();
      const partners = partnersOf(db, rows.map((r) => r.id));
      const items = rows.map(({ id, ...r }) => ({ ...r, overdue: r.dueEnd !== null && r.dueEnd < date && !isClosed(r.status), partners: partners.get(id) ?? [] }));
      return { asOf: date, past: date < today, items, total };
    },
    { behavior: 'deferred' },
  );
}

export type CommitmentsAsOf = ReturnType<typeof listAsOf>;
export type CommitmentListItem = CommitmentsAsOf['items'][number];
