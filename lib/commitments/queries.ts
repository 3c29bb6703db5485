import 'server-only';
import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb, type Db } from '@/db/client';
import {
  agencies,
  areas,
  commitmentPartners,
  commitments,
  dialogues,
  statusTransitions,
  statusUpdates,
  users,
} from '@/db/schema';
import { todayIso } from '@/lib/periods/dates';
import { parseQuarter, quarterRange } from '@/lib/periods/quarters';
import type { CommitmentFilter } from './filters';
import { CLOSED_STATUSES, STATUSES, type PartnerRole } from './vocabulary';

export interface AgencyRef {
  code: string;
  nameKo: string;
  nameEn: string;
  country: string;
}

export interface PartnerRef extends AgencyRef {
  role: PartnerRole;
}

const agencyRef = {
  code: agencies.code,
  nameKo: agencies.nameKo,
  nameEn: agencies.nameEn,
  country: agencies.country,
};

/** Partners of the given commitments, keyed by commitment id, in a stable order. */
function partnersOf(db: Db, commitmentIds: number[]): Map<number, PartnerRef[]> {
  const byCommitment = new Map<number, PartnerRef[]>();
  if (commitmentIds.length === 0) return byCommitment;
  const rows = db
    .select({ commitmentId: commitmentPartners.commitmentId, role: commitmentPartners.role, ...agencyRef })
    .from(commitmentPartners)
    .innerJoin(agencies, eq(agencies.id, commitmentPartners.agencyId))
    .where(inArray(commitmentPartners.commitmentId, commitmentIds))
    .orderBy(asc(commitmentPartners.role), asc(agencies.code))
    .all();
  for (const { commitmentId, ...partner } of rows) {
    const list = byCommitment.get(commitmentId) ?? [];
    list.push(partner);
    byCommitment.set(commitmentId, list);
  }
  return byCommitment;
}

const lead = alias(agencies, 'lead');

const listColumns = {
  id: commitments.id,
  code: commitments.code,
  titleKo: commitments.titleKo,
  titleEn: commitments.titleEn,
  dueSpec: commitments.dueSpec,
  dueEnd: commitments.dueEnd,
  status: commitments.status,
  progress: commitments.progress,
  updatedAt: commitments.updatedAt,
  area: { code: areas.code, nameKo: areas.nameKo, nameEn: areas.nameEn },
  lead: { code: lead.code, nameKo: lead.nameKo, nameEn: lead.nameEn, country: lead.country },
};

export type CommitmentListItem = ReturnType<typeof searchCommitments>['items'][number];

const idOf = (table: typeof dialogues | typeof areas | typeof agencies, code: string) =>
  sql`(select ${table.id} from ${table} where ${table.code} = ${code})`;

/** Escapes LIKE wildcards so a search for "10%" means the characters, not a pattern. */
const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A commitment's status and progress at the end of `date` (null: now): the state its first later
 * transition started from, or, with none, its current state. One index seek per commitment.
 */
export function stateAtSql(date: string | null): { status: SQL; progress: SQL } {
  if (!date) return { status: sql`${commitments.status}`, progress: sql`${commitments.progress}` };
  const t = statusTransitions;
  const first = (column: SQL) =>
    sql`(select ${column} from ${t} where ${t.commitmentId} = ${commitments.id} and ${t.effectiveDate} > ${date} order by ${t.effectiveDate}, ${t.updateId} limit 1)`;
  // Only commitments with an entry after the date need the seek; the rest are as they are now.
  const changedSince = sql`${commitments.lastUpdateOn} > ${date}`;
  return {
    status: sql`(case when ${changedSince} then coalesce(${first(sql`${t.fromStatus}`)}, ${commitments.status}) else ${commitments.status} end)`,
    progress: sql`(case when ${changedSince} then coalesce(${first(sql`${t.fromProgress}`)}, ${commitments.progress}) else ${commitments.progress} end)`,
  };
}

/** Conditions on who/what a commitment is (not its state): shared by the list and the dashboard. */
export function scopeConditions(f: Partial<CommitmentFilter>): SQL[] {
  const where: SQL[] = [];
  if (!f.archived) where.push(isNull(commitments.archivedAt));
  if (f.dialogue) where.push(eq(commitments.dialogueId, idOf(dialogues, f.dialogue)));
  if (f.area) where.push(eq(commitments.areaId, idOf(areas, f.area)));
  if (f.agency) {
    const agencyId = idOf(agencies, f.agency);
    const partner = sql`select 1 from ${commitmentPartners} where ${commitmentPartners.commitmentId} = ${commitments.id} and ${commitmentPartners.agencyId} = ${agencyId}`;
    where.push(or(eq(commitments.leadAgencyId, agencyId), sql`exists (${partner})`)!);
  }
  if (f.lead) where.push(eq(commitments.leadAgencyId, idOf(agencies, f.lead)));
  if (f.country) where.push(sql`${commitments.leadAgencyId} in (select ${agencies.id} from ${agencies} where ${agencies.country} = ${f.country})`);
  return where;
}

/** Every condition of a filter; status and overdue are judged at `asOf` when it lies in the past. */
export function filterConditions(f: Partial<CommitmentFilter>, today: string): SQL[] {
  const where = scopeConditions(f);
  const date = f.asOf && f.asOf < today ? f.asOf : null;
  const status = stateAtSql(date).status;
  const overdueOn = date ?? today;
  if (f.status?.length) where.push(sql`${status} in (${sql.join(f.status.map((s) => sql`${s}`), sql`, `)})`);
  if (f.due) {
    const q = parseQuarter(f.due);
    const range = q ? quarterRange(q) : { start: `${f.due}-01-01`, end: `${f.due}-12-31` };
    where.push(sql`${commitments.dueEnd} between ${range.start} and ${range.end}`);
  }
  const closed = sql.join(CLOSED_STATUSES.map((s) => sql`${s}`), sql`, `);
  const overdue = sql`(${commitments.dueEnd} is not null and ${commitments.dueEnd} < ${overdueOn} and ${status} not in (${closed}))`;
  if (f.overdue === true) where.push(overdue);
  if (f.overdue === false) where.push(sql`not ${overdue}`);
  if (f.q) {
    const pattern = likeContains(f.q);
    where.push(sql`(${commitments.code} like ${pattern} escape '\\' or ${commitments.titleKo} like ${pattern} escape '\\' or ${commitments.titleEn} like ${pattern} escape '\\')`);
  }
  return where;
}

const statusRank = sql`case ${commitments.status} ${sql.join(STATUSES.map((s, i) => sql`when ${s} then ${i}`), sql` `)} end`;

function orderFor(f: Pick<CommitmentFilter, 'sort' | 'dir'>): SQL[] {
  const dir = f.dir === 'desc' ? desc : asc;
  switch (f.sort) {
    case 'due':
      return [sql`${commitments.dueEnd} is null`, dir(commitments.dueEnd), asc(commitments.code)];
    case 'status':
      return [dir(statusRank), asc(commitments.code)];
    case 'progress':
      return [dir(commitments.progress), asc(commitments.code)];
    case 'updated':
      return [dir(commitments.updatedAt), asc(commitments.code)];
    default:
      return [dir(commitments.code)];
  }
}

/** One page of commitments matching the filter, with lead and partners, and the total count. */
export function searchCommitments(f: CommitmentFilter, today: string = todayIso(), db: Db = getDb()) {
  const where = and(...filterConditions(f, today));
  const total = db.select({ n: count() }).from(commitments).where(where).get()?.n ?? 0;
  const rows = db
    .select({ ...listColumns, archivedAt: commitments.archivedAt })
    .from(commitments)
    .innerJoin(areas, eq(areas.id, commitments.areaId))
    .innerJoin(lead, eq(lead.id, commitments.leadAgencyId))
    .where(where)
    .orderBy(...orderFor(f))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .all();
  const partners = partnersOf(db, rows.map((r) => r.id));
  return { items: rows.map((r) => ({ ...r, partners: partners.get(r.id) ?? [] })), total };
}


/** One commitment with its dialogue, area, agencies and full history (newest first), or null. */
export function getCommitmentByCode(code: string, db: Db = getDb()) {
  const row = db
    .select({
      commitment: commitments,
      dialogue: dialogues,
      area: { code: areas.code, nameKo: areas.nameKo, nameEn: areas.nameEn },
      lead: agencyRef,
    })
    .from(commitments)
    .innerJoin(dialogues, eq(dialogues.id, commitments.dialogueId))
    .innerJoin(areas, eq(areas.id, commitments.areaId))
    .innerJoin(agencies, eq(agencies.id, commitments.leadAgencyId))
    .where(eq(commitments.code, code))
    .get();
  if (!row) return null;
  const history = db
    .select({
      id: statusUpdates.id,
      previousStatus: statusUpdates.previousStatus,
      newStatus: statusUpdates.newStatus,
      previousProgress: statusUpdates.previousProgress,
      newProgress: statusUpdates.newProgress,
      note: statusUpdates.note,
      evidenceUrl: statusUpdates.evidenceUrl,
      effectiveDate: statusUpdates.effectiveDate,
      recordedAt: statusUpdates.recordedAt,
      authorName: users.name,
      authorAgency: agencies.code,
    })
    .from(statusUpdates)
    .innerJoin(users, eq(users.id, statusUpdates.authorId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(statusUpdates.commitmentId, row.commitment.id))
    .orderBy(desc(statusUpdates.effectiveDate), desc(statusUpdates.id))
    .all();
  return { ...row, partners: partnersOf(db, [row.commitment.id]).get(row.commitment.id) ?? [], history };
}

export type CommitmentDetail = NonNullable<ReturnType<typeof getCommitmentByCode>>;
