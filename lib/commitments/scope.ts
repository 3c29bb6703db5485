import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { commitmentPartners, commitments } from '@/db/schema';
import type { CommitmentScope } from '@/lib/auth/policy';

/** The agencies involved in a commitment, as the policy needs them; undefined if unknown. */
export function loadCommitmentScope(db: Db, code: string): CommitmentScope | undefined {
  const c = db
    .select({ id: commitments.id, leadAgencyId: commitments.leadAgencyId })
    .from(commitments)
    .where(eq(commitments.code, code))
    .get();
  if (!c) return undefined;
  const partners = db
    .select({ agencyId: commitmentPartners.agencyId })
    .from(commitmentPartners)
    .where(eq(commitmentPartners.commitmentId, c.id))
    .all();
  return { leadAgencyId: c.leadAgencyId, partnerAgencyIds: partners.map((p) => p.agencyId) };
}
