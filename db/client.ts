import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { ensureDerivedCurrent } from '@/lib/as-of/maintenance';
import { ensureAppendOnlyGuards } from './guards';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_URL = 'data/app.db';
export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export function databasePath(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** Opens a SQLite file (created if missing) with the pragmas every connection needs. */
export function openDatabase(file: string = databasePath()): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  // Per-request scratch tables (dashboard states on a past date) stay in memory.
  sqlite.pragma('temp_store = MEMORY');
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * Applies the committed drizzle-kit migrations (a no-op when they are all applied), re-installs
 * the append-only guards a table rebuild may have dropped, and rebuilds derived data once when
 * its version changed.
 */
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  ensureAppendOnlyGuards(db.$client);
  ensureDerivedCurrent(db);
}

const globalForDb = globalThis as unknown as { __appDb?: Db };

/** The process-wide connection, migrated on first use so the server never serves an old schema. */
export function getDb(): Db {
  if (!globalForDb.__appDb) {
    const db = openDatabase();
    migrateDatabase(db);
    globalForDb.__appDb = db;
  }
  return globalForDb.__appDb;
}
