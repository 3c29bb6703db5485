import { databasePath, migrateDatabase, openDatabase } from '@/db/client';
import { seedReferenceData } from '@/db/seed';
import { DEFAULT_DEMO_PASSWORD, seedDemoUsers } from '@/db/seed/demo-users';

/** `npm run db:seed [-- --demo]`: imports the shipped dialogues; with --demo, the demo accounts. */
async function main() {
  const demo = process.argv.includes('--demo');
  const db = openDatabase();
  migrateDatabase(db);
  for (const r of seedReferenceData(db)) {
    console.log(
      `Seeded ${databasePath()}: +${r.dialogues} dialogues, +${r.agencies} agencies, +${r.areas} areas, +${r.commitments} commitments`,
    );
  }
  if (demo) {
    const created = await seedDemoUsers(db, process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD);
    console.log(`Demo accounts: +${created} (password from DEMO_PASSWORD, default documented in the README)`);
  }
  db.$client.close();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
