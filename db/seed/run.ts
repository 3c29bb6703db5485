import type { Db } from '../client';
import { seedReferenceData } from '.';
import { seedDemoUsers } from './demo-users';
import type { ImportCounts } from './import-dialogue';
import { seedSampleDialogue, type SampleCounts } from './sample';

export interface SeedOptions {
  /** The demo accounts (and, unless `sample` is false, the synthetic sample dialogue). */
  demo: boolean;
  /** The synthetic sample dialogue with its history; demo mode only. Default true. */
  sample?: boolean;
  password: string;
  /** The seed day the sample's history leads up to (default: today in the app's time zone). */
  today?: string;
}

export interface SeedResult {
  dialogues: ImportCounts[];
  demoAccounts: number | null;
  sample: SampleCounts | null;
}

/**
 * What `npm run db:seed` does: the shipped dialogues always; with `demo`, the demo accounts and
 * the synthetic sample dialogue. Without `demo` nothing invented is ever added. Idempotent.
 */
export async function seedDatabase(db: Db, options: SeedOptions): Promise<SeedResult> {
  const dialogues = seedReferenceData(db);
  if (!options.demo) return { dialogues, demoAccounts: null, sample: null };
  const demoAccounts = await seedDemoUsers(db, options.password);
  const sample = options.sample === false ? null : await seedSampleDialogue(db, options.password, options.today);
  return { dialogues, demoAccounts, sample };
}
