import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { claims } from '@/db/schema';
import type { ClaimState } from '@/lib/commitments/vocabulary';
import { answersOf, claimAt, type ClaimAnswer } from './queries';

/** Where one claim of the history stands: its latest answer's state, or, unanswered, pending while it stands and superseded after. */
export type ClaimEntryState = ClaimState | 'superseded';

/**
 * A commitment's claims as its history shows them at `date`: every answer (all dates, world
 * order) and, for each status update that was a claim, its state.
 */
export function claimTimeline(db: Db, commitmentId: number, date: string): { answers: (ClaimAnswer & { claimId: number })[]; states: Record<number, ClaimEntryState> } {
  const answers = answersOf(db, commitmentId);
  const standing = claimAt(db, commitmentId, date)?.updateId;
  const states: Record<number, ClaimEntryState> = {};
  for (const { updateId } of db.select({ updateId: claims.updateId }).from(claims).where(eq(claims.commitmentId, commitmentId)).all()) {
    // answersOf is in world order, so the last answer by the date is the one that stands.
    const last = answers.filter((a) => a.claimId === updateId && a.effectiveDate <= date).at(-1);
    states[updateId] = last ? (last.decision === 'confirm' ? 'confirmed' : 'disputed') : updateId === standing ? 'pending' : 'superseded';
  }
  return { answers, states };
}
