import 'server-only';
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { agencies, commitments, statusUpdates, users } from '@/db/schema';
import { stateAtSql } from '@/lib/as-of/state';
import type { State, Status } from './vocabulary';

type Reader = Pick<Db, 'select'>;

export interface StatusPoint {
  status: Status;
  progress: number;
}

/** Entries in world order: by effective date, then by the order they were recorded. */
const worldOrder = [desc(statusUpdates.effectiveDate), desc(statusUpdates.id)];

/** The state after the latest entry effective on or before `date`, or null if none is. */
export function latestEffectiveState(db: Reader, commitmentId: number, date?: string): StatusPoint | null {
  const row = db
    .select({ status: statusUpdates.newStatus, progress: statusUpdates.newProgress })
    .from(statusUpdates)
    .where(date ? and(eq(statusUpdates.commitmentId, commitmentId), lte(statusUpdates.effectiveDate, date)) : eq(statusUpdates.commitmentId, commitmentId))
    .orderBy(...worldOrder)
    .limit(1)
    .get();
  return row ?? null;
}

/** The state before any history: what the first recorded entry started from. */
function initialState(db: Reader, commitmentId: number): StatusPoint | null {
  return (
    db
      .select({ status: statusUpdates.previousStatus, progress: statusUpdates.previousProgress })
      .from(statusUpdates)
      .where(eq(statusUpdates.commitmentId, commitmentId))
      .orderBy(asc(statusUpdates.id))
      .limit(1)
      .get() ?? null
  );
}

/**
 * The state at the end of `date` in world order (effective date, then recording order), so
 * back-dated entries land where they belong; before any entry, the initial state.
 */
export function stateAt(db: Reader, commitment: { id: number; status: Status; progress: number }, date: string): StatusPoint {
  return latestEffectiveState(db, commitment.id, date) ?? initialState(db, commitment.id) ?? { status: commitment.status, progress: commitment.progress };
}

/**
 * A commitment's status and progress at the end of `date` (`absent` before its adoption); null
 * for an unknown code. Uses the read model's expression, so the list and the counts agree.
 */
export function statusAsOf(code: string, date: string, db: Db = getDb()): { status: State; progress: number } | null {
  const at = stateAtSql(date);
  return (
    db
      .select({ status: sql<State>`${at.status}`, progress: sql<number>`${at.progress}` })
      .from(commitments)
      .where(eq(commitments.code, code))
      .get() ?? null
  );
}

/** The most recently recorded entry, for telling a user what changed while they were editing. */
export function lastRecordedUpdate(db: Reader, commitmentId: number) {
  return (
    db
      .select({
        author: users.name,
        authorKo: users.nameKo,
        agency: agencies.code,
        /** The agency as Korean screens name it (its short name, else its Korean name). */
        agencyKo: sql<string | null>`coalesce(${agencies.shortNameKo}, ${agencies.nameKo})`,
        status: statusUpdates.newStatus,
        progress: statusUpdates.newProgress,
        note: statusUpdates.note,
        effectiveDate: statusUpdates.effectiveDate,
        recordedAt: statusUpdates.recordedAt,
      })
      .from(statusUpdates)
      .innerJoin(users, eq(users.id, statusUpdates.authorId))
      .leftJoin(agencies, eq(agencies.id, users.agencyId))
      .where(eq(statusUpdates.commitmentId, commitmentId))
      .orderBy(desc(statusUpdates.id))
      .limit(1)
      .get() ?? null
  );
}
