import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { commitments } from '@/db/schema';
import type { Actor } from '@/lib/audit/record';
import { updateCommitmentStatus } from '@/lib/commitments/update-status';
import { STATUSES } from '@/lib/commitments/vocabulary';
import { addDays } from '@/lib/periods/dates';
import { testSeed } from './seed';

/** A deterministic generator, so a failure can be replayed. */
export function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/**
 * `count` entries on the existing commitments, recorded through the update service out of world
 * order (many back-dated), each effective between 2023-12-10 (or the commitment's adoption) and `today`.
 * The seed is printed; TEST_SEED replaces it (lib/testing/seed.ts).
 */
export function recordRandomHistory(db: Db, admin: Actor, seed: number, today: string, count = 150): void {
  const random = rng(testSeed(seed, 'random history'));
  const codes = db.select({ code: commitments.code }).from(commitments).orderBy(asc(commitments.id)).all().map((r) => r.code);
  const span = (Date.parse(today) - Date.parse('2023-12-10')) / 86_400_000;
  for (let i = 0; i < count; i++) {
    const code = codes[Math.floor(random() * codes.length)]!;
    const status = STATUSES[Math.floor(random() * STATUSES.length)]!;
    const row = db.select().from(commitments).where(eq(commitments.code, code)).get()!;
    const drawn = addDays('2023-12-10', Math.floor(random() * span));
    const effectiveDate = drawn < row.adoptedOn ? row.adoptedOn : drawn;
    updateCommitmentStatus(db, admin, code, { status, progress: status === 'completed' ? 100 : Math.floor(random() * 100), note: 'random', effectiveDate, version: row.version }, { origin: 'test' }, today);
  }
}
