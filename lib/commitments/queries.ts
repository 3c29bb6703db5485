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
import { assignmentBasis, factBasis, leadBasis, type AssignmentBasis } from './basis';
import type { PartnerRole } from './vocabulary';

export interface AgencyRef {
  code: string;
  nameKo: string;
  shortNameKo: string | null;
  nameEn: string;
  country: string;
}

export interface PartnerRef extends AgencyRef {
  role: PartnerRole;
  /** Whether the source names this agency for the commitment, someone inferred it, or it confirmed it. */
  basis: AssignmentBasis;
}

export const agencyRef = {
  code: agencies.code,
  nameKo: agencies.nameKo,
  shortNameKo: agencies.shortNameKo,
  nameEn: agencies.nameEn,
  country: agencies.country,
};

/** Partners of the given commitments, keyed by commitment id, in a stable order. */
export function partnersOf(db: Db, commitmentIds: number[]): Map<number, PartnerRef[]> {
  const byCommitment = new Map<number, PartnerRef[]>();
  if (commitmentIds.length === 0) return byCommitment;
  const rows = db
    .select({
      commitmentId: commitmentPartners.commitmentId,
      role: commitmentPartners.role,
      ...agencyRef,
      basis: commitmentPartners.basis,
      basisQuote: commitmentPartners.basisQuote,
      basisReasonKo: commitmentPartners.basisReasonKo,
      basisReasonEn: commitmentPartners.basisReasonEn,
      confirmedBy: commitmentPartners.confirmedBy,
      confirmedOn: commitmentPartners.confirmedOn,
      confirmedEvidenceUrl: commitmentPartners.confirmedEvidenceUrl,
    })
    .from(commitmentPartners)
    .innerJoin(agencies, eq(agencies.id, commitmentPartners.agencyId))
    .where(inArray(commitmentPartners.commitmentId, commitmentIds))
    .orderBy(asc(commitmentPartners.role), asc(agencies.code))
    .all();
  for (const { commitmentId, role, code, nameKo, shortNameKo, nameEn, country, ...columns } of rows) {
    const list = byCommitment.get(commitmentId) ?? [];
    list.push({ role, code, nameKo, shortNameKo, nameEn, country, basis: assignmentBasis(columns) });
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
      authorNameKo: users.nameKo,
      authorAgency: agencies.code,
    })
    .from(statusUpdates)
    .innerJoin(users, eq(users.id, statusUpdates.authorId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(statusUpdates.commitmentId, row.commitment.id))
    .orderBy(desc(statusUpdates.effectiveDate), desc(statusUpdates.id))
    .all();
  const c = row.commitment;
  return {
    ...row,
    /** The basis of the lead assignment, the due period and the target (lib/commitments/basis.ts). */
    leadBasis: leadBasis(c),
    dueBasis: factBasis(c.dueBasis, c.dueBasisQuote, c.dueBasisReasonKo, c.dueBasisReasonEn),
    targetBasis: c.targetBasis === null ? null : factBasis(c.targetBasis, c.targetBasisQuote, c.targetBasisReasonKo, c.targetBasisReasonEn),
    partners: partnersOf(db, [c.id]).get(c.id) ?? [],
    history,
  };
}

export type CommitmentDetail = NonNullable<ReturnType<typeof getCommitmentByCode>>;
