import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { agencies, areas, commitmentPartners, commitments, dialogues } from '@/db/schema';

export function listDialoguesWithCounts(db: Db = getDb()) {
  return db
    .select({ id: dialogues.id, code: dialogues.code, nameKo: dialogues.nameKo, nameEn: dialogues.nameEn, heldOn: dialogues.heldOn, placeKo: dialogues.placeKo, placeEn: dialogues.placeEn, synthetic: dialogues.synthetic, commitments: count(commitments.id) })
    .from(dialogues)
    .leftJoin(commitments, eq(commitments.dialogueId, dialogues.id))
    .groupBy(dialogues.id)
    .orderBy(asc(dialogues.heldOn))
    .all();
}

export function getDialogue(id: number, db: Db = getDb()) {
  return db.select().from(dialogues).where(eq(dialogues.id, id)).get();
}

export function listAgenciesWithCounts(db: Db = getDb()) {
  return db
    .select({ id: agencies.id, code: agencies.code, nameKo: agencies.nameKo, shortNameKo: agencies.shortNameKo, nameEn: agencies.nameEn, country: agencies.country, kind: agencies.kind, led: count(commitments.id) })
    .from(agencies)
    .leftJoin(commitments, eq(commitments.leadAgencyId, agencies.id))
    .groupBy(agencies.id)
    .orderBy(asc(agencies.country), asc(agencies.code))
    .all();
}

export function getAgency(id: number, db: Db = getDb()) {
  return db.select().from(agencies).where(eq(agencies.id, id)).get();
}

/** A partner link as the partners field writes it: `CODE:role:basis[:words]` (lib/admin/inputs.ts). */
const partnerText = (p: { code: string; role: string; basis: string; basisQuote: string | null }) =>
  [p.code, p.role, p.basis, ...(p.basis === 'stated' && p.basisQuote !== null ? [p.basisQuote] : [])].join(':');

/**
 * A commitment's editable fields as form strings (partners as "CODE:role:basis[:words]; …").
 * The inferred reason is left empty: each inferred fact then keeps its own (a reason typed there
 * replaces them all).
 */
export function getCommitmentForEdit(code: string, db: Db = getDb()) {
  const c = db
    .select({ commitment: commitments, dialogueCode: dialogues.code })
    .from(commitments)
    .innerJoin(dialogues, eq(dialogues.id, commitments.dialogueId))
    .where(eq(commitments.code, code))
    .get();
  if (!c) return undefined;
  const area = db.select({ code: areas.code }).from(areas).where(eq(areas.id, c.commitment.areaId)).get();
  const lead = db.select({ code: agencies.code }).from(agencies).where(eq(agencies.id, c.commitment.leadAgencyId)).get();
  const partners = db
    .select({ code: agencies.code, role: commitmentPartners.role, basis: commitmentPartners.basis, basisQuote: commitmentPartners.basisQuote })
    .from(commitmentPartners)
    .innerJoin(agencies, eq(agencies.id, commitmentPartners.agencyId))
    .where(eq(commitmentPartners.commitmentId, c.commitment.id))
    .all();
  const x = c.commitment;
  return {
    id: x.id,
    version: x.version,
    archivedAt: x.archivedAt,
    values: {
      code: x.code,
      dialogueCode: c.dialogueCode,
      areaCode: area?.code ?? '',
      leadAgencyCode: lead?.code ?? '',
      titleKo: x.titleKo,
      titleEn: x.titleEn,
      descriptionKo: x.descriptionKo,
      descriptionEn: x.descriptionEn,
      leadBasis: x.leadBasis,
      leadBasisWords: x.leadBasis === 'stated' ? (x.leadBasisQuote ?? '') : '',
      partners: partners.map(partnerText).join('; '),
      inferredReasonKo: '',
      inferredReasonEn: '',
      due: x.dueSpec,
      dueBasisWords: x.dueBasis === 'stated' ? (x.dueBasisQuote ?? '') : '',
      targetKo: x.targetKo ?? '',
      targetEn: x.targetEn ?? '',
      targetBasisWords: x.targetBasis === 'stated' ? (x.targetBasisQuote ?? '') : '',
      sourceExcerpt: x.sourceExcerpt,
    },
  };
}
