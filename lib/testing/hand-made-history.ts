import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { commitments } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { insertTestUser } from './test-db';

/**
 * For hand-made histories in tests: an admin, and `record(code, status, progress, effectiveDate)`
 * writing one entry through the real service (at the commitment's current version) on `today`.
 */
export function handMadeHistory(db: Db, today: string) {
  const u = insertTestUser(db, { email: 'admin@example.org', role: 'admin', passwordHash: 'x' });
  const admin: Actor = { id: u.id, email: u.email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
  const record = (code: string, status: string, progress: number, effectiveDate: string) => {
    const version = db.select().from(commitments).where(eq(commitments.code, code)).get()!.version;
    return updateCommitmentStatus(db, admin, code, { status, progress, note: 'hand-made', effectiveDate, version }, { origin: 'test' }, today);
  };
  return { admin, record };
}
