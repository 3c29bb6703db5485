import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { createTestDb, insertTestUser } from '@/lib/testing/test-db';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session-policy';
import { createSession, hashSessionId, resolveSession, revokeSession, revokeUserSessions } from './sessions';

let db: Db;
let userId: number;
const t0 = new Date('2025-03-01T09:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

beforeEach(() => {
  db = createTestDb();
  userId = insertTestUser(db, { email: 'a@example.org', role: 'analyst', passwordHash: 'x' }).id;
});

describe('sessions', () => {
  it('resolve to the user as the database has them now', () => {
    const sid = createSession(db, userId, 'test', t0);
    expect(resolveSession(db, sid, later(1000))?.role).toBe('analyst');
    db.update(users).set({ role: 'admin' }).where(eq(users.id, userId)).run();
    expect(resolveSession(db, sid, later(2000))?.role).toBe('admin');
  });

  it('end after the idle limit without requests', () => {
    const sid = createSession(db, userId, 'test', t0);
    expect(resolveSession(db, sid, later(SESSION_IDLE_MS - 1000))).not.toBeNull();
    expect(resolveSession(db, sid, later(2 * SESSION_IDLE_MS - 2000))).not.toBeNull();
    expect(resolveSession(db, sid, later(4 * SESSION_IDLE_MS))).toBeNull();
  });

  it('end at the absolute limit however active the user is', () => {
    const sid = createSession(db, userId, 'test', t0);
    for (let h = 1; h < 12; h++) expect(resolveSession(db, sid, later(h * 3600_000))).not.toBeNull();
    expect(resolveSession(db, sid, later(SESSION_ABSOLUTE_MS))).toBeNull();
  });

  it('end on logout, and when the user is disabled or all their sessions are revoked', () => {
    const a = createSession(db, userId, 'test', t0);
    const b = createSession(db, userId, 'test', t0);
    revokeSession(db, a, later(1));
    expect(resolveSession(db, a, later(2))).toBeNull();
    expect(resolveSession(db, b, later(2))).not.toBeNull();
    db.update(users).set({ active: false }).run();
    expect(resolveSession(db, b, later(3))).toBeNull();
    db.update(users).set({ active: true }).run();
    revokeUserSessions(db, userId, later(4));
    expect(resolveSession(db, b, later(5))).toBeNull();
  });

  it('do not resolve an unknown id', () => {
    expect(resolveSession(db, 'forged', t0)).toBeNull();
  });

  it('are stored as a SHA-256 of the id, so the table’s rows cannot be replayed as cookies', () => {
    const sid = createSession(db, userId, 'test', t0);
    const row = db.select().from(sessions).get()!;
    expect(row.id).toBe(hashSessionId(sid));
    expect(row.id).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(db.$client.prepare('select * from sessions').all())).not.toContain(sid);
    expect(resolveSession(db, row.id, later(1))).toBeNull();
    expect(resolveSession(db, sid, later(1))).not.toBeNull();
    revokeSession(db, sid, later(2));
    expect(db.select().from(sessions).get()?.revokedAt).not.toBeNull();
  });
});
