import { migrateDatabase, openDatabase, type Db } from '@/db/client';

/** A fresh in-memory database migrated with the real migrations. */
export function createTestDb(): Db {
  const db = openDatabase(':memory:');
  migrateDatabase(db);
  return db;
}
