import { databasePath, migrateDatabase, openDatabase } from '@/db/client';
import { rebuildDerived } from '@/lib/as-of/maintenance';

/**
 * `npm run db:rebuild-derived`: recomputes every derived table and column from the source tables
 * in one transaction. Safe while the server runs: readers see the old data until it commits,
 * writers wait for it (busy timeout).
 */
const db = openDatabase();
migrateDatabase(db);
const { ms } = rebuildDerived(db);
db.$client.close();
console.log(`${databasePath()}: derived data rebuilt in ${Math.round(ms)} ms`);
