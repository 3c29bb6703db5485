import { can, type PolicyUser } from '@/lib/auth/policy';

/**
 * The agency whose to-do list a user works on: their own agency, when the policy lets them record
 * updates on its commitments (an official); null for everyone else (administrators and analysts
 * belong to no agency and have no to-do list).
 */
export function todoAgencyOf(user: PolicyUser | null | undefined): number | null {
  if (!user || user.agencyId === null) return null;
  return can(user, 'commitment.updateStatus', { leadAgencyId: user.agencyId, partnerAgencyIds: [] }) ? user.agencyId : null;
}
