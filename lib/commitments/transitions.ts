import 'server-only';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { statusTransitions } from '@/db/schema';
import type { StatusPoint } from './history';

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

/**
 * Slots a new history entry into the world-order chain: it moves from its predecessor's state
 * (`from`, computed by the caller), and its successor, if any, now moves from its state.
 * Call inside the transaction that inserts the status update.
 */
export function recordTransition(
  tx: Tx,
  entry: { updateId: number; commitmentId: number; effectiveDate: string; from: StatusPoint; to: StatusPoint },
): void {
  tx.insert(statusTransitions)
    .values({
      updateId: entry.updateId,
      commitmentId: entry.commitmentId,
      effectiveDate: entry.effectiveDate,
      fromStatus: entry.from.status,
      toStatus: entry.to.status,
      fromProgress: entry.from.progress,
      toProgress: entry.to.progress,
    })
    .run();
  const successor = tx
    .select({ updateId: statusTransitions.updateId })
    .from(statusTransitions)
    .where(and(eq(statusTransitions.commitmentId, entry.commitmentId), gt(statusTransitions.effectiveDate, entry.effectiveDate)))
    .orderBy(asc(statusTransitions.effectiveDate), asc(statusTransitions.updateId))
    .limit(1)
    .get();
  if (successor) {
    tx.update(statusTransitions)
      .set({ fromStatus: entry.to.status, fromProgress: entry.to.progress })
      .where(eq(statusTransitions.updateId, successor.updateId))
      .run();
  }
}
