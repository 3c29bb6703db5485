import 'server-only';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { commitments, statusTransitions } from '@/db/schema';
import { adjustFlow, monthIndex } from './flows';
import type { StatusPoint } from './history';

type Tx = Pick<Db, 'select' | 'insert' | 'update' | 'run'>;

/**
 * Slots a new history entry into the world-order chain: it moves from its predecessor's state
 * (`from`, computed by the caller), and its successor, if any, now moves from its state. The
 * monthly rollup and the commitment's last-update date follow. Call inside the transaction that
 * inserts the status update.
 */
export function recordTransition(
  tx: Tx,
  entry: { updateId: number; commitmentId: number; effectiveDate: string; from: StatusPoint; to: StatusPoint },
): void {
  const c = tx
    .select({ areaId: commitments.areaId, leadAgencyId: commitments.leadAgencyId, lastUpdateOn: commitments.lastUpdateOn })
    .from(commitments)
    .where(eq(commitments.id, entry.commitmentId))
    .get()!;
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
  adjustFlow(tx, { month: monthIndex(entry.effectiveDate), areaId: c.areaId, leadAgencyId: c.leadAgencyId, from: entry.from, to: entry.to }, 1);

  const successor = tx
    .select()
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
    const cell = { month: monthIndex(successor.effectiveDate), areaId: c.areaId, leadAgencyId: c.leadAgencyId, to: { status: successor.toStatus, progress: successor.toProgress } };
    adjustFlow(tx, { ...cell, from: { status: successor.fromStatus, progress: successor.fromProgress } }, -1);
    adjustFlow(tx, { ...cell, from: entry.to }, 1);
  }
  if (!c.lastUpdateOn || c.lastUpdateOn < entry.effectiveDate) {
    tx.update(commitments).set({ lastUpdateOn: entry.effectiveDate }).where(eq(commitments.id, entry.commitmentId)).run();
  }
}
