import { databasePath, migrateDatabase, openDatabase } from '@/db/client';
import { verifyDerived } from '@/lib/as-of/maintenance';

/**
 * `npm run db:verify`: recomputes every derived table and column from the source tables and
 * prints each row that differs; exits 1 on any difference, 0 when all agree.
 */
const db = openDatabase();
migrateDatabase(db);
const t0 = performance.now();
const differences = verifyDerived(db);
const ms = Math.round(performance.now() - t0);
db.$client.close();
for (const d of differences) {
  console.log(`${d.table} [${d.key}]: stored ${d.stored ? JSON.stringify(d.stored) : '(missing)'}, expected ${d.expected ? JSON.stringify(d.expected) : '(none)'}`);
}
if (differences.length) {
  const tables = [...new Set(differences.map((d) => d.table))].join(', ');
  console.error(`${databasePath()}: ${differences.length} difference(s) in ${tables} (checked in ${ms} ms). Run npm run db:rebuild-derived to recompute.`);
  process.exit(1);
}
console.log(`${databasePath()}: all derived data agrees with the source tables (checked in ${ms} ms).`);
