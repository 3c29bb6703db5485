import { migrateDatabase, openDatabase, type Db } from '@/db/client';
import { seedReferenceData } from '@/db/seed';
import type { Actor } from '@/lib/audit/record';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { insertTestUser } from './test-db';

/** Commitment codes the backup tests write to (seeded, never archived). */
export function writableCodes(db: Db): string[] {
  return (db.$client.prepare('select code from commitments where archived_at is null order by code').pluck().all() as string[]);
}

/**
 * A database file as a server would leave it, for the backup and restore tests: migrated, the
 * shipped dialogues seeded, an admin, and `updates` status updates recorded through the service
 * (so both hash chains hold rows).
 */
export function createOpsDatabase(file: string, updates = 3): { db: Db; actor: Actor } {
  const db = openDatabase(file);
  migrateDatabase(db);
  seedReferenceData(db);
  const email = 'admin@example.org';
  const user = insertTestUser(db, { email, role: 'admin', passwordHash: 'x' });
  const actor: Actor = { id: user.id, email, role: 'admin', agencyId: null, agencyCode: null, active: true, mustChangePassword: false };
  const codes = writableCodes(db);
  for (let n = 0; n < updates; n++) recordUpdate(db, actor, codes[n % codes.length]!, `fixture #${n}`, n);
  return { db, actor };
}

/** One status update through the real service, from the commitment's current version. */
export function recordUpdate(db: Db, actor: Actor, code: string, note: string, n: number): { version: number } {
  const { version } = db.$client.prepare('select version from commitments where code = ?').get(code) as { version: number };
  return updateCommitmentStatus(
    db,
    actor,
    code,
    { status: 'in_progress', progress: 1 + (n % 98), note, effectiveDate: '2024-06-01', version },
    { origin: 'ops-test' },
    '2025-01-01',
  );
}
