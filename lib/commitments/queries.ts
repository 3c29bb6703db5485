import 'server-only';
import { asc, countDistinct, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb, type Db } from '@/db/client';
import {
  agencies,
  areas,
  commitmentPartners,
  commitments,
  dialogues,
  statusUpdates,
  users,
} from '@/db/schema';
import type { PartnerRole } from './vocabulary';

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

export type CommitmentListItem = Awaited<ReturnType<typeof listCommitments>>[number];

/** Every commitment not archived, ordered by area and code, with its lead and partner agencies. */
export function listCommitments(db: Db = getDb()) {
  const rows = db
    .select(listColumns)
    .from(commitments)
    .innerJoin(areas, eq(areas.id, commitments.areaId))
    .innerJoin(lead, eq(lead.id, commitments.leadAgencyId))
    .where(isNull(commitments.archivedAt))
    .orderBy(asc(areas.sortOrder), asc(commitments.code))
    .all();
  const partners = partnersOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, partners: partners.get(r.id) ?? [] }));
}

export function countDialogues(db: Db = getDb()): number {
  return db.select({ n: countDistinct(commitments.dialogueId) }).from(commitments).get()?.n ?? 0;
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
    })
    .from(statusUpdates)
    .innerJoin(users, eq(users.id, statusUpdates.authorId))
    .where(eq(statusUpdates.commitmentId, row.commitment.id))
    .orderBy(desc(statusUpdates.effectiveDate), desc(statusUpdates.id))
    .all();
  return { ...row, partners: partnersOf(db, [row.commitment.id]).get(row.commitment.id) ?? [], history };
}

export type CommitmentDetail = NonNullable<ReturnType<typeof getCommitmentByCode>>;
