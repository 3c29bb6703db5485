import { databasePath, migrateDatabase, openDatabase } from '@/db/client';
import { DEFAULT_DEMO_PASSWORD } from '@/db/seed/demo-users';
import { seedDatabase } from '@/db/seed/run';

/**
 * `npm run db:seed [-- --demo [--no-sample]]`: imports the shipped dialogues; with --demo, the demo
 * accounts and the synthetic sample dialogue with its history (--no-sample leaves the sample out).
 */
async function main() {
  const argv = process.argv.slice(2);
  const db = openDatabase();
  migrateDatabase(db);
  const password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  const result = await seedDatabase(db, { demo: argv.includes('--demo'), sample: !argv.includes('--no-sample'), password });
  for (const r of result.dialogues) {
    console.log(
      `Seeded ${databasePath()}: +${r.dialogues} dialogues, +${r.agencies} agencies, +${r.areas} areas, +${r.commitments} commitments`,
    );
  }
  if (result.demoAccounts !== null) {
    console.log(`Demo accounts: +${result.demoAccounts} (password from DEMO_PASSWORD, default documented in the README)`);
  }
  const s = result.sample;
  if (s) {
    console.log(`Sample dialogue (synthetic): +${s.commitments} commitments, +${s.updates} updates, +${s.decisions} answers to claims, +${s.assessments} assessments, +${s.users} accounts`);
  }
  db.$client.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
