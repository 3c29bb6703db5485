import { eq } from 'drizzle-orm';
import { vi } from 'vitest';
import type { Db } from '@/db/client';
import { agencies, commitments, statusUpdates } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { setCommitmentArchived } from '@/lib/admin/commitment-service';
import { decideClaim } from '@/lib/claims/decide';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { insertTestUser, useSeededTestDb } from '@/lib/testing/test-db';

const ctx = { origin: 'test' };

/**
 * The seeded reference data with officials of MSIT (KR) and NSF (US), who share CET23-BIO-01
 * (due 2024) and CET23-QNT-02 (ongoing), an NIH official (US, on neither) and an administrator;
 * writes go through the real services, dated up to `serviceToday`.
 */
export function todoFixture(serviceToday = '2026-06-30') {
  const db: Db = useSeededTestDb();
  const agencyId = (code: string) => db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code)).get()!.id;
  const official = (code: string, name = `${code} official`): Actor => {
    const id = agencyId(code);
    const email = `${code.toLowerCase()}@example.org`;
    const u = insertTestUser(db, { email, name, role: 'official', agencyId: id, passwordHash: 'x' });
    return { id: u.id, email, role: 'official', agencyId: id, agencyCode: code, active: true, mustChangePassword: false };
  };
  const admin = insertTestUser(db, { email: 'admin@example.org', role: 'admin', agencyId: null, passwordHash: 'x' });
  const adminActor: Actor = { id: admin.id, email: admin.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
  const version = (code: string) => db.select().from(commitments).where(eq(commitments.code, code)).get()!.version;
  /**
   * Records an entry as if on `recordedAt` (an ISO instant; default 10:00 in Seoul on its effective
   * date): staleness counts when entries were recorded, and the service stamps the clock, so the clock is set to it.
   */
  const record = (who: Actor, code: string, status: string, progress: number, effectiveDate: string, recordedAt = `${effectiveDate}T01:00:00.000Z`) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(recordedAt));
    try {
      return updateCommitmentStatus(db, who, code, { status, progress, note: `${status} by ${who.email}`, effectiveDate, version: version(code) }, ctx, serviceToday);
    } finally {
      vi.useRealTimers();
    }
  };
  const answer = (who: Actor, code: string, decision: 'confirm' | 'dispute', effectiveDate: string) => {
    const id = db.select({ id: commitments.id }).from(commitments).where(eq(commitments.code, code)).get()!.id;
    const updateId = db.select().from(statusUpdates).where(eq(statusUpdates.commitmentId, id)).all().at(-1)!.id;
    return decideClaim(db, who, code, { decision, note: decision === 'dispute' ? 'Not yet: the joint call is still open' : '', updateId, effectiveDate, version: version(code) }, ctx, serviceToday);
  };
  const archive = (code: string) => setCommitmentArchived(db, adminActor, code, true, ctx);
  return { db, agencyId, official, adminActor, record, answer, archive, msit: official('MSIT'), nsf: official('NSF'), nih: official('NIH') };
}
