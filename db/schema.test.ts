import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditEvents, commitments, statusUpdates, users } from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { createTestDb } from '@/lib/testing/test-db';

describe('schema guarantees', () => {
  let db: Db;
  let commitmentId: number;
  beforeEach(() => {
    db = createTestDb();
    seedReferenceData(db);
    commitmentId = db.select({ id: commitments.id }).from(commitments).limit(1).get()!.id;
    const user = db
      .insert(users)
      .values({ email: 'a@example.org', name: 'A', passwordHash: 'x', role: 'admin' })
      .returning()
      .get();
    db.insert(statusUpdates)
      .values({
        commitmentId,
        authorId: user.id,
        previousStatus: 'not_started',
        newStatus: 'in_progress',
        previousProgress: 0,
        newProgress: 10,
        effectiveDate: '2024-01-15',
      })
      .run();
  });

  it('refuses to change or delete a status update', () => {
    expect(() => db.update(statusUpdates).set({ note: 'rewritten' }).run()).toThrow(/append-only/);
    expect(() => db.delete(statusUpdates).run()).toThrow(/append-only/);
    expect(db.select().from(statusUpdates).all()).toHaveLength(1);
  });

  it('refuses to change or delete an audit event', () => {
    expect(db.select().from(auditEvents).all().length).toBeGreaterThan(0);
    expect(() => db.update(auditEvents).set({ action: 'x' }).run()).toThrow(/append-only/);
    expect(() => db.delete(auditEvents).run()).toThrow(/append-only/);
  });

  it('rejects an unknown status and progress outside 0–100', () => {
    const where = eq(commitments.id, commitmentId);
    expect(() => db.update(commitments).set({ status: 'done' as never }).where(where).run()).toThrow(/CHECK/);
    expect(() => db.update(commitments).set({ progress: 101 }).where(where).run()).toThrow(/CHECK/);
    expect(() => db.update(commitments).set({ progress: -1 }).where(where).run()).toThrow(/CHECK/);
  });

  it('requires an agency for officials and none for other roles', () => {
    expect(() =>
      db.insert(users).values({ email: 'o@example.org', name: 'O', passwordHash: 'x', role: 'official' }).run(),
    ).toThrow(/CHECK/);
  });

  it('treats e-mail addresses as unique regardless of case', () => {
    expect(() =>
      db.insert(users).values({ email: 'A@EXAMPLE.ORG', name: 'A2', passwordHash: 'x', role: 'analyst' }).run(),
    ).toThrow(/UNIQUE/);
  });

  it('enforces foreign keys', () => {
    expect(() =>
      db.insert(statusUpdates)
        .values({ commitmentId: 99999, authorId: 1, previousStatus: 'not_started', newStatus: 'in_progress', previousProgress: 0, newProgress: 1, effectiveDate: '2024-01-01' })
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
