import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, auditEvents, commitments, statusUpdates, users } from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { createTestDb } from '@/lib/testing/test-db';
import { appendChained } from '@/lib/audit/chain';

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
    appendChained(db, 'status_updates', entry(commitmentId, user.id));
  });

  const entry = (commitment: number, author: number) => ({
    commitment_id: commitment,
    author_id: author,
    previous_status: 'not_started',
    new_status: 'in_progress',
    previous_progress: 0,
    new_progress: 10,
    note: '',
    evidence_url: null,
    effective_date: '2024-01-15',
    recorded_at: '2024-01-15T00:00:00.000Z',
  });

  it('refuses a history or audit row that does not extend the hash chain', () => {
    const plain = { commitmentId, authorId: 1, previousStatus: 'not_started', newStatus: 'in_progress', previousProgress: 0, newProgress: 1, effectiveDate: '2024-01-01' } as const;
    expect(() => db.insert(statusUpdates).values(plain).run()).toThrow(/hash chain/);
    const head = db.select().from(statusUpdates).get()!;
    // A well-formed hash that does not follow the head, and the head's own link replayed.
    expect(() => db.insert(statusUpdates).values({ ...plain, id: 2, prevHash: 'f'.repeat(64), hash: 'e'.repeat(64) }).run()).toThrow(/hash chain/);
    expect(() => db.insert(statusUpdates).values({ ...plain, id: 2, prevHash: head.prevHash, hash: 'e'.repeat(64) }).run()).toThrow(/hash chain/);
    expect(() => db.insert(statusUpdates).values({ ...plain, id: 1, prevHash: head.hash, hash: 'e'.repeat(64) }).run()).toThrow(/hash chain/);
    expect(() => db.insert(auditEvents).values({ action: 'x', targetType: 'x' }).run()).toThrow(/hash chain/);
    expect(db.select().from(statusUpdates).all()).toHaveLength(1);
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
    const agencyId = db.select({ id: agencies.id }).from(agencies).limit(1).get()!.id;
    const add = (email: string, role: 'official' | 'analyst' | 'admin', agency: number | null) => () =>
      db.insert(users).values({ email, name: email, passwordHash: 'x', role, agencyId: agency }).run();
    // An official without an agency, and an analyst or admin with one, are refused.
    expect(add('o@example.org', 'official', null)).toThrow(/CHECK/);
    expect(add('an@example.org', 'analyst', agencyId)).toThrow(/CHECK/);
    expect(add('ad@example.org', 'admin', agencyId)).toThrow(/CHECK/);
    // Nor can an existing account be changed into either.
    const official = db.insert(users).values({ email: 'ok@example.org', name: 'OK', passwordHash: 'x', role: 'official', agencyId }).returning().get();
    expect(() => db.update(users).set({ agencyId: null }).where(eq(users.id, official.id)).run()).toThrow(/CHECK/);
    expect(() => db.update(users).set({ role: 'analyst' }).where(eq(users.id, official.id)).run()).toThrow(/CHECK/);
    // The allowed combinations are stored.
    expect(add('an2@example.org', 'analyst', null)).not.toThrow();
    expect(db.select({ email: users.email, role: users.role, agencyId: users.agencyId }).from(users).orderBy(users.id).all()).toEqual([
      { email: 'a@example.org', role: 'admin', agencyId: null },
      { email: 'ok@example.org', role: 'official', agencyId },
      { email: 'an2@example.org', role: 'analyst', agencyId: null },
    ]);
  });

  it('treats e-mail addresses as unique regardless of case', () => {
    expect(() =>
      db.insert(users).values({ email: 'A@EXAMPLE.ORG', name: 'A2', passwordHash: 'x', role: 'analyst' }).run(),
    ).toThrow(/UNIQUE/);
  });

  it('enforces foreign keys', () => {
    expect(() =>
      appendChained(db, 'status_updates', entry(99999, 1)),
    ).toThrow(/FOREIGN KEY/);
  });
});
