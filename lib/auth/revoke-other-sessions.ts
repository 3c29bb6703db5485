import 'server-only';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessions } from '@/db/schema';
import { hashSessionId, revokeUserSessions } from './sessions';

/**
 * Ends every session of a user except the one named (the session that changed the password),
 * which keeps its own lifetime. Without one, ends them all.
 */
export function revokeOtherSessions(db: Pick<Db, 'update'>, userId: number, keepSessionId: string | null, now = new Date()): void {
  if (!keepSessionId) {
    revokeUserSessions(db, userId, now);
    return;
  }
  db.update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.id, hashSessionId(keepSessionId))))
    .run();
}
