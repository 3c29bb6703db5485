import 'server-only';
import { asc, desc, eq, inArray } from 'drizzle-orm';
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

export const agencyRef = {
  code: agencies.code,
  nameKo: agencies.nameKo,
  nameEn: agencies.nameEn,
  country: agencies.country,
};

/** Partners of the given commitments, keyed by commitment id, in a stable order. */
export function partnersOf(db: Db, commitmentIds: number[]): Map<number, PartnerRef[]> {
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
