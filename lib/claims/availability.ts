import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { commitments } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { can } from '@/lib/auth/policy';
import { claimScope, openClaimOf, partiesOf } from './parties';

/** Whether the commitment page offers an actor the form to answer its open claim, and which claim it answers. */
export type AnswerAvailability =
  | { kind: 'allowed'; updateId: number; effectiveDate: string }
  | { kind: 'archived' | 'forbidden' | 'none' };

/**
 * The page-side twin of decideClaim's guard: an open claim (the latest update, a claim), an actor
 * the policy lets answer it (an official on a side it asks, or an administrator), and a commitment
 * that is not archived. The service asks again when the form is sent.
 */
export function answerAvailability(actor: Actor, code: string, db: Db = getDb()): AnswerAvailability {
  const c = db.select({ id: commitments.id, archivedAt: commitments.archivedAt }).from(commitments).where(eq(commitments.code, code)).get();
  if (!c) return { kind: 'none' };
  const claim = openClaimOf(db, c.id);
  if (!claim) return { kind: 'none' };
  if (!can(actor, 'commitment.confirm', claimScope(partiesOf(db, c.id), claim))) return { kind: 'forbidden' };
  if (c.archivedAt !== null) return { kind: 'archived' };
  return { kind: 'allowed', updateId: claim.updateId, effectiveDate: claim.effectiveDate };
}
