import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { agencies, sessions, users } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from './session-policy';

/**
 * What the `sessions` table keeps of a session id: its SHA-256, so the rows of a leaked database
 * cannot be replayed as cookies. The id itself (32 random bytes) lives only in the cookie.
 */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** Starts a session; returns the raw id for the cookie (only its hash is stored). */
export function createSession(db: Db, userId: number, origin: string, now = new Date()): string {
  const id = randomBytes(32).toString('base64url');
  db.insert(sessions)
    .values({
      id: hashSessionId(id),
      userId,
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
      origin,
    })
    .run();
  return id;
}

export function revokeSession(db: Db, id: string, now = new Date()): void {
  db.update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(sessions.id, hashSessionId(id)), isNull(sessions.revokedAt)))
    .run();
}

/** Ends every session of a user (disabled, role or password changed). */
export function revokeUserSessions(db: Pick<Db, 'update'>, userId: number, now = new Date()): void {
  db.update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .run();
}

/**
 * The actor behind a session id, re-read from the database on every call: a revoked, expired
 * or idle session, or a disabled user, yields null.
 */
export function resolveSession(db: Db, id: string, now = new Date()): Actor | null {
  const key = hashSessionId(id);
  const row = db
    .select({ session: sessions, user: users, agencyCode: agencies.code, agencyNameKo: agencies.nameKo, agencyShortNameKo: agencies.shortNameKo, agencyNameEn: agencies.nameEn })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(sessions.id, key))
    .get();
  if (!row || row.session.revokedAt || !row.user.active) return null;
  const t = now.getTime();
  if (t >= Date.parse(row.session.expiresAt)) return null;
  if (t - Date.parse(row.session.lastSeenAt) >= SESSION_IDLE_MS) return null;
  if (t - Date.parse(row.session.lastSeenAt) >= SESSION_TOUCH_MS) {
    db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, key)).run();
  }
  const { user } = row;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    nameKo: user.nameKo,
    role: user.role,
    agencyId: user.agencyId,
    agencyCode: row.agencyCode,
    agency: row.agencyCode ? { code: row.agencyCode, nameKo: row.agencyNameKo ?? row.agencyCode, shortNameKo: row.agencyShortNameKo, nameEn: row.agencyNameEn ?? row.agencyCode } : null,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
  };
}
