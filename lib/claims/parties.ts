import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agencies, claims, commitmentPartners, commitments, statusUpdates } from '@/db/schema';
import type { CommitmentScope } from '@/lib/auth/policy';

type Reader = Pick<Db, 'select'>;

/** An agency on a commitment, as lead or partner, with its country: the sides of a bilateral commitment. */
export interface Party {
  agencyId: number;
  code: string;
  nameKo: string;
  shortNameKo: string | null;
  nameEn: string;
  country: string;
  lead: boolean;
}

/** The lead first, then the partners by code. */
export function partiesOf(db: Reader, commitmentId: number): Party[] {
  const lead = db
    .select({ agencyId: agencies.id, code: agencies.code, nameKo: agencies.nameKo, shortNameKo: agencies.shortNameKo, nameEn: agencies.nameEn, country: agencies.country })
    .from(commitments)
    .innerJoin(agencies, eq(agencies.id, commitments.leadAgencyId))
    .where(eq(commitments.id, commitmentId))
    .get();
  const partners = db
    .select({ agencyId: agencies.id, code: agencies.code, nameKo: agencies.nameKo, shortNameKo: agencies.shortNameKo, nameEn: agencies.nameEn, country: agencies.country })
    .from(commitmentPartners)
    .innerJoin(agencies, eq(agencies.id, commitmentPartners.agencyId))
    .where(eq(commitmentPartners.commitmentId, commitmentId))
    .orderBy(agencies.code)
    .all();
  return [...(lead ? [{ ...lead, lead: true }] : []), ...partners.filter((p) => p.agencyId !== lead?.agencyId).map((p) => ({ ...p, lead: false }))];
}

/** The countries a claim from `side` asks to confirm: every other country with an agency on the commitment. */
export function counterSidesOf(parties: readonly Party[], side: string): string[] {
  return [...new Set(parties.map((p) => p.country).filter((c) => c !== side))].sort();
}

/**
 * The side an actor speaks for on a commitment: their agency's country; an administrator (no
 * agency) speaks for the lead's side when recording an update.
 */
export function sideOf(parties: readonly Party[], agencyId: number | null): string | null {
  if (agencyId === null) return parties.find((p) => p.lead)?.country ?? null;
  const own = parties.find((p) => p.agencyId === agencyId);
  if (own) return own.country;
  return null;
}

export interface OpenClaim {
  updateId: number;
  commitmentId: number;
  side: string;
  counterSides: string[];
  effectiveDate: string;
  recordedAt: string;
  status: string;
  progress: number;
  note: string;
  authorId: number;
}

/**
 * The commitment's latest update in world order, when it is a claim: the one claim the other side
 * can answer now. Null when the latest update is not a claim (or there is none).
 */
export function openClaimOf(db: Reader, commitmentId: number): OpenClaim | null {
  const latest = db
    .select({ id: statusUpdates.id })
    .from(statusUpdates)
    .where(eq(statusUpdates.commitmentId, commitmentId))
    .orderBy(desc(statusUpdates.effectiveDate), desc(statusUpdates.id))
    .limit(1)
    .get();
  if (!latest) return null;
  const row = db
    .select({
      updateId: claims.updateId,
      commitmentId: claims.commitmentId,
      side: claims.side,
      counterSides: claims.counterSides,
      effectiveDate: claims.effectiveDate,
      recordedAt: claims.recordedAt,
      status: statusUpdates.newStatus,
      progress: statusUpdates.newProgress,
      note: statusUpdates.note,
      authorId: statusUpdates.authorId,
    })
    .from(claims)
    .innerJoin(statusUpdates, eq(statusUpdates.id, claims.updateId))
    .where(eq(claims.updateId, latest.id))
    .get();
  return row ? { ...row, counterSides: row.counterSides.split(',').filter(Boolean) } : null;
}

/** The policy's view of answering a claim: the commitment's agencies with their countries and the sides asked. */
export function claimScope(parties: readonly Party[], claim: Pick<OpenClaim, 'counterSides'>): CommitmentScope {
  const lead = parties.find((p) => p.lead);
  return {
    leadAgencyId: lead?.agencyId ?? -1,
    partnerAgencyIds: parties.filter((p) => !p.lead).map((p) => p.agencyId),
    claim: { agencyCountries: Object.fromEntries(parties.map((p) => [p.agencyId, p.country])), counterSides: claim.counterSides },
  };
}
