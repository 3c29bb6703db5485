import { databasePath, migrateDatabase, openDatabase } from '@/db/client';
import { seedReferenceData } from '@/db/seed';

const db = openDatabase();
migrateDatabase(db);
const results = seedReferenceData(db);
db.$client.close();
for (const r of results) {
  console.log(
    `Seeded ${databasePath()}: +${r.dialogues} dialogues, +${r.agencies} agencies, +${r.areas} areas, +${r.commitments} commitments`,
  );
}
