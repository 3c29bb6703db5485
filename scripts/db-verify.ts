import { databasePath, openDatabase } from '@/db/client';
import { DERIVED_VERSION, MAX_LISTED, storedDerivedVersion, verifyDerived } from '@/lib/as-of/maintenance';

/**
 * `npm run db:verify`: recomputes every derived table and column from the source tables and
 * prints each row that differs; exits 1 on any difference, 0 when all agree. It writes nothing:
 * a database whose derived data is of an older version (not yet migrated) exits 2.
 */
const db = openDatabase();
const version = storedDerivedVersion(db);
if (version !== DERIVED_VERSION) {
  console.error(`${databasePath()}: derived data is version ${version ?? '(none)'}, this code expects ${DERIVED_VERSION}; run npm run db:migrate first.`);
  process.exit(2);
}
const t0 = performance.now();
const differences = verifyDerived(db);
const ms = Math.round(performance.now() - t0);
db.$client.close();
for (const d of differences) {
  console.log(`${d.table} [${d.key}]: stored ${d.stored ? JSON.stringify(d.stored) : '(missing)'}, expected ${d.expected ? JSON.stringify(d.expected) : '(none)'}`);
}
if (differences.length) {
  const tables = [...new Set(differences.map((d) => d.table))];
  const capped = tables.some((t) => differences.filter((d) => d.table === t).length >= MAX_LISTED);
  console.error(`${databasePath()}: ${differences.length}${capped ? '+' : ''} difference(s) in ${tables.join(', ')} (checked in ${ms} ms${capped ? `; at most ${MAX_LISTED} listed per table` : ''}). Run npm run db:rebuild-derived to recompute.`);
  process.exit(1);
}
console.log(`${databasePath()}: all derived data agrees with the source tables (checked in ${ms} ms).`);
